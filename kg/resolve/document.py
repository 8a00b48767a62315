"""Resolve one document's mentions to entities: author first, then every mention."""

from __future__ import annotations

from collections.abc import Callable

from kg.model import Document, Entity, Mention, Relation, Resolved, ResolvedDocument
from kg.resolve.authors import addressee_organs, author_entity, resolve_authorship
from kg.resolve.context import DocumentContext, Resources
from kg.resolve.indicators import resolve_indicator
from kg.resolve.initiatives import resolve_initiative
from kg.resolve.institutions import resolve_institution
from kg.resolve.places import (
    STATE,
    national_entity,
    organ_of_place_named_before,
    place_entity,
    resolve_government,
)
from kg.resolve.regulations import resolve_regulation
from kg.vocab import document_iri

Resolver = Callable[[Mention, DocumentContext], Entity | None]

RESOLVERS: dict[str, Resolver] = {
    "regulation": resolve_regulation,
    "government": resolve_government,
    "institution": resolve_institution,
    "initiative": resolve_initiative,
    "indicator": resolve_indicator,
}


def resolve_document(doc: Document, mentions: list[Mention], res: Resources) -> ResolvedDocument:
    """Entities for the author and for every mention of ``doc``."""
    year = doc.meta.year
    gz = res.gazetteer
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []

    def keep(entity: Entity) -> Entity:
        entities.setdefault(entity.iri, entity)
        return entity

    authorship = resolve_authorship(doc, res)
    author_div = authorship.division
    base = DocumentContext(res, year, author_div, None, keep, relations.append, doc=doc.sha1[:16])
    author_entities = [author_entity(o, base) for o in authorship.organs]
    # 我县/全县 and unqualified institutions belong to the author place's people's government
    # (a national body or a town the text does not place is its own 我部/我镇)
    main = base.keep_government(author_div, "government") if author_div else None
    if main is None and author_entities:
        # a joint report of an unplaced town (中共西仓镇委员会、西仓镇人民政府): its 我镇/全镇
        # are its government's, as for a placed author, not its committee's
        main = next((e for e in author_entities if e.attr("organ") == "government"), None)
        main = main or author_entities[0]
    own = next((e for e in author_entities if e.type in ("institution", "organization")), None)
    if author_div is None and any(e.attr("scope") == "national" for e in author_entities):
        keep(national_entity(STATE))  # a national body's numbers are the whole country's
    ctx = DocumentContext(
        res, year, author_div, main, keep, relations.append, own, doc.sha1[:16], authorship.named
    )
    addressees = [
        ctx.keep_government(div, organ)
        for div, organ in addressee_organs(doc, res, ctx.context_codes)
    ]

    # Institutions first: a government inside a resolved institution's name (山西省 in
    # 山西省民营经济发展局) is part of that name, not resolved.  (A quoted theme taken as an
    # initiative, “建设更高水平法治天水”, keeps its 法治天水: the guide's 法治X is the place.)
    first = {
        i: RESOLVERS[m.type](m, ctx) for i, m in enumerate(mentions) if m.type == "institution"
    }
    names = [(mentions[i].start, mentions[i].end) for i, e in first.items() if e is not None]
    resolved: list[Resolved] = []
    for i, m in enumerate(mentions):
        if i in first:
            entity = first[i]
        elif m.type == "government" and m.attr("role") != "partner" and _inside(m, names):
            continue  # (a partner place stays: 与山东省滨州市惠民县行政审批服务局签署协议)
        else:
            entity = RESOLVERS[m.type](m, ctx)
            if entity is None and m.type == "government" and m.attr("short") == "1":
                entity = organ_of_place_named_before(m, resolved, ctx)
        if entity is not None:
            resolved.append(Resolved(m, keep(entity)))

    return ResolvedDocument(
        document=doc,
        iri=document_iri(doc.sha1),
        author=tuple(author_entities),
        author_place=keep(place_entity(author_div, gz, year)[0]) if author_div else None,
        mentions=tuple(resolved),
        entities=tuple(sorted(entities.values(), key=lambda e: e.iri)),
        relations=tuple(relations),
        addressees=tuple(addressees),
        author_confidence=authorship.confidence,
        author_evidence=authorship.evidence,
        author_line=authorship.line,
        publisher=authorship.publisher,
    )


def _inside(m: Mention, names: list[tuple[int, int]]) -> bool:
    """Whether ``m`` lies inside one of the longer ``names`` (spans do not nest)."""
    return any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in names)
