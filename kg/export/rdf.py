"""The RDF files a build writes and their formats (written by ``kg.outputs``)."""

from __future__ import annotations

from pyoxigraph import RdfFormat

# Output file name -> (format, whether it keeps named graphs).
RDF_FILES: dict[str, tuple[RdfFormat, bool]] = {
    "graph.ttl": (RdfFormat.TURTLE, False),
    "graph.nt": (RdfFormat.N_TRIPLES, False),
    "graph.nq": (RdfFormat.N_QUADS, True),
    "graph.trig": (RdfFormat.TRIG, True),
    "graph.jsonld": (RdfFormat.JSON_LD, False),
}
