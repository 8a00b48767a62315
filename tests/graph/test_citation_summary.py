"""One kg:CitationSummary per (report, cited document): the figures cited-across reads."""

from __future__ import annotations

from kg.query import cited_across, query

SUMMARIES = """
SELECT ?report ?regulation ?n ?place WHERE {
  ?s a kg:CitationSummary ; kg:citingReport ?report ; kg:citedDocument ?regulation ;
     kg:citationCount ?n .
  OPTIONAL { ?s kg:citingPlace ?place }
}"""

CITATIONS = """
SELECT ?report ?regulation (COUNT(?c) AS ?n) WHERE {
  ?c a cito:Citation ; cito:hasCitingEntity ?report ; cito:hasCitedEntity ?regulation .
} GROUP BY ?report ?regulation"""

AUTHOR_PLACES = """
SELECT ?report ?place WHERE {
  ?report a kg:Report ; dcterms:creator ?gov . ?gov kg:organKind kg:government ;
          schema:areaServed ?place .
}"""


def _rows(out, sparql):
    return [tuple(row.values()) for row in query(out, sparql).values()]


def test_each_summary_counts_the_citations_of_its_report_and_document(seed_build):
    out, result = seed_build
    summaries = {(r, g): int(n) for r, g, n, _ in _rows(out, SUMMARIES)}
    citations = {(r, g): int(n) for r, g, n in _rows(out, CITATIONS)}
    assert summaries == citations
    mentions = sum(d["mentions"]["regulation"] for d in result.report["documents"])
    assert sum(summaries.values()) == mentions > 74  # the 74 《》 titles and unquoted names


def test_a_summary_carries_the_place_of_the_report_author(seed_build):
    out, _ = seed_build
    places = dict(_rows(out, AUTHOR_PLACES))
    rows = _rows(out, SUMMARIES)
    assert rows and all(place == places[report] for report, _, _, place in rows)


def test_cited_across_names_the_places_that_cite_the_outline(seed_build):
    out, _ = seed_build
    rows = {row["title"]: row for row in cited_across(out, 2).values()}
    outline = rows["法治政府建设实施纲要（2021—2025年）"]
    assert int(outline["places"]) == 3
    assert set(outline["cited_by"].split("、")) == {"无极县", "栾川县", "大盛镇"}
