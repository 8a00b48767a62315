"""One cito:Citation per (report, cited document), its mentions as evidence."""

from __future__ import annotations

from kg.query import cited_across, query

CITATIONS = """
SELECT ?report ?regulation ?n ?place WHERE {
  ?s a cito:Citation ; cito:hasCitingEntity ?report ; cito:hasCitedEntity ?regulation ;
     kg:citationCount ?n .
  OPTIONAL { ?s kg:citingPlace ?place }
}"""

# Every mention of a regulation, by report and regulation, straight from the mentions.
MENTIONS = """
SELECT ?report ?regulation (COUNT(?m) AS ?n) WHERE {
  ?m a kg:Mention ; kg:mentionType "regulation" ; kg:inDocument ?report ; oa:hasBody ?regulation .
} GROUP BY ?report ?regulation"""

EVIDENCE = """
SELECT ?report ?regulation (COUNT(?m) AS ?n) WHERE {
  ?c a cito:Citation ; cito:hasCitingEntity ?report ; cito:hasCitedEntity ?regulation ;
     kg:mention ?m .
  ?m kg:inDocument ?report ; oa:hasBody ?regulation .
} GROUP BY ?report ?regulation"""

AUTHOR_PLACES = """
SELECT ?report ?place WHERE {
  ?report a kg:Report ; dcterms:creator ?gov . ?gov kg:organKind kg:government ;
          schema:areaServed ?place .
}"""


def _rows(out, sparql):
    return [tuple(row.values()) for row in query(out, sparql).values()]


def test_each_citation_counts_and_lists_the_mentions_of_its_document(seed_build):
    out, result = seed_build
    citations = {(r, g): int(n) for r, g, n, _ in _rows(out, CITATIONS)}
    mentions = {(r, g): int(n) for r, g, n in _rows(out, MENTIONS)}
    evidence = {(r, g): int(n) for r, g, n in _rows(out, EVIDENCE)}
    assert citations == mentions == evidence
    reported = sum(d["mentions"]["regulation"] for d in result.report["documents"])
    assert sum(citations.values()) == reported > 74  # the 74 《》 titles and unquoted names


def test_a_citation_carries_the_place_of_the_report_author(seed_build):
    out, _ = seed_build
    places = dict(_rows(out, AUTHOR_PLACES))
    rows = _rows(out, CITATIONS)
    assert rows and all(place == places[report] for report, _, _, place in rows)


def test_cited_across_names_the_places_that_cite_the_outline(seed_build):
    out, _ = seed_build
    rows = {row["title"]: row for row in cited_across(out, 2).values()}
    outline = rows["法治政府建设实施纲要（2021—2025年）"]
    assert int(outline["places"]) == 3
    assert set(outline["cited_by"].split("、")) == {"无极县", "栾川县", "大盛镇"}


# The plain question, asked of every mention: each report's authors and their places.
EVERY_MENTION = """
SELECT ?regulation (COUNT(DISTINCT ?place) AS ?places) (COUNT(DISTINCT ?m) AS ?citations)
WHERE {
  ?m a kg:Mention ; kg:mentionType "regulation" ; kg:inDocument ?report ; oa:hasBody ?regulation .
  ?report dcterms:creator ?gov . ?gov kg:organKind kg:government ; schema:areaServed ?place ;
          org:classification ?lv .
  ?place schema:containedInPlace* ?pv . ?pv schema:name ?pn .
  OPTIONAL { ?report dcterms:temporal ?y }
  FILTER(!BOUND(?year) || ?y = ?year)
  FILTER(!BOUND(?level) || STRAFTER(STR(?lv), "/level/") = ?level)
  FILTER(!BOUND(?province) || STR(?pn) = ?province)
}
GROUP BY ?regulation HAVING (COUNT(DISTINCT ?place) >= 1)"""


def test_filtered_cited_across_agrees_with_every_mention(seed_build):
    out, _ = seed_build
    cases = [
        {},
        {"year": 2021},
        {"year": 2022},
        {"province": "河北省"},
        {"level": "township"},
        {"province": "河北省", "level": "county", "year": 2021},
    ]
    for filters in cases:
        got = {
            (r["regulation"], int(r["places"]), int(r["citations"]))
            for r in cited_across(out, 1, **filters).values()
        }
        plain = EVERY_MENTION
        for name, value in filters.items():
            literal = f'"{value}"^^xsd:gYear' if name == "year" else f'"{value}"'
            plain = plain.replace(f"BOUND(?{name})", "true").replace(f"?{name}", literal)
        want = {
            (r["regulation"], int(r["places"]), int(r["citations"]))
            for r in query(out, plain).values()
        }
        assert got == want and got, filters
