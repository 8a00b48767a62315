"""Institutions: organs and bodies named by a suffix (司法局, 调委会, 服务中心 …).

A suffix from ``kg/data/institution_suffixes.txt`` marks the right end of a name.  The left
end is found on words: the few characters before the suffix are tagged by jieba (with the
project's institution words as ``nt``) and words are taken from the right while they can be
part of a name (nouns, place names, level words such as 县, name-internal verbs such as 调解 or
审批); a stop word, a preposition, a pronoun, a numeral or any other verb ends the name
("专业律师常驻县司法局" -> 县司法局, "我县税务局" -> 县税务局).

Each mention also says what the sentence says about it: ``count`` for a counted class of
institutions ("13个婚姻家庭调委会": a count on the class, not 13 entities), ``established``
when a verb such as 成立/组建/设立 introduces it, with the ``year`` the sentence gives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from kg.extract.departments import department_after, load_catalogue
from kg.extract.lexicons import Lexicons, data_lines
from kg.extract.mention import make_mention, not_annotated, reglossed, simplified, unglossed
from kg.extract.sentences import Sentences, split_sentences
from kg.extract.terms import TermMatcher
from kg.extract.words import tag
from kg.model import Document, Mention, attrs

MAX_NAME = 20  # characters looked at before a suffix
_ESTABLISH = re.compile(
    r"(?:先后|分别|相继|新|正式|挂牌)?(?:成立|组建|设立|建立|建成|新建|挂牌|揭牌)"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_COUNT = re.compile(r"([\d０-９一二三四五六七八九十百千万两]+)\s*(?:个|家|所|支|处)$")
_NUMERIC = re.compile(r"^[\d０-９一二三四五六七八九十百千万两几多数余]+[个级家所支处批届]?$")
_PLACE_PREFIX = re.compile(r"(?:我|全|本|各)(?=[省市区县镇乡])")
# Courts and procuratorates: organs of their place, read by the governments extractor.
_BARE_ORGANS = frozenset({"法院", "人民法院", "检察院", "人民检察院"})
# POS flags of words that can be part of a name (nouns, place names, 区别词, adjectives …).
_NAME_FLAGS = ("n", "j", "b", "a", "zg", "z", "l")  # n* includes nr: 习近平法治思想研究基地
_GENERIC = frozenset(
    "中心 办公室 委员会 工作站 服务站 服务室 基地 大队 律师事务所 法律服务所 人民调解委员会 "
    "调解委员会 委员会办公室 法律援助工作站 公共法律服务中心 法律服务中心".split()
)
# Bodies every town has one of: written bare (落实司法所长列席…), a town's report means its
# own; the resolver keeps them only in a town's report.
_TOWN_BODIES = frozenset({"司法所", "派出所"})  # a town's own, named bare in its report
_GENERIC_ENDINGS = frozenset("中心 办公室 委员会 工作站 服务站 服务室 基地 大队".split())
# Two-character endings that one two-character word before them does not make a name.
_SHORT_ENDINGS = frozenset("中心 基地 学院 大队".split())
_LEVEL_WORD = re.compile(r"^[省市区县镇乡]级?")
# 各, 各个, 各村, 各乡镇(街道) right before a name: every one of a kind, no single body.
_PLURAL_BEFORE = re.compile(
    r"各(?:个)?(?:乡镇|街道|村|社区|行政村|镇|乡|县|区|市|级|镇村|村居)?(?:\(居\)|（居）)?"
    r"(?:、?(?:乡镇|街道|村|社区))*$"
)
# Names of a kind of institution found in every village or town (村法律服务工作站).
_CLASS_PREFIX = re.compile(r"^(?:各|乡镇|街道|村|社区|行政村|镇村|村居|村\(居\)|村（居）)")
# A conjunction glued to a county name by jieba: 和县法治… is 和 + 县法治….
_GLUED = re.compile(
    r"[和与及在对由向将把为是等并至从][省市区县镇乡](?![\u4e00-\u9fff]{0,2}[省市区县])"
)


@cache
def _lexicon() -> tuple[
    re.Pattern[str], dict[str, str], frozenset[str], frozenset[str], frozenset[str]
]:
    """(suffix regex, suffix -> characters that must not follow, stop words, not-names,
    name-internal verbs), read from kg/data once."""
    suffixes: dict[str, str] = {}
    for line in data_lines("institution_suffixes.txt"):
        word, _, not_after = line.partition("\t")
        suffixes[word.strip()] = not_after.strip()
    ordered = sorted(suffixes, key=len, reverse=True)
    suffix_re = re.compile("|".join(map(re.escape, ordered)))
    stops = frozenset(data_lines("institution_stops.txt"))
    not_names = frozenset(w for w in data_lines("institution_not.txt") if w[:1] != "*")
    verbs = frozenset(data_lines("institution_name_verbs.txt"))
    return suffix_re, suffixes, stops, not_names, verbs


@cache
def _not_endings() -> tuple[str, ...]:
    """Endings that make no name, whatever comes before them (*副中心: a zone of a city)."""
    return tuple(w[1:] for w in data_lines("institution_not.txt") if w[:1] == "*")


# The term of a congress or a CPPCC inside a name (第十四届, 六届): the organ, in a subtitle
# (在市第十四届人民代表大会常务委员会第十次会议上), never an institution.
_TERM = re.compile(r"[一二三四五六七八九十\d]+届")
# A village's or community's name at the start of a name (青龙村…, 幸福社区…).
_VILLAGE_START = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:村|社区|嘎查)")


@cache
def _placed_endings() -> tuple[str, ...]:
    """Endings that name a body only after its place (kg/data/institution_placed_endings.txt)."""
    return tuple(data_lines("institution_placed_endings.txt"))


def _starts_with_place(name: str, lexicons: Lexicons) -> bool:
    """Whether ``name`` starts with a place's name (full or short), a level word or a national
    prefix (湖南省…, 县…, 中央…)."""
    if _LEVEL_WORD.match(name) or name.startswith(("中共", "中央", "全国", "国家")):
        return True
    if _VILLAGE_START.match(name):
        return True  # 青龙村法治教育示范基地: villages are in no gazetteer
    return any(
        name[:k] in lexicons.place_names or name[:k] in lexicons.local_names
        for k in range(2, min(len(name), _LONGEST_PLACE) + 1)
    )


def _name_word(word: str, flag: str, stops: frozenset[str], verbs: frozenset[str]) -> bool:
    """Whether a tagged word can be part of an institution name."""
    if word in stops:
        return False
    if word == "·" or word in "()（）":
        return True
    if _NUMERIC.match(word):
        return False  # 13个, 二级 (jieba's 区别词), 六届: a count or a rank, no name
    if flag == "m":
        return True
    if flag.startswith("v"):
        return flag == "vn" or word in verbs
    if flag == "ns" or flag == "nt":
        return True
    return flag.startswith(_NAME_FLAGS)


# The level word and the task's verb a leading group's name starts with (省推进…领导小组).
_GROUP_TASK = re.compile(r"(?<![全各])[省市县区州旗](?:全面)?(?:推进|深化)$")
# A number and its measure word (两轮, 3个, 十余次): a count, never the start of a name.
_MEASURED = re.compile(r"[\d一二两三四五六七八九十百千余多]+[轮次个批项名家件期届]")


def left_boundary(window: str, suffix: str, stops: frozenset[str], verbs: frozenset[str]) -> int:
    """Offset in ``window`` (the text just before ``suffix``) where the name starts.

    The window is tagged together with the suffix, so that a dictionary word spanning both
    (依法治县委员会) stays whole; words are then taken from the right while they can belong to
    a name.
    """
    # punctuation and Latin text end a name (· and brackets may sit inside one)
    cut = 0
    for m in re.finditer(r"[^\u4e00-\u9fff·（）()]", window):
        cut = m.end()
    words = tag(window[cut:] + suffix)
    pos = len(window) + len(suffix)
    kept: list[tuple[str, str]] = []
    for word, flag in reversed(words):
        if pos > len(window):  # words covering the suffix
            pos -= len(word)
            continue
        if not _name_word(word, flag, stops, verbs):
            break
        pos -= len(word)
        kept.append((word, flag))
    pos = max(cut, min(pos, len(window)))
    # a name does not start with a verb before a place (建设青龙村法治教育示范基地)
    while len(kept) > 1 and kept[-1][1] == "v" and kept[-2][1] in ("ns", "zg", "nt"):
        pos += len(kept.pop()[0])
    # …but a leading group's name may hold the verb of its task after its level word
    # (省推进依法行政工作领导小组, 市全面推进依法行政工作领导小组办公室)
    task = _GROUP_TASK.search(window[:pos]) if suffix.startswith(group_endings()) else None
    if task is not None and task.start() >= cut:
        pos, kept = task.start(), []
    # …nor with a count (经过两轮县机构改革领导小组会议)
    while len(kept) > 1 and kept[-1][1] == "m" and _MEASURED.fullmatch(kept[-1][0]):
        pos += len(kept.pop()[0])
    # …nor with a closing bracket: take in 村(居) whole
    if pos < len(window) and window[pos] in ")）":
        m = re.search(r"[\u4e00-\u9fff]{1,2}[（(][\u4e00-\u9fff]{1,3}$", window[:pos])
        pos = m.start() if m else pos + 1
    # …and an opening bracket left open before the suffix opens the name: 直属单位(省卫生监督所)
    opened = max(window.rfind("("), window.rfind("（"))
    if opened >= pos and not re.search(r"[)）]", window[opened:]):
        pos = opened + 1
    return pos


def _established(text: str, sentence_start: int, start: int) -> tuple[bool, str | None]:
    """Whether a 成立/组建 … verb introduces the name (only names and 、和 in between), and the
    year the sentence gives before it."""
    before = text[sentence_start:start]
    last = None
    for m in _ESTABLISH.finditer(before):
        last = m
    if last is None or re.search(r"[，,；;：:。]", before[last.end() :]):
        return False, None
    years = _YEAR.findall(before[: last.start()])
    return True, years[-1] if years else None


def extract_institutions(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Names ending in an institution suffix, their left end found on jieba words."""
    suffix_re, not_after, stops, not_names, verbs = _lexicon()
    not_endings = _not_endings()
    original = doc.text
    clean, where = unglossed(original)  # 應(yīng)急管理部 is read as 應急管理部
    text = simplified(clean)  # traditional script read as simplified, offset for offset
    if where is not None:
        sentences, written = split_sentences(text), sentences
    found: list[Mention] = []
    last_end = 0
    for m in suffix_re.finditer(text):
        end = m.end()
        if m.start() < last_end:
            continue  # inside a name already taken (…领导小组办公室)
        banned = not_after.get(m.group(), "")
        if banned and text[end : end + 1] in banned and not _organ_after(text, end):
            continue  # 中心城区, 中心组 (but 政务服务中心城管局窗口: two bodies side by side)
        # a name may carry several suffixes: 县法治宣传教育领导小组办公室
        while True:
            nxt = suffix_re.match(text, end)
            if nxt is None or nxt.group() in ("委",):
                break
            if nxt.group().endswith(_ORGAN_ENDS):
                break  # 政务服务中心城管局窗口: two bodies side by side, not one name
            end = nxt.end()
        if m.group().endswith(_ORGAN_ENDS):
            end = _branch_end(text, end, lexicons) or end  # 市公安局 + 龙岗分局: one name
        lo = max(last_end, m.start() - MAX_NAME)
        start = lo + left_boundary(text[lo : m.start()], m.group(), stops, verbs)
        start = _across_conjunction(text, lo, start, m.start(), m.group(), suffix_re, stops, verbs)
        inner = _GLUED_INSIDE.search(text, start, m.start())
        if inner:  # 坚强领导和县司法局: the conjunction ends the words before the name
            start = inner.start() + 1
        if start >= 2 and start - 2 >= last_end and text[start - 2] in "我本":
            if text[start - 1] in _LEVELS:  # 依托我市综治中心: jieba's 我市 is one pronoun
                start -= 1
        if start >= 1 and start - 1 >= last_end and text[start - 1] in "我本":
            if text[start] in "局厅委部" and start < m.start():  # 我局法治建设领导小组: the
                start -= 1  # department's own body, named as 我局 is
        if m.group().endswith(_ORGAN_ENDS) and any(
            inner.end() == m.start() for inner in suffix_re.finditer(text, start, m.start())
        ):
            start = m.start()  # 政务服务中心 + 城管局: the organ starts anew
        time = _TIME_BEFORE.match(text, start, m.start())
        if time:
            start = time.end()
        pre = _PLACE_PREFIX.match(text, start, m.start())
        if pre:  # 我县税务局 -> 县税务局
            start = pre.end()
        elif _GLUED.match(text, start, m.start()):
            start += 1
        elif text[start] in _LEVELS:  # 呼中 + 区教育局: the place's full name is the name's
            place = _place_before(text, start + 1, lexicons.place_names)
            start = place if place is not None and place >= lo else start
        else:
            start = _after_words_before_level(text, start, m.start(), lexicons.place_names)
        start = _founded_whole(text, max(last_end, m.start() - _LONGEST_FOUNDED), start, m)
        name = text[start:end]
        if m.group() in _BARE_ORGANS:
            continue  # courts and procuratorates are organs of their place: governments
        if name in not_names or name.endswith(not_endings) or len(name) < 3:
            continue
        if _UNBALANCED.search(name) or name.startswith("第"):
            continue  # 党校(行政学院, 第四批…基地: no body's name
        bare = name == m.group() and name in _TOWN_BODIES
        if name == m.group() and (len(name) < 5 or name in _GENERIC) and not bare:
            continue  # a bare short suffix (办公室, 司法局) names nothing; 政务服务中心 does
        if m.group() in _GENERIC_ENDINGS and _LEVEL_WORD.sub("", name, count=1) == m.group():
            continue  # 县级中心, 镇委员会: a level word and a generic ending name nothing
        if m.group() in _SHORT_ENDINGS and len(name) == 4:
            continue  # 研究基地, 干部学院, 治理中心: one word before a short ending is a kind
        if _TERM.search(name):
            continue  # 市第十四届人民代表大会常务委员会: a congress of a term, a government
        if name.endswith(_placed_endings()) and not _starts_with_place(name, lexicons):
            continue  # 党性教育基地 without its place: a kind of site, no body
        count = _COUNT.search(text, max(0, start - 8), start)
        counted = count.group(1) if count and count.end() == start else None
        s_start, _ = sentences.around(start, end)
        established, year = _established(text, s_start, start)
        # 各村公共法律服务工作站: the name after 各 (and a class of places) is a generic plural
        if _PLURAL_BEFORE.search(text, max(0, start - 8), start) is not None:
            last_end = end
            continue
        found.append(
            make_mention(
                "institution",
                text,
                start,
                end,
                sentences,
                attrs(
                    suffix=m.group(),
                    count=counted,
                    kind="class" if counted or _CLASS_PREFIX.match(name) else None,
                    established="1" if established else None,
                    year=year,
                    bare="1" if bare else None,
                ),
            )
        )
        last_end = end
    found = _with_rule_of_law_bodies(text, sentences, found, lexicons.place_names)
    extra = _relative_and_catalogued(
        text, sentences, found, lexicons.place_names, lexicons.local_names
    )
    wider = [(e.start, e.end) for e in extra if e.attr("catalogued") == "1"]
    # 市政务服务和数据管理局 found whole from the catalogue replaces the 数据管理局 cut from it
    found = [f for f in found if not any(s <= f.start and f.end <= e for s, e in wider)] + extra
    found = _with_office_abbreviations(text, sentences, found, lexicons.place_names)
    found = _government_groups(text, sentences, found, lexicons.place_names)
    found = _with_party_groups(text, sentences, found)
    found = _with_own_groups(text, sentences, found)
    found = _with_zone_committees(text, sentences, found)
    skip = not_annotated(text, doc.meta.title)
    for m in _TITLE.finditer(text):  # an issuer inside a cited title is part of the title
        skip[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    # …also when the page cuts the title before its 》 (印发《江西省人民政府办公厅关于…)
    kept = sorted(
        (
            m
            for m in found
            if not skip[m.start]
            and not _in_open_title(text, m.start)
            and not _NUMBER_AFTER.match(text, m.end)
            # a kind of body counted (便民服务站1726个), but not a national body by its name:
            # 落实国办42个重点事项 counts the tasks
            and not (_COUNTED_AFTER.match(text, m.end) and not _national(m.surface))
        ),
        key=lambda m: (m.start, m.end),
    )
    if where is not None:
        return [reglossed(m, where, original, written) for m in kept]
    if text is not original:  # the surface as written; the name read, in simplified script
        kept = [
            replace(
                m,
                surface=original[m.start : m.end],
                attrs=m.attrs
                if m.attr("name") is not None  # named already (经开区管委会 for 管委会)
                else tuple(sorted((*m.attrs, ("name", m.surface)))),
            )
            for m in kept
        ]
    return kept


# Endings of an organ of its own (城管局, 法院, 派出所): never a further suffix of one name.
_ORGAN_ENDS = ("局", "厅", "部", "署", "院", "所")
# What a year says before a name (本年度综合行政执法局开展…): time, not the name.
_TIME_BEFORE = re.compile(r"(?:本年度|本年|今年|全年|当年|同年|年内|去年|上半年|下半年)")

# 成立 + a group's whole name: a group set up for a task is named by the task, verbs and all
# (成立重大行政执法决定集体讨论领导小组), unless the words say who leads it (成立以县长为组长的…,
# 由…任组长) or whose it is (全县, 各, 我委: a mention of their own), or hold another group
# (组建领导小组和工作专班: two).
_FOUNDED = re.compile(r"(?:成立|组建|设立)了?(?P<name>[\u4e00-\u9fff]{2,30})$")
_NOT_FOUNDED_NAME = re.compile(r"以|由|的|组长|牵头|负责|小组|专班|[全各本我该][省市区县镇乡委局]?")
_LONGEST_FOUNDED = 32


@cache
def group_endings() -> tuple[str, ...]:
    """Endings of groups set up for a task (kg/data/institution_group_endings.txt)."""
    return data_lines("institution_group_endings.txt")


def _founded_whole(text: str, lo: int, start: int, suffix: re.Match[str]) -> int:
    """Where a group's name starts when 成立/组建/设立 introduces it: right after the verb, the
    words between being the name (verbs of its task included); else ``start`` unchanged."""
    if suffix.group() not in group_endings() or lo >= start:
        return start
    m = _FOUNDED.search(text, lo, suffix.start())
    if m is None or m.start("name") >= start or _NOT_FOUNDED_NAME.search(m.group("name")):
        return start
    return m.start("name")


def _after_words_before_level(text: str, start: int, suffix_start: int, places: TermMatcher) -> int:
    """Where a name starts when a level word standing alone inside it, followed by a
    department, comes after words that are no place: 生动实践市司法局 is 生动实践 + 市司法局
    (呼中区教育局 keeps its place; 示范市领导小组 names no department after 市)."""
    pos = start
    for word, _ in tag(text[start:suffix_start]):
        if (
            pos > start
            and word in _LEVELS
            and department_after(text, pos + 1)
            and _place_before(text, pos + 1, places) is None
        ):
            return pos
        pos += len(word)
    return start


# Words that name people or a class, not a body's field: 县领导和综合执法局 is two things.
_NOT_A_FIELD = frozenset("领导 干部 群众 人员 部门 单位 机关 乡镇 街道 村 社区 企业".split())


def _across_conjunction(
    text: str,
    lo: int,
    start: int,
    suffix_start: int,
    suffix: str,
    suffix_re: re.Pattern[str],
    stops: frozenset[str],
    verbs: frozenset[str],
) -> int:
    """Where a name starts when 和/与 joins two fields inside it (县城市管理和综合执法局,
    区数字化城市运行和治理中心): the words before the conjunction belong to the name when
    they start with a level word, end in no institution name of their own (县司法局和县公安局
    are two) and name a field, not people (县领导和…); a level word after the conjunction
    starts a second name (和县司法局)."""
    at = start - 1
    if at <= lo or text[at] not in "和与" or text[start : start + 1] in _LEVELS:
        return start
    left = lo + left_boundary(text[lo:at], text[at:suffix_start] + suffix, stops, verbs)
    part = text[left:at]
    level = re.match(r"(?:自治区|[省市区县州旗镇乡])", part)
    if level is None and suffix in group_endings() and 2 <= len(part) <= 6:
        # 普法和依法行政工作领导小组: a group set up for two fields of work at once
        words = tag(part)
        if words and not any(w in _NOT_A_FIELD for w, _ in words):
            if not any(s.end() == len(part) for s in suffix_re.finditer(part)):
                return left
        return start
    if level is None or len(part) - level.end() < 2:
        return start
    if left and not _BEFORE_LEVEL.match(text[left - 1]):
        return start  # 全县城市管理和…: the level word belongs to another word
    if any(s.end() == len(part) for s in suffix_re.finditer(part)):
        return start  # 县司法局和综合执法局: the first name is whole
    words = tag(part[level.end() :])
    if not words or words[-1][0] in _NOT_A_FIELD or words[0][0] in _NOT_A_FIELD:
        return start
    return left


# A conjunction inside the words before a suffix, then a level word: 领导和县司法局.
_GLUED_INSIDE = re.compile(
    r"(?<=[\u4e00-\u9fff])[和与及][省市区县镇乡](?![\u4e00-\u9fff]{0,2}[省市区县])"
)
# A document number after a name (长委依法治区办〔2023〕2号, 县司法局发[2024]3号): the name is the
# number's issuer code, part of a citation, not a mention of the body.
# A count right after a name (建成便民服务站1726个): the name is a kind of body, counted.
_COUNTED_AFTER = re.compile(r"\d+(?:个|家|所|处|座)")
_NUMBER_AFTER = re.compile(r"[发函字文]?\s*[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]")
_UNBALANCED = re.compile(r"[(（][^)）]*$|^[^(（]*[)）]")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
# An opening title mark a few name characters before a position, with no mark closing it.
_OPEN_TITLE = re.compile(r"[《〈][^》〉，,。；;：:、\s]{0,12}$")


def _in_open_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies just inside a 《 the page never closes (印发《江西省人民政府办公厅关于…
    cut at the end of a line): the name there is the title's issuer."""
    return _OPEN_TITLE.search(text, max(0, pos - 13), pos) is not None


# The rule-of-law bodies of a party committee: (县委)(全面)依法治县委员会(办公室), 依法治藏委员会,
# 依法治市工作领导小组 — one name, whatever the word segmentation makes of it (依法治理, to govern
# by law, names no place: 普法依法治理工作领导小组 is read by its suffix).
_RULE_OF_LAW_BODY = re.compile(
    r"(?:中共[\u4e00-\u9fff]{2,12}?(?:委员会|委)|(?:自治区|[省市区县州旗镇乡])(?:党工委|党委|委)|"
    r"党工委|党委|中央)?(?:全面)?依法治(?!理)[\u4e00-\u9fff](?:委员会办公室|委员会|工作领导小组|领导小组|"
    r"办公室|办|委)"
)


_LEVELS = "省市区县州旗镇乡"


def _with_rule_of_law_bodies(
    text: str, sentences: Sentences, found: list[Mention], places: TermMatcher
) -> list[Mention]:
    """Replace the pieces the suffixes cut from a rule-of-law body by its whole name."""
    out = list(found)
    for m in _RULE_OF_LAW_BODY.finditer(text):
        start, end = m.start(), m.end()
        if start and text[start - 1] in "全本各":  # 全县依法治县…: the county's whole work
            continue
        if start and text[start - 1] in _LEVELS and text[start - 2 : start - 1] not in "全本各我":
            # 滨海新区依法治区办, 县依法治县委员会: the place or level word is part of the name
            place = _place_before(text, start, places)
            start = place if place is not None else start - 1
        elif text[start] in _LEVELS and start:
            # 固安县委依法治县办: the place's name before 县委 is the name's
            place = _place_before(text, start + 1, places)
            start = place if place is not None and place < start else start
        out = [f for f in out if f.end <= start or f.start >= end]
        out.append(make_mention("institution", text, start, end, sentences))
    return sorted(out, key=lambda f: (f.start, f.end))


# 县局, 市局 in a bureau's report: the bureau of that level (the author itself in a county
# bureau's report); not 县局长, 市局属.
_LEVEL_OWN = re.compile(r"[省市县区](?:局|厅)(?![长属领])")
# 我局/本局/我委/我厅/我部: a department speaking of itself (not 我局长, 本委员会).
_OWN = re.compile(r"(?:我|本)(?:局|委|厅|部|办)(?!长|员|机关|属|内部|会议|门)")  # 本部门: any


def _relative_and_catalogued(
    text: str,
    sentences: Sentences,
    taken: list[Mention],
    places: TermMatcher,
    local_names: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Self-references of a department (我局) and catalogue names the suffixes miss (national
    bodies such as 自然资源部, 中央依法治国办; short forms such as 发展改革委; departments after
    a place's full name, 广州市人民政府办公厅), outside the names already found."""
    used = bytearray(len(text) + 1)
    for m in taken:
        used[m.start : m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    for m in _OWN.finditer(text):
        if not any(used[m.start() : m.end()]):
            own = attrs(relative="1")
            out.append(make_mention("institution", text, m.start(), m.end(), sentences, own))
    for m in _LEVEL_OWN.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        if m.start() and not _BEFORE_LEVEL.match(text[m.start() - 1]):
            continue  # 全县局属单位
        level = attrs(relative="1", level=m.group()[0])
        out.append(make_mention("institution", text, m.start(), m.end(), sentences, level))
    outs = bytearray(len(text) + 1)  # what this function found so far
    for m in out:
        outs[m.start : m.end] = b"\x01" * (m.end - m.start)
    found = _Spans(taken)
    for m in _catalogue_re().finditer(text):
        if any(outs[m.start() : m.end()]) or found.cuts(m.start(), m.end()):
            continue  # a name found whole (a suffix name inside it is replaced by it)
        start: int | None = m.start()
        if m.group("bare"):
            # 应急局、数据局 written bare: a department of the author's place, where it stands
            # as a name (not 流动的司法局, not 水利局长)
            before = text[start - 1] if start else ""
            short = None
            side_by_side = bool(used[start - 1]) if start else False  # 政务服务中心城管局
            if (
                before
                and not side_by_side
                and (not _BEFORE_LEVEL.match(before) or before in "《“\"'")
            ):
                # 现将呼中教育局…: a county's short name before it is the name's
                short = _short_place_before(text, start, local_names)
                if short is None or any(used[short:start]) or any(outs[short:start]):
                    continue
            if text[m.end() : m.end() + 1] in _NOT_AFTER_BARE or _quoted(text, start):
                continue  # 司法局长, 应急局栏目; “单位+法律顾问+司法局” names a model
            if short is not None:
                named = attrs(short_place=text[short:start], catalogued="1")
                out.append(make_mention("institution", text, short, m.end(), sentences, named))
                outs[short : m.end()] = b"\x01" * (m.end() - short)
                continue
            bare = attrs(bare_department="1", catalogued="1")
            out.append(make_mention("institution", text, start, m.end(), sentences, bare))
            outs[start : m.end()] = b"\x01" * (m.end() - start)
            continue
        if m.group("level") and start and not _BEFORE_LEVEL.match(text[m.start() - 1]):
            # 浙江省卫生健康委: the place's full name is the name's; 全市发展改革委, 各县司法局:
            # a level word inside a longer word names no department
            start = _place_before(text, m.start() + len(m.group("level")), places)
            if start is None and not _IN_A_WORD.match(text[m.start() - 1]):
                start = m.start()  # 依托市政务服务办
            if start is None or any(used[start : m.start()]) or any(outs[start : m.start()]):
                continue
        whole = attrs(catalogued="1")
        out.append(make_mention("institution", text, start, m.end(), sentences, whole))
        outs[start : m.end()] = b"\x01" * (m.end() - start)
    return out


# An office named by its short form X办 after a level word (县平安办, 市委网信办, 镇党政办,
# 县委办, 区政府督查办): the level word and the committee or government it belongs to, then one
# to four characters of the office's field.  Not 办公/办理/办事/办案/办法/办学/办结/办件/办实事.
_OFFICE_SHORT = re.compile(
    r"(?P<level>自治区|[省市区县州旗镇乡])(?P<organ>党工委|党委|委|政府)?"
    r"(?P<field>[\u4e00-\u9fff]{0,4}?)办(?![公理事案法学好结件实到成])"
)
# A bureau the suffix list does not know, after a level word (县营商环境监督局, 县委老干部局,
# 市投资促进局): 局 standing as a word of its own (not 格局, 大局, 布局) after name words.
_BUREAU = re.compile(
    r"(?P<level>自治区|[省市区县州旗])(?P<organ>委|政府)?"
    r"(?P<field>[\u4e00-\u9fff]{2,12}?)局(?![长属面势])"
)


@cache
def _verbs_before_ban() -> frozenset[str]:
    """Characters that make a verb of the 办 after them (督办, 通办): kg/data."""
    return frozenset(data_lines("institution_ban_verbs.txt"))


def _with_office_abbreviations(
    text: str, sentences: Sentences, found: list[Mention], places: TermMatcher
) -> list[Mention]:
    """Add the offices written X办 after a level word, outside the names already found.

    The level word must stand as a word of its own (市民办, 县里办 are no offices) after a
    boundary (not 全市通办, 跨省通办), and the office's field must not end in a character
    that makes 办 a verb (省委督办, 县领导交办)."""
    taken = _Spans(found)
    used = bytearray(len(text) + 1)
    for f in found:
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
    out = list(found)
    ban = _verbs_before_ban()
    for m in _OFFICE_SHORT.finditer(text):
        start, end = m.start(), m.end()
        if any(used[start:end]) or taken.cuts(start, end):
            continue
        if start and not _BEFORE_LEVEL.match(text[start - 1]):
            continue  # 全市通办, 各县办: the level word is part of another word
        field, organ = m.group("field"), m.group("organ")
        if not field and organ not in ("委", "党委", "政府"):
            continue  # 县办 alone names nothing certain
        if field and field[0] in _LEVELS:
            continue  # 县乡联办: two levels handling a matter together
        if field and (field[-1] in ban or _FIELD_ENDS_NAME.search(field)):
            continue  # 县领导督办; 县财政局办: a name already ends before 办
        words = tag(text[start:end])
        if words[0][0] != m.group("level") and not (
            organ and words[0][0].startswith(m.group("level") + organ)
        ):
            continue  # 市民办, 县里办, 市场办, 乡村随身办: the level character is part of a word
        if field and words[-1][0] != "办" and words[-1][1] in ("v", "b") and len(words[-1][0]) == 2:
            if words[-1][0][0] in ban:
                continue
        out.append(make_mention("institution", text, start, end, sentences, attrs(office="1")))
        used[start:end] = b"\x01" * (end - start)
    suffix_re, _, stops, _, verbs = _lexicon()
    for m in _BUREAU.finditer(text):
        start, end = m.start(), m.end()
        if any(used[start:end]) or taken.cuts(start, end):
            continue
        named = start
        if start and not _BEFORE_LEVEL.match(text[start - 1]):
            # 山西省民营经济发展局: the place's full name before the level word is the name's
            named = _place_before(text, start + len(m.group("level")), places)
            if named is None or named >= start or any(used[named:start]):
                continue
        words = tag(text[start:end])
        level = m.group("level") + (m.group("organ") or "")
        last = words[-1][0]
        if (last != "局" and len(last) < 3) or words[0][0] not in (m.group("level"), level):
            continue  # 工作格局, 服务大局; 市场局 (市场 is one word)
        inner = tag(m.group("field"))
        joined = [w in "和与" and 0 < i < len(inner) - 1 for i, (w, _) in enumerate(inner)]
        if sum(joined) > 1 or any(  # 县行政审批与政务服务局: 与 joins two fields of one name
            not ok and not _name_word(w, f, stops, verbs)
            for ok, (w, f) in zip(joined, inner, strict=True)
        ):
            continue  # 县推进改革局: a verb of the sentence, not a field
        if any(x.end() == len(m.group("field")) for x in suffix_re.finditer(m.group("field"))):
            continue  # 县司法局 seen whole by the suffixes
        out.append(make_mention("institution", text, named, end, sentences, attrs(office="1")))
        used[named:end] = b"\x01" * (end - named)
    return sorted(out, key=lambda f: (f.start, f.end))


# An institution ending inside an office's field: 县财政局办 is the bureau, then 办 (a verb).
_FIELD_ENDS_NAME = re.compile(r"[局部院厅所站庭队]$")


# The leading party group or committee of a department written right after its name
# (自然资源部党组, 市交通运输局党组, 县应急管理局党委): a body of its own, 中共自然资源部党组 (not
# 党组织; in 司法局党组书记 the group is named, the post word is outside it).
_PARTY_GROUP = re.compile(r"(?:机关)?(?:党组|党委)(?!织)")
# The group named by the department's kind alone (局党组, 厅党委, 部党组, 委党委, 局机关党委)
# or by itself (召开党组会议, 在党委的领导下, 机关党委): the report's own department's.  Not in
# a plural or a class (各级党委, 村党组织, 党委（党组）, 党委政府); a department named before it
# is read above.
_OWN_PARTY_GROUP = re.compile(
    r"(?<![各级上下该村支总乡镇区县市省州旗盟道])(?<!政府|机关)(?<!党委[(（]|黨委[(（])"
    r"(?P<kind>[局厅部委]?)(?P<group>(?<!政府)机关党委|党组|党委)(?!织|员)"
    r"(?![（(、和]?党组|[、和]?政府)"
)


# A government's own party group (县政府党组, 市政府机关党组, 灵寿县人民政府党组): a body like a
# department's, 中共灵寿县人民政府党组; the government is not named apart inside it.
_GOVERNMENT_GROUP = re.compile(
    r"(?P<level>自治区|自治州|[省市区县州旗镇乡])?(?:人民)?政府(?P<group>机关党组|党组)(?!织)"
)


def _government_groups(
    text: str, sentences: Sentences, found: list[Mention], places: TermMatcher
) -> list[Mention]:
    """Add the party groups of governments (``government_group``: 党组 or 机关党组; ``place``:
    the place's name when written, else ``level``: the level word of a relative form)."""
    used = bytearray(len(text) + 1)
    for f in found:
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
    out = list(found)
    for m in _GOVERNMENT_GROUP.finditer(text):
        group, level = m.group("group"), m.group("level")
        before = text[m.start() - 1] if m.start() else ""
        place = _place_before(text, m.end("level"), places) if level else None
        if place is not None:
            facts = attrs(government_group=group, place=text[place : m.end("level")])
            start = place
        elif before and _IN_A_WORD.match(before):
            continue  # 各县政府党组, 乡镇政府党组, 各级政府党组: a class
        else:
            # 县政府党组; 政府党组 alone (组织政府党组理论学习): the reporting government's
            facts = attrs(government_group=group, level=level or "")
            start = m.start()
        if any(used[start : m.end()]):
            continue
        out.append(make_mention("institution", text, start, m.end(), sentences, facts))
    return sorted(out, key=lambda f: (f.start, f.end))


def _with_party_groups(text: str, sentences: Sentences, found: list[Mention]) -> list[Mention]:
    """Extend a department's name by the party group written right after it (the mention's
    ``party_group`` holds the words after the department), and add the groups named by the
    department's kind alone (局党组: ``relative``, ``kind`` 局)."""
    out: list[Mention] = []
    used = bytearray(len(text) + 1)
    for f in found:
        tail = _PARTY_GROUP.match(text, f.end)
        if tail is not None and f.attr("relative") is None:
            facts = attrs(**dict(f.attrs), party_group=tail.group())
            f = make_mention("institution", text, f.start, tail.end(), sentences, facts)
        out.append(f)
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
    for m in _OWN_PARTY_GROUP.finditer(text):
        if any(used[m.start() : m.end()]):
            continue
        facts = attrs(relative="1", kind=m.group("kind"), party_group=m.group("group"))
        out.append(make_mention("institution", text, m.start(), m.end(), sentences, facts))
    return sorted(out, key=lambda f: (f.start, f.end))


def _with_own_groups(text: str, sentences: Sentences, found: list[Mention]) -> list[Mention]:
    """A department's name and the name of its group written right after it are one name
    (县民政局法治建设工作领导小组): the group is the department's, named whole."""
    out: list[Mention] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        before = out[-1] if out else None
        if (
            before is not None
            and before.end == f.start
            and before.surface.endswith(_DEPARTMENT_ENDS)
            and f.surface.removesuffix("办公室").endswith(group_endings())
            and before.attr("relative") is None
            and f.attr("relative") is None
        ):
            facts = attrs(**dict(f.attrs))
            out[-1] = make_mention("institution", text, before.start, f.end, sentences, facts)
            continue
        out.append(f)
    return out


# What a department's name ends in (局, 厅, 部, 委员会): a group named right after it is its.
_DEPARTMENT_ENDS = ("局", "厅", "部", "委员会")


# The party working committee of a zone (经开区工委, 高新区党工委) and its administrative
# committee written after it in brackets (经开区工委(管委会)): the zone alone is an area, its
# committees are bodies.  A street's 党工委 is its organ, read by the governments extractor.
_ZONE_BODIES = ("党工委", "工委", "管委会", "管理委员会")


@cache
def zone_words() -> tuple[str, ...]:
    """Words that end a zone's name (kg/data/institution_zones.txt), longest first."""
    return tuple(sorted(data_lines("institution_zones.txt"), key=len, reverse=True))


@cache
def _zone_committee() -> re.Pattern[str]:
    """A zone's word, its 工委/党工委, and a 管委会 bracketed after it."""
    zones = "|".join(map(re.escape, zone_words()))
    return re.compile(
        rf"(?:{zones})(?P<committee>党工委|工委)(?:[(（](?P<admin>管委会|管理委员会)[)）])?"
    )


def zone_body(name: str) -> bool:
    """Whether ``name`` is a committee of a zone named by the zone (经开区工委, 两江新区党工委,
    高新区管委会): a body named by its own place, whatever the report's author."""
    for ending in _ZONE_BODIES:
        if name.endswith(ending):
            return name[: -len(ending)].removesuffix("党").endswith(zone_words())
    return False


def _with_zone_committees(text: str, sentences: Sentences, found: list[Mention]) -> list[Mention]:
    """Add a zone's 工委/党工委 and the 管委会 bracketed after it, outside the names found; the
    bracketed 管委会 is named by its zone (``name``: 经开区管委会)."""
    used = bytearray(len(text) + 1)
    for f in found:
        used[f.start : f.end] = b"\x01" * (f.end - f.start)
    out = list(found)
    _, _, stops, _, verbs = _lexicon()
    for m in _zone_committee().finditer(text):
        at = m.start("committee")
        lo = max(0, at - MAX_NAME)
        start = lo + left_boundary(text[lo:at], m.group("committee"), stops, verbs)
        if any(used[start : m.end()]):
            continue  # 副中心党工委管委会 found whole by its suffix
        zone = text[start:at]
        out.append(make_mention("institution", text, start, m.end("committee"), sentences))
        if m.group("admin"):
            named = attrs(name=zone + m.group("admin"))
            a, b = m.start("admin"), m.end("admin")
            out.append(make_mention("institution", text, a, b, sentences, named))
    return sorted(out, key=lambda f: (f.start, f.end))


class _Spans:
    """Mentions already found, asked whether one cuts a span: in time that does not grow
    with their number (a long line holds thousands; asking each of them was quadratic)."""

    def __init__(self, taken: list[Mention]) -> None:
        self.spans = sorted((t.start, t.end) for t in taken)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def cuts(self, start: int, end: int) -> bool:
        """Whether a mention overlaps ``start:end`` without lying inside it."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return any(e > start and not start <= s <= e <= end for s, e in self.spans[lo:hi])


# What after a bare department name makes it part of a word: 司法局长, 公安局属, 司法局系统,
# 应急局栏目 (a site's column).
_NOT_AFTER_BARE = frozenset("长属门系栏")


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside “…” opened earlier in its sentence."""
    before = text[max(0, pos - 60) : pos]
    before = re.split(r"[。！？；\n]", before)[-1]
    return before.rfind("“") > before.rfind("”")


def _short_place_before(text: str, end: int, local_names: frozenset[str]) -> int | None:
    """Where a short place name (呼中, 巫山) ending at ``end`` starts, if it starts where a
    name can (after punctuation or a word such as 将/在); longest first."""
    for k in (4, 3, 2):
        start = end - k
        if start < 0 or text[start:end] not in local_names:
            continue
        if start == 0 or _BEFORE_LEVEL.match(text[start - 1]):
            return start
    return None


_LONGEST_PLACE = 12  # 石柱土家族自治县 is 8
_SURE_PLACE = 4  # 联合镇 may be 联合 + 镇; 滨海新区 is a place


def _place_before(text: str, end: int, places: TermMatcher) -> int | None:
    """Where the longest place name ending at ``end`` starts (呼中区 in 呼中区教育局), if it
    starts where a name can (after punctuation or a word such as 和/在): 镇综治中心联合镇司法所
    has no 联合镇; a name of four characters or more, or a province's, is a place wherever it
    stands (入选滨海新区依法治区办, 委托广东省农业农村厅)."""
    for k in range(min(_LONGEST_PLACE, end), 2, -1):
        start = end - k
        if text[start:end] not in places:
            continue
        if start == 0 or k >= _SURE_PLACE or _BEFORE_LEVEL.match(text[start - 1]):
            return start
        if text[end - 1] == "省":
            return start  # 承接广东省农业农村厅: no word ends in a province's name
        if text[start - 1] in _LEVEL_WORD_ENDS:
            # 经重庆市荣昌区司法局: the county after its city's name, the chain one place
            chain = _place_before(text, start, places)
            if chain is not None:
                return chain
        if _name_starts(text, start, end):
            return start  # 及时调整海安镇依法治镇工作领导小组: 调整 is a word of its own
    return None


def _name_starts(text: str, start: int, end: int) -> bool:
    """Whether jieba starts a word of a name at ``start`` (调整|海安|镇), not one that runs
    into the place (综治中心|联合|镇: 联合 is a verb)."""
    lo = max(0, start - 6)
    at = lo
    for word, flag in tag(text[lo:end]):
        if at >= start:
            return at == start and flag.startswith(("ns", "nz", "nr", "j"))
        at += len(word)
    return False


_LEVEL_WORD_ENDS = "省市区县州旗盟"  # where a place name that another may follow ends


# What may stand before a level word that starts a relative name (市发展改革委): punctuation,
# or a word that cannot make the level word part of another (全市, 各县, 乡镇 can); 组建区国动办.
# What makes a level word part of a longer word (全市, 各县, 城市, 乡镇, 郊区, 省市县): a relative
# name (市发展改革委) cannot start after one of these.
_IN_A_WORD = re.compile(r"[全各本我该城都超夜门街社园景地山分辖郊级省市区县州旗镇乡村厂矿特新老]")
_BEFORE_LEVEL = re.compile(
    r"[^\u4e00-\u9fff]|[和与及在向由对将把为是并经会同配合联合请建立年获度照于以]"  # 按照, 关于
)


# A bureau's branch named after its bureau by the place it serves (市交通运输局龙岗管理局,
# 深圳市公安局龙岗分局, 苏州市生态环境局吴中分局).
_BRANCH = re.compile(r"分局|管理局|派出所|支队|大队")


def _branch_end(text: str, end: int, lexicons: Lexicons) -> int | None:
    """Where a branch named by a place right at ``end`` ends, or ``None``."""
    for k in range(min(_LONGEST_PLACE, len(text) - end), 1, -1):
        place = text[end : end + k]
        if place in lexicons.place_names or place in lexicons.local_names:
            branch = _BRANCH.match(text, end + k)
            return branch.end() if branch else None
    return None


def _organ_after(text: str, end: int) -> bool:
    """Whether a department of the catalogue is named right at ``end`` (政务服务中心 + 城管局)."""
    m = _catalogue_re().match(text, end)
    return m is not None and m.group("level") is None


@cache
def _catalogue_re() -> re.Pattern[str]:
    """National bodies and departments of the catalogue, by every spelling, longest first."""
    catalogue = load_catalogue().by_name
    spellings = [(n, d.scope) for n, d in catalogue.items()]
    national = _alternatives(n for n, scope in spellings if scope == "national" and len(n) > 2)
    # two-character short forms (外办) only after a level word: 县外办
    local = _alternatives(n for n, scope in spellings if scope != "national" and len(n) >= 2)
    bare = _alternatives(n for n, scope in spellings if scope == "local" and len(n) > 2)
    # 国办, 中办 as the body that issues or decides (中办、国办印发, 承接国办“高效办成一件事”), not
    # inside a word (全国办理) nor a document number (国办发〔2019〕)
    short = _alternatives(n for n, scope in spellings if scope == "national" and len(n) == 2)
    return re.compile(
        rf"(?:(?:{national})|(?<!全)(?:{short})(?=[“《、和及与\d]|印发|发布|关于|转发)"
        rf"|(?P<level>自治区|[省市区县州旗])(?:政府|委)?(?:{local})|(?P<bare>{bare}))"
        r"(?!门)"
    )


def _national(name: str) -> bool:
    """Whether ``name`` is a national body of the catalogue (国办, 司法部)."""
    return load_catalogue().national(name) is not None


def _alternatives(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first."""
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
