"""Dumps joined from per-report pieces are the bytes of serialising the whole build at once."""

from __future__ import annotations

import shutil

import pytest
from pyoxigraph import RdfFormat, parse, serialize

import kg
from kg.export.rdf import DUMP_FORMATS
from kg.vocab import PREFIXES


@pytest.mark.parametrize("name", sorted(DUMP_FORMATS))
def test_a_joined_dump_equals_the_whole_serialised(seed_build, name):
    out, _ = seed_build
    fmt = DUMP_FORMATS[name]
    if fmt == RdfFormat.TRIG:
        data = parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)
    else:
        data = parse(path=str(out / "graph.nt"), format=RdfFormat.N_TRIPLES)
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    whole = serialize(data, format=fmt, prefixes=prefixes)
    assert (out / name).read_bytes() == whole


def test_a_rebuild_joins_the_kept_reports_pieces_without_serialising_them(tmp_path, monkeypatch):
    from conftest import SEEDS

    import kg.cache as part_cache

    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)

    def serialised(nquads, formats=()):
        raise AssertionError("a cached part serialised again")

    # The worker that builds a part makes its pieces; the cache only keeps them.
    monkeypatch.setattr(part_cache, "dump_pieces", serialised)
    changed = inputs / "000_0185e56b7f905c26.txt"
    changed.write_text(changed.read_text("utf-8") + "\n依据《中华人民共和国宪法》。\n", "utf-8")
    again = kg.build([inputs], out=out, workers=1)
    assert again.report["cache"] == {"reused": 4, "built": 1}
    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_a_rebuild_copies_the_reference_graphs_pieces_when_they_did_not_change(
    tmp_path, monkeypatch
):
    from conftest import SEEDS

    from kg import outputs

    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    reference = (out / ".current" / ".reference.nq").read_bytes()
    serialised: list[bytes] = []
    original = outputs.dump_pieces

    def counted(nquads, *args):
        serialised.append(nquads)
        return original(nquads, *args)

    monkeypatch.setattr(outputs, "dump_pieces", counted)
    changed = inputs / "000_0185e56b7f905c26.txt"
    changed.write_text(changed.read_text("utf-8") + "\n本年度工作总结如下。\n", "utf-8")
    kg.build([inputs], out=out)
    assert (out / ".current" / ".reference.nq").read_bytes() == reference
    # Only the tallies were serialised: the reference graphs' pieces are the previous dumps'.
    assert len(serialised) == 1 and b"/graph/tallies>" in serialised[0]
    assert reference not in serialised[0]
    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    for name in sorted(DUMP_FORMATS):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
