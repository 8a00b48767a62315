"""Shards built apart and merged give the build of all files, byte for byte."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

import kg
from kg.build import shard_of
from kg.cli import app
from kg.merge import MergeError, merge

RDF = ("graph.nq", "graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "mentions.csv")


def test_three_shards_merged_equal_one_build(tmp_path):
    whole = tmp_path / "whole"
    kg.build([SEEDS], out=whole)
    shards = [tmp_path / f"s{i}" for i in range(3)]
    sizes = []
    for i, folder in enumerate(shards):
        result = kg.build([SEEDS], out=folder, shard=(i, 3))
        sizes.append(result.report["totals"]["documents"])
    # Every seed is in exactly one shard.
    assert sum(sizes) == 5 and max(sizes) < 5
    merged = merge(shards, tmp_path / "merged")
    for name in RDF:
        assert (tmp_path / "merged" / name).read_bytes() == (whole / name).read_bytes(), name
    one = json.loads((whole / "report.json").read_text("utf-8"))
    assert merged.report["totals"] == one["totals"]
    assert merged.report["documents"] == one["documents"]


def test_shard_of_is_stable_and_spreads_the_files():
    names = [f"{i:04d}.txt" for i in range(300)]
    counts = [sum(shard_of(n, 3) == i for n in names) for i in range(3)]
    assert all(70 < c < 130 for c in counts)
    assert [shard_of(n, 3) for n in names] == [shard_of(n, 3) for n in names]


def test_a_shard_whose_parts_are_gone_is_refused(tmp_path):
    folder = tmp_path / "s0"
    kg.build([SEEDS], out=folder, shard=(0, 2))
    for path in (folder / ".cache" / "parts").rglob("*.part"):
        path.unlink()
    with pytest.raises(MergeError, match="build that shard again"):
        merge([folder], tmp_path / "merged")


def test_kg_merge_command(tmp_path):
    runner = CliRunner()
    for i in range(2):
        r = runner.invoke(
            app, ["build", str(SEEDS), "--shard", f"{i}/2", "--out", str(tmp_path / f"s{i}"), "-q"]
        )
        assert r.exit_code == 0, r.output
    r = runner.invoke(
        app, ["merge", str(tmp_path / "s0"), str(tmp_path / "s1"), "--out", str(tmp_path / "m")]
    )
    assert r.exit_code == 0, r.output
    assert "5 of 5 documents" in r.output
    bad = runner.invoke(app, ["build", str(SEEDS), "--shard", "2/2", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "0 <= I < N" in bad.output
