"""The tallies counted when a build is stored answer `kg cited-across` like the counting query."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict

from pyoxigraph import RdfFormat, Store, parse

from kg.graph.reference import TALLY_GRAPH, is_reference_graph
from kg.query import cited_across, has_tallies, query, run_named
from kg.store import create_store
from kg.store.tallies import report_citations, stored_citations

PLAN = "法治政府建设实施纲要（2021—2025年）"


def _rows(results):
    # cited_by lists the same places in an order each engine picks: compare as sets.
    return [{**row, "cited_by": frozenset(row["cited_by"].split("、"))} for row in results.values()]


def test_the_seed_build_holds_one_tally_per_document_cited_from_a_place(seed_build):
    out, _ = seed_build
    assert has_tallies(out)
    tallies = query(
        out,
        "SELECT ?title ?places ?names WHERE { GRAPH ?g { ?t kg:tallyOf ?doc ;"
        " kg:placeCount ?places ; kg:citingPlaceNames ?names } ?doc schema:name ?title }",
        {"g": TALLY_GRAPH},
    ).values()
    # The 2021—2025 纲要 is cited by the reports of 大盛镇, 无极县 and 栾川县 (seed texts).
    plan = [t for t in tallies if t["title"] == PLAN]
    assert plan == [{"title": PLAN, "places": "3", "names": "大盛镇、无极县、栾川县"}]
    documents = query(
        out, "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?s cito:hasCitedEntity ?d ; kg:citingPlace ?p }"
    ).values()[0]["n"]
    assert len(tallies) == int(documents)
    assert not is_reference_graph(TALLY_GRAPH)


def test_cited_across_reads_the_tallies_and_agrees_with_counting(seed_build):
    out, _ = seed_build
    for least in (1, 2, 3):
        counted = run_named(out, "cited-across", {"min": least})
        tallied = run_named(out, "cited-across-tallies", {"min": least})
        assert _rows(tallied) == _rows(counted)
        assert _rows(cited_across(out, least)) == _rows(counted)
    assert {r["title"] for r in cited_across(out, 3).values()} >= {PLAN, "中华人民共和国宪法"}


def test_a_store_without_tallies_is_counted(seed_build, tmp_path):
    out, _ = seed_build
    # The build's quads without the tallies graph, as a store of pushed shards holds them.
    quads = [
        q
        for q in parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)
        if q.graph_name.value != TALLY_GRAPH
    ]
    bare = tmp_path / "bare"
    bare.mkdir()
    lines = b"".join(str(q).encode("utf-8") + b" .\n" for q in quads)
    create_store(bare / "store", lines)
    shutil.copy(out / "report.json", bare / "report.json")
    assert not has_tallies(bare)
    assert _rows(cited_across(bare, 2)) == _rows(cited_across(out, 2))


def test_lines_with_finds_each_line_holding_a_needle_once():
    from kg.store.tallies import lines_with

    data = b"<a> <p> <x> .\n<b> <q> <y> .\n<c> <p> <q> ."
    assert sorted(lines_with(data, (b"<p>", b"<q>"))) == [
        b"<a> <p> <x> .",
        b"<b> <q> <y> .",
        b"<c> <p> <q> .",
    ]
    assert lines_with(data, (b"<z>",)) == []


def test_each_reports_citations_add_up_to_the_stores_count(seed_build):
    # A build counts its citations from the parts' graphs while the store loads; a query
    # of the store counts the same.
    out, _ = seed_build
    graphs: dict[str, list[bytes]] = defaultdict(list)
    for line in (out / "graph.nq").read_bytes().splitlines(keepends=True):
        graphs[line.rsplit(b" ", 2)[-2]].append(line)
    summed: Counter = Counter()
    for graph, lines in graphs.items():
        if b"/doc/" in graph:
            summed.update(report_citations(b"".join(lines)))
    stored = stored_citations(Store.read_only(str(out / "store")))
    assert summed == stored and sum(stored.values()) > 20
