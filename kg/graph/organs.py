"""Triples about authors, organs and institutions, used by ``kg.graph.document``.

* the report: which line decided its author (kg:authorEvidence, kg:authorEvidenceLine) and how
  sure the reading is (kg:authorConfidence);
* an institution: an org:OrganizationalUnit of its place's government (or party committee),
  or, for a counted class (13个婚姻家庭调委会), a kg:InstitutionClass of the place;
* a mention: the count given for a class (kg:count), the founding of an institution the
  sentence reports (schema:foundingDate; kg:establishedBy is a Relation), and the role a
  named government plays in the sentence (kg:governmentRole: superior, partner).
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode

from kg.graph.terms import KGNS, ORG, RDF, SCHEMA, SKOS, decimal, integer, year, zh
from kg.model import Entity, Mention, ResolvedDocument
from kg.vocab import DIV, GOV

Triple = tuple[NamedNode, NamedNode, object]


def report_author_triples(rd: ResolvedDocument, report: NamedNode) -> Iterator[Triple]:
    """The evidence and confidence of the report's author."""
    if rd.publisher:
        yield report, KGNS.publisherName, zh(rd.publisher)
    if not rd.author:
        return
    if rd.author_evidence:
        yield report, KGNS.authorEvidence, Literal(rd.author_evidence)
    if rd.author_line:
        yield report, KGNS.authorEvidenceLine, zh(rd.author_line)
    if rd.author_confidence is not None:
        yield report, KGNS.authorConfidence, decimal(f"{rd.author_confidence:.2f}")


def institution_triples(e: Entity) -> Iterator[Triple]:
    """An institution of a place, or a class of institutions of a place."""
    s = NamedNode(e.iri)
    place = e.attr("place")
    if e.attr("kind") == "class":
        yield s, RDF.type, SKOS.Concept
        yield s, RDF.type, KGNS.InstitutionClass
        yield s, SKOS.prefLabel, zh(e.label)
        if place:
            yield s, SCHEMA.areaServed, NamedNode(place)
        return
    yield s, RDF.type, ORG.OrganizationalUnit
    yield s, RDF.type, SCHEMA.GovernmentOrganization
    yield s, RDF.type, KGNS.Institution
    yield s, SKOS.prefLabel, zh(e.label)
    if place:
        yield s, SCHEMA.areaServed, NamedNode(place)
        unit_of = e.attr("unit_of") or GOV + place.rsplit("/", 1)[1]
        yield s, ORG.unitOf, NamedNode(unit_of)


def organization_triples(e: Entity) -> Iterator[Triple]:
    """An author without a place: a national body, or a town the text does not place."""
    s = NamedNode(e.iri)
    national = e.attr("scope") == "national"
    yield s, RDF.type, ORG.FormalOrganization
    yield s, RDF.type, SCHEMA.GovernmentOrganization
    yield s, RDF.type, KGNS.NationalBody if national else KGNS.UnplacedBody
    yield s, SKOS.prefLabel, zh(e.label)
    for code in (e.attr("candidates") or "").split():
        yield s, KGNS.candidatePlace, NamedNode(DIV + code)
    within = e.attr("within")
    if within:
        yield s, KGNS.placeWithin, NamedNode(DIV + within)


def organ_mention_triples(
    m: Mention, ann: NamedNode, entity: NamedNode, report_year: int | None
) -> Iterator[Triple]:
    """What the sentence says about an institution or government mention."""
    count = m.attr("count")
    if count and count.isdigit():
        yield ann, KGNS["count"], integer(int(count))
    if m.type == "institution" and m.attr("established") == "1" and not m.attr("count"):
        founded = m.attr("year")
        when = int(founded) if founded else report_year
        if when is not None:
            yield entity, SCHEMA.foundingDate, year(when)
    # superior/partner are decided by the resolver (kg.graph.document, from its relations).
