"""Cited documents -> regulation entities, their issuers and implementation links.

A title is resolved in this order: a short form to the full title it stands
for (decided by the extractor); the catalogue (every spelling of a catalogued
title finds its row, an edition-less title the edition in force that year);
otherwise the canonical key of the title itself. Keys of titles that only make
sense locally are scoped: a bare 《纲要》 with nothing to refer back to, to its
document; a generic 《政府工作报告》 or 《全县普法工作要点》, to the citing
government. Titles that open with a place name get that place's organ as issuer
(《河北省重大行政决策程序暂行办法》 -> 河北省人民政府). Nested titles and
implementation families (kg/data/implementation_families.tsv) become
``kg:implements`` edges.
"""

from __future__ import annotations

import re

from kg.model import Entity, Mention, Relation, attrs
from kg.resolve.catalog import CatalogEntry
from kg.resolve.context import DocumentContext
from kg.resolve.families import implemented_by_family
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.kinds import classify_title
from kg.resolve.titles import canonical_title, display_title, key_label, split_version
from kg.vocab import KG, division_iri, law_iri

DCT_REFERENCES = "http://purl.org/dc/terms/references"

# Kinds whose titles without a place only make sense for the citing government.
LOCAL_KINDS = frozenset({"工作要点计划", "报告"})
# Words that make a title the citing government's own: 全县…工作要点, 县级…清单.
_LOCAL_WORDS = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)?(?:全|本|我|该)(?:省|市|州|县|区|旗|镇|乡|街道)"
    r"|(?:全|本|我)(?:省|市|县|区|镇|乡)|(?:省|市|县|区|镇|乡)(?:级|委|政府|直)"
)
# Leading words before a place name in a title: 2024年甘谷县…, 关于石家庄市…, 中共无极县委…
_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?|关于|中共|中国共产党)+")
_PLACE_SUFFIXES = ("省", "市", "自治区", "自治州", "州", "县", "区", "旗", "盟", "镇", "乡", "街道")
# Words after 贯彻落实/实施 before a nested title: the outer document implements the inner.
_IMPLEMENTING = re.compile(r"(?:贯彻|落实|实施|执行|推进|推动)[^〈<＜《]{0,6}$")
MAX_PLACE = 12


def cited_title(mention: Mention) -> str:
    """The title a regulation mention stands for (a short form's antecedent, if any)."""
    return (
        mention.attr("antecedent") or mention.attr("title") or mention.surface.strip("《》〈〉<>")
    )


def place_prefix(title: str, gz: Gazetteer, year: int | None) -> Division | None:
    """The division a title opens with (河北省…, 2024年甘谷县…, 重庆市渝北区…), or ``None``.

    Only full names (ending in 省/市/县/区/镇…) count, read from the first
    character after a year or 关于/中共; a name that stays ambiguous gives ``None``.
    """
    head = _LEAD.sub("", re.sub(r"\s+", "", title))[: MAX_PLACE * 2]
    for j in range(min(len(head), MAX_PLACE), 1, -1):
        name = head[:j]
        if name.endswith(_PLACE_SUFFIXES) and gz.lookup(name, year):
            path = gz.parse_path(head, year)
            if path and path[0].name == name:
                return path[-1]
            found = gz.lookup(name, year)
            return found[0] if len(found) == 1 else None
    return None


def is_local_generic(title: str, kind: str) -> bool:
    """A title without a place that only names a document within the citing government."""
    return kind in LOCAL_KINDS or bool(_LOCAL_WORDS.search(title))


def _organ_kind(title: str, kind: str) -> str:
    if title.startswith(("中共", "中国共产党")):
        return "party"
    if kind == "地方性法规":
        return "congress"
    return "government"


def _catalog_division(entry: CatalogEntry, gz: Gazetteer, year: int | None) -> Division | None:
    if entry.scope in ("", "national"):
        return None
    found = [d for d in gz.lookup(entry.scope, year) if d.level == "province"]
    return found[0] if found else None


def _issuer(
    title: str, kind: str, division: Division | None, ctx: DocumentContext
) -> dict[str, str | None]:
    """Attributes linking a local document to its issuing organ and jurisdiction."""
    if division is None:
        return {}
    organ = ctx.keep_government(division, _organ_kind(title, kind))
    return {"issuer_iri": organ.iri, "jurisdiction": division_iri(division.code)}


def regulation_entity(
    title: str, ctx: DocumentContext, doc_id: str | None = None, short: bool = False
) -> Entity:
    """The entity a cited title resolves to, with its kind, issuer and jurisdiction.

    A bare short form (``short``) is scoped to its document ``doc_id``; a local
    generic title to the citing government (to the document when the author is
    unknown). Registers the issuing government in the document's graph.
    """
    gz, catalog = ctx.res.gazetteer, ctx.res.catalog
    base, _note = split_version(title)
    written = display_title(base)
    entry = catalog.lookup(base, ctx.year) if not short else None
    if entry is not None:
        division = _catalog_division(entry, gz, ctx.year)
        aliases = {*entry.short_names, written} - {entry.name}
        return Entity(
            iri=law_iri(entry.key),
            type="regulation",
            label=entry.name,
            key=entry.key,
            aliases=tuple(sorted(aliases)),
            attrs=attrs(
                kind=entry.kind,
                issuer=entry.issuer or None,
                scope=entry.scope or None,
                published=entry.published or None,
                catalogued="1",
                **_issuer(entry.name, entry.kind, division, ctx),
            ),
        )
    key = canonical_title(base)
    kind = classify_title(base)
    label = key_label(key)
    division = place_prefix(base, gz, ctx.year)
    facts: dict[str, str | None] = {}
    if short:
        key = f"doc:{doc_id}|{key}"
        facts["scoped_doc"] = doc_id
    elif division is None and is_local_generic(base, kind):
        key = f"{ctx.author_code or 'doc:' + str(doc_id)}|{key}"
        facts["scoped_to"] = ctx.author_code
        if ctx.author is not None and ctx.author_division is not None:
            facts["issuer_iri"] = ctx.author.iri
            facts["jurisdiction"] = division_iri(ctx.author_division.code)
    else:
        facts.update(_issuer(base, kind, division, ctx))
    return Entity(
        iri=law_iri(key),
        type="regulation",
        label=label,
        key=key,
        aliases=(written,) if written != label else (),
        attrs=attrs(kind=kind, **facts),
    )


def _is_national(entity: Entity) -> bool:
    return entity.attr("catalogued") == "1" and entity.attr("scope") in (None, "national")


def _family_link(entity: Entity, title: str, m: Mention, ctx: DocumentContext) -> None:
    """``entity implements`` the national document of its family, if it has one."""
    if _is_national(entity):
        return
    target_title = implemented_by_family(split_version(title)[0])
    if target_title is None:
        return
    target = regulation_entity(target_title, ctx)
    if target.iri != entity.iri and _is_national(target):
        ctx.relate(Relation(entity.iri, KG + "implements", ctx.keep(target).iri, m))


def resolve_regulation(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The cited document of a regulation mention, with its implementation links.

    A nested title (《…贯彻落实〈X〉…》) is implemented by the enclosing one when
    the words before it say so, else only referenced by it (dcterms:references).
    """
    title = cited_title(m)
    entity = regulation_entity(title, ctx, m.attr("doc"), m.attr("short") == "1")
    _family_link(entity, title, m, ctx)
    container = m.attr("container")
    if container:
        outer = ctx.keep(regulation_entity(container, ctx, m.attr("doc")))
        inner_at = container.find(m.attr("title") or "")
        before = container[: max(0, inner_at - 1)] if inner_at > 0 else container
        implements = bool(_IMPLEMENTING.search(before))
        predicate = KG + "implements" if implements else DCT_REFERENCES
        ctx.relate(Relation(outer.iri, predicate, entity.iri, m))
    return entity
