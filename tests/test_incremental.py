"""Rebuilding after changes gives exactly the build made from scratch, reading only what changed."""

from __future__ import annotations

import json
import os
import shutil
import time

from conftest import SEEDS

import kg
from kg import outputs
from kg.cache import PartCache
from kg.export import html
from kg.export.explorer import records
from kg.outputs import previous_tallies as outputs_previous_tallies
from kg.query import stats

RDF = ("graph.nq", "graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "mentions.csv")


def _names(progress_log):
    return sorted(name for name, _ in progress_log)


def test_rebuild_after_changing_adding_and_removing_files(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)

    # Change one report, add one, remove one.
    changed = inputs / "000_0185e56b7f905c26.txt"
    changed.write_text(
        changed.read_text("utf-8") + "\n依据《中华人民共和国行政复议法》办理案件。\n", "utf-8"
    )
    added = inputs / "005_added.txt"
    added.write_text(
        (SEEDS / "003_bc19e7eecbeecb6e.txt").read_text("utf-8").replace("栾川县", "嵩县"), "utf-8"
    )
    (inputs / "004_845bf433358f1249.txt").unlink()

    first_keys = {d["part"] for d in json.loads((out / "report.json").read_text())["documents"]}
    shown_before = json.loads((out / ".current" / ".page-sentences.json").read_text("utf-8"))
    built: list[str] = []
    read_facts = _count_calls(monkeypatch, PartCache, "reference")
    read_links = _count_calls(monkeypatch, records, "read_links", method=False)
    citations_of = _count_calls(monkeypatch, outputs, "report_citations", method=False)
    read_sentences = _count_calls(monkeypatch, html, "read_sentences", method=False)
    read_reports = _count_calls(monkeypatch, records, "read_reports", method=False)
    read_organs = _count_calls(monkeypatch, records, "read_organs", method=False)
    read_graphs = _count_calls(monkeypatch, PartCache, "nquads")
    read_rows = _count_calls(monkeypatch, PartCache, "mentions")
    read_pieces = _count_calls(monkeypatch, PartCache, "dumps")
    tallies_before: list[bytes | None] = []

    def previous_tallies(spans):
        tallies_before.append(outputs_previous_tallies(spans))
        return tallies_before[-1]

    monkeypatch.setattr(outputs, "previous_tallies", previous_tallies)
    again = kg.build([inputs], out=out, progress=lambda name, err: built.append(name))
    assert again.report["cache"] == {"reused": 3, "built": 2}
    # The shared facts were counted from the previous build's counts: only the two parts
    # that went (the changed file's old one, the removed file's) were read for theirs.
    assert len(read_facts) == 2
    # The page read the mentions of the two new reports only (the others' links are the
    # previous page's records), and is the page of a clean build all the same.
    assert len(read_links) == 2 and all(report for _, _, report in read_links)
    # The tallies' citation counts were the previous build's, moved by the citations of
    # the two reports that went and the two that came: not counted over every part again.
    assert len(citations_of) == 4
    # graph.nq, mentions.csv and the dumps copied the kept reports' pieces from the
    # previous files: only the new parts were read (and the two that went, for their
    # citations).
    new_keys = {p for p in (d.get("part") for d in again.report["documents"]) if p} - set(
        first_keys
    )
    assert len(new_keys) == 2
    assert {key for key, *_ in read_rows} == {key for key, *_ in read_pieces} == new_keys
    assert len({key for key, *_ in read_graphs}) == 4 and new_keys < {k for k, *_ in read_graphs}
    # The store kept the previous tallies and changed only those that moved.
    assert len(tallies_before) == 1 and b"/graph/tallies>" in tallies_before[0]
    # The page read the sentences it had not shown before only (the new reports' mentions,
    # and a kept report's that a newly shown link brought), all the others were the
    # previous page's.
    asked = {m for _, mentions in read_sentences for m in mentions}
    new = {d["iri"] for d in again.report["documents"] if d["doc"] in (changed.name, added.name)}
    assert asked and not asked & set(shown_before)
    assert new <= {m.rsplit("/", 2)[0] for m in asked}
    # and the reports it kept from the previous page's records, reading the new ones only.
    assert [sorted(only) for _, _, only in read_reports] == [sorted(new)]
    # and the organs whose shared facts changed (嵩县's, the edited report's), not all of them.
    assert read_organs and all(len(args) == 2 and args[1] for args in read_organs)
    assert sorted(built) == sorted(p.name for p in inputs.iterdir())

    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    kept = (".reference.nq", ".reference-counts", ".citation-counts", ".page-records.json")
    kept += (".page-sentences.json", ".spans.json")
    for name in (*RDF, "graph.html", *kept):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert "004_845bf433358f1249.txt" not in {d["doc"] for d in report["documents"]}
    assert "《中华人民共和国行政复议法》" in (out / "mentions.csv").read_text("utf-8")
    # The store was the previous one with two report graphs removed and two added (the
    # changed file has a new IRI), and holds exactly the quads of the clean build's store.
    assert report["store"] == {"updated": True, "kept": 3, "removed": 2, "added": 2}
    assert _store_quads(out) == _store_quads(clean)
    assert _store_graphs(out) == _store_graphs(clean)
    assert stats(out) == stats(clean)


def test_a_rebuild_of_every_part_counts_the_shared_facts_anew(tmp_path, monkeypatch):
    out = tmp_path / "out"
    kg.build([SEEDS], out=out)
    read_facts = _count_calls(monkeypatch, PartCache, "reference")
    counted = _count_calls(monkeypatch, outputs, "report_citations", method=False)
    # Another title limit changes every part (as a new version of the tool does): the
    # previous build's counts would need every old part read, so they are not used.
    again = kg.build([SEEDS], out=out, max_title=100)
    assert again.report["cache"]["built"] == 5
    # The citations counted anew, from each of the five parts (not moved from the old ones).
    assert read_facts == [] and len(counted) == 5
    clean = tmp_path / "clean"
    kg.build([SEEDS], out=clean, max_title=100, cache=False)
    for name in ("graph.nq", ".reference.nq", ".reference-counts", ".citation-counts"):
        assert (out / ".current" / name).read_bytes() == (clean / ".current" / name).read_bytes()


def _count_calls(monkeypatch, owner, name, method=True):
    calls: list[tuple] = []
    original = getattr(owner, name)

    def counted(*args):
        calls.append(args[1:] if method else args)
        return original(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _store_graphs(out):
    from kg.store import open_store

    return sorted(g.value for g in open_store(out).named_graphs())


def _store_quads(out):
    from kg.store import open_store

    return sorted(str(q) for q in open_store(out))


def test_nothing_changed_reuses_every_part(tmp_path):
    out = tmp_path / "out"
    first = kg.build([SEEDS], out=out)
    assert first.report["cache"] == {"reused": 0, "built": 5}
    nq = (out / "graph.nq").read_bytes()
    inode = (out / "graph.nq").stat().st_ino
    second = kg.build([SEEDS], out=out)
    assert second.report["cache"] == {"reused": 5, "built": 0}
    # Nothing to write again: the new generation links the previous one's files.
    assert (out / "graph.nq").stat().st_ino == inode
    assert (out / "graph.nq").read_bytes() == nq
    assert second.report["totals"] == first.report["totals"]
    assert stats(out)["reports"] == 5


def test_a_damaged_part_is_built_again(tmp_path):
    out = tmp_path / "out"
    kg.build([SEEDS], out=out)
    nq = (out / "graph.nq").read_bytes()
    files = sorted((out / ".cache" / "parts").rglob("*.part"))
    assert len(files) == 5  # one file per report
    files[0].write_text("{ not json", "utf-8")
    files[1].write_bytes(files[1].read_bytes()[:-40])  # cut short
    files[2].write_bytes(files[2].read_bytes() + b"x")  # longer than its header says
    # As a power cut may leave a file that was never synced to disk: empty.
    for path in files[3:]:
        path.write_bytes(b"")
    again = kg.build([SEEDS], out=out)
    assert again.report["cache"]["built"] == 5
    assert (out / "graph.nq").read_bytes() == nq


def test_a_rebuild_with_nothing_changed_reads_the_part_index_only(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    first = kg.build([inputs], out=out)
    index = json.loads((out / ".cache" / "parts.json").read_text("utf-8"))
    entries = {d["doc"]: d for d in first.report["documents"]}
    assert {e["label"]: e["entry"] for e in index.values()} == entries

    def unread(self, key):
        raise AssertionError(f"part {key} read from its own file")

    # Nothing changed: the outputs are kept, so no part's reference facts are needed.
    monkeypatch.setattr(PartCache, "_read", unread)
    before = (out / "graph.nq").read_bytes()
    again = kg.build([inputs], out=out)
    assert again.report["cache"] == {"reused": 5, "built": 0}
    assert (out / "graph.nq").read_bytes() == before


def test_the_cache_keeps_the_parts_of_the_last_build_only(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    parts = out / ".cache" / "parts"
    before = {p.name for p in parts.rglob("*.part")}
    # A part left by an older version of the tool, in an older layout.
    stale = parts / "00" / "0123456789abcdef.nq"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"")
    old = time.time() - 60
    os.utime(stale, (old, old))

    changed = inputs / "000_0185e56b7f905c26.txt"
    changed.write_text(changed.read_text("utf-8") + "\n推进依法行政。\n", "utf-8")
    kg.build([inputs], out=out)
    after = {p.name for p in parts.rglob("*.part")}
    assert len(after) == 5
    assert len(before - after) == 1 and len(after - before) == 1  # the changed report's
    assert not stale.exists()
