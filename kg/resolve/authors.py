"""The author of a report: its organs, place and the evidence that decided it."""

from __future__ import annotations

import re

from kg.model import Document
from kg.resolve.context import Resources
from kg.resolve.gazetteer import Division
from kg.resolve.places import find_place, split_organ


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


def addressee_organs(
    doc: Document, res: Resources, context: tuple[str, ...]
) -> list[tuple[Division, str]]:
    """The organs a report is addressed to (中共石家庄市委、石家庄市人民政府：)."""
    out = []
    for name in doc.meta.addressees:
        place, organ = split_organ(name)
        div = find_place(place, res.gazetteer, doc.meta.year, context)
        if div is not None:
            out.append((div, organ))
    return out
