"""Resolve one document's mentions to entities: author first, then every mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Document, Entity, Mention, Relation, Resolved, ResolvedDocument
from kg.resolve.catalog import Catalog
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.initiatives import InitiativeScheme, normalise_term
from kg.resolve.institutions import full_institution_name, institution_entity
from kg.resolve.places import find_place, government_chain, place_entity, split_organ
from kg.resolve.regulations import cited_title, regulation_entity
from kg.vocab import KG, document_iri, indicator_iri

_LEVEL_CHAR = {"province": "省", "prefecture": "市", "county": "县", "township": "镇"}


@dataclass(frozen=True)
class Resources:
    """Reference data every document is resolved against (loaded once per process)."""

    gazetteer: Gazetteer
    catalog: Catalog
    initiatives: InitiativeScheme

    @classmethod
    def load(cls) -> Resources:
        """The gazetteer, catalogue and initiative scheme shipped with the package."""
        return cls(Gazetteer.load(), Catalog.load(), InitiativeScheme.load())


def _level_char(div: Division) -> str:
    """The character a report uses for its own level: 县 for 固安县, 区 for 渝北区."""
    for ch in ("街道", "镇", "乡", "县", "区", "旗", "市", "州", "盟", "省"):
        if div.name.endswith(ch):
            return ch
    return _LEVEL_CHAR.get(div.level, "")


def resolve_author(doc: Document, res: Resources) -> tuple[tuple[tuple[Division, str], ...], str]:
    """The author organs ``((division, organ), …)`` of ``doc`` and the evidence used."""
    meta = doc.meta
    year = meta.year
    found: list[tuple[Division, str]] = []
    context: tuple[str, ...] = ()
    for name in meta.author_names:
        place, organ = split_organ(name)
        if meta.author_evidence == "title-place":
            organ = "government"
        div = find_place(place, res.gazetteer, year, context)
        if div is None and place != name:
            div = find_place(name, res.gazetteer, year, context)
        if div is not None:
            found.append((div, organ))
            context = tuple(d.code for d in res.gazetteer.chain(div.code, year))
    if found:
        return tuple(found), meta.author_evidence
    # Last resort: the most specific place of the report's own level named in its opening.
    head = doc.text[:600]
    for m in re.finditer(r"[\u4e00-\u9fff]{2,12}?(?:县|区|市|镇|乡|街道)", head):
        div = find_place(m.group(), res.gazetteer, year)
        if div is not None and (not meta.self_level or div.name.endswith(meta.self_level)):
            return ((div, "government"),), "opening-place"
    return (), ""


def resolve_document(doc: Document, mentions: list[Mention], res: Resources) -> ResolvedDocument:
    """Entities for the author and for every mention of ``doc``."""
    year = doc.meta.year
    gz = res.gazetteer
    authors, _evidence = resolve_author(doc, res)
    entities: dict[str, Entity] = {}

    def keep(entity: Entity) -> Entity:
        entities.setdefault(entity.iri, entity)
        return entity

    author_entities: list[Entity] = []
    author_div: Division | None = authors[0][0] if authors else None

    def keep_government(div: Division, organ: str) -> Entity:
        first, *rest = government_chain(div, organ, gz, year)
        for entity in rest:
            keep(entity)
        return keep(first)

    for div, organ in authors:
        author_entities.append(keep_government(div, organ))
    context = tuple(d.code for d in gz.chain(author_div.code, year)) if author_div else ()
    author_code = author_div.code if author_div else None
    level_char = _level_char(author_div) if author_div else ""
    main_author = next((e for e in author_entities if e.attr("organ") == "government"), None)
    main_author = main_author or (author_entities[0] if author_entities else None)

    addressees: list[Entity] = []
    for name in doc.meta.addressees:
        place, organ = split_organ(name)
        div = find_place(place, gz, year, context)
        if div is not None:
            addressees.append(keep_government(div, organ))

    resolved: list[Resolved] = []
    relations: list[Relation] = []
    for m in mentions:
        entity: Entity | None = None
        if m.type == "regulation":
            title = cited_title(m)
            short = m.attr("antecedent") is None and _is_bare_short(title)
            has_place = _starts_with_place(title, gz, year)
            entity = regulation_entity(title, res.catalog, year, author_code, has_place, short)
            container = m.attr("container")
            if container:
                outer = regulation_entity(
                    container,
                    res.catalog,
                    year,
                    author_code,
                    _starts_with_place(container, gz, year),
                )
                relations.append(Relation(keep(outer).iri, KG + "implements", entity.iri, m))
        elif m.type == "government":
            if m.attr("self") == "1":
                entity = main_author
            else:
                place, organ = m.attr("place") or m.surface, m.attr("organ")
                organ_kind = split_organ(m.surface)[1] if organ else "government"
                div = find_place(place, gz, year, context)
                if div is not None:
                    entity = keep_government(div, organ_kind)
        elif m.type == "institution":
            if author_div is None:
                continue
            name = full_institution_name(m.surface, author_div.name, level_char)
            keep_government(author_div, "government")
            entity = institution_entity(name, author_div.code, author_div.name)
        elif m.type == "initiative":
            entity = res.initiatives.entity(m.attr("term") or m.surface)
        elif m.type == "indicator":
            subject = m.attr("subject") or m.surface
            key = normalise_term(subject)
            entity = Entity(iri=indicator_iri(key), type="indicator", label=subject, key=key)
        if entity is None:
            continue
        resolved.append(Resolved(m, keep(entity)))

    return ResolvedDocument(
        document=doc,
        iri=document_iri(doc.sha1),
        author=tuple(author_entities),
        author_place=entities.get(place_entity(author_div, gz, year)[0].iri)
        if author_div
        else None,
        mentions=tuple(resolved),
        entities=tuple(sorted(entities.values(), key=lambda e: e.iri)),
        relations=tuple(relations),
        addressees=tuple(addressees),
    )


def _is_bare_short(title: str) -> bool:
    """《实施办法》, 《纲要》: a generic name alone, with nothing to resolve it to."""
    return len(title) <= 6 and bool(
        re.fullmatch(
            r"[\u4e00-\u9fff]{0,3}(纲要|办法|条例|规定|意见|方案|细则|决定|通知|规划|要点)", title
        )
    )


def _starts_with_place(title: str, gz: Gazetteer, year: int | None) -> bool:
    """Whether a title opens with a place name (河北省…, 固安县…, 2024年甘谷县…)."""
    head = re.sub(r"^(?:(?:19|20)\d{2}年度?|关于|中共|全县|全市)+", "", title)
    return bool(gz.parse_path(head[:12], year))
