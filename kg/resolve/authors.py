"""The author of a report, decided in one step from every line that names it.

Each source of evidence yields candidates (an :class:`AuthorClue`: the names it gives, its
kind of evidence and its line), strongest first:

* ``in-name``: the organs a cover letter submits the report in the name of (以中共长宁区委、区政府
  名义将《…报告》报送): the text says outright whose report it is, above its own title;
* ``title``: the organ names before 关于 or before the year of a title line (also a title run
  together with web-site chrome, or standing in a 标题: field);
* ``signature``: organ lines above the closing date; ``opening``: an organ line at the top;
* ``title-place``: a title that starts with a place (江苏省2022年度…, 宝山区罗店镇2020年度…);
* ``first-sentence``: the subject of the first sentence (2023年，X区坚持…, 市卫健委坚持…) and
  the body a report says it is (现将我局2022年度…报告如下);
* ``self-reference``: 我局/我委/我厅 with the department's full name found in the text, or
  with its government's level and the line it speaks of (在市委、市政府的领导下 … 我市水利改革
  发展: 市水利局, unplaced when no city is named), or 我县/全市/我区 with the place the text
  keeps naming (法治X, X in cited titles) unless the text speaks as a department (局党组);
* ``byline``: the publisher (来源/发布机构); used only when nothing else names the author, and
  a government's 办公室/办公厅 stands for its government.

A name is read against the gazetteer and the department catalogue: a place path followed by
what its organ is called (人民政府, 县委 …) or by a department (司法局, 卫健委 -> 卫生健康委员会);
relative names (省政府, 市水务局, 我局) take their place from the other candidates or from the
places the text names.  :func:`decide` weighs the candidates and picks one, or abstains.  A
town whose name the text does not tie to any of its parents stays unplaced: its name is kept,
with its candidate places, and no code (a wrong place is worse than none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ahocorasick_rs import AhoCorasick

from kg.extract.departments import Department, load_catalogue
from kg.extract.institutions import zone_words
from kg.extract.lexicons import data_lines, data_table, province_abbreviations
from kg.extract.terms import TermMatcher
from kg.ingest.metadata import AuthorClue, author_clues
from kg.ingest.script import to_simplified
from kg.model import Document, Entity, attrs
from kg.resolve.context import DocumentContext, Resources
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.institutions import institution_entity, nearest_of_level
from kg.resolve.places import national_entity, organ_label
from kg.vocab import ORGU, digest

# What follows a place name when the organ is one of the place's own organs (longest first).
_ORGAN_REST: tuple[tuple[str, str], ...] = (
    ("人民代表大会常务委员会", "congress"),
    ("街道办事处", "government"),
    ("人大常委会", "congress"),
    ("人民检察院", "procuratorate"),
    ("人民政府", "government"),
    ("行政公署", "government"),
    ("人民法院", "court"),
    ("委员会", "party"),
    ("办事处", "government"),
    ("检察院", "procuratorate"),
    ("政府", "government"),
    ("政协", "cppcc"),
    ("党委", "party"),
    ("党工委", "party"),
    ("法院", "court"),
    ("人大", "assembly"),
    ("行署", "government"),
    ("委", "party"),
    ("", "government"),
)
_ORGAN_OF = dict(_ORGAN_REST)
_LEVEL_CHARS = "省市区县州盟旗镇乡"
_LONGEST_UNIT = 18  # 人力资源和社会保障局 is 10; 委全面依法治县委员会办公室 is 13
_NOT_A_NAME = re.compile(r"[,，。;；:：、]|坚持|深入|认真|全面|始终|以习近平|在")
_UNIT_END = ("局", "厅", "委员会", "委", "办公室", "办公厅", "办", "部", "署", "中心", "处", "党组")

# How much each kind of evidence is trusted on its own.
BASE_CONFIDENCE = {
    "in-name": 0.97,
    "title": 0.95,
    "signature": 0.95,
    "opening": 0.9,
    "title-place": 0.85,
    "first-sentence": 0.85,
    "self-reference": 0.7,
    "byline": 0.6,
}
_STRONG = ("in-name", "title", "signature", "opening", "title-place")

# Pinyin glosses some pages print after characters: 區(qū), 現(xiàn).
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_PLACE_RUN = re.compile(
    r"[\u4e00-\u9fff]{2,10}?(?:自治州|自治县|自治区|省|市|县|区|州|盟|旗|镇|乡|街道)"
)
# A short place name in a compound that names the place itself (法治甘肃, 考察浙江, 平安西兴).
# The name is read in a lookahead: compounds overlap (建设法治固安 is 建设 + 法治固安).
_PLACE_COMPOUND = re.compile(
    r"(?:法治|平安|考察|视察|来到|服务|全面建设|建设)(?=([\u4e00-\u9fff]{2,4}))"
)
# An information-disclosure index number that begins with the publisher's division code:
# 索引号:370481/2026-00158 (滕州市), LH331082-071/… (临海市), or a unified social credit code
# (11500101008645890U: 1 + 1 + the division code 500101 + …).
_INDEX_NUMBER = re.compile(
    r"索\s*引\s*号[\s:：|\]]*(?:1\d(?P<credit>\d{6})[0-9A-Z]{10}(?![0-9A-Z])|"
    r"[A-Za-z]{0,3}(?P<area>\d{6})(?=[/-]))"
)
# The writer's own place, whose circumstances it adapts its work to: 结合河北实际,
# 结合桐木漯瑶族乡的实际 (the place is the longest name the words start with).
_OWN_PRACTICE = re.compile(r"结合([\u4e00-\u9fff]{2,14}?)(?:的)?实际")
# A bureau's branch named after its district (市生态环境局吴中分局, 市交通运输局龙岗管理局).
_BUREAU_BRANCH = re.compile(
    r"(?P<bureau>[省市州].{2,14}?局)(?P<branch>[\u4e00-\u9fff]{2,4}(?:分局|管理局|支队|大队))"
)
# A visit to a province named by its one-character abbreviation: 来陕考察, 来粤视察.
_VISIT = re.compile(r"来([\u4e00-\u9fff])(?:考察|视察|调研)")
# A title line: what a report says it is, with the year (run together with chrome or not).
_TITLE_LINE = re.compile(
    r"(?:19|20)\d{2}\s*年度?[^。；;]{0,40}?(?:报告|总结|情况)|关于[^。；;]{0,30}?(?:报告|总结)"
)
_TITLE_PREFIX = re.compile(
    r"^(?:.*?标\s*题\s*[:：]\s*\|?\s*|\[[^\]]{0,30}\]|【[^】]{0,30}】|[^《》]{0,20}号|[^\u4e00-\u9fff\d]+)"
)
_AFTER_NAME = re.compile(r"\s*(?:关于|(?:19|20)\d{2}\s*年)")
# What a line holding only an organ's name never contains (a sentence, a date, a heading).
_TITLE_BREAK = re.compile(r"[,，。；;:：、!！?？()（）《》“”\d]")
# The subject of the first sentence: what stands before the first verb of the report.
# Time words (2023年, 今年以来) and guidance clauses (在…领导下, 根据…部署) in any order.
_LEAD = re.compile(
    # 2025年是贯彻实施《…》的收官之年,: the year's place in a plan, before the subject
    r"^(?:(?:19|20)\d{2}\s*年是[^。]{2,150}?之年[,，\s]*|"
    r"(?:(?:19|20)\d{2}\s*年(?:度|以来|来|上半年|全年)?|今年以来|去年以来|一年来|近年来|近日|日前)"
    r"[,，、\s]*|(?:在|按照|根据)[^。]{2,90}?(?:指导下|领导下|支持下|下|要求|部署|征程上)[,，\s]*"
    # a second guidance clause without its own 在 (在市委领导下,省农业农村厅的正确指导下,)
    r"(?:[^。,，在]{2,40}?的[^。,，在]{0,8}?(?:指导下|领导下|支持下|关心下|帮助下)[,，\s]*)*)*"
)
_VERB = re.compile(
    r"坚持|深入|认真|全面|始终|紧紧|紧扣|紧密|围绕|以|在|按照|积极|持续|不断|聚焦|高度|切实|牢固|"
    r"扎实|立足|着力|锚定|贯彻|把|将|继续|进一步|统筹|大力|强化|加快|坚决|主动|严格|全力|秉持|"
    r"践行|锐意|高位|结合|对标|深学|勇于|奋力|自觉|加强|推进|推动|不折不扣|笃学|有力|深化|带领|"
    r"领导|高标准|全方位|多措并举|围绕|召开|举办|开展|出台|印发|制定"
)
_STATEMENT = re.compile(
    r"现将(?:(?:19|20)\d{2}\s*年度?)?(?P<name>[^,，。；;:：“”《》\s]{2,30}?)"
    r"(?:(?:19|20)\d{2}\s*年|年度|本年度|法治|依法|有关|工作|推进|全年)"
)
# A cover letter that submits the report in the name of its authors (以中共X县委、X县人民政府
# 名义将《…报告》报送市委、市政府): the names stand between 以 and 名义.
_IN_NAME = re.compile(
    r"以(?P<names>[^,，。；;:：《》“”\s]{2,40}?)(?:的)?名义(?:将|把)?"
    r"《[^《》]{2,60}?(?:报告|总结)》(?:报送|上报|呈报|提交|报)"
)
_NAME_LIST = re.compile(r"[、]|(?<=[委府])[和及与](?=[\u4e00-\u9fff])")
_SELF_DEPT = re.compile(r"(?:我|本)(局|委|厅|办)(?![长员会机])")
_OPENING = 200  # characters: the opening sentences of a report, where it says who reports
_SELF_PLACE = re.compile(r"(?:我|本|全)(省|市|区|县|旗|州|盟|镇|乡|街道)(?![委长级直属])")
# 全X where a report ranks itself within a place above it (在全省率先, 全市综合第一, 获评全省第二批
# 示范, 在全市城管执法系统考核中): the superior it is measured against, not its own place.
_RANKED_BEFORE = re.compile(
    r"(?:居|位居|位列|获评|评为|争创|入选|荣获|获|第[一二三四五六七八九十\d]{1,3}批)[“\"]?$"
)
_RANKED_AFTER = re.compile(
    r"率先|首[个家推创次]|第一|唯一|前列|综合|范围内首|法治政府建设示范|第[一二三四五六七八九十\d]{1,3}批"
)
_RANKED_WITHIN = re.compile(r"[^，,。；;：:\n]{0,12}?(?:考核中|评比中|评估中|评价中|排名|率先)")


@dataclass(frozen=True)
class AuthorOrgan:
    """One organ credited with a report.

    ``organ`` is one of government, party, congress, cppcc, court, procuratorate, or ``unit``
    for a department, whose full name (固安县司法局) is ``unit``.  ``division`` is ``None`` for
    a national body (``national``), for a town the text does not place (its name in ``label``
    and the codes it may denote in ``candidates``) and, while reading, for a relative name
    (省政府, 市卫健委, 我局) whose level character is ``level``.
    """

    division: Division | None
    organ: str = "government"
    unit: str = ""
    label: str = ""
    level: str = ""
    candidates: tuple[str, ...] = ()
    national: bool = False
    own: bool = False  # a self-reference (我县, 全市): the author's own level, not a superior
    within: str = ""  # code of the deepest place certain for an unplaced organ (its province)

    @property
    def placed(self) -> bool:
        """Whether the organ is complete: placed, national, or knowingly left unplaced."""
        return self.division is not None or self.national or bool(self.candidates or self.within)


@dataclass(frozen=True)
class Authorship:
    """Who wrote a report, which line said so, and how sure the reading is (0..1)."""

    organs: tuple[AuthorOrgan, ...] = ()
    evidence: str = ""
    line: str = ""
    confidence: float | None = None
    publisher: str = ""
    named: tuple[str, ...] = ()  # codes of the places the text names, most named first

    @property
    def division(self) -> Division | None:
        """The author's place (``None`` for national and unplaced authors)."""
        return self.organs[0].division if self.organs else None


# Converting is a scan of the whole text for OpenCC's phrases: the head and tail of a
# report are folded by more than one reader of it.
@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Simplified characters, without pinyin glosses or runs of spaces.

    Text is converted only when it is written in traditional characters: the conversion
    also changes a few characters of simplified place names (乾州 would become 干州).
    """
    text = _SPACES.sub(" ", _PINYIN.sub("", text))
    simplified = to_simplified(text)
    if simplified == text:  # most reports: nothing to count, character by character
        return text
    changed = sum(a != b for a, b in zip(text, simplified, strict=False))
    return simplified if changed > max(3, len(text) // 100) else text


def _consumed(text: str, path: Sequence[Division], gz: Gazetteer) -> int:
    """How many characters of ``text`` the place names of ``path`` take up."""
    pos = 0
    for d in path:
        names = sorted({d.name, *gz.short_names(d)}, key=len, reverse=True)
        best = None
        for n in names:
            i = text.find(n, pos)
            if i >= 0 and (best is None or i < best[0] or (i == best[0] and len(n) > best[1])):
                best = (i, len(n))
        if best is None:
            break
        pos = best[0] + best[1]
    return pos


def _trusted_path(body: str, path: list[Division]) -> list[Division]:
    """The path without a town read from a bare short name (四川省交通运输厅 is no 交通镇)."""
    for i, d in enumerate(path):
        if d.level == "township" and d.name not in body:
            return path[:i]
    return path


def _above_towns(body: str, gz: Gazetteer, year: int | None) -> list[Division]:
    """西城区 is the district, not one of the towns also called so: a name that one division
    above the township level holds, and only towns besides it, means that division.  So does
    the short name of a province or prefecture (重庆 beside 重庆街道): towns are named by their
    short names only in their own reports."""
    for k in range(min(len(body), 12), 1, -1):
        cands = gz.lookup(body[:k], year)
        if cands:
            above = [c for c in cands if c.level != "township"]
            if len(above) > 1:
                # 巴州党委: 巴州 ends in its level word, as 巴音郭楞蒙古自治州 does, 巴州区 not
                above = [c for c in above if _level_of(body[k - 1], c)]
            if len(above) != 1:
                return []
            if body[:k] == above[0].name:
                return above
            regional = above[0].level in ("province", "prefecture")
            return above if regional and body[:k] in _regional_names(gz) else []
    return []


def read_organ(
    name: str, gz: Gazetteer, year: int | None, context: Sequence[str] = ()
) -> AuthorOrgan | None:
    """``中共无极县委`` -> party of 无极县; ``XX市司法局`` -> the unit XX市司法局 of XX市."""
    name = re.sub(r"\s+", "", name)
    party = name.startswith(("中共", "中国共产党"))
    body = name.removeprefix("中国共产党").removeprefix("中共")
    path = _trusted_path(body, gz.parse_path(body, year, context)) or _above_towns(body, gz, year)
    if not path:
        return None
    div = path[-1]
    rest = body[_consumed(body, path, gz) :]
    # 大盛镇镇人民政府, 无极县委 read as 无极 + 县委: drop the repeated level character
    if rest[:1] in _LEVEL_CHARS and rest[:1] == div.name[-1] and rest[1:] in _ORGAN_OF:
        rest = rest[1:]
    # 北京市朝阳区人民政府三里屯街道办事处: the 街道 office of the district government is
    # the organ of the 街道 itself (likewise a 镇 named after its county's government).
    for word in ("人民政府", "政府"):
        inner_name = rest.removeprefix(word)
        if inner_name != rest and inner_name:
            chain = tuple(d.code for d in gz.chain(div.code, year))
            inner = read_organ(inner_name, gz, year, chain)
            if (
                inner is not None
                and inner.division is not None
                and div.code in {d.code for d in gz.chain(inner.division.code, year)[1:]}
            ):
                return inner
    if rest in _ORGAN_OF:
        organ = _ORGAN_OF[rest]
        if party and organ in ("government", "party"):
            organ = "party"
        return AuthorOrgan(div, organ)
    if rest in ("管委会", "管理委员会") and div.name.endswith(zone_words()):
        # 河北唐山芦台经济开发区管委会: a zone is governed by its management committee
        return AuthorOrgan(div, "unit", div.name + "管理委员会")
    committee = re.sub(r"管委会$", "管理委员会", body)
    zone = committee.removesuffix("管理委员会")
    if not party and zone != committee and zone.endswith(zone_words()):
        # 天津经济技术开发区管理委员会: a zone that is no division, named after its place as
        # written (天津, not 天津市), is that place's unit
        return AuthorOrgan(div, "unit", committee)
    # 平湖市市司法局 (its level word written twice): drop the repeated level character, but
    # never the first character of a department's own name (平湖市 + 市场监督管理局)
    if rest[:1] == div.name[-1] and rest[:1] in _LEVEL_CHARS and load_catalogue().get(rest) is None:
        rest = rest[1:]
    if len(rest) > _LONGEST_UNIT or _NOT_A_NAME.search(rest) or not rest.endswith(_UNIT_END):
        return None  # a sentence that begins with a place (吉林省人民政府坚持以…), not a name
    rest = load_catalogue().standard(rest)
    return AuthorOrgan(div, "unit", ("中共" if party else "") + div.name + rest)


def _relative(name: str) -> AuthorOrgan | None:
    """省政府, 县委, 市卫健委, 区人民政府办公室: an organ named by its level character alone."""
    party = name.startswith("中共")
    body = name.removeprefix("中共")
    if body.startswith("街道"):
        level, rest = "街道", body[2:]
    elif body.startswith(("自治区", "自治州", "自治县")):  # 自治区党委: 区 as in 广西壮族自治区
        level, rest = body[2], body[3:]
    elif body[:1] in _LEVEL_CHARS:
        level, rest = body[0], body[1:]
    else:
        return None
    if rest in _ORGAN_OF and rest:
        organ = _ORGAN_OF[rest]
        return AuthorOrgan(None, "party" if party and organ == "government" else organ, level=level)
    catalogue = load_catalogue()
    group = rest.endswith("党组")  # 市交通运输局党组: the bureau's leading party group
    dept = catalogue.get(rest.removesuffix("党组") if group else rest)
    if dept is None or dept.scope == "national":
        return None
    if group:
        return AuthorOrgan(None, "unit", "中共" + dept.name + "党组", level=level)
    return AuthorOrgan(None, "unit", ("中共" if party else "") + dept.name, level=level)


def read_name(
    name: str, gz: Gazetteer, year: int | None, context: Sequence[str] = ()
) -> AuthorOrgan | None:
    """A name as any source gives it: a placed organ, a national body, a relative organ
    (省政府, 市卫健委), the self-reference 我局, or a town name that has several places."""
    name = _OTHER_NAMES.sub("", re.sub(r"\s+", "", name)).strip("()（）")
    national = load_catalogue().national(name)
    if national is not None:
        return AuthorOrgan(None, "unit", national.name, label=national.name, national=True)
    group = _DEPARTMENT_GROUP.fullmatch(name.removeprefix("中共"))
    national = load_catalogue().national(group.group(1)) if group else None
    if group and national is not None:  # 海关总署党委, 中共民政部党组: the ministry's party organ
        label = "中共" + national.name + ("党组" if name.endswith("党组") else "委员会")
        return AuthorOrgan(None, "unit", label, label=label, national=True)
    if name in ("国务院", "中华人民共和国国务院"):
        return AuthorOrgan(None, "government", label="国务院", national=True)
    m = _SELF_DEPT.fullmatch(name)
    if m:
        return AuthorOrgan(None, "unit", "", level="我" + m.group(1))
    m = _SELF_PLACE.fullmatch(name)
    if m:
        return AuthorOrgan(None, "government", level=m.group(1), own=True)
    branch = _BUREAU_BRANCH.fullmatch(name)
    if branch:  # 市交通运输局龙岗管理局: a city bureau's branch, named relatively
        bureau = _relative(branch.group("bureau"))
        if bureau is not None and bureau.organ == "unit" and bureau.level:
            return replace(bureau, unit=bureau.unit + branch.group("branch"))
    organ = read_organ(name, gz, year, context)
    if organ is not None:
        return organ
    relative = _relative(name)
    if relative is not None:
        return relative
    if name.endswith("厅") and not name.startswith(("中共", "省")):
        # 司法厅坚持…: only a province's departments are 厅, so a bare one is the province's
        relative = _relative("省" + name)
        if relative is not None and relative.organ == "unit":
            return relative
    return _homonym(name, gz, year)


def _homonym(name: str, gz: Gazetteer, year: int | None) -> AuthorOrgan | None:
    """A town or street name the gazetteer holds several times, with its organ word."""
    body = name.removeprefix("中共")
    for k in range(min(len(body), 12), 1, -1):
        cands = gz.lookup(body[:k], year)
        if len(cands) > 1 and all(c.level == "township" for c in cands):
            rest = body[k:]
            if rest[:1] == body[k - 1] and rest[:1] in _LEVEL_CHARS:
                rest = rest[1:]
            if rest not in _ORGAN_OF or body[k - 1] not in "镇乡道":
                return None
            organ = _ORGAN_OF[rest]
            label = organ_label(cands[0], "party" if name.startswith("中共") else organ)
            return AuthorOrgan(None, organ, label=label, candidates=tuple(c.code for c in cands))
    return None


# ------------------------------------------------------------------ what the text names


@dataclass(frozen=True)
class TextPlaces:
    """How often the text names each place (by code), and which departments of which place."""

    counts: Counter[str]
    departments: Counter[tuple[str, str]]  # (code, standard department name)
    # (level, department) of a 我局 the opening places under its leaders (在市委、市政府的领导下,
    # 在省人力资源和社会保障厅的指导下，我局…: a 市 department of the 人社 line), else ()
    led: tuple[str, str] | tuple[()] = ()
    # (level, department) of a 我局 no superior places, read off its own words: the level
    # of its government (在市委、市政府的领导下, 我市), the line it keeps speaking of
    # (我市水利改革发展, 与卫生健康核心业务): used only when no department of its kind is named
    line: tuple[str, str] | tuple[()] = ()
    # the text speaks as a department (局党组, 委机关, 厅主要负责同志): its 我市/全市 is its
    # government's place, never its author
    speaks_as_department: bool = False


def _level_of(char: str, d: Division) -> bool:
    """Whether ``d`` is a division a level character (我县, 全市, 我区) can stand for."""
    if char == "区":
        return d.name.endswith("区") and d.level in ("county", "province")
    if char == "市":
        return d.name.endswith("市") and d.level in ("province", "prefecture", "county")
    if char == "省":
        return d.level == "province" and d.name.endswith("省")
    if char == "街道":
        return d.name.endswith("街道")
    return d.name.endswith(char)


@lru_cache(maxsize=2)
def _regional_names(gz: Gazetteer) -> TermMatcher:
    """Full and short names of the current provinces and prefectures, the short ones
    (甘肃, 东莞, 西宁) without those that are ordinary words (长治久安, 中山公园).  A full name
    maps to "" (it is counted as a full name already)."""
    words = set(data_lines("place_short_names_words.txt"))
    names: dict[str, str] = {}
    for d in gz:
        if d.level in ("province", "prefecture") and d.current:
            names[d.name] = ""
            for short in gz.short_names(d):
                if len(short) >= 2 and short not in words:
                    names.setdefault(short, short)
    return TermMatcher(names)


# What after a department names it as the guiding superior (…司法局的精心指导下, …厅指导).
_GUIDED_BY = re.compile(
    r"的?[^，,。；;、]{0,6}?(?:(?:指导|关心|支持|帮助|督导)(?:下|和|与|、)|领导下)"
)
# The rest of a place run that the shortest run cut at a level character inside a name.
_PLACE_RUN_ON = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:自治州|自治县|自治区|省|市|县|区|州|盟|旗|镇|乡|街道)"
)


def _name_ending(
    run: str, run_start: int, text: str, gz: Gazetteer, year: int | None
) -> tuple[str, list[Division]] | None:
    """The longest place name that ends ``run`` and its readings, or ``None``."""
    for k in range(0, len(run) - 1):
        cands = gz.lookup(run[k:], year)
        if not cands and len(run) - k >= 3:  # 门源县委: a short name and its level word
            short = [c for c in gz.lookup(run[k:-1], year) if c.name.endswith(run[-1])]
            cands = short if len(short) == 1 and short[0].level != "township" else []
        if not cands:
            continue
        above = [c for c in cands if c.level != "township"]
        if len(above) == 1 and above[0].name == run[k:]:
            cands = above
        # 和县, 范县 inside 市委和县委, 示范县: a two-character name counts only where it
        # cannot be the end of a word (after punctuation or another place name).
        start = run_start + k
        if len(run) - k == 2 and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
            if text[start - 1] not in "省市州盟区县":
                return None
        return run[k:], cands
    return None


# A department's report opens under its own government's organs and its line's superior:
# 在县委、县政府和市公安局党委的坚强领导下，我局… / 在市委、市政府的正确领导下，在省人力资源和社会
# 保障厅的关心指导下，我局….  The organs give the level, the superior the line.
_LED_BY_OWN = re.compile(r"在(?P<level>[省市县区州旗])委[、和]?(?P=level)?(?:人民)?政府")
_LED_BY_LINE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[在和及与、]))(?P<level>[省市州])(?P<dept>[\u4e00-\u9fff]{2,14}?)(?:党委|党组)?"
    r"的[^，,。；;]{0,6}?(?:指导|领导)下"
)
_SELF_DEPT_AFTER = re.compile(r"[,，]\s*(?:我|本)(局|委|厅|办)(?![长员会机])")
_ABOVE = {"省": ("市", "州", "县", "区", "旗"), "市": ("县", "区", "旗"), "州": ("县", "市", "旗")}


def _led_department(head: str) -> tuple[str, str] | tuple[()]:
    """The level and department of a 我局 whose opening names its leaders: its own
    government's organs (the level) and its line's superior department (the line), both in
    the clause right before 我局.  ``()`` unless both are there and the superior is above."""
    catalogue = load_catalogue()
    for sentence in head.split("。")[:4]:
        me = _SELF_DEPT_AFTER.search(sentence)
        if me is None or me.start() > 120:
            continue
        lead = sentence[: me.start()]
        own = _LED_BY_OWN.search(lead)
        line, superior = None, None
        for m in _LED_BY_LINE.finditer(lead):
            found = catalogue.get(m.group("dept"))
            if found is not None and found.scope == "local":
                line, superior = m, found  # the last superior before 我局 is the nearest
        if own is None or line is None or superior is None:
            return ()
        level = own.group("level")
        if level not in _ABOVE.get(line.group("level"), ()):
            return ()  # a superior of the same level or below: not its line's superior
        name = superior.name
        if name.endswith("厅") and level != "省":  # 省公安厅 heads the 公安局 of cities
            local = catalogue.get(name[:-1] + "局")
            name = local.name if local is not None else ""
        if not name.endswith(me.group(1)) and not (me.group(1) == "委" and name.endswith("委员会")):
            return ()  # 我局 under a 委: not that line
        return level, name
    return ()


# A line's word where the report speaks of its own line: after a place, a self-reference or
# a function word (全市水利系统, 我市水利改革发展, 与卫生健康核心业务), and before what a line
# has (系统, 事业, 法治, 执法 …); 法治教育工作, 警示教育 are no 教育 line (a word ends before it).
_LINE_BEFORE = r"(?:(?<![\u4e00-\u9fff])|(?<=[全我本省市县区州旗与和及将为对把在、]))"
_LINE_AFTER = (
    r"(?=系统|行业|领域|事业|工作|法治|执法|依法|法律|政策|改革|发展|核心|业务|部门|监管|治理)"
)
_OWN_PLACE_WORDS = frozenset(a + b for a in "我全本" for b in "省市县区州旗")
# A department's words for its own organs, the 局/委/厅 standing alone (局党组研究, 是局机关,
# 委党委书记, 厅主要负责同志), or a bureau of a level named with its own organs (市司法局机关,
# 省司法厅党政主要负责人, 市交通运输局党组): a department's report.  A government's report names
# its bureaus' work, not their 机关 and leading groups (局长 is left out: 副局长 of any body).
_DEPARTMENT_SPEAKS = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[是由经和及与、在对将把]))[局委厅]"
    r"(?:党组|党委|机关|领导班子|全体|直属|属|主要负责)|"
    r"[省市县区][\u4e00-\u9fff]{1,10}?[局厅](?:机关|党组|党委|党政主要负责|领导班子)"
)
# A 我局 that calls itself 分局 is the branch of a bureau above it: its name is not 区X局.
_BRANCH = re.compile(r"(?<![\u4e00-\u9fff])分局|(?<=[是为与和由、])分局")


@cache
def _line_words() -> re.Pattern[str]:
    words = sorted(_department_systems(), key=len, reverse=True)
    return re.compile(_LINE_BEFORE + "(" + "|".join(map(re.escape, words)) + ")" + _LINE_AFTER)


def _own_level(head: str, text: str) -> str:
    """The level of a 我局's government: the organs that lead it (在市委、市政府的领导下 before
    or after 我局), else the place it calls its own (我市, 全市) at least twice."""
    for sentence in head.split("。")[:4]:
        if _SELF_DEPT.search(sentence):
            own = _LED_BY_OWN.search(sentence)
            if own is not None:
                return own.group("level")
    places = Counter(m.group(1) for m in _SELF_PLACE.finditer(text) if not _ranked(text, m))
    if places:
        level, n = places.most_common(1)[0]
        if n >= 2 and level in "省市县区州旗":
            return level
    return ""


def _line_department(head: str, text: str) -> tuple[str, str] | tuple[()]:
    """The level and department of a 我局 (said twice at least) from its own words: its
    government's level (:func:`_own_level`) and the one line it speaks of as its own, by a
    clear lead (twice the next); ``()`` when either is missing, when the line's department
    is no 局 for a 我局, or when it calls itself 分局.  A line spoken of once counts only
    after the place's own name (我市水利改革发展)."""
    selfs = Counter(m.group(1) for m in _SELF_DEPT.finditer(text))
    if not selfs:
        return ()
    suffix, n = selfs.most_common(1)[0]
    if n < 2 or len(_BRANCH.findall(text)) >= 2:
        return ()
    level = _own_level(head, text)
    if not level:
        return ()
    systems = _department_systems()
    lines: Counter[str] = Counter()
    for m in _line_words().finditer(text):
        found = systems[m.group(1)]
        # 我市水利…, 全市卫生健康…: the place's own line counts twice; a line named once
        # otherwise (与财政部门) is one the department works with, not enough alone
        own = text[max(0, m.start() - 2) : m.start()] in _OWN_PLACE_WORDS
        lines[found[1] if level == "省" else found[0]] += 2 if own else 1
    ranked = lines.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return ()
    name = ranked[0][0]
    if not (name.endswith(suffix) or (suffix == "委" and name.endswith("委员会"))):
        return ()
    return level, name


def text_places(text: str, gz: Gazetteer, year: int | None) -> TextPlaces:
    """Places the text names: full names, short names with a level word, 法治X compounds,
    and provinces and cities named bare (《甘肃日报》, 推动西宁…: they tell whose report it is);
    a name several places hold counts for the one the other names point to (洪梅镇 beside
    法治东莞)."""
    counts: Counter[str] = Counter()
    ambiguous: list[str] = []
    pos = 0
    while (m := _PLACE_RUN.search(text, pos)) is not None:
        run, end = m.group(), m.end()
        found = _name_ending(run, m.start(), text, gz, year)
        # 与沧州市, 在镇江市: the shortest run ends at a level character inside the name (沧州,
        # 镇): run on to the next level character while nothing is found
        for _ in range(2):
            more = None if found else _PLACE_RUN_ON.match(text, end)
            if more is None:
                break
            run, end = run + more.group(), more.end()
            found = _name_ending(run, m.start(), text, gz, year)
        if found is not None:
            if len(found[1]) == 1:
                counts[found[1][0].code] += 1
            else:
                ambiguous.append(found[0])
        pos = end
    regional = _regional_names(gz)
    for _, _, name in regional.find(text):
        short = regional.value(name)
        found = [c for c in gz.lookup(short, year) if c.level in ("province", "prefecture")]
        if short and len(found) == 1:
            counts[found[0].code] += 1
    for m in _PLACE_COMPOUND.finditer(text):
        word = m.group(1)
        for k in range(len(word), 1, -1):
            cands = [c for c in gz.lookup(word[:k], year) if c.level != "township"]
            if len(cands) == 1 and word[:k] != cands[0].name:
                counts[cands[0].code] += 1
                break
    for m in _OWN_PRACTICE.finditer(text):
        words = m.group(1)
        for k in range(len(words), 1, -1):
            cands = gz.lookup(words[:k], year)
            # a full name is any division's; a short one (河北, 长春) a county's or above
            full = [c for c in cands if c.name == words[:k]]
            cands = full or [c for c in cands if c.level != "township"]
            if cands:
                if len(cands) == 1:
                    counts[cands[0].code] += 2  # the writer's own place: strong evidence
                break
    abbreviations = province_abbreviations()
    for m in _VISIT.finditer(text):
        province = abbreviations.get(m.group(1))
        found = [d for d in gz.lookup(province or "", year) if d.level == "province"]
        if len(found) == 1:
            counts[found[0].code] += 1
    for m in _INDEX_NUMBER.finditer(text):
        code = m.group("credit") or m.group("area")
        div = gz.get(code, year)
        if div is not None and div.level in ("province", "prefecture", "county"):
            counts[div.code] += 2  # the publishing government's own code: strong evidence
    for m in _OWN_TITLE.finditer(text):
        cands = [c for c in gz.lookup(m.group(1), year) if c.level == "county"]
        if len(cands) == 1:
            counts[cands[0].code] += 1  # 《海安市贯彻落实…方案》: a county's own document
    named = tuple(counts)
    for name in ambiguous:
        div = gz.resolve(name, year, named) if named else None
        if div is not None:
            counts[div.code] += 1
    departments: Counter[tuple[str, str]] = Counter()
    for i, end, dept in _department_spellings_in(text):
        if _GUIDED_BY.match(text, end):
            continue  # 在沧州市司法局的精心指导下: a superior, never the 我局 of the report
        if not gz.name_ends_at(text, i, 14):
            continue  # the place must be written right before the department (below)
        for j in range(max(0, i - 14), i - 1):
            organ = read_organ(text[j:end], gz, year)
            if organ is not None and organ.organ == "unit" and organ.division is not None:
                if organ.unit.endswith(dept.name) and text[j:i].endswith(
                    (organ.division.name, *gz.short_names(organ.division))
                ):
                    departments[(organ.division.code, dept.name)] += 1
                    break
    return TextPlaces(counts, departments)


# A cited title opening with a county's full name (《华蓥市法治政府建设工作领导小组办公室关于…》):
# the document of a county a report carries out, most often its own.
_OWN_TITLE = re.compile(r"《([\u4e00-\u9fff]{1,8}?[市县区旗])")


@cache
def _local_department_spellings() -> tuple[tuple[tuple[str, Department], ...], AhoCorasick]:
    spellings = tuple(
        (spelling, dept)
        for spelling, dept in load_catalogue().by_name.items()
        if dept.scope != "national" and len(spelling) >= 3
    )
    return spellings, AhoCorasick([s for s, _ in spellings])


def _department_spellings_in(text: str) -> list[tuple[int, int, Department]]:
    """Every occurrence of a local department's spelling, overlaps included, in the
    catalogue's order of spellings and then of offsets (the order the counts rely on)."""
    spellings, automaton = _local_department_spellings()
    found = sorted(automaton.find_matches_as_indexes(text, overlapping=True))
    return [(start, end, spellings[k][1]) for k, start, end in found]


def _top_place(
    level: str, places: TextPlaces, gz: Gazetteer, year: int | None, under: Division | None
) -> Division | None:
    """The place of ``level`` the text names most (one clear winner), under ``under`` if given."""
    scored: list[tuple[int, Division]] = []
    for code, n in places.counts.items():
        d = gz.get(code, year)
        if d is None or not _level_of(level, d):
            continue
        if under is not None and not any(a.code == under.code for a in gz.chain(code, year)):
            continue
        scored.append((n, d))
    scored.sort(key=lambda t: (-t[0], t[1].code))
    if not scored:
        return _common_holder(level, places, gz, year, under)
    if len(scored) > 1 and scored[0][0] < 2 * scored[1][0]:
        return None  # 3 against 2: no clear winner, counting does not make the place certain
    n, best = scored[0]
    if n < 2 and level == "市" and best.level == "county":
        return None  # 将平度市25个…: a county-level city named once is one the text acts on
    return best


def _common_holder(
    level: str, places: TextPlaces, gz: Gazetteer, year: int | None, under: Division | None
) -> Division | None:
    """The one place of ``level`` that every place the text names lies in or above, when the
    text names places under it but never the place itself (盐渎街道 and 郭猛镇 in a 我区 report
    are 盐都区's; 宁化县 and 才溪镇 in a 省农业农村厅's report are 福建省's).  Two mentions at
    least, or one under the superior the report is addressed to, and none elsewhere."""
    holders: Counter[str] = Counter()
    others: list[Division] = []
    for code, n in places.counts.items():
        chain = gz.chain(code, year)
        holder = next((a for a in chain[1:] if _level_of(level, a)), None)
        if holder is not None:
            holders[holder.code] += n
        elif chain:
            others.append(chain[0])
    if len(holders) != 1 or sum(holders.values()) < (1 if under is not None else 2):
        return None
    found = gz.get(next(iter(holders)), year)
    if found is None:
        return None
    above = {a.code for a in gz.chain(found.code, year)}
    if any(o.code not in above for o in others):
        return None  # the text also names a place elsewhere
    if under is not None and under.code not in above:
        return None
    return found


# ------------------------------------------------------------------ sources


def _head_tail(doc: Document) -> tuple[str, str]:
    text = doc.text
    return fold(text[:3000]), fold(text[-1500:] if len(text) > 3000 else "")


def _lines(text: str) -> list[str]:
    return [ln.strip(" |") for ln in text.splitlines() if ln.strip(" |")]


def _title_names(line: str) -> tuple[str, ...]:
    """The organ names a title line gives before 关于 or its year ("" when none)."""
    line = _TITLE_PREFIX.sub("", line.replace(" ", ""))
    m = _AFTER_NAME.search(line)
    if not m or m.start() < 2:
        return ()
    clues = author_clues(line, "", "")
    if clues and clues[0].evidence == "title":
        return tuple(n for name in clues[0].names for n in _group_and_department(name))
    name = re.sub(r"(?:发布|印发|公布|公开)$", "", line[max(0, m.start() - 40) : m.start()])
    return _group_and_department(name)


# A department's party group or committee and the department, written without a break
# (海关总署党委 海关总署, 中共西藏自治区民政厅党组西藏自治区民政厅): two organs, one report.
_GROUP_THEN_DEPARTMENT = re.compile(r"(?P<group>(?:中共)?(?P<dept>.{2,20}?)(?:党组|党委))(?P=dept)")


def _group_and_department(name: str) -> tuple[str, ...]:
    """``name`` as the organs it names: a party group and its department are two."""
    m = _GROUP_THEN_DEPARTMENT.fullmatch(name)
    return (m.group("group"), m.group("dept")) if m else (name,)


def _cited(line: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a title the line cites (会议听取了《丰县人民政府关于…报告》):
    another body's report, not this one's title line (a line that is nothing but the 《title》
    is the report's own)."""
    before = line[:pos]
    inside = before.rfind("《") > before.rfind("》")
    return inside and not re.match(r"^[\s|]*《[^《》]*》?[\s|]*$", line)


def _announced(line: str, m: re.Match[str]) -> bool:
    """Whether the title-like words ``m`` are the body announcing its report (现将2023年法治
    政府建设情况报告如下), not a title."""
    return line[: m.start()].endswith("将") or line.startswith("如下", m.end())


# How many non-empty lines of the opening may hold the title: a page's metadata block
# (索引号, 发文字号, 发布机构 … one item a line) can fill twenty or thirty before it.
_TITLE_WITHIN = 40
# How far into a line of a whole page (title, addressee and body on one line) its title may start.
_RUN_ON_TITLE = 60


def _title_candidates(doc: Document, head: str) -> list[AuthorClue]:
    """Titles: the one the ingest stage found, then title-like lines of the opening."""
    out: list[AuthorClue] = []
    lines = [fold(doc.meta.title)] if doc.meta.title and not _HEADING.match(doc.meta.title) else []
    opening = _lines(head)[:_TITLE_WITHIN]
    for i, ln in enumerate(opening):
        m = _TITLE_LINE.search(ln)
        if m is not None and len(ln) > 160 and m.start() <= _RUN_ON_TITLE:
            # a page given as one line: its title, the addressee and the body run together
            ln = ln[: m.end()]
        if m is None or len(ln) > 160 or _cited(ln, m.start()) or _announced(ln, m):
            continue
        if _HEADING.match(ln):
            continue  # 一、2022年度法治政府建设工作的基本情况: a section of the body
        names = []  # a title set on two or three lines: the organs' names above, 关于…报告 below
        for above in reversed(opening[max(0, i - 2) : i]) if m.start() == 0 else ():
            if not 2 <= len(above) <= 30 or _TITLE_BREAK.search(above):
                break
            names.insert(0, above)
        if names:
            whole = "、".join(names) + ln
            # …above a title the page gives whole on two of its lines: the longer one first
            at = next((k for k, t in enumerate(lines) if whole.endswith(t)), len(lines))
            lines.insert(at, whole)
        lines.append(ln)
    for line in dict.fromkeys(lines):
        names = _title_names(line)
        if names:
            out.append(AuthorClue(names, "title", line))
    return out


def _title_place(line: str, gz: Gazetteer, year: int | None) -> AuthorOrgan | None:
    """The place (or place's department) a title starts with: 江苏省2022年度…, 2022年绿塘乡…"""
    text = _TITLE_PREFIX.sub("", re.sub(r"\s+", "", line))
    head = re.sub(r"^(?:19|20)\d{2}年度?", "", text)
    m = re.match(r"[\u4e00-\u9fff]{2,30}?(?=(?:19|20)\d{2}|法治|依法|年度|关于|晒出|发布)", head)
    if not m:
        return None
    organ = read_organ(m.group(), gz, year)
    if organ is None:
        return _homonym(m.group(), gz, year)
    return organ


# The other names of an organ that bears two (一个机构两块牌子), bracketed after its name:
# 市数据局(市营商环境建设局、市行政审批局), 藏语委办(编译局), 县司法局(县行政复议局).
_OTHER_NAMES = re.compile(r"(?<=[局委办厅部署院会])[(（][^()（）]{2,40}[)）]")


def _subject(line: str) -> str:
    """The subject of a first sentence: what stands between its lead and its first verb."""
    rest = line[_LEAD.match(line).end() :]  # type: ignore[union-attr]
    # 市数据局(市营商环境建设局、市行政审批局)在…: an organ's other names, in brackets
    rest = _OTHER_NAMES.sub("", rest, count=1)
    v = _VERB.search(rest)
    if v is None or v.start() < 2 or v.start() > 40:
        return ""
    subject = rest[: v.start()].strip(" ,，")
    return "" if re.search(r"[,，。;；:：《》“”]", subject) else subject


@cache
def _department_systems() -> dict[str, tuple[str, str]]:
    """A department's line (司法行政) -> its name in a county or city and in a province."""
    return {
        row["system"]: (row["department"], row.get("provincial") or row["department"])
        for row in data_table("department_systems.tsv")
    }


def _system_department(subject: str) -> str:
    """``全市司法行政系统`` -> 市司法局, ``全省公安系统`` -> 省公安厅: the department whose line
    the subject names (its own report), or "" when the line is no department's."""
    m = re.fullmatch(r"[全本我](省|市|区|县|州|旗)(.{2,12}?)系统", subject)
    if m is None:
        return ""
    found = _department_systems().get(m.group(2))
    if found is None:
        return ""
    return m.group(1) + (found[1] if m.group(1) == "省" else found[0])


def _subject_names(subject: str) -> tuple[str, ...]:
    """``山西省委、省政府`` -> two names; ``博乐市党委、政府`` -> 博乐市党委, 博乐市政府;
    ``全市司法行政系统`` -> 市司法局; ``民政部党组`` -> 民政部."""
    group = _DEPARTMENT_GROUP.fullmatch(subject)
    if group:  # a department's party group leads its work: the department reports
        subject = group.group(1)
    # 四川省各地各部门: the whole place's work, which its government reports
    subject = _EVERY_BODY.sub("", subject) or subject
    own = _SELF_PLACE.match(subject)
    if own and subject[:1] in "我全本":  # 全省法治政府建设工作, 全市各级行政机关: the place itself
        if "系统" in subject:
            department = _system_department(subject)
            return (department,) if department else ()
        return ("我" + own.group(1),)
    # 和 joins two organs (县委和县政府) only after an organ word: 义和镇 is one name
    parts = [p for p in re.split(r"、|(?<=[委府局厅])[和及与]", subject) if p]
    if len(parts) == 2 and parts[1] in ("政府", "人民政府"):
        place = re.sub(r"(党委|委)$", "", parts[0])
        return (parts[0], place + parts[1])
    if len(parts) == 2 and parts[1][:1] in _LEVEL_CHARS:
        return tuple(parts)
    if len(parts) == 2 and parts[0].endswith("委") and parts[1].endswith("政府"):
        return tuple(parts)  # 中共姚安县委、姚安县人民政府: both named in full
    return (subject,)


# A department's party group or committee as the subject (民政部党组, 市司法局党委).
_DEPARTMENT_GROUP = re.compile(r"(.{2,30}?(?:部|厅|局|署|委员会|办公室|委|办))党(?:组|委)")
# Every body of a place at once (四川省各地各部门坚持…): the place's own work.
_EVERY_BODY = re.compile(
    r"(?<=[省市区县州盟旗])(?:各地各部门|各地区各部门|各级各部门|各级行政机关)$"
)
# A section heading of the body (一、主要工作, （一）, 第一部分).
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部章节])"
)


def _first_sentence(head: str, title: str) -> list[AuthorClue]:
    """Subjects of the first body sentences, and the body a report says it reports on."""
    out: list[AuthorClue] = []
    for line in _lines(head)[:14]:
        if out and _HEADING.match(line):
            break  # below a section heading the sentences tell the work, not who reports it
        if len(line) < 20 or line == title or (len(line) < 40 and line.endswith((":", "："))):
            continue
        for sentence in line.split("。")[:3]:
            subject = _subject(sentence)
            names = _subject_names(subject) if subject else ()
            if names == (subject,) and _bare_department(subject):
                # 在市委、市政府的正确领导下,农业农村局…: the leaders give its level (市)
                led = _LED_BY_OWN.search(sentence)
                names = (led.group("level") + subject,) if led else names
            if names:
                out.append(AuthorClue(names, "first-sentence", sentence[:60]))
        if len(out) >= 3:
            break
    m = _STATEMENT.search(head)
    if m:
        out.append(AuthorClue((m.group("name"),), "first-sentence", m.group()))
    return out


def _bare_department(name: str) -> bool:
    """Whether ``name`` is a local department's name with no place or level (农业农村局)."""
    found = load_catalogue().get(name)
    return found is not None and found.scope == "local" and name[:1] not in _LEVEL_CHARS


def _in_name(head: str) -> list[AuthorClue]:
    """The organs a cover letter submits the report in the name of (以X县委、县政府名义报送)."""
    m = _IN_NAME.search(head)
    if m is None:
        return []
    names = tuple(n for n in _NAME_LIST.split(m.group("names")) if n)
    return [AuthorClue(names, "in-name", m.group())] if names else []


def _ranked(text: str, m: re.Match[str]) -> bool:
    """Whether the self-reference ``m`` (全省) ranks the author within a place above it."""
    if not m.group().startswith("全"):
        return False  # 我省, 本市: the writer's own place, whatever follows
    if _RANKED_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return True
    if _RANKED_AFTER.match(text, m.end()):
        return True
    return text[m.start() - 1 : m.start()] == "在" and bool(_RANKED_WITHIN.match(text, m.end()))


def _self_references(text: str) -> list[AuthorClue]:
    """我局/我委 (a department's own report), then 我县/全市 (a place's), the most used one."""
    out: list[AuthorClue] = []
    depts = Counter(m.group() for m in _SELF_DEPT.finditer(text))
    if depts:
        word, n = depts.most_common(1)[0]
        # A department's report: its 我市 is its government's place, not its author.  Once
        # is enough in the opening sentences (…,我局切实加强领导,…现将有关情况报告如下).
        opening = _SELF_DEPT.search(text, 0, _OPENING)
        if n < 2 and opening is not None:
            word, n = opening.group(), 2
        if n >= 2:
            return [AuthorClue((word,), "self-reference", word)]
    places = Counter(m.group(1) for m in _SELF_PLACE.finditer(text) if not _ranked(text, m))
    if places:
        level, n = places.most_common(1)[0]
        if n >= 2:
            out.append(AuthorClue(("我" + level,), "self-reference", "我" + level))
    return out


def _own_practice(text: str) -> list[AuthorClue]:
    """The place whose circumstances the writer adapts its work to (结合荷城街道实际), as its
    government: a last resort before the byline, and never in a department's report (我局)."""
    if _SELF_DEPT.search(text):
        return []
    for m in _OWN_PRACTICE.finditer(text):
        if _PLACE_RUN.fullmatch(m.group(1)):
            return [AuthorClue((m.group(1),), "self-reference", m.group())]
    return []


def _candidates(doc: Document, head: str, tail: str) -> tuple[list[AuthorClue], str]:
    """Every clue, strongest first, and the byline's publisher."""
    titles = _title_candidates(doc, head)
    title = titles[0].line if titles else fold(doc.meta.title)
    content = head + "\n" + tail
    clues = [c for c in author_clues(title, content, head) if c.evidence != "title"]
    byline = next((c for c in clues if c.evidence == "byline"), None)
    if byline is None and doc.meta.byline:  # read off the raw page by the ingest stage
        byline = AuthorClue((fold(doc.meta.byline),), "byline", doc.meta.byline)
    ordered = [
        *_in_name(head),
        *titles,
        *(c for c in clues if c.evidence in ("signature", "opening")),
        *(AuthorClue((t.line,), "title-place", t.line) for t in titles),
        *((AuthorClue((title,), "title-place", title),) if title else ()),
        *_first_sentence(head, title),
        *_self_references(content),
        *_own_practice(content),
        *((byline,) if byline else ()),
    ]
    return ordered, byline.names[0] if byline else ""


# ------------------------------------------------------------------ decision


def _read_clue(
    clue: AuthorClue, gz: Gazetteer, year: int | None, context: Sequence[str]
) -> tuple[AuthorOrgan, ...]:
    """The organs a clue names (joint reports name two organs of one place)."""
    found: list[AuthorOrgan] = []
    ctx = tuple(context)
    for name in clue.names:
        if clue.evidence == "title-place":
            organ = _title_place(name, gz, year)
        else:
            organ = read_name(name, gz, year, ctx)
        if organ is None and clue.evidence == "title":
            organ = _after_chrome(name, gz, year, ctx)
        if organ is None:
            if clue.evidence == "first-sentence":
                return ()  # a subject is read whole or not at all
            continue
        if clue.evidence == "byline" and organ.organ == "unit" and organ.division is not None:
            office = organ.unit.removeprefix(organ.division.name)
            if office in ("人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅"):
                organ = AuthorOrgan(organ.division)  # its government's report, published
        if organ.division is None and organ.level and found and found[-1].division is not None:
            organ = _complete_from(organ, found[-1].division, gz, year) or organ
        found.append(organ)
        if organ.division is not None:
            ctx = tuple(d.code for d in gz.chain(organ.division.code, year))
    return tuple(found)


def _after_chrome(
    name: str, gz: Gazetteer, year: int | None, context: Sequence[str]
) -> AuthorOrgan | None:
    """The organ that ends a title's name run together with site chrome before it (网站首页
    政务公开南皮县人民政府关于…): the longest tail that starts with a full place name of the
    organ's chain and reads as an organ.  A tail that starts inside a word (开南… in 公开南皮县)
    starts with no full name and is not read."""
    name = re.sub(r"\s+", "", name)
    for k in range(1, len(name) - 2):
        tail = name[k:]
        organ = read_organ(tail, gz, year, context)
        if organ is None or organ.division is None:
            continue
        if any(tail.startswith(d.name) for d in gz.chain(organ.division.code, year)):
            return organ
    return None


def _complete_from(
    organ: AuthorOrgan, anchor: Division, gz: Gazetteer, year: int | None
) -> AuthorOrgan | None:
    """A relative organ placed at ``anchor`` or the ancestor of its level."""
    if organ.level.startswith("我"):
        return None
    div = (
        anchor
        if _level_of(organ.level, anchor)
        else nearest_of_level(anchor, organ.level[0], gz, year)
    )
    if div is None:
        return None
    if organ.organ == "unit":
        party = organ.unit.startswith("中共")
        name = ("中共" if party else "") + div.name + organ.unit.removeprefix("中共")
        return AuthorOrgan(div, "unit", name)
    return AuthorOrgan(div, organ.organ)


def _complete(
    organ: AuthorOrgan,
    places: TextPlaces,
    anchors: Sequence[Division],
    under: Division | None,
    gz: Gazetteer,
    year: int | None,
) -> AuthorOrgan | None:
    """Place a relative organ: by a department the text names in full, by another source's
    place, or by the place of its level the text names most."""
    if organ.candidates:  # a town name several places hold: the one the text ties it to
        named = [
            c
            for c in organ.candidates
            if any(places.counts.get(a.code) for a in gz.chain(c, year)[1:])
        ]
        div = gz.get(named[0], year) if len(named) == 1 else None
        return AuthorOrgan(div, organ.organ) if div is not None else organ
    if organ.placed:
        return organ
    if organ.level.startswith("我"):  # 我局: the department the text names most in full
        suffix = organ.level[1]
        depts = [(n, k) for k, n in places.departments.items() if k[1].endswith(suffix)]
        if places.led:  # 海珠区人社局 in the report of a 市 bureau: its subordinates, not it
            depts = [
                (n, k)
                for n, k in depts
                if (d := gz.get(k[0], year)) is not None and _level_of(places.led[0], d)
            ]
        depts.sort(key=lambda t: (-t[0], t[1]))
        if not depts and (places.led or places.line):
            return _led_place(places, anchors, under, gz, year)
        if not depts or (len(depts) > 1 and depts[0][0] < 2 * depts[1][0]):
            return None  # no clear lead: the other may be the department it reports as 我局
        (code, name) = depts[0][1]
        div = gz.get(code, year)
        return AuthorOrgan(div, "unit", div.name + name) if div else None
    if organ.organ == "unit":
        named = [(n, code) for (code, name), n in places.departments.items() if name == organ.unit]
        named = [
            (n, code)
            for n, code in named
            if (d := gz.get(code, year)) is not None and _level_of(organ.level, d)
        ]
        named.sort(key=lambda t: (-t[0], t[1]))
        if named and (len(named) == 1 or named[1][0] < named[0][0]):
            div = gz.get(named[0][1], year)
            if div is not None:
                return AuthorOrgan(div, "unit", div.name + organ.unit)
    for anchor in anchors:
        if organ.own and not _level_of(organ.level, anchor):
            continue  # 我省 quoted in a county's article does not make the province the author
        done = _complete_from(organ, anchor, gz, year)
        if done is not None:
            return done
    div = _top_place(organ.level, places, gz, year, under)
    return _complete_from(organ, div, gz, year) if div is not None else None


def _led_place(
    places: TextPlaces,
    anchors: Sequence[Division],
    under: Division | None,
    gz: Gazetteer,
    year: int | None,
) -> AuthorOrgan | None:
    """我局 placed by its leaders (:func:`_led_department`): the department of its line at the
    place of its level another source gives, or the text names most; ``None`` when neither."""
    level, name = places.led or places.line or ("", "")
    div = next((a for a in anchors if _level_of(level, a)), None)
    div = div or _top_place(level, places, gz, year, under)
    return AuthorOrgan(div, "unit", div.name + name) if div is not None and name else None


def _supported(
    div: Division, places: TextPlaces, gz: Gazetteer, year: int | None, names: Sequence[str] = ()
) -> bool:
    """Whether a town's place is certain: no other division bears its name (the annotation
    guide places such a town by the official list), or the text names one of the town's
    parents, in the text or in the author's name itself (宝山区友谊路街道办事处: 宝山区 is two
    districts, but only one holds a 友谊路街道)."""
    if div.level != "township" or len(gz.lookup(div.name, year)) == 1:
        return True
    parents = gz.chain(div.code, year)[1:]
    if any(places.counts.get(a.code) for a in parents):
        return True
    return any(a.name in name for a in parents for name in names)


def _unplaced(organ: AuthorOrgan) -> AuthorOrgan:
    """A placed town organ whose place the text does not make certain: its name only."""
    div = organ.division
    assert div is not None
    label = organ.unit or organ_label(div, organ.organ if organ.organ != "unit" else "government")
    return AuthorOrgan(None, organ.organ, label=label, candidates=(div.code,))


def _related(a: Division, b: Division, gz: Gazetteer, year: int | None) -> bool:
    """Whether one division lies on the other's chain (or they are the same)."""
    return any(d.code == b.code for d in gz.chain(a.code, year)) or any(
        d.code == a.code for d in gz.chain(b.code, year)
    )


def decide(
    readings: Sequence[tuple[AuthorClue, tuple[AuthorOrgan, ...]]],
    places: TextPlaces,
    under: Division | None,
    gz: Gazetteer,
    year: int | None,
) -> tuple[AuthorClue, tuple[AuthorOrgan, ...], float] | None:
    """The first reading (strongest evidence first) whose organs can all be placed, and how
    sure it is: the base trust of its evidence, raised when other sources name the same place,
    lowered when a strong source names an unrelated one or when it was placed by counting."""
    anchors = [o.division for _, organs in readings for o in organs if o.division is not None]
    if under is not None:
        anchors.append(under)
    department = False  # a source said a department wrote it (我局), but not which one
    for k, (clue, organs) in enumerate(readings):
        done = [_complete(o, places, anchors, under, gz, year) for o in organs]
        if not done or any(o is None for o in done):
            if clue.evidence != "byline" and any(o.organ == "unit" for o in organs):
                department = True
            continue
        chosen = tuple(o for o in done if o is not None)
        governments = all(o.organ != "unit" for o in chosen)
        if department and clue.evidence == "self-reference" and governments:
            continue  # 我局's report speaks of 全市 too: its place is not its author
        if places.speaks_as_department and all(o.own for o in organs):
            continue  # 局党组's report says 本市, 全市: its government's place, not its author
        if clue.evidence == "first-sentence" and all(o.organ == "party" for o in chosen):
            continue  # 县委坚持把党的领导…: the committee that leads the work, not who reports it
        if clue.evidence == "opening" and _subject_below(chosen, readings, gz, year):
            continue  # 咸安区人民政府 atop a page whose report opens 官埠桥镇在…: the site's name
        counted = any(not o.placed for o in organs)
        conf = BASE_CONFIDENCE.get(clue.evidence, 0.5) - (0.1 if counted else 0.0)
        div = chosen[0].division
        if div is not None and places.counts.get(div.code, 0) >= 3:
            conf += 0.03  # the text keeps naming the place
        if div is not None:
            for other, o_organs in readings[:k] + readings[k + 1 :]:
                o_div = next((o.division for o in o_organs if o.division is not None), None)
                if o_div is None:
                    continue
                if o_div.code == div.code:
                    conf += 0.04
                elif other.evidence in _STRONG and not _related(div, o_div, gz, year):
                    conf -= 0.25
            if any(
                o.division is not None and not _supported(o.division, places, gz, year, clue.names)
                for o in chosen
            ):
                chosen = tuple(_unplaced(o) if o.division is not None else o for o in chosen)
        return clue, chosen, round(max(0.05, min(0.99, conf)), 2)
    return _unnamed_department(readings, places, gz, year) or _within_province(
        readings, places, gz, year
    )


def _subject_below(
    chosen: tuple[AuthorOrgan, ...],
    readings: Sequence[tuple[AuthorClue, tuple[AuthorOrgan, ...]]],
    gz: Gazetteer,
    year: int | None,
) -> bool:
    """Whether the first sentence's subject is a place inside the one an opening line names:
    that line is the name of the site the report is published on, not of its author."""
    tops = {o.division.code for o in chosen if o.division is not None}
    for clue, organs in readings:
        if clue.evidence != "first-sentence":
            continue
        for o in organs:
            codes = (o.division.code,) if o.division is not None else o.candidates
            if any(c not in tops and tops & {d.code for d in gz.chain(c, year)[1:]} for c in codes):
                return True
    return False


def _unnamed_department(
    readings: Sequence[tuple[AuthorClue, tuple[AuthorOrgan, ...]]],
    places: TextPlaces,
    gz: Gazetteer,
    year: int | None,
) -> tuple[AuthorClue, tuple[AuthorOrgan, ...], float] | None:
    """市发展改革委 as a report's subject when the text names no city at all: the department
    is kept by its name (市发展和改革委员会) without a place, never put in a guessed city."""
    for clue, organs in readings:
        if clue.evidence not in _NAMING or len(organs) != 1:
            continue
        organ = organs[0]
        if organ.level.startswith("我") and clue.evidence in ("first-sentence", "self-reference"):
            # 我局 whose leaders or own words give its level and line (市 + 水利局)
            level, unit = places.led or places.line or ("", "")
            if not unit:
                continue
            organ = AuthorOrgan(None, "unit", unit, level=level)
        if organ.organ != "unit" or organ.division is not None or organ.level[:1] in ("", "我"):
            continue
        if any(
            (d := gz.get(code, year)) is not None and _level_of(organ.level, d)
            for code in places.counts
        ):
            return None  # the text names a place of that level: not left to a bare name
        party = organ.unit.startswith("中共")
        name = ("中共" if party else "") + organ.level + organ.unit.removeprefix("中共")
        return clue, (AuthorOrgan(None, "unit", name, label=name),), 0.5
    return None


# The sources that may name a department left without a place (我局 only with its line known).
_NAMING = ("title", "opening", "first-sentence", "self-reference")

# The organ names of a place left unnamed, by its level word (县人民政府, 中共县委员会).
_UNNAMED_ORGAN = {"government": "{}人民政府", "party": "中共{}委员会"}


def _within_province(
    readings: Sequence[tuple[AuthorClue, tuple[AuthorOrgan, ...]]],
    places: TextPlaces,
    gz: Gazetteer,
    year: int | None,
) -> tuple[AuthorClue, tuple[AuthorOrgan, ...], float] | None:
    """我县 in a report whose only named place is its province (考察安徽, 辽宁省…): the place
    is certain down to the province and no further, so the author is 县人民政府 within 安徽省,
    never a guessed county (the annotation guide: the place as far as certain)."""
    if len(places.counts) != 1:
        return None  # no place, or places that could hold the author: not certain which
    province = gz.get(next(iter(places.counts)), year)
    if province is None or province.level != "province":
        return None
    for clue, organs in readings:
        if clue.evidence not in ("title", "opening", "first-sentence", "self-reference"):
            continue
        if len(organs) != 1:
            continue
        organ = organs[0]
        if organ.placed or organ.level not in ("县", "市", "区", "旗"):
            continue  # placed, national, a town's name, or a department (我局)
        if _level_of(organ.level, province):
            return None  # 我市 in 北京's report is 北京 itself: decided elsewhere, not here
        form = _UNNAMED_ORGAN.get(organ.organ)
        if form is None:
            continue
        label = form.format(organ.level)
        return clue, (AuthorOrgan(None, organ.organ, label=label, within=province.code),), 0.5
    return None


def resolve_authorship(doc: Document, res: Resources) -> Authorship:
    """The organs that wrote ``doc``, the evidence that decided it, and a confidence."""
    gz, year = res.gazetteer, doc.meta.year
    head, tail = _head_tail(doc)
    places = text_places(head + "\n" + tail + "\n" + fold(doc.meta.byline), gz, year)
    content = head + "\n" + tail
    places = replace(
        places,
        led=_led_department(head),
        line=_line_department(head, content),
        speaks_as_department=_DEPARTMENT_SPEAKS.search(content) is not None,
    )
    clues, publisher = _candidates(doc, head, tail)
    under = _addressee_place(doc, gz, year)
    context = tuple(d.code for d in gz.chain(under.code, year)) if under else ()
    context += tuple(code for code, _ in places.counts.most_common(8))
    readings = [(c, _read_clue(c, gz, year, context)) for c in clues]
    readings = [(c, organs) for c, organs in readings if organs]
    decided = decide(readings, places, under, gz, year)
    named = tuple(code for code, _ in places.counts.most_common())
    if decided is None:
        return Authorship(publisher=publisher, named=named)
    clue, organs, conf = decided
    return Authorship(organs, clue.evidence, clue.line, conf, publisher, named)


def _addressee_place(doc: Document, gz: Gazetteer, year: int | None) -> Division | None:
    """The place of a named addressee (河北省人民政府：): the author is under it."""
    for name in doc.meta.addressees:
        organ = read_organ(name, gz, year)
        if organ is not None and organ.division is not None and organ.organ != "unit":
            return organ.division
    return None


def resolve_author(doc: Document, res: Resources) -> tuple[tuple[tuple[Division, str], ...], str]:
    """The placed author organs ``((division, organ), …)`` of ``doc`` and the evidence used."""
    a = resolve_authorship(doc, res)
    return tuple((o.division, o.organ) for o in a.organs if o.division is not None), a.evidence


def addressee_organs(
    doc: Document, res: Resources, context: tuple[str, ...]
) -> list[tuple[Division, str]]:
    """The organs a report is addressed to (中共石家庄市委、石家庄市人民政府：, 区委、区政府：)."""
    gz, year = res.gazetteer, doc.meta.year
    author = gz.get(context[0], year) if context else None
    out: list[tuple[Division, str]] = []
    for name in doc.meta.addressees:
        bare = name.removeprefix("中共")
        if author is not None and bare[:1] in _LEVEL_CHARS and bare[1:] in _ORGAN_OF:
            # 区委、区政府 in a town's report: the author's own superiors, read on its chain
            chain = gz.chain(author.code, year)[1:]
            target = nearest_of_level(chain[0], bare[0], gz, year) if chain else None
            if target is not None:
                party = name.startswith("中共") or _ORGAN_OF[bare[1:]] == "party"
                out.append((target, "party" if party else _ORGAN_OF[bare[1:]]))
            continue
        organ = read_organ(name, gz, year, context)
        if organ is not None and organ.division is not None and organ.organ != "unit":
            out.append((organ.division, organ.organ))
    return out


def author_entity(organ: AuthorOrgan, ctx: DocumentContext) -> Entity:
    """The entity of one author organ, registered with its parents and place.

    National bodies and unplaced towns are organisations without a place: their name, and
    for an unplaced town the codes of the places its name may denote.
    """
    if organ.division is None:
        label = organ.label or organ.unit
        if organ.national:
            return ctx.keep(national_entity(label, organ.organ))
        within = ctx.res.gazetteer.get(organ.within, ctx.year) if organ.within else None
        if within is not None:  # 县人民政府 within 安徽省: this report's own, one per report
            ctx.keep_government(within, "government")
            key = f"unplaced|doc:{ctx.doc}|{label}|{within.code}"
            return ctx.keep(
                Entity(
                    iri=ORGU + f"unplaced-{digest(key, 12)}",
                    type="organization",
                    label=label,
                    key=key,
                    attrs=attrs(scope="unplaced", organ=organ.organ, within=within.code),
                )
            )
        return ctx.keep(
            Entity(
                iri=ORGU + f"unplaced-{digest(label, 12)}",
                type="organization",
                label=label,
                key=f"unplaced|{label}",
                attrs=attrs(
                    scope="unplaced",
                    organ=organ.organ,
                    candidates=" ".join(organ.candidates) or None,
                ),
            )
        )
    if organ.organ != "unit":
        return ctx.keep_government(organ.division, organ.organ)
    ctx.keep_government(organ.division, "government")
    party = organ.unit.startswith("中共")
    if party:
        ctx.keep_government(organ.division, "party")
    return ctx.keep(institution_entity(organ.unit, organ.division, party=party))


__all__ = [
    "AuthorOrgan",
    "Authorship",
    "addressee_organs",
    "author_entity",
    "decide",
    "read_name",
    "read_organ",
    "resolve_author",
    "resolve_authorship",
]
