"""Tallies computed from a stored build: how many places cite each document.

"Which documents are cited across places" is the question asked most, and on
a store of ten thousand reports even the citation summaries take about half a
second to count. So the unfiltered answer is counted once, when the build is
stored, and kept as one ``kg:CitationTally`` per cited document in the tallies
graph: ``kg cited-across`` without filters reads those rows. A tally is right
only for the build that made it, so shards do not push theirs (``kg.push``)
and the filtered questions still count the summaries.

The tallies are made of the citation counts: how often each place cites each
document (the ``citation-counts`` query), with the places' names and the
documents' titles from the reference graphs. A build sums them over its
reports' graphs (``report_citations`` of each part, while its store loads); a
rebuild moves the previous build's counts by the citations of the reports that
came and went, which on a 1 % rebuild of ten thousand reports saves reading
every part again. Either gives what the ``citation-counts`` query counts in the
store (``stored_citations``, used for a store of pushed shards and a build
without an output folder), and so the rows of the ``cited-across`` query with
``?min`` = 1.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, parse

from kg.graph.reference import TALLY_GRAPH
from kg.store.oxigraph import run_query
from kg.vocab import KG, PREFIXES, digest

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
INTEGER = NamedNode(PREFIXES["xsd"] + "integer")
NAME = NamedNode(PREFIXES["schema"] + "name")
AREA = NamedNode(PREFIXES["schema"] + "AdministrativeArea")
KIND = NamedNode(KG + "kind")
CITED = NamedNode(PREFIXES["cito"] + "hasCitedEntity")
CITING_PLACE = NamedNode(KG + "citingPlace")
COUNT = NamedNode(KG + "citationCount")

PLACE_SEPARATOR = "、"

# (cited document IRI, citing place IRI) -> how often the place's reports cite it
CitationCounts = Counter[tuple[str, str]]


def tally_iri(document: str) -> str:
    """The tally of a cited document: a stable IRI from the document's IRI."""
    return f"{TALLY_GRAPH}/{digest(document)}"


def stored_citations(store: Store) -> CitationCounts:
    """How often each place cites each document, counted over the whole store."""
    from kg.query import named_queries  # the query layer reads stores; imported when used

    answer = run_query(store, named_queries()["citation-counts"].render())
    assert isinstance(answer, QuerySolutions)
    return Counter(
        {
            (row["regulation"].value, row["place"].value): int(row["citations"].value)
            for row in answer
        }
    )


_CITATION_LINES = tuple(f"<{p.value}>".encode() for p in (CITED, CITING_PLACE, COUNT))


def report_citations(nquads: bytes) -> CitationCounts:
    """How often one report's graph (its N-Quads) cites each document, by citing place:
    what the report adds to ``stored_citations``."""
    lines = lines_with(nquads, _CITATION_LINES)
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for quad in parse(b"\n".join(lines), format=RdfFormat.N_QUADS):
        found[quad.subject.value][quad.predicate.value].append(quad.object.value)
    counts: CitationCounts = Counter()
    for fields in found.values():
        # One row per (document, place, count) of a citation, as the query joins them.
        for document in fields[CITED.value]:
            for place in fields[CITING_PLACE.value]:
                for n in fields[COUNT.value]:
                    counts[document, place] += int(n)
    return counts


def citation_tallies(counts: CitationCounts, reference: bytes) -> list[Quad]:
    """One ``kg:CitationTally`` per cited document, sorted quads, from the citation counts
    and the build's reference graphs (``reference``, N-Quads: names, titles, kinds).

    Each holds ``kg:tallyOf`` the document, ``kg:placeCount`` (distinct citing
    places), ``kg:totalCitations``, ``kg:citingPlaceNames`` (the places' names,
    sorted, joined with 、) — the columns of ``cited-across`` — and ``kg:rank``,
    the row's place in that query's order (most places, most citations, title).
    Sorting on titles in the on-disk store reads every title many times; on a
    rank it reads none.
    """
    names, areas, kinds = _reference_names(reference)
    places: dict[str, set[str]] = defaultdict(set)
    citations: Counter[str] = Counter()
    for (document, place), n in counts.items():
        if place in areas and names[place] and n:
            places[document].add(place)
            # The query joins each of a place's names: one row (and its count) per name.
            citations[document] += n * len(names[place])
    rows = sorted(
        (-len(cited_by), -citations[document], title, document, cited_by)
        for document, cited_by in places.items()
        for title in names[document]
        for _ in range(max(1, kinds[document]))  # the query's OPTIONAL kind, row per kind
    )
    graph = NamedNode(TALLY_GRAPH)
    quads: list[Quad] = []

    def add(subject: NamedNode, name: str, value: NamedNode | Literal) -> None:
        quads.append(Quad(subject, NamedNode(KG + name), value, graph))

    for rank, (n_places, n_citations, _, document, cited_by) in enumerate(rows, start=1):
        tally = NamedNode(tally_iri(document))
        place_names = sorted({name for place in cited_by for name in names[place]})
        quads.append(Quad(tally, RDF_TYPE, NamedNode(KG + "CitationTally"), graph))
        add(tally, "tallyOf", NamedNode(document))
        add(tally, "placeCount", Literal(str(-n_places), datatype=INTEGER))
        add(tally, "totalCitations", Literal(str(-n_citations), datatype=INTEGER))
        add(tally, "citingPlaceNames", Literal(PLACE_SEPARATOR.join(place_names)))
        add(tally, "rank", Literal(str(rank), datatype=INTEGER))
    return sorted(set(quads), key=str)


_NAME_LINES = (f"<{NAME.value}>".encode(), f"<{AREA.value}>".encode(), f"<{KIND.value}>".encode())


def _reference_names(
    reference: bytes,
) -> tuple[dict[str, set[str]], set[str], Counter[str]]:
    """Every subject's names, the administrative areas, and how many kinds each has."""
    lines = lines_with(reference, _NAME_LINES)
    names: dict[str, set[str]] = defaultdict(set)
    areas: set[str] = set()
    kinds: dict[str, set[str]] = defaultdict(set)
    for quad in parse(b"\n".join(lines), format=RdfFormat.N_QUADS):
        subject = quad.subject.value
        if quad.predicate == NAME:
            names[subject].add(quad.object.value)
        elif quad.predicate == RDF_TYPE and quad.object == AREA:
            areas.add(subject)
        elif quad.predicate == KIND:
            kinds[subject].add(str(quad.object))
    return names, areas, Counter({s: len(k) for s, k in kinds.items()})


def lines_with(data: bytes, needles: tuple[bytes, ...]) -> list[bytes]:
    """The lines of ``data`` that hold one of ``needles``, each once, in no set order.

    Found by searching the bytes, not by splitting them into lines: the reference
    data of ten thousand reports is half a million lines, of which the tallies need
    a few percent (a tenth of the time).
    """
    found: dict[int, bytes] = {}
    for needle in needles:
        at = data.find(needle)
        while at != -1:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end == -1 else end
            found[start] = data[start:end]
            at = data.find(needle, end)
    return list(found.values())
