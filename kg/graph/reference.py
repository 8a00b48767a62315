"""The shared reference graphs: where a fact that no single document owns is stored.

Places, governments and their organs, institutions, the cited documents, the
initiative and indicator schemes and the ontology each have one named graph.
A fact about such an entity is stored there once, whatever number of reports
name the entity; what a report says about it (the mention, the citation, the
adoption, the observation, with sentence and offsets) stays in the report's
own graph. So every triple of a build is in exactly one graph, and counting
triples, entities or rows never counts a fact once per report.
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from kg.vocab import BASE, DIV, GOV, IND, INI, LAW, ORGU

GRAPH = BASE + "graph/"

# Entity namespace -> the reference graph holding facts about its entities.
REFERENCE_GRAPHS: dict[str, str] = {
    DIV: GRAPH + "places",
    GOV: GRAPH + "governments",
    ORGU: GRAPH + "institutions",
    LAW: GRAPH + "regulations",
    INI: GRAPH + "initiatives",
    IND: GRAPH + "indicators",
}
ONTOLOGY_GRAPH = GRAPH + "ontology"
# Facts computed from the whole build once it is stored (see kg.store.tallies): neither
# a report's nor shared reference data, and only right for the build that made them.
TALLY_GRAPH = GRAPH + "tallies"
DERIVED_GRAPHS = (TALLY_GRAPH,)
OTHER_GRAPH = GRAPH + "other"  # subjects outside the project's namespaces (none today)


def reference_graph_iri(subject: str) -> str:
    """The IRI of the reference graph that holds facts about ``subject``."""
    for namespace, graph in REFERENCE_GRAPHS.items():
        if subject.startswith(namespace):
            return graph
    return OTHER_GRAPH


def is_reference_graph(graph: str) -> bool:
    """True for the shared graphs, False for a report's own graph or a derived graph."""
    return graph.startswith(GRAPH) and graph not in DERIVED_GRAPHS


def is_derived_graph(graph: str) -> bool:
    """True for a graph computed from the whole build (the tallies)."""
    return graph in DERIVED_GRAPHS


def ontology_quads() -> list[Quad]:
    """The project's vocabulary (``ontology/kg.ttl``) as quads of the ontology graph."""
    from importlib.resources import files

    data = files("kg.ontology").joinpath("kg.ttl").read_bytes()
    graph = NamedNode(ONTOLOGY_GRAPH)
    triples = parse(data, format=RdfFormat.TURTLE)
    return sorted((Quad(t.subject, t.predicate, t.object, graph) for t in triples), key=str)
