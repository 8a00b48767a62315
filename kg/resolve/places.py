"""Governments: place names and organ names -> place and organ entities."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.model import Entity, Mention, attrs
from kg.resolve.gazetteer import Division, Gazetteer

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext
from kg.vocab import division_iri, government_iri

# Organ words -> organ kind, longest first; the rest of the name is the place.
_ORGAN_WORDS: tuple[tuple[str, str], ...] = (
    ("人民代表大会常务委员会", "congress"),
    ("人大常委会", "congress"),
    ("人民代表大会", "congress"),
    ("人民检察院", "procuratorate"),
    ("人民法院", "court"),
    ("检察院", "procuratorate"),
    ("法院", "court"),
    ("人民政府", "government"),
    ("政府", "government"),
    ("政协", "cppcc"),
    ("党委", "party"),
    ("委员会", "party"),
    ("委", "party"),
    ("人大", "congress"),
)
ORGAN_LABEL = {
    "government": "{place}人民政府",
    "party": "中共{place}委员会",
    "congress": "{place}人民代表大会常务委员会",
    "cppcc": "中国人民政治协商会议{place}委员会",
    "court": "{place}人民法院",
    "procuratorate": "{place}人民检察院",
}
LEVEL_CLASS = {
    "province": "province",
    "prefecture": "prefecture",
    "county": "county",
    "township": "township",
}


def split_organ(name: str) -> tuple[str, str]:
    """``中共无极县委`` -> ``(无极县, party)``; ``固安县人民政府`` -> ``(固安县, government)``."""
    name = name.strip()
    party = name.startswith(("中共", "中国共产党"))
    place = name.removeprefix("中国共产党").removeprefix("中共")
    for word, organ in _ORGAN_WORDS:
        if place.endswith(word) and len(place) > len(word):
            return place[: -len(word)], "party" if party else organ
    return place, "party" if party else "government"


def place_entity(div: Division, gazetteer: Gazetteer, year: int | None) -> list[Entity]:
    """The area entity of ``div`` and of every ancestor, child first."""
    out: list[Entity] = []
    chain = gazetteer.chain(div.code, year)
    for i, d in enumerate(chain):
        parent = chain[i + 1].code if i + 1 < len(chain) else None
        out.append(
            Entity(
                iri=division_iri(d.code),
                type="place",
                label=d.name,
                key=d.code,
                attrs=attrs(code=d.code, level=d.level, parent=parent),
            )
        )
    return out


def organ_entity(div: Division, organ: str, gazetteer: Gazetteer, year: int | None) -> Entity:
    """The organ ``organ`` of place ``div`` (its 人民政府 by default)."""
    chain = gazetteer.chain(div.code, year)
    parent = chain[1].code if len(chain) > 1 else None
    return Entity(
        iri=government_iri(div.code, organ),
        type="government",
        label=ORGAN_LABEL[organ].format(place=div.name),
        key=f"{div.code}{organ}",
        attrs=attrs(
            code=div.code,
            level=div.level,
            organ=organ,
            place=division_iri(div.code),
            parent=government_iri(parent, "government" if organ != "party" else "party")
            if parent
            else None,
        ),
    )


def find_place(
    text: str, gazetteer: Gazetteer, year: int | None, context: tuple[str, ...] = ()
) -> Division | None:
    """The most specific place a name string denotes (``重庆市渝北区大盛镇`` -> 大盛镇)."""
    text = re.sub(r"\s+", "", text)
    path = gazetteer.parse_path(text, year, context)
    if path:
        return path[-1]
    return gazetteer.resolve(text, year, context)


def government_chain(
    div: Division, organ: str, gazetteer: Gazetteer, year: int | None
) -> list[Entity]:
    """The organ of ``div`` first, then every entity its description points to.

    A government's parent organ (party committees under party committees,
    everything else under the people's government) and every place of the
    chain are included, so that each named graph is self-contained.
    """
    chain = gazetteer.chain(div.code, year)
    out = [organ_entity(div, organ, gazetteer, year)]
    parent_organ = "party" if organ == "party" else "government"
    for ancestor in chain[1:]:
        out.append(organ_entity(ancestor, parent_organ, gazetteer, year))
    if organ not in ("government",):
        out.append(organ_entity(div, "government", gazetteer, year))
    out.extend(place_entity(div, gazetteer, year))
    return out


def resolve_government(m: Mention, ctx: DocumentContext) -> Entity | None:
    """我县/全县 -> the author; a named place (with its organ) -> that organ of that place."""
    if m.attr("self") == "1":
        return ctx.author
    place, organ = m.attr("place") or m.surface, m.attr("organ")
    organ_kind = split_organ(m.surface)[1] if organ else "government"
    div = find_place(place, ctx.res.gazetteer, ctx.year, ctx.context_codes)
    if div is None:
        return None
    return ctx.keep_government(div, organ_kind)
