"""RDF dumps: Turtle, N-Triples, N-Quads, TriG and JSON-LD, byte-stable."""

from __future__ import annotations

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.vocab import PREFIXES

# Output file name -> (format, whether it keeps named graphs).
RDF_FILES: dict[str, tuple[RdfFormat, bool]] = {
    "graph.ttl": (RdfFormat.TURTLE, False),
    "graph.nt": (RdfFormat.N_TRIPLES, False),
    "graph.nq": (RdfFormat.N_QUADS, True),
    "graph.trig": (RdfFormat.TRIG, True),
    "graph.jsonld": (RdfFormat.JSON_LD, False),
}


def union_triples(quads: list[Quad]) -> list[Triple]:
    """The default-graph union of ``quads``, deduplicated and sorted."""
    return sorted({q.triple for q in quads}, key=str)


def serialise(quads: list[Quad], fmt: RdfFormat, keep_graphs: bool) -> bytes:
    """``quads`` (already sorted) in ``fmt``; triples formats get the union graph."""
    data = quads if keep_graphs else union_triples(quads)
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return serialize(data, format=fmt, prefixes=prefixes) or b""
