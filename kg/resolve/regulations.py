"""Cited documents -> regulation entities (catalogue first, then title rules)."""

from __future__ import annotations

from kg.model import Entity, Mention, attrs
from kg.resolve.catalog import Catalog
from kg.resolve.kinds import classify_title
from kg.resolve.titles import canonical_title, display_title, split_version
from kg.vocab import law_iri

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
