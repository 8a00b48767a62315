"""Triples of initiatives (SKOS concepts, adoptions) and indicators (observations).

An initiative is a ``skos:Concept`` of the scheme ``ini:scheme`` (with its
alternative labels, broader concept and the document that defines it). Each
report states one ``kg:Adoption`` per initiative it mentions: a qualified
relation (like ``org:Membership``) between the author government, the
initiative and the year reported on, with every mention as evidence, beside
the plain shortcut ``gov kg:adopts initiative``.

An indicator is a ``skos:Concept`` of ``ind:scheme`` (what is counted); each
number is a ``schema:Observation`` of it, about the author government, dated
with the report's year, with value, unit, approximate flag, what was counted (object and action)
and its mention. Whose number it is (``schema:observationAbout``) is the
people's government of the report's place: a department's report counts
for its place, as the annotation guide reads ``whose``.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode

from kg.graph.terms import DCT, KGNS, PROV, RDF, SCHEMA, SKOS, boolean, year, zh
from kg.model import Entity, Mention
from kg.vocab import IND, INI, digest

Triple = tuple[NamedNode, NamedNode, object]
DECIMAL = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def initiative_triples(e: Entity) -> Iterator[Triple]:
    """An initiative concept with its labels, scheme, broader concept and defining document."""
    s = NamedNode(e.iri)
    yield s, RDF.type, SKOS.Concept
    yield s, RDF.type, KGNS.Initiative
    yield s, SKOS.prefLabel, zh(e.label)
    yield s, SKOS.inScheme, NamedNode(INI + "scheme")
    if e.attr("scope") == "national":
        yield s, RDF.type, KGNS.NationalProgramme
    elif e.attr("scope") == "local":
        yield s, RDF.type, KGNS.LocalPractice
        yield s, DCT.spatial, NamedNode(e.attr("spatial") or "")
    for alias in e.aliases:
        yield s, SKOS.altLabel, zh(alias)
    for broader in (e.attr("broader") or "").split():
        yield s, SKOS.broader, NamedNode(broader)
    if e.attr("defined_by"):
        yield s, KGNS.definedBy, NamedNode(e.attr("defined_by") or "")


def indicator_triples(e: Entity) -> Iterator[Triple]:
    """An indicator concept: what is counted, in which dimension."""
    s = NamedNode(e.iri)
    yield s, RDF.type, SKOS.Concept
    yield s, RDF.type, KGNS.Indicator
    yield s, SKOS.prefLabel, zh(e.label)
    yield s, SKOS.notation, Literal(e.key)
    if e.attr("in_scheme"):  # a concept of the curated scheme; others are the report's own words
        yield s, SKOS.inScheme, NamedNode(IND + "scheme")
    if e.attr("dimension"):
        yield s, KGNS.dimension, Literal(e.attr("dimension") or "")


def adoption_triples(
    report_iri: str, m: Mention, e: Entity, ann: NamedNode, author: str | None, when: int | None
) -> Iterator[Triple]:
    """The report's adoption of initiative ``e`` by its author in year ``when``, with evidence."""
    adoption = NamedNode(f"{report_iri}/adoption/{digest(e.iri, 12)}")
    yield adoption, RDF.type, KGNS.Adoption
    yield adoption, RDF.type, PROV.Entity
    yield adoption, KGNS.initiative, NamedNode(e.iri)
    yield adoption, PROV.wasDerivedFrom, NamedNode(report_iri)
    yield adoption, KGNS.evidence, ann
    if author:
        yield adoption, KGNS.adopter, NamedNode(author)
        yield NamedNode(author), KGNS.adopts, NamedNode(e.iri)
    if when is not None:
        yield adoption, DCT.temporal, year(when)


def observation_triples(
    base: str, m: Mention, e: Entity, ann: NamedNode, author: str | None, when: int | None
) -> Iterator[Triple]:
    """One number of the report as a ``schema:Observation`` of indicator ``e``."""
    obs = NamedNode(base + "/observation")
    yield obs, RDF.type, SCHEMA.Observation
    yield obs, SCHEMA.variableMeasured, NamedNode(e.iri)
    yield obs, KGNS.mention, ann
    if m.attr("value"):
        yield obs, SCHEMA.value, Literal(m.attr("value") or "", datatype=DECIMAL)
    yield obs, SCHEMA.unitText, zh(m.attr("unit") or "")
    yield obs, KGNS.approximate, boolean(m.attr("approximate") == "1")
    if m.attr("subject"):
        yield obs, KGNS.counts, zh(m.attr("subject") or "")
    if m.attr("object"):
        yield obs, KGNS.countedObject, zh(m.attr("object") or "")
    if m.attr("verb"):
        yield obs, KGNS.action, zh(m.attr("verb") or "")
    if author:
        yield obs, SCHEMA.observationAbout, NamedNode(author)
    if when is not None:
        yield obs, SCHEMA.observationDate, year(when)
