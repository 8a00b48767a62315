"""Indicators -> indicator concepts (what a number counts), comparable across reports."""

from __future__ import annotations

from kg.model import Entity, Mention
from kg.resolve.context import DocumentContext
from kg.resolve.initiatives import normalise_term
from kg.vocab import indicator_iri


def resolve_indicator(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The indicator concept of a numeric mention, keyed by its normalised subject."""
    subject = m.attr("subject") or m.surface
    key = normalise_term(subject)
    return Entity(iri=indicator_iri(key), type="indicator", label=subject, key=key)
