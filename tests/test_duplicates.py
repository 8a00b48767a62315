"""Identical files are one report: built once, every copy listed, every count agreeing."""

from __future__ import annotations

import csv
import json
from collections import Counter

from conftest import GANGU, GUAN, SEEDS
from pyoxigraph import RdfFormat, parse

import kg
from kg.query import stats


def test_identical_files_are_built_once_and_listed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    data = (SEEDS / GUAN).read_bytes()
    (inputs / "a.txt").write_bytes(data)
    (inputs / "copy.txt").write_bytes(data)
    (inputs / "other.txt").write_bytes((SEEDS / GANGU).read_bytes())
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    entries = {d["doc"]: d for d in report["documents"]}
    assert entries["copy.txt"]["duplicate_of"] == "a.txt"
    assert entries["copy.txt"]["author"] == entries["a.txt"]["author"] == "固安县人民政府"
    assert sum(entries["copy.txt"]["mentions"].values()) == 0
    totals = report["totals"]
    assert (totals["documents"], totals["built"], totals["duplicates"]) == (3, 2, 1)
    assert totals["reports"] == stats(out)["reports"] == 2
    quads = list(parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS))
    assert len(quads) == len(set(quads)) == totals["quads"] == stats(out)["quads"]
    with open(out / "mentions.csv", encoding="utf-8", newline="") as handle:
        docs = Counter(row["doc"] for row in csv.DictReader(handle))
    assert set(docs) == {"a.txt", "other.txt"}
    assert sum(docs.values()) == sum(totals["mentions"].values())
