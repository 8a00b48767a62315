"""Tallies computed from a stored build: how many places cite each document.

"Which documents are cited across places" is the question asked most, and on
a store of ten thousand reports even the citation summaries take about half a
second to count. So the unfiltered answer is counted once, when the build is
stored, from the store itself (the shipped ``cited-across`` query with
``?min`` = 1), and kept as one ``kg:CitationTally`` per cited document in the
tallies graph: ``kg cited-across`` without filters reads those rows. A tally
is right only for the build that made it, so shards do not push theirs
(``kg.push``) and the filtered questions still count the summaries.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store

from kg.graph.reference import TALLY_GRAPH
from kg.store.oxigraph import run_query
from kg.vocab import KG, PREFIXES, digest

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
INTEGER = NamedNode(PREFIXES["xsd"] + "integer")

PLACE_SEPARATOR = "、"


def tally_iri(document: str) -> str:
    """The tally of a cited document: a stable IRI from the document's IRI."""
    return f"{TALLY_GRAPH}/{digest(document)}"


def citation_tallies(store: Store) -> list[Quad]:
    """One ``kg:CitationTally`` per document the stored build cites, sorted quads.

    Each holds ``kg:tallyOf`` the document, ``kg:placeCount`` (distinct citing
    places), ``kg:totalCitations``, ``kg:citingPlaceNames`` (the places' names,
    sorted, joined with 、) — the columns of ``cited-across`` — and ``kg:rank``,
    the row's place in that query's order (most places, most citations, title).
    Sorting on titles in the on-disk store reads every title many times; on a
    rank it reads none.
    """
    from kg.query import named_queries  # the query layer reads stores; imported when used

    answer = run_query(store, named_queries()["cited-across"].render(), {"min": 1})
    assert isinstance(answer, QuerySolutions)
    rows = sorted(
        (
            -int(row["places"].value),
            -int(row["citations"].value),
            row["title"].value,
            row["regulation"].value,
            row["cited_by"].value,
        )
        for row in answer
    )
    graph = NamedNode(TALLY_GRAPH)
    quads: list[Quad] = []

    def add(subject: NamedNode, name: str, value: NamedNode | Literal) -> None:
        quads.append(Quad(subject, NamedNode(KG + name), value, graph))

    for rank, (places, citations, _, document, cited_by) in enumerate(rows, start=1):
        tally = NamedNode(tally_iri(document))
        names = sorted(set(cited_by.split(PLACE_SEPARATOR)) - {""})
        quads.append(Quad(tally, RDF_TYPE, NamedNode(KG + "CitationTally"), graph))
        add(tally, "tallyOf", NamedNode(document))
        add(tally, "placeCount", Literal(str(-places), datatype=INTEGER))
        add(tally, "totalCitations", Literal(str(-citations), datatype=INTEGER))
        add(tally, "citingPlaceNames", Literal(PLACE_SEPARATOR.join(names)))
        add(tally, "rank", Literal(str(rank), datatype=INTEGER))
    return sorted(quads, key=str)
