"""End to end: the seeds become a graph you can open, query and validate."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

from conftest import DASHENG, GANGU, GUAN, LUANCHUAN, ROOT, SEEDS, WUJI, seed_text

import kg
from kg.query import cited_across, named_queries, query, run_named, stats
from kg.validate import validate_build

OUTPUTS = (
    "graph.ttl",
    "graph.nt",
    "graph.nq",
    "graph.trig",
    "graph.jsonld",
    "mentions.csv",
    "graph.html",
    "report.json",
)


def test_every_output_is_written_and_the_contract_holds(seed_build):
    out, _ = seed_build
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert (out / "store").is_dir()
    checker = ROOT.parent / "shared" / "tools" / "check-contract"
    if checker.exists():  # the shared contract checker, when the checkout sits beside it
        done = subprocess.run(
            [sys.executable, str(checker), str(out)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout


def test_mentions_csv_has_the_contract_columns_and_exact_spans(seed_build):
    out, _ = seed_build
    with open(out / "mentions.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [
        "doc",
        "type",
        "surface",
        "start",
        "end",
        "sentence",
        "entity",
        "label",
    ]
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    for row in rows:
        text = texts[row["doc"]]
        assert text[int(row["start"]) : int(row["end"])] == row["surface"]
        assert row["surface"] in row["sentence"] or "\n" in row["surface"]
        assert row["entity"].startswith("https://w3id.org/fazhi-kg/")
    assert {r["type"] for r in rows} == {
        "regulation",
        "government",
        "institution",
        "initiative",
        "indicator",
    }


def test_every_quoted_title_of_the_seeds_is_in_mentions_csv(seed_build):
    out, _ = seed_build
    with open(out / "mentions.csv", encoding="utf-8", newline="") as f:
        found = {
            (r["doc"], int(r["start"])) for r in csv.DictReader(f) if r["type"] == "regulation"
        }
    expected = [
        (p.name, m.start())
        for p in sorted(SEEDS.iterdir())
        for m in re.finditer("《", p.read_text(encoding="utf-8"))
    ]
    assert len(expected) == 74
    assert [e for e in expected if e not in found] == []


def test_the_2021_2025_outline_is_one_entity_cited_by_three_places(seed_build):
    out, _ = seed_build
    res = cited_across(out, 2)
    rows = [r for r in res.values() if r["title"] and r["title"].startswith("法治政府建设实施纲要")]
    assert len(rows) == 1, rows  # three spellings in the seeds, one entity
    places = set(rows[0]["cited_by"].split("、"))
    assert places == {"大盛镇", "无极县", "栾川县"}
    assert rows[0]["places"] == "3"


def test_cited_across_csv_is_readable_by_scripts():
    out_csv = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "cited-across",
            "--min",
            "2",
            "--format",
            "csv",
            "--out",
            str(_built()),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = list(csv.DictReader(out_csv.splitlines()))
    assert rows and {"regulation", "title", "kind", "places", "cited_by"} <= set(rows[0])
    assert all(int(r["places"]) >= 2 for r in rows)


_BUILT: list = []


def _built():
    """A build made through the CLI, once."""
    if not _BUILT:
        import tempfile
        from pathlib import Path

        out = Path(tempfile.mkdtemp()) / "output"
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--out", str(out), "--quiet"],
            check=True,
            capture_output=True,
        )
        _BUILT.append(out)
    return _BUILT[0]


def test_authors_are_resolved_with_parent_chain_and_year(seed_build):
    out, _ = seed_build
    docs = {d["doc"]: d for d in json.loads((out / "report.json").read_text("utf-8"))["documents"]}
    expected = {
        GUAN: (["固安县", "廊坊市", "河北省"], 2022, "131022"),
        DASHENG: (["大盛镇", "渝北区", "重庆市"], 2023, None),
        WUJI: (["无极县", "石家庄市", "河北省"], 2021, "130130"),
        LUANCHUAN: (["栾川县", "洛阳市", "河南省"], 2022, "410324"),
        GANGU: (["甘谷县", "天水市", "甘肃省"], 2024, "620523"),
    }
    for name, (chain, year, code) in expected.items():
        d = docs[name]
        assert d["author_chain"] == chain, name
        assert d["year"] == year, name
        assert d["error"] is None
        if code:
            assert d["author_iri"].endswith("/gov/" + code)
    # 大盛镇's 2023 report places it under 渝北区 (500112), as the map stood that year.
    assert docs[DASHENG]["author_iri"].split("/")[-1].startswith("500112")
    assert docs[GUAN]["kind"] == "report" and docs[GANGU]["kind"] == "summary"
    assert docs[LUANCHUAN]["kind"] == "article"
    # The joint report credits both organs of 无极县.
    assert "中共无极县委员会" in docs[WUJI]["author"] and "无极县人民政府" in docs[WUJI]["author"]


def test_two_builds_give_identical_bytes(seed_build, tmp_path):
    out, _ = seed_build
    kg.build([SEEDS], out=tmp_path)
    for name in OUTPUTS:
        if name == "report.json":
            first = json.loads((out / name).read_text("utf-8"))
            second = json.loads((tmp_path / name).read_text("utf-8"))
            first.pop("timings"), second.pop("timings")
            assert first == second
        else:
            assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_parts_written_by_pool_workers_are_the_parts_one_process_makes(tmp_path):
    # Two worker processes write their parts into the cache themselves; one process
    # rebuilding finds every one of them whole and writes the same outputs.
    pooled, single = tmp_path / "pooled", tmp_path / "single"
    first = kg.build([SEEDS], out=pooled, workers=2)
    assert first.report["cache"] == {"reused": 0, "built": 5}
    again = kg.build([SEEDS], out=pooled, workers=1)
    assert again.report["cache"] == {"reused": 5, "built": 0}
    kg.build([SEEDS], out=single, workers=1, cache=False)
    for name in ("graph.nq", "graph.ttl", "graph.jsonld", "mentions.csv", "graph.html"):
        assert (pooled / name).read_bytes() == (single / name).read_bytes(), name


def test_the_seed_graph_conforms_to_the_shapes(seed_build):
    out, _ = seed_build
    result = validate_build(out)
    assert result.conforms, result.text[:2000]


def test_trig_has_one_named_graph_per_document(seed_build):
    out, _ = seed_build
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    docs = {g for g in graphs if "/doc/" in g}
    assert len(docs) == 5


def test_stats_and_named_queries_answer(seed_build):
    out, _ = seed_build
    counts = stats(out)
    assert counts["reports"] == 5
    # one graph per report, plus the shared reference graphs
    graphs = query(out, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }").values()
    assert counts["named_graphs"] == len(graphs) == 5 + sum("/graph/" in g["g"] for g in graphs)
    assert counts["triples"] > 1000
    assert "cited-across" in named_queries()
    rows = run_named(out, "reports").values()
    assert {r["doc"] for r in rows} == {GUAN, DASHENG, WUJI, LUANCHUAN, GANGU}
    cites = run_named(out, "citations-of", {"title": "中华人民共和国行政处罚法"}).values()
    assert {r["doc"] for r in cites} >= {DASHENG, WUJI}
    assert all(seed_text(r["doc"])[int(r["start"]) : int(r["end"])] == r["surface"] for r in cites)


def test_cli_help_explains_every_command():
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("build", "query", "queries", "cited-across", "stats", "validate"):
        assert command in done.stdout
