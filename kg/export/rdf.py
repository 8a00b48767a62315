"""The RDF files a build writes and their formats (written by ``kg.outputs``).

N-Triples, Turtle, TriG and JSON-LD are joined from pieces (``kg.export.dumps``), one
per report graph plus those of the reference graphs and the tallies: a report's piece
is kept with its part, so a rebuild serialises only what changed, and the joined file
has the same bytes as serialising the whole build at once (Oxigraph's writers start a
new subject, or graph, at every piece's first triple either way; a test checks it).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import RdfFormat, parse, serialize

from kg.vocab import PREFIXES

# Output file name -> (format, whether it keeps named graphs).
RDF_FILES: dict[str, tuple[RdfFormat, bool]] = {
    "graph.ttl": (RdfFormat.TURTLE, False),
    "graph.nt": (RdfFormat.N_TRIPLES, False),
    "graph.nq": (RdfFormat.N_QUADS, True),
    "graph.trig": (RdfFormat.TRIG, True),
    "graph.jsonld": (RdfFormat.JSON_LD, False),
}

# Every file but graph.nq (the parts' own N-Quads, copied as they are).
DUMP_FORMATS = {name: fmt for name, (fmt, _) in RDF_FILES.items() if name != "graph.nq"}


def dump_pieces(
    nquads: bytes, formats: Iterable[RdfFormat] = DUMP_FORMATS.values()
) -> dict[RdfFormat, bytes]:
    """One report's graph (or the reference graphs) in each of ``formats``: its dump pieces.

    Turtle and TriG without their ``@prefix`` lines, JSON-LD without the brackets
    of its top-level array: ``kg.export.dumps.DumpWriter`` puts them back once. Graph formats get
    the triples (the union of the build's graphs holds each triple once). The
    N-Quads are parsed once for every format: parsing was most of the cost.
    """
    quads = list(parse(nquads, format=RdfFormat.N_QUADS))
    triples = [quad.triple for quad in quads]
    pieces = {}
    for fmt in formats:
        prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
        data = quads if fmt == RdfFormat.TRIG else triples
        body = serialize(data, format=fmt, prefixes=prefixes) or b""
        if fmt == RdfFormat.JSON_LD:
            body = body.strip()[1:-1]
        else:
            body = body[len(prefix_lines(body)) :]
        pieces[fmt] = body
    return pieces


def prefix_lines(body: bytes) -> bytes:
    """The ``@prefix`` lines that start a Turtle or TriG serialisation."""
    end = 0
    while body.startswith(b"@prefix ", end):
        end = body.index(b"\n", end) + 1
    return body[:end]
