"""graph.html drawn in a process of its own (large builds) is the page drawn in the build's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import GUAN, SEEDS

import kg
import kg.outputs
from kg.export.page import PageWriter
from kg.store import open_store

OUTPUTS = (
    "graph.html",
    "graph.nq",
    "graph.nt",
    "graph.ttl",
    "graph.trig",
    "graph.jsonld",
    "mentions.csv",
)


def test_a_page_drawn_in_its_own_process_is_the_page_drawn_in_the_build(
    seed_build, tmp_path, monkeypatch
):
    here, _ = seed_build
    monkeypatch.setattr(kg.outputs, "PAGE_PROCESS_AT", 1)  # every build counts as large
    out = tmp_path / "out"
    kg.build([SEEDS], out=out)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (here / name).read_bytes(), name
    # The totals were read before the tallies went in, and count them all the same.
    first = json.loads((here / "report.json").read_text("utf-8"))
    second = json.loads((out / "report.json").read_text("utf-8"))
    assert second["totals"] == first["totals"]
    assert second["build_id"] == first["build_id"]
    assert second["totals"]["quads"] == len(open_store(out))


def test_the_page_process_waits_for_the_word_and_leaves_nothing_when_not_given(tmp_path):
    html = tmp_path / "graph.html"
    with PageWriter(tmp_path / "store", html, separate=True) as page:
        child = page._child
        assert child is not None and child.poll() is None  # started, waiting
    assert child.returncode is not None  # stopped when the block was left
    assert not html.exists()


def test_a_page_that_cannot_be_drawn_fails_with_the_reason(tmp_path):
    with PageWriter(tmp_path / "no-store", tmp_path / "graph.html", separate=True) as page:
        page.draw()
        with pytest.raises(RuntimeError, match=r"drawing graph\.html failed \(1\): .*Error"):
            page.wait()
    assert not (tmp_path / "graph.html").exists()


def test_the_page_command_says_how_to_call_it():
    from kg.export.page import main

    assert main([]) == 2
    done = subprocess.run(
        [sys.executable, "-m", "kg.export.page"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "usage" in done.stderr


def test_a_rebuild_draws_from_the_previous_page_records_in_its_own_process(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.outputs, "PAGE_PROCESS_AT", 1)
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    changed = inputs / GUAN
    changed.write_text(changed.read_text("utf-8") + "\n依据《中华人民共和国行政复议法》办理。\n")
    again = kg.build([inputs], out=out)
    assert again.report["store"]["updated"] is True
    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    for name in ("graph.html", ".page-records.json"):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()
