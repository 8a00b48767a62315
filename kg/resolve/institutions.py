"""Institutions: short names expanded to the author's place, one entity per place and name."""

from __future__ import annotations

import re

from kg.model import Entity, Mention, attrs
from kg.resolve.context import DocumentContext
from kg.vocab import division_iri, institution_iri

_LEVEL_CHARS = "省市州县区旗镇乡"
# Short organ names used with a level prefix, and their full forms.
_FULL = {"法院": "人民法院", "检察院": "人民检察院"}


def full_institution_name(name: str, author_place: str | None, author_level_char: str) -> str:
    """``县司法局`` in 固安县's report -> ``固安县司法局``; ``县法院`` -> ``固安县人民法院``."""
    name = re.sub(r"\s+", "", name)
    if author_place and name[:1] in _LEVEL_CHARS and name[:1] == author_level_char:
        rest = name[1:]
        for short, full in _FULL.items():
            if rest == short:
                rest = full
        return author_place + rest
    return name


def institution_entity(name: str, place_code: str, place_label: str) -> Entity:
    """The institution called ``name`` belonging to the place ``place_code``."""
    return Entity(
        iri=institution_iri(place_code, name),
        type="institution",
        label=name,
        key=f"{place_code}|{name}",
        attrs=attrs(place=division_iri(place_code), place_label=place_label),
    )


def _level_char(name: str) -> str:
    """The character a report uses for its own level: 县 for 固安县, 区 for 渝北区."""
    for ch in ("街道", "镇", "乡", "县", "区", "旗", "市", "州", "盟", "省"):
        if name.endswith(ch):
            return ch
    return ""


def resolve_institution(m: Mention, ctx: DocumentContext) -> Entity | None:
    """An institution of the author's place, its short name expanded (县司法局 -> 固安县司法局)."""
    div = ctx.author_division
    if div is None:
        return None
    name = full_institution_name(m.surface, div.name, _level_char(div.name))
    ctx.keep_government(div, "government")
    return institution_entity(name, div.code, div.name)
