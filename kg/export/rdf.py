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


def serialise(data: list[Quad] | list[Triple], fmt: RdfFormat) -> bytes:
    """Sorted quads (for dataset formats) or union triples (for graph formats) in ``fmt``."""
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return serialize(data, format=fmt, prefixes=prefixes) or b""
