"""A rebuild's page starts from the previous page's records and is the page drawn from scratch."""

from __future__ import annotations

import shutil

from conftest import GUAN, SEEDS

import kg
from kg.export.page import PAGE_RECORDS, PAGE_SENTENCES


def _rebuild_after_changing_one(tmp_path, damage_records=False, damage_sentences=False):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    if damage_records:
        (out / ".current" / PAGE_RECORDS).write_text('{"places": [["half a record"', "utf-8")
    if damage_sentences:
        (out / ".current" / PAGE_SENTENCES).write_text('{"https://x": ["a", 1]}', "utf-8")
    changed = inputs / GUAN
    changed.write_text(changed.read_text("utf-8") + "\n依据《中华人民共和国行政复议法》办理。\n")
    again = kg.build([inputs], out=out)
    assert again.report["store"]["updated"] is True
    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    return out, clean


def test_a_rebuild_page_and_its_records_are_those_drawn_from_scratch(tmp_path):
    out, clean = _rebuild_after_changing_one(tmp_path)
    for name in ("graph.html", PAGE_RECORDS, PAGE_SENTENCES):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()


def test_damaged_page_records_are_read_again_from_the_store(tmp_path):
    out, clean = _rebuild_after_changing_one(tmp_path, damage_records=True)
    for name in ("graph.html", PAGE_RECORDS):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()


def test_damaged_page_sentences_are_read_again_from_the_store(tmp_path):
    out, clean = _rebuild_after_changing_one(tmp_path, damage_sentences=True)
    for name in ("graph.html", PAGE_SENTENCES):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()
