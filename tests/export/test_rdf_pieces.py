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


def test_a_damaged_piece_is_made_again(tmp_path):
    from conftest import SEEDS

    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    pieces = sorted((out / ".cache" / "parts").rglob("*.ttl"))
    assert len(pieces) == 5  # one per seed report
    for piece in pieces[:2]:
        piece.write_bytes(b"")  # as a power cut may leave an unsynced file
    for piece in pieces[2:]:
        piece.write_bytes(piece.read_bytes()[:-40])
    # One report changes, so the dumps are joined again from the four kept pieces.
    changed = inputs / "000_0185e56b7f905c26.txt"
    changed.write_text(changed.read_text("utf-8") + "\n依据《中华人民共和国宪法》。\n", "utf-8")
    again = kg.build([inputs], out=out)
    assert again.report["cache"] == {"reused": 4, "built": 1}
    clean = tmp_path / "clean"
    kg.build([inputs], out=clean, cache=False)
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
