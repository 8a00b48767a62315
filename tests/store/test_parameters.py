"""kg query: parameters on any variable, typed terms, one-line errors, CONSTRUCT, read-only."""

from __future__ import annotations

import pytest
from conftest import GUAN, LUANCHUAN, WUJI
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.query import construct, query, run_named
from kg.store.parameters import ParameterError, QueryFormError, projecting, term, variables

DOCS = "SELECT ?doc WHERE { ?r kg:sourceFile ?doc ; dcterms:temporal ?year } ORDER BY ?doc"


def test_a_parameter_binds_a_variable_that_is_not_projected(seed_build):
    rows = query(seed_build[0], DOCS, {"year": "2022"}).values()
    assert [r["doc"] for r in rows] == [GUAN, LUANCHUAN]  # the two 2022 reports
    assert list(rows[0]) == ["doc"]  # the bound variable is not an answer column


def test_years_are_gyears_and_iris_are_iris():
    assert term("year", "2022").datatype.value.endswith("#gYear")
    assert term("min", "2").datatype.value.endswith("#integer")
    assert term("g", "https://w3id.org/fazhi-kg/gov/130130").value.endswith("/130130")
    assert term("g", "<https://w3id.org/fazhi-kg/gov/130130>").value.endswith("/130130")
    assert term("title", "行政处罚法").language is None


def test_an_iri_parameter_selects_the_author(seed_build):
    sparql = "SELECT DISTINCT ?doc WHERE { ?r kg:sourceFile ?doc ; dcterms:creator ?g }"
    rows = query(seed_build[0], sparql, {"g": "https://w3id.org/fazhi-kg/gov/130130"}).values()
    assert [r["doc"] for r in rows] == [WUJI]


def test_grouped_queries_take_parameters_too():
    text, added = projecting("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }", ["c"])
    assert added == ["c"] and "GROUP BY ?c" in text
    text, added = projecting("SELECT ?a ?min WHERE { ?a ?p ?min } GROUP BY ?a ?min", ["min"])
    assert added == [] and text.count("?min") == 3
    # names in strings, IRIs and comments are not variables
    assert variables('SELECT ?a WHERE { ?a <http://x/?y> "?z" } # ?w') == ["a"]


def test_unknown_parameters_are_one_line_errors(seed_build):
    with pytest.raises(ParameterError, match=r"no variable \?nope; it takes: doc, r, year"):
        query(seed_build[0], DOCS, {"nope": "1"})
    result = CliRunner().invoke(
        app, ["query", DOCS, "--param", "nope=1", "--out", str(seed_build[0])]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "it takes: doc, r, year" in result.output


def test_updates_are_refused_because_the_store_is_read_only(seed_build):
    with pytest.raises(QueryFormError, match="read-only"):
        query(seed_build[0], "INSERT DATA { <http://a> <http://b> <http://c> }")
    result = CliRunner().invoke(
        app, ["query", "DELETE WHERE { ?s ?p ?o }", "--out", str(seed_build[0])]
    )
    assert result.exit_code == 1 and "the store is read-only" in result.output


def test_construct_prints_turtle_that_rdflib_reads_back(seed_build):
    sparql = "CONSTRUCT { ?r dcterms:creator ?g } WHERE { ?r a kg:Report ; dcterms:creator ?g }"
    data = construct(seed_build[0], sparql, "turtle")
    graph = Graph().parse(data=data, format="turtle")
    creators = {str(o) for o in graph.objects(None, URIRef("http://purl.org/dc/terms/creator"))}
    assert "https://w3id.org/fazhi-kg/gov/130130" in creators and len(graph) == 6
    result = CliRunner().invoke(
        app, ["query", sparql, "-f", "ntriples", "--out", str(seed_build[0])]
    )
    assert result.exit_code == 0 and len(result.output.strip().splitlines()) == 6


def test_citations_of_accepts_a_short_name(seed_build):
    rows = run_named(seed_build[0], "citations-of", {"title": "行政处罚法"}).values()
    assert {r["doc"] for r in rows} >= {WUJI}
    full = run_named(seed_build[0], "citations-of", {"title": "中华人民共和国行政处罚法"})
    assert len(full.rows) == len(rows)


def test_service_federation_is_refused_unless_allowed(seed_build):
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryFormError, match="SERVICE"):
        query(seed_build[0], federated)
    result = CliRunner().invoke(app, ["query", federated, "--out", str(seed_build[0])])
    assert result.exit_code == 1 and "--allow-service" in result.output
    # allowed: the engine does try the remote server (nothing listens on port 9)
    with pytest.raises(OSError):
        query(seed_build[0], federated, allow_service=True)
