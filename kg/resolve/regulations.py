"""Cited documents -> regulation entities (catalogue first, then title rules)."""

from __future__ import annotations

import re

from kg.model import Entity, Mention, Relation, attrs
from kg.resolve.catalog import Catalog
from kg.resolve.context import DocumentContext
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.kinds import classify_title
from kg.resolve.titles import canonical_title, display_title, split_version
from kg.vocab import KG, law_iri

# Kinds whose untitled-by-place instances only make sense for the citing government.
LOCAL_KINDS = {"工作要点计划", "报告"}


def cited_title(mention: Mention) -> str:
    """The title a regulation mention stands for (a short form's antecedent, if any)."""
    return (
        mention.attr("antecedent") or mention.attr("title") or mention.surface.strip("《》〈〉<>")
    )


def regulation_entity(
    title: str,
    catalog: Catalog,
    year: int | None,
    author_code: str | None,
    has_place: bool,
    is_short_form: bool = False,
) -> Entity:
    """The entity a cited title resolves to.

    Catalogue titles get the catalogue's name and kind. Other titles are keyed by
    their canonical form; generic ones without a place (《工作要点》, a bare short
    form with nothing to resolve to) are scoped to the citing government so that
    they never merge across places.
    """
    base, _note = split_version(title)
    entry = catalog.lookup(base, year)
    if entry is not None:
        return Entity(
            iri=law_iri(entry.key),
            type="regulation",
            label=entry.name,
            key=entry.key,
            aliases=tuple(sorted(set(entry.short_names))),
            attrs=attrs(
                kind=entry.kind,
                issuer=entry.issuer or None,
                scope=entry.scope or None,
                published=entry.published or None,
                catalogued="1",
            ),
        )
    key = canonical_title(base)
    kind = classify_title(base)
    scoped = is_short_form or (not has_place and kind in LOCAL_KINDS)
    if scoped:
        key = f"{author_code or 'unknown'}|{key}"
    return Entity(
        iri=law_iri(key),
        type="regulation",
        label=display_title(base),
        key=key,
        attrs=attrs(kind=kind, scoped_to=author_code if scoped else None),
    )


def resolve_regulation(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The cited document of a regulation mention; nested titles also link outer -> inner."""
    gz, catalog = ctx.res.gazetteer, ctx.res.catalog
    title = cited_title(m)
    short = m.attr("antecedent") is None and is_bare_short(title)
    has_place = starts_with_place(title, gz, ctx.year)
    entity = regulation_entity(title, catalog, ctx.year, ctx.author_code, has_place, short)
    container = m.attr("container")
    if container:
        outer = regulation_entity(
            container,
            catalog,
            ctx.year,
            ctx.author_code,
            starts_with_place(container, gz, ctx.year),
        )
        ctx.relate(Relation(ctx.keep(outer).iri, KG + "implements", entity.iri, m))
    return entity


def is_bare_short(title: str) -> bool:
    """《实施办法》, 《纲要》: a generic name alone, with nothing to resolve it to."""
    return len(title) <= 6 and bool(
        re.fullmatch(
            r"[\u4e00-\u9fff]{0,3}(纲要|办法|条例|规定|意见|方案|细则|决定|通知|规划|要点)", title
        )
    )


def starts_with_place(title: str, gz: Gazetteer, year: int | None) -> bool:
    """Whether a title opens with a place name (河北省…, 固安县…, 2024年甘谷县…)."""
    head = re.sub(r"^(?:(?:19|20)\d{2}年度?|关于|中共|全县|全市)+", "", title)
    return bool(gz.parse_path(head[:12], year))
