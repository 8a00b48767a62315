"""Institutions: short names expanded to their place, one entity per place and name.

县司法局 in 固安县's report is 固安县司法局; 区司法局 in 大盛镇's report is 渝北区司法局 (a level
word names the nearest division of that level on the author's chain); 县级公共法律服务中心 is
固安县公共法律服务中心; a name that starts with a place (山东省滨州市惠民县行政审批服务局) belongs
to that place; anything else belongs to the author's place.  Courts and procuratorates are organs
of their place (县法院 -> 固安县人民法院, gov/131022-court).  A counted name (13个婚姻家庭调委会)
is a class of institution of the place, not one institution.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kg.extract.departments import load_catalogue
from kg.extract.institutions import group_endings, zone_body
from kg.extract.lexicons import data_lines, province_abbreviations
from kg.model import Entity, Mention, Relation, attrs
from kg.resolve.gazetteer import Division, Gazetteer
from kg.vocab import KG, ORGU, digest, division_iri, government_iri, institution_iri

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext

_LEVEL_CHARS = "省市州县区旗镇乡"
# Short organ names used with a level prefix, and their full forms.
_FULL = {"法院": "人民法院", "检察院": "人民检察院"}
# Names (after the place) that are organs of the place rather than institutions.
_ORGANS = {
    "人民法院": "court",
    "法院": "court",
    "人民检察院": "procuratorate",
    "检察院": "procuratorate",
    "人民政府": "government",
    "政府": "government",
    "人大常委会": "congress",
    "人民代表大会常务委员会": "congress",
    "政协": "cppcc",
    "委": "party",
    "党委": "party",
}
# Courts and procuratorates exist from the county level up; a town's 法院 is its county's.
_JUDICIAL_LEVELS = ("province", "prefecture", "county")
ESTABLISHED_BY = KG + "establishedBy"
# Names of a kind of institution every town or village has (乡镇司法所, 村法律服务工作站).
_CLASS_WORDS = ("各", "乡镇", "街道", "村", "社区", "行政村", "镇村", "镇街")


def institution_entity(
    name: str, place: Division, *, counted: bool = False, party: bool = False
) -> Entity:
    """The institution called ``name`` belonging to ``place`` (a class of them if ``counted``).

    Institutions are units of the place's people's government, or of its party committee
    when the name says so (县委组织部, 中共XX县委政法委员会).
    """
    key = f"{place.code}|{name}" + ("|class" if counted else "")
    return Entity(
        iri=institution_iri(place.code, name + ("|class" if counted else "")),
        type="institution",
        label=name,
        key=key,
        attrs=attrs(
            code=place.code,
            level=place.level,
            place=division_iri(place.code),
            place_label=place.name,
            unit_of=government_iri(place.code, "party" if party else "government"),
            kind="class" if counted else None,
        ),
    )


def nearest_of_level(div: Division, char: str, gz: Gazetteer, year: int | None) -> Division | None:
    """The division a bare level word means in ``div``'s report (itself or an ancestor).

    区 is never a 地区: a prefecture called 地区 has its 地委 and 行署, so 区党委 in a county
    of 阿里地区 is the autonomous region's committee (西藏自治区)."""
    for d in gz.chain(div.code, year):
        if char == "区" and d.level == "prefecture" and d.name.endswith("地区"):
            continue
        if d.name.endswith(char) or (char == "州" and d.name.endswith("自治州")):
            return d
    return None


def place_prefix(
    name: str, gz: Gazetteer, year: int | None, context: tuple[str, ...]
) -> tuple[Division, int] | None:
    """The place a name starts with and where it ends (惠民县行政审批服务局 -> 惠民县, 3).

    The name must start with a full place name, or with a short one followed by a level
    word, so that 青龙村… (a village) is not read as 青龙 county.
    """
    path = gz.parse_path(name, year, context)
    if not path:
        return None
    pos = 0
    for i, d in enumerate(path):
        full = name.startswith(d.name, pos)
        short = next((s for s in gz.short_names(d) if name.startswith(s, pos)), "")
        if not full and not short:
            return (path[i - 1], pos) if i else None
        if full:
            pos += len(d.name)
        else:
            if name[pos + len(short) : pos + len(short) + 1] not in tuple(_LEVEL_CHARS):
                return (path[i - 1], pos) if i else None
            pos += len(short) + 1
    return path[-1], pos


def _judicial_place(div: Division, gz: Gazetteer, year: int | None) -> Division:
    """The nearest division on ``div``'s chain that has courts (county level and up)."""
    for d in gz.chain(div.code, year):
        if d.level in _JUDICIAL_LEVELS:
            return d
    return div


@cache
def _generic_starts() -> tuple[str, ...]:
    """Beginnings of names every government of a level has (kg/data/institution_generic_starts)."""
    return data_lines("institution_generic_starts.txt")


def _of_the_author(name: str) -> bool:
    """Whether a name without a place is the author's body: one every government of a level
    has (法治…, 综治中心) or a group set up for a task that names no place of its own."""
    if name.startswith(_generic_starts()):
        return True
    placed = _PLACE_WORD_START.match(name) and not _LEVEL_IN_A_WORD.match(name)
    # A group set up for a task, named without a place: the author's, whatever the task's words.
    return name.endswith(group_endings()) and not placed


# A place's name (short or unknown to the gazetteer) at the start: 广内街道…领导小组 is named with
# its place already.
_PLACE_WORD_START = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:街道|镇|乡|村|社区|自治区|省|市|县|区|旗)")


def _party_body(rest: str) -> str:
    """The standard name of a party committee's body: 依法治市办 -> 全面依法治市委员会办公室."""
    body = load_catalogue().standard(rest)
    m = re.fullmatch(r"(?:全面)?依法治(.)(委员会|委|办公室|办)", body)
    if m:
        office = "办公室" if m.group(2) in ("办", "办公室") else ""
        body = f"全面依法治{m.group(1)}委员会{office}"
    return body


# A department's own leading groups and divisions, named without their department or place.
_INTERNAL = re.compile(
    r"(?![省市区县州旗镇乡我本局委厅部])[\u4e00-\u9fff]{2,30}(?:领导小组|工作专班|领导专班|处|科)"
)
# The same, after the department's kind alone (局政策法规科, 部…领导小组, 本局法制科):
# in that department's report, the kind word names the department itself, as 我局 does.
_KIND_INTERNAL = re.compile(r"[我本]?(?P<kind>[局厅委部])(?P<body>" + _INTERNAL.pattern + ")")
# What a department's name ends in when a kind word names it (委: 卫生健康委员会, 发展改革委).
_KIND_ENDINGS = {"局": ("局",), "厅": ("厅",), "部": ("部",), "委": ("委员会", "委")}
# A party committee's rule-of-law body named by the level it governs: (全面)依法治县委员会,
# 依法治区办, 依法治藏委员会 (a province by its one-character abbreviation).
_RULE_OF_LAW = re.compile(r"(?:全面)?依法治(?P<level>.)(?:委员会办公室|委员会|委|办公室|办)")
_LEVEL_OF_AREA = {"街": "街道", "道": "街道"}


def _governed_place(
    char: str, author: Division, gz: Gazetteer, year: int | None
) -> Division | None:
    """The place a rule-of-law body governs: 县 in 依法治县办 is the author's county (or the
    county above it), 藏 in 依法治藏 the author's province."""
    if char in _LEVEL_CHARS or char in _LEVEL_OF_AREA:
        return nearest_of_level(author, _LEVEL_OF_AREA.get(char, char), gz, year)
    chain = gz.chain(author.code, year)
    province = chain[-1] if chain and chain[-1].level == "province" else None
    if province is None or province_abbreviations().get(char) != province.name:
        return None  # 全面依法治理委员会: 理 is no place
    return province


def _rule_of_law_body(
    body: str, author: Division, gz: Gazetteer, year: int | None
) -> tuple[Division, str, str | None] | None:
    """依法治县办 in a town's report -> (its county, 中共X县委全面依法治县委员会办公室): the body
    belongs to the party committee of the place it governs, whoever names it."""
    m = _RULE_OF_LAW.fullmatch(body)
    place = _governed_place(m.group("level"), author, gz, year) if m else None
    if place is None:
        return None
    return place, "中共" + place.name + "委" + _party_body(body), None


# Words that start with a level character without naming a level (乡村振兴…, 市场监管所, 区域性…).
_LEVEL_IN_A_WORD = re.compile(r"乡村|市场|区域")


def read_institution(
    surface: str, author: Division, gz: Gazetteer, year: int | None, context: tuple[str, ...]
) -> tuple[Division, str, str | None] | None:
    """(place, full name, organ kind or None) of an institution named in ``author``'s report.

    The full name is the place's name and the standard name of the body: 县人力社保局 ->
    巫山县人力资源和社会保障局; a party committee's body is 中共 + the committee + the body
    (市委依法治市办 -> 中共保定市委全面依法治市委员会办公室).
    """
    name = re.sub(r"\s+", "", surface)
    party = name.startswith("中共")
    body = name.removeprefix("中共")
    place: Division | None = None
    rest = body
    if body.startswith("街道") and author.name.endswith("街道") and len(body) > 3:
        place, rest = author, body[2:]  # 街道司法所 in a 街道's own report
    elif body.startswith("自治区") and len(body) > 4:
        place = nearest_of_level(author, "区", gz, year)
        place = place if place is not None and place.level == "province" else None
        if place is None:
            return None
        rest = body[3:]
    elif body[:1] in _LEVEL_CHARS and len(body) > 2 and not _LEVEL_IN_A_WORD.match(body):
        place = nearest_of_level(author, body[0], gz, year)
        if place is None:
            return None  # 镇司法所 in a county's report: which town is not said
        rest = body[1:].removeprefix("级")
    else:
        hit = place_prefix(body, gz, year, context)
        if hit is not None:
            place, end = hit
            rest = body[end:]
            # 平湖市市司法局 (its level word written twice); but 上海市 + 市场监督管理局
            twice = rest[:1] == place.name[-1] and rest[:1] in _LEVEL_CHARS
            if twice and load_catalogue().get(rest) is None:
                rest = rest[1:]
    organ = _ORGANS.get(rest) or ("party" if party and rest == "委员会" else None)
    if place is None or (not rest.startswith(("委", "党委")) and _RULE_OF_LAW.fullmatch(rest)):
        ruled = _rule_of_law_body(rest if place is not None else body, author, gz, year)
        if ruled is not None:
            return ruled
    if place is None:
        if organ in ("court", "procuratorate"):
            return _judicial_place(author, gz, year), "", organ
        if organ is not None:
            return author, "", organ
        standard = load_catalogue().standard(body)
        if standard != body or _of_the_author(body):
            # 法治石家庄建设领导小组办公室 names its place already: no second 石家庄市 before it.
            named = any(n in body for n in (author.name, *gz.short_names(author)))
            return author, ("" if named else author.name) + standard, None
        return author, name, None
    if not rest:
        return None  # a bare place name is a government, not an institution
    if rest in ("委办", "党委办"):  # 县委办: the committee's own office
        return place, "中共" + place.name + "委办公室", None
    for committee in ("党工委", "党委", "委"):  # 市委宣传部, 镇党委全面依法治镇委员会
        if rest.startswith(committee) and len(rest) > len(committee) + 1 and organ is None:
            inner = _with_place(_party_body(rest[len(committee) :]), place, gz)
            # 自治区党委全面依法治藏委员会 -> 中共西藏自治区委全面依法治藏委员会 (the guide's
            # form); a street's 党工委 is not a 委 and keeps its word
            head = "中共" + place.name + ("党工委" if committee == "党工委" else "委")
            return place, head + inner, None
    if party:
        return place, "中共" + place.name + _party_body(rest), organ
    department = load_catalogue().get(rest)
    if department is not None and department.scope == "party" and organ is None:
        # 县平安办, 县政法委: a work organ of the party committee, named as the guide's
        # 中共固安县委政法委员会 even when the text leaves out 委
        return place, "中共" + place.name + "委" + _with_place(department.name, place, gz), None
    if rest.startswith("政府") and rest != "政府" and load_catalogue().standard(rest) == rest:
        rest = "人民" + rest  # 县政府办公室 -> 固安县人民政府办公室 (县政府办: its short form)
    return place, place.name + load_catalogue().standard(_FULL.get(rest, rest)), organ


def _with_place(standard: str, place: Division, gz: Gazetteer) -> str:
    """A standard name that names its place (平安{place}建设领导小组办公室 for 平安办) with the
    place's short name filled in: 平安广东建设领导小组办公室."""
    if "{place}" not in standard:
        return standard
    shorts = gz.short_names(place)
    return standard.replace("{place}", shorts[0] if shorts else place.name)


def own_place_name(author: Entity | None, level: str) -> str:
    """The name of an unplaced author's own place when ``level`` is its level (棣棠乡 for 乡
    in 棣棠乡人民政府's report), else ""."""
    if author is None or author.type != "organization" or author.attr("scope") != "unplaced":
        return ""
    name = re.sub(r"(?:人民政府|办事处)$", "", author.label.removeprefix("中共"))
    return name if level and name != author.label and name.endswith(level) else ""


_LEVEL_START = re.compile(r"自治区|街道|[省市州县区旗镇乡]")


def unplaced_name(surface: str, author: Entity | None) -> str | None:
    """:func:`_unplaced_name`, a standard name's place left out where the place is unknown
    (平安建设领导小组办公室)."""
    name = _unplaced_name(surface, author)
    return name.replace("{place}", "") if name else name


def _unplaced_name(surface: str, author: Entity | None) -> str | None:
    """The label of an institution in a report whose author has no place: its level word
    stands for the place (县司法局, 市发展和改革委员会, 中共县委全面依法治县委员会办公室), or
    the author's own name when the level is the author's (西仓镇司法所 in 西仓镇's report);
    a body every town has, written bare (司法所), is the unplaced town's.  ``None`` when
    nothing in the name or the author says whose it is."""
    name = re.sub(r"\s+", "", surface)
    level = None if _LEVEL_IN_A_WORD.match(name) else _LEVEL_START.match(name)
    ruled = _RULE_OF_LAW.fullmatch(name)
    if level is None and ruled and ruled.group("level") in _LEVEL_CHARS:
        # 依法治县委员会 in a town's report: its county's, named by its level
        place = own_place_name(author, ruled.group("level")) or ruled.group("level")
        return "中共" + place + "委" + _party_body(name)
    if level is None:
        own = own_place_name(author, "镇") or own_place_name(author, "乡")
        own = own or own_place_name(author, "街道")
        return own + name if own and _of_the_author(name) else None
    place = own_place_name(author, level.group()) or level.group()
    rest = name[level.end() :].removeprefix("级")
    for committee in ("党委", "委"):
        inner = rest.removeprefix(committee)
        if inner != rest and _RULE_OF_LAW.fullmatch(inner):
            return "中共" + place + "委" + _party_body(inner)
    if _RULE_OF_LAW.fullmatch(rest):
        return "中共" + place + "委" + _party_body(rest)
    if rest.startswith(("委", "党委")) and len(rest) > 2:  # 市委党校, 县委宣传部
        return "中共" + place + "委" + load_catalogue().standard(rest.split("委", 1)[1])
    standard = load_catalogue().standard(rest)
    if standard == rest and rest.startswith("政府") and rest != "政府":
        standard = "人民" + rest
    return place + standard if len(standard) >= 2 else None


def named_of_level(level: str, ctx: DocumentContext) -> Division | None:
    """The one place of ``level`` (a county or above) the text names: 市委 in a report whose
    author is unknown but which names 遂宁市 and no other city is 遂宁's."""
    if level in ("镇", "乡", "街道"):
        return None
    found = []
    for code in ctx.named:
        d = ctx.res.gazetteer.get(code, ctx.year)
        if d is None or d.level == "township" or not d.name.endswith(level):
            continue
        if level == "区" and d.level != "county":
            continue  # 自治区 is not a 区
        found.append(d)
    if not found:
        return _common_ancestor(level, ctx)
    return found[0] if len(found) == 1 else None


def _common_ancestor(level: str, ctx: DocumentContext) -> Division | None:
    """The one place of ``level`` that holds every county or city the text names, when it
    names none of that level itself: 省委 in a report that names 广州 and 海珠区 only is
    广东's.  Towns do not count (a town's name alone does not place it); a place elsewhere
    in the text (a partner city) leaves it open."""
    gz = ctx.res.gazetteer
    holders: set[str] = set()
    for code in ctx.named:
        d = gz.get(code, ctx.year)
        if d is None or d.level == "township":
            continue
        chain = gz.chain(code, ctx.year)
        holder = next((a for a in chain if a.name.endswith(level) and a.level != "township"), None)
        if holder is None or (level == "区" and holder.level != "county"):
            if any(a.level == "province" for a in chain) and d.level != "province":
                return None  # a place with no such holder: not all in one
            continue
        holders.add(holder.code)
    if len(holders) != 1:
        return None
    return gz.get(holders.pop(), ctx.year)


def unplaced_institution(label: str, ctx: DocumentContext) -> Entity:
    """An institution of a place the report does not name: one entity of this report only
    (two reports' 县司法局 may be two bureaus)."""
    key = f"unplaced|doc:{ctx.doc}|{label}"
    return Entity(
        iri=ORGU + f"unplaced-{digest(key, 12)}",
        type="organization",
        label=label,
        key=key,
        attrs=attrs(scope="unplaced", organ="unit"),
    )


def _same_level_own(level: str, ctx: DocumentContext) -> Entity | None:
    """县局 in a county bureau's report is the bureau itself; any other level (市局 in a
    district branch's report) is not said which bureau."""
    own, div = ctx.own, ctx.author_division
    if own is None or own.type != "institution" or div is None:
        return None
    return own if div.name.endswith(level) and own.label.endswith(("局", "厅")) else None


def _bare_department(surface: str, ctx: DocumentContext) -> Entity | None:
    """A department written without place or level (应急局, 人社局): the author's place's,
    a town's county's (towns have no 局), a province's for a 厅.  Nothing when the author
    has no place: which place is not said."""
    div, gz = ctx.author_division, ctx.res.gazetteer
    name = load_catalogue().standard(surface)
    if div is None:  # 党政办 in the report of a town the gazetteer does not place: the town's
        own = own_place_name(ctx.author, "镇") or own_place_name(ctx.author, "乡")
        own = own or own_place_name(ctx.author, "街道")
        return unplaced_institution(own + name, ctx) if own and name.endswith("办公室") else None
    if name.endswith("厅"):
        place = next((d for d in gz.chain(div.code, ctx.year) if d.level == "province"), None)
    elif name.endswith("办公室"):  # a town has its offices (党政办), not bureaus
        place = div
    else:
        place = next((d for d in gz.chain(div.code, ctx.year) if d.level != "township"), None)
    if place is None or place.level == "country":
        return None
    if load_catalogue().get(surface) is not None and load_catalogue().get(surface).scope == "party":
        ctx.keep_government(place, "party")  # 平安办: the party committee's office
        name = _with_place(name, place, gz)
        return institution_entity("中共" + place.name + "委" + name, place, party=True)
    ctx.keep_government(place, "government")
    return institution_entity(place.name + name, place)


def _short_named(surface: str, short: str, ctx: DocumentContext) -> Entity | None:
    """呼中教育局 in 呼中区教育局's report: a department after the short name of a place on the
    author's chain is that place's (呼中区教育局).  Nothing when the short name is not of the
    author's chain: which place it is, is not certain."""
    div, gz = ctx.author_division, ctx.res.gazetteer
    if div is None:
        return None
    place = next((d for d in gz.chain(div.code, ctx.year) if short in gz.short_names(d)), None)
    if place is None:
        return None
    ctx.keep_government(place, "government")
    return institution_entity(place.name + load_catalogue().standard(surface[len(short) :]), place)


def _named_with_place(surface: str, ctx: DocumentContext) -> Entity | None:
    """海珠区人社局 in a report whose author has no place: a name that starts with a full
    place name belongs to that place, whoever wrote the report.  A county or higher only (a
    town's name alone does not place it), and read against the places the text names."""
    gz = ctx.res.gazetteer
    body = re.sub(r"\s+", "", surface).removeprefix("中共")
    hit = place_prefix(body, gz, ctx.year, ctx.named)
    if hit is None or hit[0].level == "township":
        return None
    if not any(body.startswith(d.name) for d in gz.chain(hit[0].code, ctx.year)):
        return None  # 西湖区… yes; 海珠人社局 (a short name alone) is not read here
    read = read_institution(surface, hit[0], gz, ctx.year, ctx.named)
    if read is None or read[2] is not None or read[0].code != hit[0].code:
        return None
    ctx.keep_government(read[0], "government")
    party = read[1].startswith("中共")
    if party:
        ctx.keep_government(read[0], "party")
    return institution_entity(read[1], read[0], party=party)


_LONGEST_PLACE_NAME = 12  # 石柱土家族自治县 is 8, 天津经济技术开发区 is no division


def _written_with_place(surface: str, ctx: DocumentContext) -> Entity | None:
    """A body named with a place the gazetteer cannot pin down, in a report whose author has
    no place: 西湖区文化广电旅游局 (杭州's or 南昌's 西湖区), 天津经济技术开发区管理委员会 (a
    zone named after its city).  The text names the body whole but not which place it is:
    it keeps its name as written, the department's part standardised (朝阳区人社局 ->
    朝阳区人力资源和社会保障局), as the guide has it for a body whose place is not given.

    Only a county or higher (a town's name alone names no place for sure), a full name
    (朝阳区) or the short name of a province or city (天津, 济南) followed by more words."""
    gz = ctx.res.gazetteer
    body = re.sub(r"\s+", "", surface)
    if body.startswith("中共"):
        return None  # a party body's label is built from its committee: left to the reader
    if zone_body(body):
        return unplaced_institution(body, ctx)  # 经开区工委: the zone's, named by it
    for k in range(min(len(body) - 2, _LONGEST_PLACE_NAME), 1, -1):
        head, rest = body[:k], body[k:]
        divs = [d for d in gz.lookup(head, ctx.year) if d.level != "township"]
        full = any(d.name == head for d in divs)
        short = any(d.level in ("province", "prefecture") for d in divs)
        if not divs or not (full or short) or rest[:1] in _LEVEL_CHARS:
            continue  # 天津市… is read by the level word after it
        if not full and rest.startswith(("委", "党")):
            return None  # 天津市委… written 天津委: no such form
        label = head + load_catalogue().standard(rest)
        if rest.startswith("委"):  # 城中区委全面依法治区委员会: a body of the party committee
            label = "中共" + label
        return unplaced_institution(label, ctx)
    return None


def _department_of_group(m: Mention, group: str, ctx: DocumentContext) -> Entity | None:
    """The department (or government) whose party group ``m`` names: what the name before
    the group resolves to."""
    facts = dict(m.attrs)
    facts.pop("party_group", None)
    if "name" in facts:
        facts["name"] = facts["name"][: -len(group)]
    base_mention = replace(
        m, surface=m.surface[: -len(group)], end=m.end - len(group), attrs=attrs(**facts)
    )
    return resolve_institution(base_mention, ctx)


def _group_entity(base: Entity, group: str, ctx: DocumentContext) -> Entity:
    """The party group (党组) or committee (党委, 机关党委) of the department ``base``:
    中共自然资源部党组, 中共广东省司法厅委员会, 中共大足区城市管理局机关委员会."""
    department = re.sub(r"^中共(.+)党组$", r"\1", base.label)
    ending = "机关委员会" if group == "机关党委" else "委员会" if group.endswith("党委") else group
    label = "中共" + department + ending
    if base.attr("scope") == "national":
        from kg.resolve.places import national_entity

        return national_entity(label)
    code = base.attr("code")
    place = ctx.res.gazetteer.get(code, ctx.year) if code else None
    if place is None:
        return unplaced_institution(label, ctx)
    ctx.keep_government(place, "party")
    return institution_entity(label, place, party=True)


def _government_group(m: Mention, ctx: DocumentContext) -> Entity | None:
    """县政府党组 -> 中共固安县人民政府党组 (the county of the author's chain); 灵寿县人民政府党组
    -> that county's; unplaced when the text does not make the place certain."""
    group = m.attr("government_group") or "党组"
    gz = ctx.res.gazetteer
    name = m.attr("place")
    if name:
        div = gz.resolve(name, ctx.year, ctx.context_codes)
    elif not m.attr("level"):  # 政府党组 alone: the group of the government that reports
        if ctx.own is not None or ctx.author is None or ctx.author.type != "government":
            return None  # in a department's report it is no group of its own
        div = ctx.author_division
        name = ctx.author.label.removesuffix("人民政府")
    else:
        level = m.attr("level") or ""
        div = (
            nearest_of_level(ctx.author_division, level[-1], gz, ctx.year)
            if ctx.author_division is not None
            else None
        )
        name = own_place_name(ctx.author, level[-1]) or level
    if div is None:
        return unplaced_institution(f"中共{name}人民政府{group}", ctx)
    from kg.resolve.places import organ_label

    ctx.keep_government(div, "government")
    return institution_entity(f"中共{organ_label(div, 'government')}{group}", div, party=True)


def _own_party_group(kind: str, group: str, ctx: DocumentContext) -> Entity | None:
    """局党组, 厅党委 in a department's report: its own department's party group; nothing in
    another body's report or when the kind word is not the author's (部党组 in a 局's)."""
    own = ctx.own
    if own is None or not (
        own.type == "institution" or own.attr("scope") == "national" or own.attr("organ") == "unit"
    ):
        return None  # a national body (部党组) or a department the text does not place has one
    if kind and not own.label.endswith(_KIND_ENDINGS[kind]):
        return None
    return _group_entity(own, group, ctx)


def _party_group(m: Mention, group: str, ctx: DocumentContext) -> Entity | None:
    """The leading party group of a department: 自然资源部党组 -> 中共自然资源部党组,
    市交通运输局党组 in 青岛's report -> 中共青岛市交通运输局党组."""
    base = _department_of_group(m, group, ctx)
    return None if base is None else _group_entity(base, group, ctx)


def _own_body(surface: str, ctx: DocumentContext) -> Entity | None:
    """A body of the report's own department named without it: 法治建设工作领导小组, 政策法规处
    (or 局政策法规科, 部法治政府部门建设领导小组, after the department's kind word) in a 司法局's,
    a 卫生健康委员会's or a ministry's report is that department's.  ``None`` when the author
    is no department or the name is no such body."""
    own = ctx.own
    if own is None or (own.type != "institution" and own.attr("organ") != "unit"):
        return None
    body = surface if _INTERNAL.fullmatch(surface) else None
    kind = _KIND_INTERNAL.fullmatch(surface)
    if kind is not None and own.label.endswith(_KIND_ENDINGS[kind.group("kind")]):
        body = kind.group("body")
    if body is None:
        return None
    # 交通运输部法治政府部门建设领导小组 in the ministry's own report names it already.
    label = own.label + body.removeprefix(own.label)
    if own.attr("scope") == "national":
        from kg.resolve.places import national_entity

        return national_entity(label)
    if own.type != "institution":
        return unplaced_institution(label, ctx)  # 市水利局政策法规处
    code = own.attr("code")
    place = ctx.res.gazetteer.get(code, ctx.year) if code else ctx.author_division
    return institution_entity(label, place) if place is not None else None


def resolve_institution(m: Mention, ctx: DocumentContext) -> Entity | None:
    """An institution (or organ) of the place its name gives, else of the author's place;
    a national body (司法部, 中央依法治国办) of the state; 我局/本局 the report's own author;
    a department's party group (自然资源部党组) a body of its own."""
    if m.attr("government_group"):
        return _government_group(m, ctx)
    group = m.attr("party_group")
    if group is not None and m.attr("relative") == "1":
        return _own_party_group(m.attr("kind") or "", group, ctx)
    if group is not None:
        return _party_group(m, group, ctx)
    if m.attr("relative") == "1" and m.attr("level"):
        return _same_level_own(m.attr("level") or "", ctx)
    if m.attr("relative") == "1":
        return ctx.own  # 我局 in a 司法局's report is that 司法局; in a county's, nothing
    surface = m.attr("name") or m.surface  # a traditional-script name is read simplified
    national = load_catalogue().national(surface)
    if national is not None:
        from kg.resolve.places import national_entity

        return national_entity(national.name)
    div = ctx.author_division
    if m.attr("short_place"):
        return _short_named(surface, m.attr("short_place") or "", ctx)
    if m.attr("bare_department") == "1":
        return _bare_department(surface, ctx)
    if m.attr("bare") == "1":  # 司法所 alone: the town's own, in a town's report only
        if div is not None and div.level == "township":
            # a street's police station is named after the street alone (田村路派出所)
            town = div.name.removesuffix("街道") if surface == "派出所" else div.name
            return institution_entity(town + surface, div)
        if div is not None:
            return None
        own = own_place_name(ctx.author, "镇") or own_place_name(ctx.author, "乡")
        own = own or own_place_name(ctx.author, "街道")
        return unplaced_institution(own + surface, ctx) if own else None
    own_body = _own_body(surface, ctx)
    if own_body is not None:
        return own_body
    if div is None:
        start = _LEVEL_START.match(surface)
        level = start.group() if start else ""
        named = named_of_level(level, ctx) if level else None
        if named is not None and not own_place_name(ctx.author, level):
            # 市发展改革委 in a report that names 遂宁市 and no other city
            read = read_institution(surface, named, ctx.res.gazetteer, ctx.year, ())
            if read is not None and read[2] is None:
                ctx.keep_government(read[0], "government")
                return institution_entity(read[1], read[0], party=read[1].startswith("中共"))
        prefixed = _named_with_place(surface, ctx)
        if prefixed is not None:
            return prefixed
        label = unplaced_name(surface, ctx.author)
        if label:
            return unplaced_institution(label, ctx)
        return _written_with_place(surface, ctx)
    gz = ctx.res.gazetteer
    read = read_institution(surface, div, gz, ctx.year, ctx.context_codes)
    if read is None:
        return None
    place, name, organ = read
    if organ is not None:
        return ctx.keep_government(place, organ)
    ctx.keep_government(place, "government")
    party = name.startswith("中共") or bool(
        re.match(r"[\u4e00-\u9fff]{2,12}?[省市区县州旗]委", name)
    )
    if party:
        ctx.keep_government(place, "party")
    counted = m.attr("count") is not None or name.startswith(_CLASS_WORDS)
    entity = institution_entity(name, place, counted=counted, party=party)
    if m.attr("established") == "1" and ctx.author is not None and not counted:
        ctx.relate(Relation(entity.iri, ESTABLISHED_BY, ctx.author.iri, m))
    return entity
