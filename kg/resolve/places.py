"""Governments: place names and organ names -> place and organ entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.model import Entity, Mention, Relation, Resolved, attrs
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.institutions import named_of_level, nearest_of_level, own_place_name

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext
from kg.vocab import KG, ORGU, digest, division_iri, government_iri

# Organ words -> organ kind, longest first; the rest of the name is the place.
_ORGAN_WORDS: tuple[tuple[str, str], ...] = (
    ("人民代表大会常务委员会", "congress"),
    ("人大常委会", "congress"),
    ("人民代表大会", "assembly"),
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
    ("人大", "assembly"),
)
ORGAN_LABEL = {
    "government": "{place}人民政府",
    "party": "中共{place}委员会",
    "congress": "{place}人民代表大会常务委员会",
    "assembly": "{place}人民代表大会",
    "cppcc": "政协{place}委员会",
    "court": "{place}人民法院",
    "procuratorate": "{place}人民检察院",
}


def organ_label(div: Division, organ: str) -> str:
    """The official name of an organ: 固安县人民政府, but 三里屯街道办事处 for a 街道 and
    喀什地区行政公署 for a 地区."""
    if organ == "government" and div.name.endswith("街道"):
        return f"{div.name}办事处"
    if organ == "government" and div.name.endswith("地区") and div.level == "prefecture":
        return f"{div.name}行政公署"  # a 地区 is governed by its 行政公署, not a 人民政府
    if organ == "party" and div.name.endswith("街道"):
        return f"中共{div.name}工作委员会"  # a 街道's committee is a 党工委
    if organ == "court" and div.level in ("province", "prefecture"):
        # a province's court is its 高级人民法院, a city's its 中级人民法院
        return f"{div.name}{'高级' if div.level == 'province' else '中级'}人民法院"
    return ORGAN_LABEL[organ].format(place=div.name)


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
        label=organ_label(div, organ),
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


STATE = "国务院"  # the people's government of the whole country


def national_entity(label: str, organ: str = "") -> Entity:
    """A body of the whole country (中共中央, 国务院, 司法部): one entity by its name, placed
    nowhere (it is no organ of any local division)."""
    return Entity(
        iri=ORGU + f"national-{digest(label, 12)}",
        type="organization",
        label=label,
        key=f"national|{label}",
        attrs=attrs(scope="national", organ=organ or None),
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


SUPERIOR = KG + "superior"
PARTNER = KG + "partner"
# Organ words of short names (市委, 县政府, 区人大常委会) -> organ kind.
_SHORT_ORGANS = {
    "高级人民法院": "court",
    "中级人民法院": "court",
    "人民法院": "court",
    "法院": "court",
    "人民检察院": "procuratorate",
    "检察院": "procuratorate",
    "委": "party",
    "党委": "party",
    "党工委": "party",
    "工委": "party",
    "政府": "government",
    "人民政府": "government",
    "人大": "assembly",
    "人大常委会": "congress",
    "政协": "cppcc",
}


def resolve_government(m: Mention, ctx: DocumentContext) -> Entity | None:
    """我县/全县 -> the author; 市委/县政府 -> that organ of the author's city/county; a named
    place (with its organ) -> that organ of that place.

    The role the text gives the government becomes a statement: a superior of the author
    (an organ of a place above it: 在市委、市政府的领导下) or a partner (an agreement or
    cooperation with a place outside its chain).
    """
    gz = ctx.res.gazetteer
    national = m.attr("national")
    if national:
        return national_entity(national)
    if m.attr("self") == "1":
        # 全省 in a county's report is its province; 我县/全县 the author itself
        if ctx.author_division is None:
            return unplaced_organ(m.attr("level") or "", "government", ctx)
        own = nearest_of_level(ctx.author_division, m.attr("level") or "", gz, ctx.year)
        if own is None or own.code == ctx.author_division.code:
            return ctx.author
        return ctx.keep_government(own)
    level = m.attr("level") or ""
    if m.attr("own") == "1" and level == "本":
        return _own_organ(_SHORT_ORGANS.get(m.attr("organ") or "", "party"), ctx)
    if m.attr("own") == "1" and not _own_level(level, ctx):
        return None  # 党工委 alone is the author's own only in a 街道's report
    if m.attr("short") == "1":
        organ_kind = _SHORT_ORGANS.get(m.attr("organ") or "", "government")
        if ctx.author_division is None:
            return unplaced_organ(level, organ_kind, ctx)
        div = nearest_of_level(ctx.author_division, level, gz, ctx.year)
    elif m.attr("listed") == "1":
        organ_kind = "government"
        div = _under_chain(m.attr("place") or m.surface, ctx)
    elif m.attr("bare") == "1":
        organ_kind = split_organ(m.surface)[1] if m.attr("organ") else "government"
        if ctx.author_division is None and _names_unplaced_author(m.attr("place") or "", ctx):
            return ctx.author  # 法治西仓 in 西仓镇's report, whose place the text leaves open
        div = _on_chain(m.attr("place") or m.surface, ctx)
    else:
        place, organ = m.attr("place") or m.surface, m.attr("organ")
        organ_kind = split_organ(m.surface)[1] if organ else "government"
        if organ in ("地委", "行政公署") and not place.endswith("地区"):
            place += "地区"  # 喀什地委 is the committee of 喀什地区, not of 喀什市
        # 法治天水 in 天水市's report is the city, not one of the towns called 天水
        div = (None if organ else _on_chain(place, ctx)) or find_place(
            place, gz, ctx.year, ctx.context_codes
        )
        if div is None and not organ:
            div = _short_place(place, ctx)
        if div is None and ctx.author_division is None:
            # 大顺镇 in the report of the 大顺镇 the text does not place: the author itself
            level = "街道" if place.endswith("街道") else place[-1:]
            if own_place_name(ctx.author, level) == place:
                return unplaced_organ(level, organ_kind, ctx)
        if div is not None and not _plausible(place, div, ctx):
            return None
    if div is None:
        return None
    entity = ctx.keep_government(div, organ_kind)
    _relate_role(m, div, entity, ctx)
    return entity


def organ_of_place_named_before(
    m: Mention, earlier: Sequence[Resolved], ctx: DocumentContext
) -> Entity | None:
    """区委 in 黄浦区通过区委中心组学习会 (a city's report, whose own chain has no district): an
    organ named by its level word alone belongs to the place of that level named last before
    it in the same sentence; None when the sentence names none."""
    level = m.attr("level") or ""
    if not level or ctx.author_division is None:
        return None
    gz = ctx.res.gazetteer
    for r in reversed(earlier):
        named = r.mention
        if named.sentence_start != m.sentence_start:
            break  # mentions come in reading order: an earlier sentence
        if named.type != "government" or named.attr("short") or named.attr("self"):
            continue
        div = gz.get(r.entity.attr("code") or "", ctx.year)
        if div is None or not div.name.endswith(level):
            continue
        if level == "区" and div.level != "county":
            continue  # 自治区 is no 区
        return ctx.keep_government(div, _SHORT_ORGANS.get(m.attr("organ") or "", "government"))
    return None


def _under_chain(name: str, ctx: DocumentContext) -> Division | None:
    """The one division called ``name`` (a short name) that lies under the author's place or
    one of its superiors (东城 in 北京市's report), else ``None``."""
    if ctx.author_division is None:
        return None
    gz = ctx.res.gazetteer
    chain = {d.code for d in gz.chain(ctx.author_division.code, ctx.year)}
    found = [
        d
        for d in gz.lookup(name, ctx.year)
        if d.level in ("county", "township")
        and chain & {a.code for a in gz.chain(d.code, ctx.year)[1:]}
    ]
    # 延庆 is 延庆区 before its town 延庆镇: a county's short name names the county
    counties = [d for d in found if d.level == "county"]
    found = counties or found
    return found[0] if len(found) == 1 else None


def _own_organ(organ: str, ctx: DocumentContext) -> Entity | None:
    """党委 or 人大 alone: that organ of the government that wrote the report (a town's, a
    county's …) or, for a congress, of the department's place; nothing without an author
    (a department's 党委 is its own party committee, an institution)."""
    if ctx.author is None:
        return None
    if ctx.own is not None or ctx.author.type != "government":
        if organ == "party" or ctx.author_division is None:
            return None
        return ctx.keep_government(ctx.author_division, organ)
    if ctx.author_division is not None:
        return ctx.keep_government(ctx.author_division, organ)
    level = next((x for x in ("街道", "镇", "乡") if own_place_name(ctx.author, x)), "")
    return unplaced_organ(level, organ, ctx)


def _own_level(level: str, ctx: DocumentContext) -> bool:
    """Whether the author's own place (placed or not) is of ``level`` (a 街道 for 街道)."""
    if ctx.author_division is not None:
        return ctx.author_division.name.endswith(level)
    return bool(own_place_name(ctx.author, level))


def _on_chain(name: str, ctx: DocumentContext) -> Division | None:
    """The author's own place or one above it that ``name`` denotes (嘉定 in 嘉定区's report,
    山亭 in the report of one of 山亭区's towns), else ``None``."""
    chain = ctx.context_codes
    found = [d for d in ctx.res.gazetteer.lookup(name, ctx.year) if d.code in chain]
    return found[0] if len(found) == 1 else None


def _names_unplaced_author(name: str, ctx: DocumentContext) -> bool:
    """Whether ``name`` is the short name of the unplaced town that wrote the report (西仓 for
    西仓镇人民政府, 桐木漯 for 桐木漯瑶族乡): its name whichever of its candidate places it is."""
    author = ctx.author
    if not name or author is None or author.attr("scope") != "unplaced":
        return False
    gz = ctx.res.gazetteer
    for code in (author.attr("candidates") or "").split():
        div = gz.get(code, ctx.year)
        if div is not None and author.label.startswith(div.name) and name in gz.short_names(div):
            return True
    return False


def _short_place(name: str, ctx: DocumentContext) -> Division | None:
    """A short name that towns share with a province or city (上海 and 上海街道, 河北 and
    河北镇): the place on the author's chain, else the one division above the towns.
    Towns are named by their short name only in their own reports."""
    on_chain = _on_chain(name, ctx)
    if on_chain is not None:
        return on_chain
    above = [d for d in ctx.res.gazetteer.lookup(name, ctx.year) if d.level != "township"]
    return above[0] if len(above) == 1 and above[0].name != name else None


def unplaced_organ(level: str, organ: str, ctx: DocumentContext) -> Entity | None:
    """县委, 县政府, 全市 in a report whose author has no place.

    The author's own level (乡党委 in 棣棠乡's report) is the author's place, kept by its
    name like the author; any other level is a place the text leaves unnamed: a body of
    this report only, labelled by its level alone (中共县委员会, 县人民政府), never
    guessed.  ``None`` when the report has no author at all and the level is unknown.
    """
    if not level:
        return None
    own = own_place_name(ctx.author, level)
    if own and organ == "government":
        return ctx.author
    named = named_of_level(level, ctx) if not own else None
    if named is not None:
        return ctx.keep_government(named, organ)
    place = own or level
    if place.endswith("街道") and organ in ("government", "party"):
        label = f"{place}办事处" if organ == "government" else f"中共{place}工作委员会"
    else:
        label = ORGAN_LABEL[organ].format(place=place)
    key = f"unplaced|{label}" if own else f"unplaced|doc:{ctx.doc}|{label}"
    return Entity(
        iri=ORGU + f"unplaced-{digest(label if own else key, 12)}",
        type="organization",
        label=label,
        key=key,
        attrs=attrs(scope="unplaced", organ=organ),
    )


def _plausible(place: str, div: Division, ctx: DocumentContext) -> bool:
    """A town named alone (部分乡镇 reads 分乡镇) counts only under the author's own chain."""
    if div.level != "township" or len(place) > len(div.name) or not ctx.author_division:
        return True
    chain = set(ctx.context_codes)
    return any(d.code in chain for d in ctx.res.gazetteer.chain(div.code, ctx.year))


def _relate_role(m: Mention, div: Division, entity: Entity, ctx: DocumentContext) -> None:
    """Record the author's superior or partner named by ``m``, when the text makes it clear."""
    if ctx.author is None or ctx.author_division is None:
        return
    chain = ctx.context_codes
    if m.attr("organ") and div.code in chain[1:]:
        ctx.relate(Relation(ctx.author.iri, SUPERIOR, entity.iri, m))
    elif m.attr("role") == "partner" and div.code not in chain:
        if not any(d.code in chain for d in ctx.res.gazetteer.chain(div.code, ctx.year)[:1]):
            ctx.relate(Relation(ctx.author.iri, PARTNER, entity.iri, m))
