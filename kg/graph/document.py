"""One resolved document -> the quads of its named graph and the reference facts it needs.

What the document says lives in the graph named by the report's IRI: the
report, its author, every mention with its sentence and offsets, citations,
adoptions and observations (every subject there is the report or a resource
minted under the report's IRI). What the document only refers to, the
entities it names with their labels, places and relations, is shared
reference data: it is returned apart, keyed by the reference graph it
belongs to (``kg.graph.reference``), so that the build stores each such fact
once however many documents name it. Graphs of different documents merge by
plain union, and re-extracting one document replaces exactly one named graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from kg.graph.kinds import legal_type, level
from kg.graph.organs import (
    institution_triples,
    organ_mention_triples,
    organization_triples,
    report_author_triples,
)
from kg.graph.reference import reference_graph_iri
from kg.graph.terms import (
    CITO,
    DCT,
    ELI,
    KGNS,
    OA,
    ORG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    boolean,
    date,
    integer,
    year,
    zh,
)
from kg.model import Entity, Mention, Resolved, ResolvedDocument
from kg.resolve.places import STATE, national_entity
from kg.vocab import GOV, KIND, document_iri, government_iri

ROLES = ("superior", "partner")  # relations between governments that a mention evidences


@dataclass(frozen=True)
class DocumentGraph:
    """One document's named graph, and the reference facts it relies on, as N-Quads."""

    iri: str  # the report's IRI, which names its graph
    nquads: bytes  # the quads of the graph named by the report's IRI, one per line, sorted
    reference: tuple[str, ...]  # N-Quads lines in the shared reference graphs, sorted


def document_graph(rd: ResolvedDocument) -> DocumentGraph:
    """Split ``rd``'s statements into its own named graph and the shared reference graphs."""
    own_graph = f"<{rd.iri}>"
    below = rd.iri + "/"
    own: set[str] = set()
    reference: set[str] = set()
    for s, p, o in _triples(rd):
        v = s.value
        # A term's str() is its N-Triples form, the very bytes Oxigraph's N-Quads writer
        # gives it (a test checks it on every kind of literal): a line per statement is
        # made without building a Quad, which cost most of this function.
        if v == rd.iri or v.startswith(below):
            own.add(f"{s} {p} {o} {own_graph} .")
        else:
            reference.add(f"{s} {p} {o} <{reference_graph_iri(v)}> .")
    # Sorting the lines orders them and the set dropped repeats (a sentence said once per
    # mention in it) far faster than comparing quads in Python.
    return DocumentGraph(
        rd.iri,
        "".join(line + "\n" for line in sorted(own)).encode("utf-8"),
        tuple(sorted(reference)),
    )


def _triples(rd: ResolvedDocument) -> Iterator[tuple[NamedNode, NamedNode, object]]:
    doc = rd.document
    meta = doc.meta
    report = NamedNode(rd.iri)
    text = NamedNode(rd.iri + "/text")
    yield report, RDF.type, SCHEMA.Report
    yield report, RDF.type, PROV.Entity
    yield report, RDF.type, KGNS.Report
    yield report, RDFS.label, zh(meta.title or doc.name)
    if meta.title:
        yield report, DCT.title, zh(meta.title)
    yield report, KGNS.sourceFile, Literal(doc.name)
    yield report, KGNS.sha1, Literal(doc.sha1)
    yield report, DCT.language, Literal("zh")
    yield report, DCT.type, NamedNode(KIND + meta.kind)
    if meta.year is not None:
        yield report, DCT.temporal, year(meta.year)
    if meta.date:
        yield report, DCT.date, date(meta.date)
    for author in rd.author:
        yield report, DCT.creator, NamedNode(author.iri)
    for addressee in rd.addressees:
        yield report, KGNS.reportedTo, NamedNode(addressee.iri)
    yield from report_author_triples(rd, report)
    yield text, RDF.type, PROV.Entity
    yield text, PROV.wasDerivedFrom, report
    yield text, DCT.format, Literal("text/plain")
    yield text, KGNS.encoding, Literal(doc.encoding)

    for entity in rd.entities:
        yield from _entity_triples(entity)
    for rel in rd.relations:
        yield NamedNode(rel.subject), NamedNode(rel.predicate), NamedNode(rel.object)
        role = rel.predicate.rsplit("#", 1)[-1]  # kg:superior -> "superior"
        if rel.mention is not None and role in ROLES:
            # The shared graph keeps "A's superior is B" once; which report said so, and
            # where, is the role on that report's own mention.
            m = rel.mention
            yield (
                NamedNode(mention_iri(rd.iri, m)),
                KGNS.governmentRole,
                Literal(role),
            )

    primary = rd.primary_author.iri if rd.primary_author else None
    for r in rd.mentions:
        yield from _mention_triples(rd, r, report, text, primary)
    yield from _citations(rd, report)


def mention_iri(report_iri: str, m: Mention) -> str:
    """A mention's IRI: its report's, its type and its offsets (<report>/<type>/<start>-<end>)."""
    return f"{report_iri}/{m.type}/{m.start}-{m.end}"


def _citations(
    rd: ResolvedDocument, report: NamedNode
) -> Iterator[tuple[NamedNode, NamedNode, object]]:
    """One cito:Citation per document the report cites: who, where, when, how often.

    The citation carries the report's place, year and author and every mention that
    is its evidence, so "which documents are cited across places" reads one resource
    per (report, document) instead of joining every mention to its report, the report
    to its authors and the authors to their places.
    """
    mentions: dict[str, list[str]] = {}
    for r in rd.mentions:
        if r.mention.type == "regulation":
            m = r.mention
            mentions.setdefault(r.entity.iri, []).append(mention_iri(rd.iri, m))
    primary = rd.primary_author
    place = primary.attr("place") if primary else None
    for cited, evidence in sorted(mentions.items()):
        citation = NamedNode(f"{rd.iri}/cites/{hashlib.sha1(cited.encode()).hexdigest()[:16]}")
        yield citation, RDF.type, CITO.Citation
        yield citation, CITO.hasCitingEntity, report
        yield citation, CITO.hasCitedEntity, NamedNode(cited)
        yield citation, CITO.hasCitationCharacterization, CITO.citesAsAuthority
        yield citation, KGNS.citationCount, integer(len(evidence))
        for ann in evidence:
            yield citation, KGNS.mention, NamedNode(ann)
        if rd.document.meta.year is not None:
            yield citation, DCT.date, year(rd.document.meta.year)
        if primary is not None:
            yield citation, PROV.wasAttributedTo, NamedNode(primary.iri)
        if place:
            yield citation, KGNS.citingPlace, NamedNode(place)


def _whose(rd: ResolvedDocument, author: str | None) -> str | None:
    """Whose numbers a report gives: its place's people's government, else its author.

    A national body (司法部, 应急管理部) reports the whole country's numbers: they are the
    State Council's, as a county bureau's are its county's people's government's.
    """
    place = rd.author_place
    if place is None:
        if any(e.attr("scope") == "national" for e in rd.author):
            return national_entity(STATE).iri
        return author
    return government_iri(place.attr("code") or place.key, "government")


def _entity_triples(e: Entity) -> Iterator[tuple[NamedNode, NamedNode, object]]:
    s = NamedNode(e.iri)
    if e.type == "place":
        yield s, RDF.type, SCHEMA.AdministrativeArea
        yield s, SCHEMA.name, zh(e.label)
        yield s, SKOS.notation, Literal(e.attr("code") or e.key, datatype=KGNS.gbt2260)
        yield s, DCT.type, level(e.attr("level"))
        parent = e.attr("parent")
        if parent:
            yield s, SCHEMA.containedInPlace, NamedNode(e.iri.rsplit("/", 1)[0] + "/" + parent)
    elif e.type == "government":
        yield s, RDF.type, ORG.FormalOrganization
        yield s, RDF.type, SCHEMA.GovernmentOrganization
        yield s, RDF.type, KGNS.Government
        yield s, SKOS.prefLabel, zh(e.label)
        yield s, ORG.classification, level(e.attr("level"))
        yield s, KGNS.organKind, KGNS[e.attr("organ") or "government"]
        place = e.attr("place")
        if place:
            yield s, SCHEMA.areaServed, NamedNode(place)
        parent = e.attr("parent")
        if parent:
            yield s, ORG.subOrganizationOf, NamedNode(parent)
        if e.attr("organ") not in (None, "government"):
            # 党委, 人大 … of a place are organs beside its 人民政府.
            yield s, KGNS.organOf, NamedNode(GOV + (e.attr("code") or ""))
    elif e.type == "regulation":
        yield s, RDF.type, ELI.LegalResource
        yield s, RDF.type, SCHEMA.Legislation
        yield s, SCHEMA.name, zh(e.label)
        yield s, KGNS.canonicalKey, Literal(e.key)
        for alias in e.aliases:
            yield s, SCHEMA.alternateName, zh(alias)
        yield s, ELI.type_document, legal_type(e.attr("kind"))
        yield s, SCHEMA.legislationType, legal_type(e.attr("kind"))
        yield s, KGNS.kind, zh(e.attr("kind") or "规范性文件")
        if e.attr("issuer"):
            yield s, KGNS.issuerName, zh(e.attr("issuer") or "")
        if e.attr("published") and len(e.attr("published") or "") == 10:
            yield s, ELI.date_document, date(e.attr("published") or "")
        if e.attr("scoped_to"):
            yield s, KGNS.scopedTo, NamedNode(GOV + (e.attr("scoped_to") or ""))
        if e.attr("scoped_doc"):
            yield s, KGNS.scopedToDocument, NamedNode(document_iri(e.attr("scoped_doc") or ""))
        # Issuing organ and jurisdiction: a local government, or national.
        if e.attr("issuer_iri"):
            yield s, ELI.passed_by, NamedNode(e.attr("issuer_iri") or "")
        if e.attr("jurisdiction"):
            yield s, SCHEMA.legislationJurisdiction, NamedNode(e.attr("jurisdiction") or "")
        elif e.attr("scope") == "national":
            yield s, SCHEMA.legislationJurisdiction, zh("中华人民共和国")
    elif e.type == "institution":
        yield from institution_triples(e)
    elif e.type == "organization":
        yield from organization_triples(e)
    elif e.type == "initiative":
        from kg.graph.programmes import initiative_triples

        yield from initiative_triples(e)
    elif e.type == "indicator":
        from kg.graph.programmes import indicator_triples

        yield from indicator_triples(e)


def _mention_triples(
    rd: ResolvedDocument, r: Resolved, report: NamedNode, text: NamedNode, author: str | None
) -> Iterator[tuple[NamedNode, NamedNode, object]]:
    m, e = r.mention, r.entity
    body = rd.document.text
    base = mention_iri(rd.iri, m)
    ann = NamedNode(base)
    # The span and its sentence are RFC 5147 fragments of the report's text
    # (<report>/text#char=start,end): Web Annotation takes such an IRI as a target
    # itself, so a mention costs a handful of quads, not a target with selectors.
    target = NamedNode(f"{text.value}#char={m.start},{m.end}")
    sentence = NamedNode(f"{text.value}#char={m.sentence_start},{m.sentence_end}")
    entity = NamedNode(e.iri)

    # kg:Mention is an oa:Annotation motivated by oa:identifying (said once, in the
    # ontology, not on each of a corpus's millions of mentions).
    yield ann, RDF.type, KGNS.Mention
    yield ann, OA.hasBody, entity
    yield ann, OA.hasTarget, target
    yield ann, KGNS.mentionType, Literal(m.type)
    yield ann, KGNS.inDocument, report
    yield ann, KGNS.surface, Literal(m.surface)
    if m.attr("quoted", "1") == "0":
        # Said only of the exception (a name found unquoted through the dictionary): on
        # every other mention it would be a quad per mention saying the span is as written.
        yield ann, KGNS.quoted, boolean(False)
    if m.attr("version"):
        yield ann, KGNS.versionNote, zh(m.attr("version") or "")
    yield target, DCT.isPartOf, sentence
    yield sentence, PROV.value, zh(body[m.sentence_start : m.sentence_end])

    if m.type == "regulation":
        # The citation itself is one resource per (report, cited document), with every
        # mention as its evidence (_citations).
        yield report, CITO.cites, entity
    else:
        yield report, SCHEMA.mentions, entity
    if m.type in ("institution", "government"):
        yield from organ_mention_triples(m, ann, entity, rd.document.meta.year)
    if m.type == "initiative":
        from kg.graph.programmes import adoption_triples

        yield from adoption_triples(rd.iri, m, e, ann, author, rd.document.meta.year)
    if m.type == "indicator":
        from kg.graph.programmes import observation_triples

        yield from observation_triples(base, m, e, ann, _whose(rd, author), rd.document.meta.year)
