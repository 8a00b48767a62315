"""Indicators: numbers the report gives, with what they count and the unit.

A number followed by a unit of ``kg/data/indicator_units.tsv`` (215件,
3700余万元, 97%, 十余场) is an indicator unless it is a date, an ordinal
(第3次), part of a title or a quoted name. What it counts is read from its
clause: the words before the number, after dropping fillers such as 累计 or
2022年以来 (``indicator_fillers.txt``), split by jieba into a counting verb
and its object (受理 + 行政复议案件); when the clause has only a verb
(…，办结79136件) the object carries over from the previous number of the same
sentence, and when it has nothing the words after the unit are read
(6020人参加了考试). Values are normalised (万/亿 multiplied out, 余/多/近/约
marking an approximate value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicons import Lexicons, data_lines, data_table
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.extract.words import tag
from kg.model import Document, Mention, attrs

CHINESE_DIGITS = {
    "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CHINESE_POWERS = {"十": 10, "百": 100, "千": 1000}
_BREAK = re.compile(r"[，。；：！？\n,;:（）()《》【】\[\]]")
_AFTER_BREAK = re.compile(r"[，。；：、！？\n,;:（）()《》【】\[\]\d]")
_CLAUSE_MAX = 40
_CONNECTOR = "和及与、"
# Units after which the counted noun may follow the number (13个婚姻家庭调委会).
_NO_NOUN_AFTER = ("percent", "money", "area", "points", "score")
_AFTER_MAX = 12
_QUOTE_MAX = 20
_NOT_A_COUNT_AFTER = (
    "月",
    "工作日",
    "会议",
    "全会",
    "常委会",
    "代表大会",
    "党代会",
    "届",
)  # a number inside “…” of at most this length is part of a name


@dataclass(frozen=True)
class Unit:
    """How one written unit is read."""

    base: str
    factor: float
    dimension: str
    chinese: bool


@dataclass(frozen=True)
class _Tables:
    units: dict[str, Unit]
    number: re.Pattern[str]
    lead: re.Pattern[str]
    trail: re.Pattern[str]
    verbs: frozenset[str]


@cache
def _tables() -> _Tables:
    units = {
        row["unit"]: Unit(
            row["base"], float(row["factor"]), row["dimension"], row["chinese"] == "1"
        )
        for row in data_table("indicator_units.tsv")
    }
    alternation = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    number = re.compile(
        r"(?P<pre>将近|接近|近|约|超过|超|逾|大约)?"
        # A number starts where its run of digits starts and blanks are taken whole
        # (possessive), so a run of 20 MB of digits or blanks is scanned once.
        # Thousands separators as tables print them: 1,586件 (a comma then exactly 3 digits).
        r"(?P<num>(?<![\d,])(?:\d{1,3}(?:,\d{3})++(?![\d,])|\d++)(?:\.\d+)?"
        r"|(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+)"
        r"\s*+(?P<mult>万|亿|千)?(?P<approx>余|多)?\s*+"
        rf"(?P<unit>{alternation})(?P<post>左右|以上|多)?"
    )
    fillers = data_lines("indicator_fillers.txt")
    lead = [re.escape(w) for w in fillers if not w.startswith("~")]
    trail = [re.escape(w[1:]) for w in fillers if w.startswith("~")]
    lead.append(r"(?:19|20)\d\d年(?:度|以来|全年|上半年|下半年)?")
    lead.append(r"\d{1,2}月(?:份|以来)?")
    return _Tables(
        units=units,
        number=number,
        lead=re.compile("^(?:" + "|".join(sorted(lead, key=len, reverse=True)) + ")+"),
        trail=re.compile("(?:" + "|".join(sorted(trail, key=len, reverse=True)) + ")+$"),
        verbs=frozenset(data_lines("indicator_verbs.txt")),
    )


def chinese_number(text: str) -> int | None:
    """Value of a simple Chinese numeral (三, 十二, 二十, 一百五十); None if not one.

    >>> chinese_number("十二"), chinese_number("两"), chinese_number("一百五十")
    (12, 2, 150)
    """
    total, digit = 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            if digit is not None:
                return None
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_POWERS:
            total += (1 if digit is None else digit) * CHINESE_POWERS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


@dataclass(frozen=True)
class Counted:
    """What a number counts: a verb (受理) and its object (行政复议案件), either may be empty."""

    verb: str
    object: str

    @property
    def subject(self) -> str:
        """How the indicator reads, object first: 行政复议案件 受理."""
        return " ".join(p for p in (self.object, self.verb) if p)


def split_counted(phrase: str, verbs: frozenset[str]) -> Counted:
    """Split a clause such as 受理行政复议案件 into verb and object (jieba POS tags).

    The verb is the last counting verb (or jieba verb) that has an object after
    it, or the clause's final verb; words before the verb (the actor) are dropped.
    """
    words = tag(phrase)
    if not words:
        return Counted("", "")
    verb_at = [
        i
        for i, (w, f) in enumerate(words)
        if w in verbs or (f.startswith("v") and f != "vn" and len(w) > 1)
    ]
    if not verb_at:
        return Counted("", phrase)
    if verb_at == [len(words) - 1] and len(words) > 1 and words[-2][1].startswith("n"):
        return Counted("", phrase)  # 行政强制, 集体访: a noun made of a verb, not an action
    # A verb right at the end (…办结) counts alone; else the first verb that starts the object.
    last = verb_at[-1]
    if last == len(words) - 1 and len(verb_at) == 1:
        i = last
    else:
        i = next((j for j in verb_at if j + 1 < len(words) and j + 1 not in verb_at), last)
        if words[i][0] not in verbs:
            known = [j for j in verb_at if words[j][0] in verbs]
            i = known[0] if known else i
    verb = words[i][0]
    obj = "".join(w for w, f in words[i + 1 :] if f not in ("ul", "uz", "ug"))  # no 了/着/过
    if i > 0 and words[i - 1][0] in verbs and not obj:
        verb = words[i - 1][0] + verb
    # 妥善处理 -> 处理: the counting verb without its adverb.
    verb = next((verb[k:] for k in range(1, len(verb) - 1) if verb[k:] in verbs), verb)
    if len(obj) == 1:
        return Counted("", verb + obj)  # 阅读量: one word cut in two
    return Counted(verb, obj)


def _inside_name(text: str, start: int) -> bool:
    """Whether ``start`` lies inside 《…》 or a short “…” (a title or a quoted name)."""
    window = text[max(0, start - 60) : start]
    if window.rfind("《") > window.rfind("》"):
        return True
    open_q = window.rfind("“")
    if open_q > window.rfind("”") and open_q >= len(window) - _QUOTE_MAX:
        close = text.find("”", start, start + _QUOTE_MAX)
        return close != -1
    return False


def _value(m: re.Match[str], unit: Unit) -> float | None:
    raw = m.group("num")
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        number = chinese_number(raw)
        if number is None or number < 2 or not unit.chinese:
            return None
        value = float(number)
    value *= {"万": 1e4, "亿": 1e8, "千": 1e3}.get(m.group("mult") or "", 1)
    return value * unit.factor


def _clause_before(text: str, start: int, floor: int) -> str:
    lo = max(0, floor, start - _CLAUSE_MAX)
    window = text[lo:start]
    cut = max((b.end() for b in _BREAK.finditer(window)), default=0)
    return window[cut:]


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + _AFTER_MAX]
    b = _AFTER_BREAK.search(window)
    return window[: b.start()] if b else window


def _clean(phrase: str, t: _Tables) -> str:
    phrase = re.sub(r"[“”\"‘’「」\s]|共计|累计|合计|总计", "", phrase)
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = t.lead.sub("", phrase)
        phrase = t.trail.sub("", phrase)
        phrase = re.sub(r"^(?:\d+(?:\.\d+)?[^\d]{0,2}?)(?=[\u4e00-\u9fff])", "", phrase)
    return phrase


def extract_indicators(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Numeric facts such as 受理行政复议案件215件, 调解成功率达97% or 开展培训十余场."""
    t = _tables()
    text = doc.text
    found: list[Mention] = []
    previous: tuple[int, Counted] | None = None  # sentence start and what the last number counted
    floor = 0  # end of the previous number: a clause never reaches back past it
    for m in t.number.finditer(text):
        start, end = m.start(), m.end()
        unit = t.units[m.group("unit")]
        before_char = text[start - 1 : start]
        if before_char == "第" or before_char.isdigit() or before_char in ".-/×x*～~":
            continue  # ordinals, dates, codes, ranges, 7×24小时
        if text.startswith(_NOT_A_COUNT_AFTER, end):
            continue  # 3个月, 十届三次全会
        if not m.group("num")[0].isdigit() and before_char in "届是周月初年":
            continue
        value = _value(m, unit)
        if value is None or _inside_name(text, start):
            continue
        if unit.dimension == "percent" and re.search(r"(?:19|20)\d\d$", text[start - 4 : start]):
            continue
        clause = _clause_before(text, start, floor)
        floor = end
        sentence = sentences.around(start, end)[0]
        carried = previous[1] if previous and previous[0] == sentence else None
        after = _clause_after(text, end)
        if unit.dimension in _NO_NOUN_AFTER:
            # 98%的事项实现…: a share of the noun after 的; otherwise nothing after counts.
            after = after[1:] if after.startswith("的") and not clause.strip() else ""
        after = _clean(after, t)
        counted = read_counted(_clean(clause, t), after, carried, t.verbs)
        if not counted.subject or len(counted.subject) < 2:
            continue
        previous = (sentence, counted)
        approx = bool(m.group("approx") or m.group("pre") or m.group("post"))
        span_start = start - len(clause) + (len(clause) - len(clause.lstrip()))
        facts = attrs(
            subject=counted.subject,
            verb=counted.verb or None,
            object=counted.object or None,
            value=format_value(value),
            unit=unit.base,
            dimension=unit.dimension,
            approximate=int(approx),
        )
        found.append(make_mention("indicator", text, span_start, end, sentences, facts))
    return found


def read_counted(
    before: str, after: str, carried: Counted | None, verbs: frozenset[str]
) -> Counted:
    """What a number counts, from the cleaned clause before it and the words after its unit.

    ``carried`` is what the previous number of the same sentence counted (…受理群众说事
    79166件, 办结79136件: 办结 counts 群众说事 too).
    """
    inherit = before[:1] in _CONNECTOR
    before = before.lstrip(_CONNECTOR)
    if before.endswith(tuple(_CONNECTOR)):
        before = ""  # …调委会和13个婚姻家庭调委会: the counted noun follows the number
    if "等" in before or "的" in before:
        # 调解邻里纠纷、劳动争议纠纷等各类纠纷, 审查…签订的协议: the verb heads the phrase,
        # the object follows the last 等/的.
        head, tail = re.split(r"[等的](?=[^等的]*$)", before)
        b = (
            split_counted(re.sub(r"^(?:各类|各种|各项|各级)", "", tail), verbs)
            if tail
            else Counted("", "")
        )
        head_verb = split_counted(head, verbs).verb
        b = Counted(b.verb or head_verb, b.object)
    else:
        b = split_counted(before, verbs) if before else Counted("", "")
    if inherit and carried and not b.verb:
        b = Counted(carried.verb, b.object)
    noun = _noun_prefix(after) if after else ""
    if len(noun) >= 2 and not b.object:
        return Counted(b.verb or split_counted(after, verbs).verb, noun)
    if b.object:
        return b
    if b.verb:
        return Counted(b.verb, carried.object if carried and carried.verb else "")
    if not after and carried:
        return carried  # 集体访6批114人次: a second unit of the same thing
    return split_counted(after, verbs) if after else b


def _noun_prefix(phrase: str) -> str:
    out = []
    for word, flag in tag(phrase):
        if not flag.startswith(("n", "j", "vn", "nz", "b", "a")) or word.endswith("率"):
            break
        out.append(word)
    return "".join(out)


def format_value(value: float) -> str:
    """A value as written in the graph: integers without a decimal point."""
    text = f"{round(value, 4):.4f}".rstrip("0").rstrip(".")
    return text or "0"
