"""Each fact is stored once: reports' own graphs, shared reference graphs, counts that agree."""

from __future__ import annotations

import json
from collections import Counter

from pyoxigraph import RdfFormat, parse
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.reference import is_reference_graph
from kg.query import query, stats


def _quads(out):
    return list(parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS))


def test_no_triple_is_stored_in_two_graphs(seed_build):
    out, _ = seed_build
    quads = _quads(out)
    repeated = [t for t, n in Counter(q.triple for q in quads).items() if n > 1]
    assert repeated == []
    # Facts about places, governments, cited documents and initiatives are shared by the
    # seeds (five reports name 河北省's government, three cite the 2021—2025 纲要): once each.
    graphs = {q.graph_name.value for q in quads}
    assert {g.rsplit("/", 1)[1] for g in graphs if is_reference_graph(g)} >= {
        "places",
        "governments",
        "regulations",
        "initiatives",
        "institutions",
        "ontology",
    }


def test_a_report_graph_holds_only_what_the_report_says(seed_build):
    out, _ = seed_build
    for q in _quads(out):
        g = q.graph_name.value
        if not is_reference_graph(g):
            assert q.subject.value == g or q.subject.value.startswith(g + "/"), q


def test_counts_agree_everywhere(seed_build):
    out, _ = seed_build
    totals = json.loads((out / "report.json").read_text())["totals"]
    counted = stats(out)
    for key in ("reports", "mentions", "citations", "entities", "triples", "quads"):
        assert totals[key] == counted[key], key
    plain = query(out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()[0]["n"]
    assert int(plain) == counted["triples"] == counted["quads"] == len(_quads(out))
    laws = query(out, "SELECT (COUNT(*) AS ?n) WHERE { ?s a eli:LegalResource }").values()[0]
    assert int(laws["n"]) == totals["entities"]["regulation"]
    rows = query(out, "SELECT ?m WHERE { ?m a kg:Mention ; kg:mentionType 'institution' }")
    assert len(rows.rows) == totals["mentions"]["institution"]
    assert totals["reports"] == 5


def test_build_summary_prints_the_store_counts(tmp_path):
    from conftest import SEEDS

    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    counted = stats(tmp_path)
    ents = counted["entities"]
    line = " ".join(result.output.split())
    assert f"regulation {ents['regulation']}," in line
    assert f"institution {ents['institution']}," in line
    assert f"quads {counted['quads']:,}" in line


def test_reports_query_gives_one_row_per_report(seed_build):
    from kg.query import run_named

    rows = run_named(seed_build[0], "reports").values()
    assert len(rows) == 5 == len({r["doc"] for r in rows})
    joint = [r for r in rows if "无极" in (r["author"] or "")]
    assert joint[0]["author"] == "中共无极县委员会、无极县人民政府"
