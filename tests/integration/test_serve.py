"""kg serve: a real SPARQL 1.1 Protocol endpoint over a build, read-only, loopback, timeouts."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph
from servers import kg_serve, listening_addresses
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.query import query

REPORTS = "SELECT ?doc WHERE { ?r a kg:Report ; kg:sourceFile ?doc } ORDER BY ?doc"


@pytest.fixture(scope="module")
def endpoint(seed_build):
    with kg_serve(seed_build[0], "--timeout", "2") as url:
        yield url


def _ask(url, query, accept, method="GET"):
    if method == "GET":
        return httpx.get(url + "/query", params={"query": query}, headers={"Accept": accept})
    return httpx.post(url + "/query", data={"query": query}, headers={"Accept": accept})


def test_select_answers_in_every_result_format(endpoint):
    as_json = _ask(endpoint, REPORTS, "application/sparql-results+json").json()
    docs = [b["doc"]["value"] for b in as_json["results"]["bindings"]]
    assert len(docs) == 5 and docs == sorted(docs)
    xml = _ask(endpoint, REPORTS, "application/sparql-results+xml", "POST")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(xml.content).findall(".//s:result", ns)) == 5
    rows = list(csv.reader(io.StringIO(_ask(endpoint, REPORTS, "text/csv").text)))
    assert rows[0] == ["doc"] and [r[0] for r in rows[1:]] == docs
    tsv = _ask(endpoint, REPORTS, "text/tab-separated-values").text.splitlines()
    assert tsv[0] == "?doc" and len(tsv) == 6


def test_prefixes_are_predeclared_and_sparqlwrapper_works(endpoint, seed_build):
    client = SPARQLWrapper(endpoint + "/query")
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?c a cito:Citation }")
    client.setReturnFormat(JSON)
    n = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    # One citation per report and document it cites: the pairs its regulation mentions name.
    pairs = query(
        seed_build[0],
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?r ?b WHERE {"
        " ?m kg:mentionType 'regulation' ; kg:inDocument ?r ; oa:hasBody ?b } }",
    ).values()[0]["n"]
    assert n == int(pairs) > 60


def test_construct_answers_turtle(endpoint):
    query = "CONSTRUCT { ?r dcterms:creator ?g } WHERE { ?r a kg:Report ; dcterms:creator ?g }"
    reply = _ask(endpoint, query, "text/turtle")
    assert reply.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=reply.text, format="turtle")) == 6


def test_updates_are_refused_with_403(endpoint):
    reply = httpx.post(endpoint + "/update", data={"update": "CLEAR ALL"})
    assert reply.status_code == 403 and "read-only" in reply.text
    assert _ask(endpoint, REPORTS, "text/csv").text.count("\n") == 6  # nothing was cleared
    store_put = httpx.put(
        endpoint + "/store?default", content=b"", headers={"Content-Type": "text/turtle"}
    )
    assert store_put.status_code == 403


def test_updates_are_accepted_when_allowed(seed_build, tmp_path):
    copy = tmp_path / "build"
    shutil.copytree(seed_build[0], copy, symlinks=False)
    with kg_serve(copy, "--allow-update") as url:
        insert = (
            "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a kg:Report } }"
        )
        assert httpx.post(url + "/update", data={"update": insert}).status_code in (200, 204)
        count = _ask(url, "SELECT (COUNT(*) AS ?n) WHERE { ?r a kg:Report }", "text/csv").text
        assert count.split() == ["n", "6"]


def test_a_slow_query_is_stopped_at_the_timeout(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    reply = httpx.post(endpoint + "/query", data={"query": slow}, timeout=60)
    assert reply.status_code == 503 and "time limit" in reply.text
    assert time.monotonic() - started < 10
    # the endpoint still answers after stopping it
    assert _ask(endpoint, REPORTS, "text/csv").status_code == 200


def test_service_federation_is_refused(endpoint):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    reply = _ask(endpoint, query, "application/sparql-results+json")
    assert reply.status_code == 403 and "SERVICE" in reply.text


def test_it_listens_on_loopback_only_and_serves_yasgui_offline(endpoint):
    port = int(endpoint.rsplit(":", 1)[1])
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
    page = httpx.get(endpoint + "/")
    assert page.status_code == 200 and "yasgui" in page.text.lower()
    assert "https://" not in page.text.split("<body>")[0]  # no script or style from a CDN
    assert httpx.get(endpoint + "/yasgui.min.js").status_code == 200
    assert json.loads(_ask(endpoint, "ASK { ?s ?p ?o }", "application/sparql-results+json").text)[
        "boolean"
    ]
