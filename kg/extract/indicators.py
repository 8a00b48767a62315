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
from kg.extract.words import simplified, simplified_text, tag
from kg.model import Document, Mention, attrs
from kg.revision_notes import fold

CHINESE_DIGITS = {
    "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CHINESE_POWERS = {"十": 10, "百": 100, "千": 1000}
_BREAK = re.compile(r"[，。；：！？\n,;:（）()【】\[\]]")
_AFTER_BREAK = re.compile(r"[，。；：、！？\n,;:（）()《》【】\[\]\d]")
_CLAUSE_MAX = 50
_CONNECTOR = "和及与、"
# Units after which the counted noun may follow the number (13个婚姻家庭调委会).
# A quoted name right after the number (112个“一件事”集成服务).
_QUOTED_START = re.compile(r"[“\"「]([^“”\"「」，。；]{1,20})[”\"」]")
_NO_NOUN_AFTER = ("percent", "money", "area", "points", "score", "duration", "length", "ratio")
_AFTER_MAX = 16
# Where the act after a counted noun is looked for: to the end of the clause, across a
# list of nouns and the numbers in it (对19个市县、35个省级国家机关进行考核).
_TAIL_MAX = 40
_TAIL_BREAK = re.compile(r"[，。；：！？\n,;:（）()《》【】\[\]]")
_QUOTE_MAX = 20
_NOT_A_COUNT_AFTER = (
    "月",
    "工作日",
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
    lead_words: re.Pattern[str]  # lead fillers of two characters or more
    trail: re.Pattern[str]
    whole_trails: frozenset[str]  # fillers of two characters or more
    verbs: frozenset[str]
    change: re.Pattern[str]  # a verb that brings something to a new level: 压减至, 提高到
    changed_from: re.Pattern[str]  # the same verb after an old level: (由30个工作日)缩短为
    grown: re.Pattern[str]  # a change by a rate: 同比增长, 较上年下降


@cache
def _tables() -> _Tables:
    units = {
        row["unit"]: Unit(
            row["base"], float(row["factor"]), row["dimension"], row["chinese"] == "1"
        )
        for row in data_table("indicator_units.tsv")
    }
    alternation = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    # 压减至, 缩短为: a verb of change with the word that brings it to its new level
    change_verbs = "|".join(map(re.escape, data_lines("indicator_change_verbs.txt")))
    changes = f"(?:{change_verbs})[至到为]"
    number = re.compile(
        # 约 ends words such as 村规民约, 公约, 签约: there it is no approximate word.
        r"(?P<pre>将近|接近|近|(?<![民公条签履违节制预合])约|超过|超|逾|大约)?"
        # A number starts where its run of digits starts and blanks are taken whole
        # (possessive), so a run of 20 MB of digits or blanks is scanned once.
        # Thousands separators as tables print them: 1,586件 (a comma then exactly 3 digits).
        # A comma after a digit is a thousands separator; after a word it ends a clause
        # (单位,321项行政许可事项).
        r"(?P<num>(?<!\d)(?<!\d,)(?:\d{1,3}(?:,\d{3})++(?![\d,])|\d++)(?:\.\d+)?"
        # A percentage written in words (百分之百, 百分之九十五) is a number and its unit.
        r"|(?P<pct>百分之)[一二两三四五六七八九十百]+"
        r"|(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+)"
        # 10万余场次 and 50余万人: the approximate word before or after the multiplier.
        r"(?(pct)|\s*+(?P<approx0>余|多)?(?P<mult>万|亿|千)?(?P<approx>余|多)?\s*+"
        rf"(?P<unit>{alternation})(?P<post>左右|以上|多)?)"
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
        lead_words=re.compile(
            "^(?:" + "|".join(sorted((w for w in lead if len(w) > 1), key=len, reverse=True)) + ")+"
        ),
        trail=re.compile("(?:" + "|".join(sorted(trail, key=len, reverse=True)) + ")+$"),
        whole_trails=frozenset(w[1:] for w in fillers if w.startswith("~") and len(w) > 2),
        verbs=frozenset(data_lines("indicator_verbs.txt")),
        change=re.compile(changes + "$"),
        changed_from=re.compile(changes),
        grown=re.compile(
            r"(?:同比|环比|较上年|比上年|较去年|比去年)?(?P<verb>"
            + "|".join(map(re.escape, data_lines("indicator_change_verbs.txt")))
            + r")了?$"
        ),
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
    before: str = ""  # nouns before a verb that ends the clause (问题线索 in 问题线索整改完成)

    @property
    def subject(self) -> str:
        """How the indicator reads, object first: 行政复议案件 受理."""
        return " ".join(p for p in (self.object, self.verb) if p)


_JOIN_VERBS = frozenset("和、及与并")
_NEGATION = frozenset(("不", "未", "没有", "无"))  # 审查和备案, 审查、备案: one action of two verbs
_NOUNISH = ("n", "j", "vn", "nz", "b", "a", "an", "ng", "l", "i", "zg")


@cache
def _causatives() -> frozenset[str]:
    return frozenset(data_lines("indicator_causatives.txt"))


@cache
def _compound_verbs() -> frozenset[str]:
    return frozenset(data_lines("indicator_compound_verbs.txt"))


# A clause ending in one of these introduces the noun after the number (对105名…).
_PREPOSITIONS = ("对", "向", "为", "给", "把", "将")
# Units that count times an act happened (4次, 3场, 2期), not things: a noun after them is
# not what they count.
TIMES = frozenset(("次", "场", "期", "轮", "批次", "遍"))
_NOT_ACTIONS = frozenset(("相关", "有关", "所属", "在编", "在岗", "在册"))  # qualities, not acts


@cache
def _action_prefixes() -> tuple[str, ...]:
    return tuple(data_lines("indicator_action_prefixes.txt"))


def _is_verb(word: str, flag: str, verbs: frozenset[str]) -> bool:
    if word in _NOT_ACTIONS:
        return False
    if word in verbs or simplified(word) in verbs:  # 審查 is 审查
        return True
    return flag.startswith("v") and flag != "vn" and len(word) > 1


def _verb_groups(words: list[tuple[str, str]], verbs: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of verbs (组织参加, 摸排发现, 审查和备案) as [start, end) word indexes.

    A verb that ends the phrase right after a noun is that noun's head, not an
    action (法治培训, 行政强制, 集体访).
    """
    flags = [_is_verb(w, f, verbs) for w, f in words]
    n = len(words)
    # …but 新确定, 专题研究 alone are an act and the word that says how it was done.
    how = n == 2 and simplified(words[0][0]) in (*_action_prefixes(), *_HOW_FAR)
    # 成功调解, 按时办结: a word that says how the act went, not a noun the verb heads
    how = how or (n > 1 and simplified(words[-2][0]) in verb_manners())
    if n > 1 and flags[-1] and not flags[-2] and words[-2][1].startswith(_NOUNISH) and not how:
        flags[-1] = False
    compound = _compound_verbs()
    for i in range(1, n - 1):
        # 法治政府建设专题会议, 行政执法案卷评查: a verb between nouns belongs to the noun phrase.
        # 法治政府建设相关议题: a quality word (相关) after the verb still continues the noun.
        after_noun = words[i + 1][1].startswith(_NOUNISH) or words[i + 1][0] in _NOT_ACTIONS
        between = words[i - 1][1].startswith(_NOUNISH) and after_noun
        kind = words[i - 1][0] in _ACT_KINDS  # 行政强制案件, 行政检查事项: a kind of act
        if flags[i] and between and (simplified(words[i][0]) in compound or kind):
            flags[i] = False
    groups: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (flags[j] or (words[j][0] in _JOIN_VERBS and j + 1 < n and flags[j + 1])):
            j += 1
        if not (i > 0 and words[i - 1][0] in _NEGATION):
            groups.append((i, j))  # 不符合政策要求的: a negated verb qualifies a noun
        i = j
    return groups


# Words after which a verb names a kind of act, part of a noun (行政强制案件, 行政裁决事项).
_ACT_KINDS = frozenset(("行政",))


# Flags jieba gives set phrases (调解纠纷 z, 化解矛盾 l, 排忧解难 i): not nouns, so such a
# phrase that opens with a counting verb is that verb and its object.
_PHRASE_FLAGS = ("z", "l", "i")


def _verb_object_words(
    words: list[tuple[str, str]], verbs: frozenset[str]
) -> list[tuple[str, str]]:
    """``words`` with set phrases of a counting verb and its object (调解纠纷) or of a manner
    and a counting verb (依法办理) cut in two."""
    out = []
    for word, flag in words:
        head = next(
            (word[:n] for n in (2, 3) if simplified(word[:n]) in verbs and len(word) - n >= 2),
            "",
        )
        if head and flag.startswith(_PHRASE_FLAGS):
            out += [(head, "v"), (word[len(head) :], "n")]
        elif (
            flag.startswith(_PHRASE_FLAGS)
            and len(word) == 4
            and simplified(word[2:]) in verbs
            and _manner(word[:2])
        ):
            out += [(word[:2], "d"), (word[2:], "v")]  # 依法办理, 妥善处理: the manner and the act
        else:
            out.append((word, flag))
    return out


def _manner(word: str) -> bool:
    """Whether ``word`` can say how an act was done (依法, 妥善, 及时); a noun names the
    field of a set phrase instead (人民调解 in 人民调解委员会 is no act)."""
    flag = tag(word)[0][1] if len(tag(word)) == 1 else "x"
    return word in _HOW_FAR or not flag.startswith(("n", "j"))


# Verbs that hold an activity (举办宣传宣讲, 开展执法检查): the activity after them, even
# when written with verbs, is what a number of times or events counts.
_HOLD_VERBS = frozenset(("举办", "举行", "开展", "召开", "进行", "组织开展", "组织召开"))

# States an act brings about, written after its verb (宣布失效): part of the act, no object.
_RESULT_STATES = frozenset(("失效", "无效", "有效", "合格", "到位", "完毕", "办结", "成功"))


# Verbs that, right before a noun, say which kind of thing it is (宣传资料, 执法信息,
# 服务事项) rather than act on it; unlike 学习 or 建设 (研究学习法治议题: two acts).
_KIND_VERBS = frozenset(("宣传", "执法", "服务", "审批", "管理", "监督"))

# Nouns a verb right before them qualifies (审查意见, 整改建议): the verb is no act on them.
_OPINIONS = frozenset(("意见", "建议", "意见建议", "意见书"))
_OPINION_ACTS = frozenset(("征集", "征求", "收集", "听取", "采纳", "提出", "出具", "提供", "反馈"))


def split_counted(phrase: str, verbs: frozenset[str]) -> Counted:
    """Split a clause such as 受理行政复议案件 into the action and what it acts on (jieba tags).

    The action is the last run of verbs that has an object after it (组织干部开展
    法治培训 -> 开展 + 法治培训; 审查和备案规范性文件 -> 审查和备案 + 规范性文件); words
    before it (the actor) are dropped. A run that ends the clause acts on the
    nouns right before it (有效问题线索整改完成 -> 整改完成 + 有效问题线索), kept in
    ``Counted.before``. A quality ending in 性 stays with its verb (合法性审核).
    """
    words = [(w, f) for w, f in tag(phrase) if f not in ("ul", "uz", "ug")]  # no 了/着/过
    if not words:
        return Counted("", "")
    words = _verb_object_words(words, verbs)
    groups = _verb_groups(words, verbs)
    if not groups:
        return Counted("", phrase if len(phrase) > 1 else "")
    with_object = [g for g in groups if g[1] < len(words)]
    # A counting verb of the lexicon beats a verb jieba guessed (清理不符合政策要求执法证:
    # 清理, not 要求).
    start, end = _head_group(words, with_object, verbs) if with_object else groups[-1]
    if start > 0 and words[start - 1][0].endswith("性") and len(words[start - 1][0]) > 1:
        start -= 1  # 合法性审核, 公平竞争审查
    elif start > 0 and simplified(words[start - 1][0]).endswith(_action_prefixes()):
        start -= 1  # 专题研究, 立项督办, 部署落实: a word that says how the act was done
    if end == len(words) - 1 and simplified(words[end][0]) in _RESULT_STATES:
        end += 1  # 宣布失效, 认定无效: a state the act brings about is part of the act
    if end - start > 1 and simplified(words[start][0]) in _HOLD_VERBS:
        # 举办宣传宣讲10万余场次, 开展宣传咨询20余次: a verb that holds an activity, then the
        # activity named by verbs; the activity is what was counted (宣传宣讲), the act is
        # holding it (举办).
        if not all(simplified(w) in _HOLD_VERBS for w, _ in words[start:end]):
            end = start + 1
    if (
        end - start > 1
        and end < len(words)
        and simplified(words[end - 1][0]) in _KIND_VERBS
        and words[end][1].startswith(_NOUNISH)
        and simplified(words[start][0]) not in _HOLD_VERBS
    ):
        end -= 1  # 发放宣传资料, 公示执法信息: 宣传, 执法 say which materials, which information
    if (
        end - start > 1
        and end == len(words) - 1
        and simplified(words[end][0]) in _OPINIONS
        and simplified(words[end - 1][0]) not in _OPINION_ACTS
    ):
        end -= 1  # 提出审查意见, 提出修改意见: the verb before 意见 says which opinions
    verb = "".join(w for w, _ in words[start:end])
    obj = "".join(w for w, _ in words[end:])
    if obj:
        if len(obj) == 1:
            # 阅读量, 网上办理率: one word cut in two, with the words that qualify it.
            k = start
            while k > 0 and not _is_verb(*words[k - 1], verbs) and words[k - 1][1] in ("s", "f"):
                k -= 1
            return Counted("", "".join(w for w, _ in words[k:start]) + verb + obj)
        return Counted(verb, obj)
    # The run ends the clause: what it acts on is the run of nouns right before it, past
    # the words that say how (政务服务事项按时办结).
    k = start
    while k > 0 and simplified(words[k - 1][0]) in verb_manners():
        k -= 1
    manner = k
    while (
        k > 0
        and words[k - 1][1].startswith(_NOUNISH)
        and words[k - 1][0] not in "对将把向为"
        and words[k - 1][0] not in _HOW_FAR  # 依法受理: how it was done, not what
    ):
        k -= 1
    before = "".join(w for w, _ in words[k:manner])
    return Counted(verb, "", before if len(before) > 1 else "")


@cache
def verb_manners() -> tuple[str, ...]:
    """Words before a verb that say how it was done (kg/data/indicator_verb_manners.txt),
    longer forms first."""
    return data_lines("indicator_verb_manners.txt")


def _head_group(
    words: list[tuple[str, str]], groups: list[tuple[int, int]], verbs: frozenset[str]
) -> tuple[int, int]:
    """The verb run that governs the clause: the first one with an object after it.

    In 命名第二批法治政府建设示范地区 or 召开党委会专题研究法治建设 the first verb acts on
    everything after it; later verbs (建设, 研究) sit inside that noun phrase. A verb
    that only sets others to act (组织干部开展法治培训, a pivot) yields to the next run.
    """
    causatives = _causatives()
    for start, end in groups:
        run = simplified("".join(w for w, _ in words[start:end]))
        if run in causatives and (start, end) != groups[-1]:
            continue
        return start, end
    return groups[-1]


# Before a number, words that make it a rule or target (每季度不少于1次), a rank (前10名),
# the standard work is checked against (对照100项指标) or the next item of a list of
# ordinals (第二、三批).
_NORM_BEFORE = re.compile(
    r"(?:不少于|不低于|不超过|不多于|不得少于|不得低于|不得超过|至少|最少|最多|原则上|前|对照)$"
    r"|第[\d一二两三四五六七八九十]+[、，,和及至到-]$"
)


# A clause that sets a target (确保…, 力争…) states a norm, not what was done.
_TARGET = re.compile("确保|力争|必须|应当")
_WEIGHT = re.compile("分值|权重|满分|加分|扣分")


# A number whose clause goes on to a rank among them is the size of a field, not a count
# (政府透明度在全国106个城市中排名第3); an ordinal of party sessions (十二届市委五次全会).
_RANK_AFTER = re.compile(r"[^，。；,;]{0,20}?中(?:排名|位居|位列|名列|排在|列第|居)")
# 换届 (an election of village committees) is no session.
_SESSION_BEFORE = re.compile(r"[\d一二三四五六七八九十][届屆][^，。；,;\d]{0,4}$")


def _not_a_measure(text: str, start: int, number: str, unit: Unit) -> bool:
    """Whether the number at ``start`` is a rule, a rank, an ordinal or part of a name.

    A bare round numeral (百场报告会, 千人宣讲团) names a programme; a count is written
    with its digits (一百场, 120场) or approximately (十余场).
    """
    if _NORM_BEFORE.search(text[max(0, start - 6) : start]):
        return True
    return number in ("百", "千", "万")


# Words of a clause that measures a time taken (办理时限, 平均用时, 压缩至, 仅): a duration
# after them is how long the work took, an indicator; any other duration is part of a
# plan or a name (15分钟服务圈, 24小时自助服务厅), or a rule (10日内作出决定).
_TIME_MEASURE = re.compile(
    r"时限|用时|时间|时长|耗时|周期|天数|提速|缩短|压缩|压减|减少|节约|节省|仅|只需|只用"
)


def _measures_time(text: str, start: int) -> bool:
    """Whether the duration at ``start`` is a time measured by the clause before it."""
    if text[start - 1 : start] in ("月", "年") or text.startswith("内", _unit_end(text, start)):
        return False  # 3月5日 is a date; 10日内 a time limit set by a rule
    clause = _BREAK.split(text[max(0, start - _CLAUSE_MAX) : start])[-1]
    if _TIME_MEASURE.search(simplified_text(clause)):
        return True
    # 由20个工作日压缩至2个工作日: the old level of a time that was cut
    end = _unit_end(text, start)
    return bool(_tables().changed_from.match(simplified_text(text[end : end + 8])))


def _unit_end(text: str, start: int) -> int:
    """Where the number and duration unit that start at ``start`` end."""
    m = re.match(r"[\d.]+\s*(?:个)?(?:小时|工作日|分钟|天|日)", text[start:])
    return start + (m.end() if m else 0)


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
    if m.group("pct"):
        return float(chinese_number(raw[len("百分之") :]) or 0) or None
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        number = chinese_number(raw)
        # 一名 is no count worth reading, 一万名 is (10,000 people).
        if number is None or (number < 2 and not m.group("mult")) or not unit.chinese:
            return None
        value = float(number)
    value *= {"万": 1e4, "亿": 1e8, "千": 1e3}.get(m.group("mult") or "", 1)
    return value * unit.factor


# A short aside in brackets inside a noun phrase (党委(党组)理论学习中心组, 党工委(扩大)会议,
# 县(市、区)) is part of the name, not the end of a clause; one with a number is a remark.
# Pinyin glosses (建設(shè)) are no part of a name.
_ASIDE = re.compile(r"[（(][^（）()，。；,;：:\da-zA-Z\u00c0-\u024f]{1,8}[）)]")
_BRACKETS = "（）()"


def _masked(window: str) -> str:
    """``window`` with its short asides blanked, so that breaks are searched outside them."""
    return _ASIDE.sub(lambda m: "_" * len(m.group()), window)


def _clause_before(text: str, start: int, floor: int) -> str:
    lo = max(0, floor, start - _CLAUSE_MAX)
    window = text[lo:start]
    cut = max((b.end() for b in _BREAK.finditer(_masked(window))), default=0)
    return window[cut:]


_YEAR_AFTER = re.compile(r"(?:19|20)\d{2}年度?(?=[\u4e00-\u9fff])")


def _clause_after(text: str, end: int, most: int = _AFTER_MAX) -> str:
    # 建成文化馆1个(二级): an aside right after the number remarks on it, it names nothing.
    remark = _ASIDE.match(text, end)
    # 举办3期2025年度依法治区…培训班: the year names which classes, the noun follows it.
    year = _YEAR_AFTER.match(text, remark.end() if remark else end)
    window = text[year.end() if year else remark.end() if remark else end :][:most]
    b = (_AFTER_BREAK if most == _AFTER_MAX else _TAIL_BREAK).search(_masked(window))
    return window[: b.start()] if b else window


def _changed_to(text: str, start: int, t: _Tables) -> Counted | None:
    """What a number that is a new level counts: 行政许可事项压减至192项 -> 行政许可事项 +
    压减至, 审批事项从799项削减至326项 -> 审批事项 + 削减至; None when the clause is no such
    change. The old level (由40%, 从799项) is part of neither object nor action."""
    wide = _clause_before(text, start, 0)
    m = t.change.search(simplified_text(wide))
    if not m:
        return None
    head = re.sub(r"[由从][^由从]*$", "", wide[: m.start()])
    return Counted(wide[m.start() :], _clean(head, t))


def _changed_from(text: str, start: int, end: int, t: _Tables) -> Counted | None:
    """What the old level of a change counts: 审批时限由原来的30个工作日缩短为3个工作日 ->
    审批时限 + 缩短为 (the number before the change verb, after 由 or 从); None otherwise."""
    verb = t.changed_from.match(simplified_text(text[end : end + 8]))
    if not verb:
        return None
    wide = _clause_before(text, start, 0)
    m = re.search(r"[由从](?:原来的|原有的|原|之前的|过去的|\d{4}版?的)?$", wide)
    if not m:
        return None
    return Counted(verb.group(), _clean(wide[: m.start()], t))


def _grown_by(clause: str, t: _Tables) -> Counted | None:
    """What a rate of change measures: 参学率同比增长12.2% -> 参学率 + 增长; None when the
    clause ends in no verb of change."""
    m = t.grown.search(simplified_text(clause))
    if not m:
        return None
    obj = _clean(clause[: m.start()], t)
    return Counted(m.group("verb"), obj) if len(obj) > 1 else None


_LIGHT_VERBS = frozenset(("开展", "进行", "实施", "组织"))
# After 对 and a number: what was acted on (no list: 对60件草案、文件… counts the first)
# up to a light verb, and the act after it.
_LIGHT_ACT = re.compile(
    r"(?P<obj>[^，。；,;、\d]{2,}?)(?:进行|开展|实施)了?(?P<act>[^，。；,;并]{2,})"
)


def _acted_on(clause: str, verbs: frozenset[str]) -> Counted | None:
    """What a clause 对 X (进行) ACT counts: X, by ACT (对重大行政决策、规范性文件等合法性审核
    98件 -> 重大行政决策、规范性文件等 + 合法性审核; 对区属部门规范性文件进行备案审查12件 ->
    区属部门规范性文件 + 备案审查); None when the clause is no such phrase."""
    words = [(w, f) for w, f in tag(clause) if f not in ("ul", "uz", "ug")]
    at = max((i for i, (w, f) in enumerate(words) if w == "对" and f == "p"), default=-1)
    rest = words[at + 1 :] if at >= 0 else []
    if len(rest) < 2 or not _is_verb(*rest[-1], verbs):
        return None
    light = max((i for i, (w, _) in enumerate(rest) if w in _LIGHT_VERBS), default=-1)
    if light > 0:
        obj, act = rest[:light], rest[light + 1 :]  # 开展全流程审查: the act after the light verb
    else:
        k = len(rest)
        while k > 0 and _is_verb(*rest[k - 1], verbs):
            k -= 1
        if k > 0 and rest[k - 1][0].endswith("性") and len(rest[k - 1][0]) > 1:
            k -= 1  # 合法性审核
        obj, act = rest[:k], rest[k:]
    noun = "".join(w for w, _ in obj).strip("、，,")
    action = "".join(w for w, _ in act)
    if len(noun) < 2 or not action or not any(f.startswith(_NOUNISH) for _, f in obj):
        return None
    return Counted(action, noun)


def _strip_trail(phrase: str, t: _Tables) -> str:
    """``phrase`` without the filler words that end it (…达到, …为), but never half a word.

    违法行为 ends in the filler 为 and keeps it: a one-character filler is dropped only
    when the tokenizer reads it as a word of its own.
    """
    m = t.trail.search(phrase)
    if not m or not m.group():
        return phrase
    cut = m.start()
    while cut < len(phrase):
        words = tag(phrase[: cut + 1])
        if phrase[cut:] in t.whole_trails or (words and len(words[-1][0]) == 1):
            break  # the filler starts a word of its own here
        cut += 1
    return phrase[:cut]


def _clean(phrase: str, t: _Tables, after: bool = False) -> str:
    """``phrase`` without quotes, totals words and filler words at its ends.

    After a number a one-character filler (在, 对) starts the noun itself
    (169名在册社区矫正对象), so only longer fillers are dropped there.
    """
    phrase = re.sub(r"[“”\"‘’「」\s]|共计|累计|合计|总计", "", phrase)
    prev = None
    while prev != phrase:
        prev = phrase
        stripped = (t.lead_words if after else t.lead).sub("", phrase)
        # 通过率: a filler that leaves one character was the start of a word.
        phrase = phrase if len(stripped) == 1 < len(phrase) else stripped
        phrase = _strip_trail(phrase, t)
        phrase = re.sub(r"^(?:\d+(?:\.\d+)?[^\d]{0,2}?)(?=[\u4e00-\u9fff])", "", phrase)
    return phrase


def extract_indicators(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Numeric facts such as 受理行政复议案件215件, 调解成功率达97% or 开展培训十余场."""
    t = _tables()
    text = doc.text
    found: list[Mention] = []
    previous: tuple[int, Counted] | None = None  # sentence start and what the last number counted
    previous_dimension = ""  # the kind of quantity the last number was
    floor = 0  # end of the previous number: a clause never reaches back past it
    # Units and approximate words are matched on the simplified text (79項, 20餘場), which
    # has the same offsets; everything else reads the text as written.
    for m in t.number.finditer(simplified_text(text)):
        start, end = m.start(), m.end()
        unit = t.units["%" if m.group("pct") else m.group("unit")]
        before_char = text[start - 1 : start]
        if before_char == "第" or before_char.isdigit() or before_char in ".-/×x*～~":
            continue  # ordinals, dates, codes, ranges, 7×24小时
        following = fold(text[end : end + 4])
        if following.startswith(_NOT_A_COUNT_AFTER):
            continue  # 3个月, 十届三次全会 (also 全會)
        if following.startswith("会议") and not m.group("num")[0].isdigit():
            continue  # 二次会议 is a session; 召开8次会议 a count
        if _RANK_AFTER.match(text, end) or _SESSION_BEFORE.search(text, max(0, start - 7), start):
            continue  # 在全国106个城市中排名第3, 连续8次在…评估中位居前五; 十二届市委五次全会
        if not m.group("num")[0].isdigit() and before_char in "届是周月初年":
            continue
        if unit.dimension == "score":
            continue  # 考核得分96.5分: a score in an assessment, like a rank, is no indicator
        if unit.dimension == "duration" and not _measures_time(text, start):
            continue  # 15分钟便民服务圈, 24小时自助服务厅: a duration of a plan or a name
        value = _value(m, unit)
        if value is None or _inside_name(text, start):
            continue
        if _not_a_measure(text, start, m.group("num"), unit):
            continue
        if unit.dimension == "percent" and re.search(r"(?:19|20)\d\d$", text[start - 4 : start]):
            continue
        clause = _clause_before(text, start, floor)
        floor = end
        if _TARGET.search(clause):
            continue  # 确保执法人员100%持证, 力争覆盖率达到90%: a target, not a measurement
        if unit.dimension == "score" and _WEIGHT.search(clause):
            continue  # 分值权重20分: how an assessment weighs, a rule
        sentence = sentences.around(start, end)[0]
        carried = previous[1] if previous and previous[0] == sentence else None
        changed = (
            _changed_to(text, start, t)
            or _changed_from(text, start, end, t)
            or (_grown_by(clause, t) if unit.dimension in ("percent", "points") else None)
            or _acted_on(clause, t.verbs)
        )
        after = _clause_after(text, end)
        if unit.dimension in _NO_NOUN_AFTER:
            # 98%的事项实现…: a share of the noun after 的; otherwise nothing after counts.
            after = after[1:] if after.startswith("的") and not clause.strip() else ""
        after = _clean(after, t, after=True)
        # 已建成文化馆1个,图书馆1个: a count after a comma continues the list of the
        # previous number's verb (a rate or an amount is a new statement).
        head = start - len(clause)
        # …but 开展活动32次，受众群众4000余人: people after events start a statement of their own.
        listing = (
            head > 0
            and text[head - 1] in "，,"
            and unit.dimension not in _NO_NOUN_AFTER
            and unit.dimension == previous_dimension
        )
        people = unit.dimension == "person"
        times = unit.base in TIMES
        cleaned = _clean(clause, t)
        # 对全市69家: a preposition before the scope words (全市) governs the noun too.
        governs = clause.rstrip().endswith(_PREPOSITIONS) or cleaned.endswith(_PREPOSITIONS)
        tail = _clean(_clause_after(text, end, _TAIL_MAX), t, after=True)
        name = _QUOTED_START.match(text, end)
        quoted = len(name.group(1)) if name and after.startswith(name.group(1)) else 0
        counted = changed or read_counted(
            cleaned, after, carried, t.verbs, listing, people, times, governs, tail, quoted
        )
        if changed and not changed.object and carried:
            counted = Counted(changed.verb, carried.object)  # …，削减至326项: the same stock
        if not counted.subject or len(counted.subject) < 2:
            continue
        previous = (sentence, counted)
        previous_dimension = unit.dimension
        approx = bool(m.group("approx") or m.group("approx0") or m.group("pre") or m.group("post"))
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


# An organ asked to decide on something (提请市人大常委会审议…, 提请县政府常务会议审定…).
_REFERRED = re.compile(
    r"提请(?P<organ>[\u4e00-\u9fff]{2,14}?)(?P<act>审议|审定|审查|批准|表决)(?P<obj>[\u4e00-\u9fff]{2,})$"
)


def read_counted(
    before: str,
    after: str,
    carried: Counted | None,
    verbs: frozenset[str],
    listing: bool = False,
    people: bool = False,
    times: bool = False,
    governs: bool = False,
    clause_after: str = "",
    quoted: int = 0,
) -> Counted:
    """What a number counts, from the cleaned clause before it and the words after its unit.

    ``carried`` is what the previous number of the same sentence counted (…受理群众说事
    79166件, 办结79136件: 办结 counts 群众说事 too). A verb with nothing after it
    counts the noun after the number (健全23个工作机制, 聘请3名法律顾问), else the
    nouns before it (问题线索整改完成231个), else what the sentence last counted. When
    the clause before only names who acted (区委主要负责同志先后18次调研法治建设工作) or whom
    a causative verb set to act (组织887人完成年度述法), the act follows the number.
    """
    referred = _REFERRED.search(before)
    if referred and not after[:1].strip():
        # 提请市人大常委会审议地方性法规草案2件: what was put to the organ, and the act is
        # putting it to the organ's vote (提请审议), not the organ's own.
        return Counted("提请" + referred.group("act"), referred.group("obj"))
    # 命名20个示范地区、10个示范项目, 约有800多人次参加: a number with nothing before it
    # continues what the sentence counted, unless a preposition made its clause open a
    # statement of its own (对105名党政主要负责人开展述法测评).
    light = _LIGHT_ACT.match(clause_after) if governs else None
    if light:
        # 对6件涉及计划生育规范性文件进行清理, 对105名党政主要负责人开展述法测评: after 对
        # and the number, what was acted on runs to the light verb, and the act follows it.
        obj = re.sub("(?:" + "|".join(_HOW_FAR) + ")+$", "", light.group("obj"))
        return Counted(light.group("act"), obj)
    # A connector is a word of its own (和, 及, 、), not the end of a verb (涉及) or the start
    # of an adverb (及时).
    opens = bool(before) and before[0] in _CONNECTOR and len(tag(before)[0][0]) == 1
    inherit = (opens or not before) and not governs  # also when before is ""
    while before and before[0] in _CONNECTOR and len(tag(before)[0][0]) == 1:
        before = before[1:]
    closes = bool(before) and before[-1] in _CONNECTOR and len(tag(before)[-1][0]) == 1
    listed = (closes or not before) and not governs
    if closes:
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
        # 开展违法建设、环境整治等专项执法行动: the list's own words are no action; the
        # verb that heads the list is.
        # The words of a title in the list (《关于组建…的实施方案》) are no act of the clause.
        head = re.sub(r"《[^《》]*》", "文件", head)
        head_verb = _first_action(head, verbs) if head else ""
        last = tag(head)[-1] if head else ("", "")
        relative = _is_verb(*last, verbs) and simplified(last[0]) not in _compound_verbs()
        framed = not head_verb or simplified(head_verb) in _causatives()
        if relative and (
            (not tail and before.endswith("的") and framed)
            or (tail and before[len(head)] == "的" and not b.verb and not head_verb)
        ):
            # 推动年初设立的20项重点任务, 重点落实的5项保障措施, 保留的政务服务事项515项: the
            # verb of the relative clause right before 的 is what was done to the things
            # counted, unless a verb of the clause acts on them (整改…督察发现的193个问题,
            # 组织…参加的大型学法活动4次).
            head_verb = last[0]
        listed_things = before.endswith("等") and not tail and head_verb and "、" in head
        if listed_things and head_verb in head:
            # 审查行政规范性文件、政府合同、会议纪要等270份: the things listed after the verb
            # are what was counted, 等 closing the list.
            things = head[head.index(head_verb) + len(head_verb) :]
            if len(things) >= 2:
                b = Counted(head_verb, things)
        if tail and b.verb and not b.object and not b.before and len(tag(tail)) == 1:
            # 举办大讲堂、培训班等培训6次: the one word after 等 names the kind of the
            # things listed (培训), it does no act on them.
            b = Counted("", tail)
        b = Counted(b.verb or head_verb, b.object, b.before)
    else:
        b = split_counted(before, verbs) if before else Counted("", "")
    if inherit and carried and not b.verb:
        b = Counted(carried.verb, b.object)
    elif inherit and carried and carried.verb and b.object and not _counting(b.verb, verbs):
        # 命名…地区46个、示范项目19个: the list's verb; 示范 is part of the item's name.
        b = Counted(carried.verb, b.verb + b.object)
    noun = _noun_prefix(after, counted_thing=not (times or people)) if after else ""
    if quoted and len(noun) < len(after[:quoted]) + 1:
        # 112个“一件事”集成服务: a quoted name and its head noun, whatever the words inside.
        noun = after[:quoted] + _noun_prefix(after[quoted:])
    if len(noun) >= 2 and not b.verb and before:
        # 健全23个工作机制, 镇政府聘请3名法律顾问: the clause's last word acts on the noun after.
        last = tag(before)[-1]
        if last[0] in verbs or (last[1].startswith(("v", "a")) and len(last[0]) > 1):
            return Counted(last[0], noun)
    if (
        b.object
        and (len(noun) < 2 or times)
        and (not b.verb or simplified(b.verb) in _causatives())
    ):
        # 区委主要负责同志先后18次调研法治建设工作, 组织党政主要负责人887人完成年度述法:
        # the clause before names who acted; what they did follows the number.
        done = _act_after(after, verbs)
        if done and people:
            return Counted(done, b.object)  # the people counted did it
        if done:
            acted = split_counted(after, verbs)  # 18次调研法治建设工作: the times of an act
            obj = acted.object
            if not acted.verb and obj.startswith(done):
                obj = obj[len(done) :]  # the verbal noun (调研) read as the act, not the object
            return Counted(acted.verb or done, obj or b.object)
    if listing and carried and carried.verb and b.object and not b.verb and len(noun) < 2:
        return Counted(carried.verb, b.object)  # 建成文化馆1个,图书馆1个: 图书馆 建成
    if b.object and (times or len(noun) < 2):
        # 召开专题会议4次研究部署…: after a count of times, the words that follow are
        # what the meetings did, not what was counted.
        return b
    if len(noun) >= 2:
        # 选定辖区70家重点企业, 编制公布应急管理系统21个行政许可事项: a noun after the
        # number is what it counts; the words between the verb and the number are scope.
        # 对6个市县进行实地督察: the action follows the counted noun; so does it after a
        # causative verb (组织52名干部参加述法 -> 参加述法).
        # The act may lie past the 16 characters read for the noun, or past a list of
        # nouns (对19个市县、35个省级国家机关进行考核): read it in the whole clause.
        whole = clause_after if clause_after.startswith(noun) else after
        rest = re.split(r"[，。；,;]", whole[len(noun) :], maxsplit=1)[0]
        rest = rest.rsplit("、", 1)[-1] if rest.startswith("、") else rest
        listing_on = whole[len(noun) :].startswith("、")
        verb = b.verb
        if not verb and listed and carried:
            verb = carried.verb  # 命名20个示范地区、10个示范项目: the verb of the list
        done = _predicate_after(whole[len(noun) :], verbs) if before.endswith("的") else ""
        if done:
            # 方案中明确的152项任务全部完成, 整改方案中的27个问题、106项整改措施全部落实:
            # the clause before 的 only says which ones; the predicate after them is the act.
            verb = done
        elif not verb or simplified(verb) in _causatives():
            verb = _action_after(rest, verbs) or verb
        elif governs or (simplified(verb) == "完成" and not listing_on):
            # 对69家党政机关进行分类考核: after a preposition the act follows the noun;
            # 完成1280项政务服务事项的标准化梳理: what was completed is the act after it.
            verb = _action_after(re.sub(r"^的", "", rest), verbs) or verb
        elif simplified(verb) == "完成":
            # 完成18件规范性文件、68件上会文件合法性审查: the act closes the list.
            verb = _act_closing_list(whole[len(noun) :], verbs) or verb
        elif not before and not listing_on and not (times and re.search("会议?$", noun)):
            # …培训班，94名新任干部参加任前法律知识考试: a verb only carried over from the
            # sentence yields to the one written after the noun (but 召开15次常务会议、2次
            # 党组会议研究…: what meetings did is no act on the meetings).
            verb = _action_after(rest, verbs) or verb
        return Counted(verb, noun)
    if b.verb:
        if b.before:
            return Counted(b.verb, b.before)
        # 推出61个“一件事一次办”事项: words jieba does not read as a noun (一件, 一次) still
        # name what was counted when they run from the number to the next verb.
        loose = _words_before_verb(after, verbs)
        if len(loose) >= 2:
            return Counted(b.verb, loose)
        return Counted(b.verb, carried.object if carried and carried.verb else "")
    if not after and carried:
        return carried  # 集体访6批114人次: a second unit of the same thing
    return split_counted(after, verbs) if after else b


def _predicate_after(rest: str, verbs: frozenset[str]) -> str:
    """The act that ends the clause after the counted noun (全部完成 -> 完成), past a list
    of further numbers and nouns (、106项整改措施全部落实 -> 落实); "" when the clause
    goes on with anything but adverbs and that act."""
    if rest.startswith("、"):
        return _act_closing_list(rest, verbs)
    clause = re.split(r"[，。；,;]", rest, maxsplit=1)[0]
    words = _without_adverbials(tag(clause), verbs)
    # Only acts of the lexicon (完成, 落实): 落地见效, 形成目录 say what came of them.
    if not words or len(words) > 2 or not all(simplified(w) in verbs for w, _ in words):
        return ""
    return "".join(w for w, _ in words)


def _act_closing_list(rest: str, verbs: frozenset[str]) -> str:
    """The act a list of counted nouns ends in (、68件上会文件合法性审查 -> 合法性审查), or ""."""
    last = re.split(r"[，。；,;]", rest, maxsplit=1)[0].rsplit("、", 1)[-1]
    last = re.sub(r"^[\d.,万亿千余多]+[^\u4e00-\u9fff]*?[个件项名家次人份条]?", "", last)
    words = tag(last)
    if len(words) < 2 or simplified(words[-1][0]) not in verbs:
        return ""
    quality = words[-2][0] if words[-2][0].endswith("性") and len(words) > 2 else ""
    return quality + words[-1][0]  # 合法性审查: a quality ending in 性 stays with its verb


def _counting(word: str, verbs: frozenset[str]) -> bool:
    """Whether ``word`` holds a counting verb of the lexicon (审查, 受理, 培训 …)."""
    return any(v in word for v in verbs if len(v) > 1) or simplified(word) in verbs


def _words_before_verb(phrase: str, verbs: frozenset[str]) -> str:
    """The words of ``phrase`` up to its first verb or particle (一件事一次办事项)."""
    out = []
    for word, flag in tag(phrase):
        if _is_verb(word, flag, verbs) or flag.startswith(("u", "p", "c", "x", "w")):
            break
        out.append(word)
    noun = "".join(out)
    while noun and noun[-1] in "（(":
        noun = noun[:-1]  # 干部(: a bracket that opens no aside of the noun
    return noun


def _act_after(after: str, verbs: frozenset[str]) -> str:
    """The act a clause after a number starts with (主持召开专题会议), or ""."""
    words = tag(after)
    if not words:
        return ""
    # 调研法治建设工作: a verbal noun followed by its object is the act.
    act = words[0][1] == "vn" and len(words) > 1 and words[1][1].startswith(_NOUNISH)
    if not (act or _is_verb(*words[0], verbs)):
        return ""
    if act:
        return words[0][0]
    return _action_after(after, verbs)


def _first_action(phrase: str, verbs: frozenset[str]) -> str:
    """The first run of verbs of ``phrase`` that acts on something after it (a counting
    verb of the lexicon first), or the verb ``split_counted`` reads."""
    words = [(w, f) for w, f in tag(phrase) if f not in ("ul", "uz", "ug")]
    groups = [g for g in _verb_groups(words, verbs) if g[1] < len(words)]
    counting = [g for g in groups if any(_is_verb(w, "", verbs) for w, _ in words[g[0] : g[1]])]
    if not (counting or groups):
        return split_counted(phrase, verbs).verb
    start, end = (counting or groups)[0]
    return "".join(w for w, _ in words[start:end])


# Words between the counted noun and its act that say when, how far or by whom it was
# done (已全部落实, 均参加, 被省市发文推广, 通过视频会议形式参与): not the act itself.
_ADVERBIAL_FLAGS = ("d", "ul", "uz", "ug", "c")
_ADVERBIAL_PREPOSITIONS = frozenset(("被", "通过", "由", "经", "在", "向", "将", "把", "以"))


def _without_adverbials(
    words: list[tuple[str, str]], verbs: frozenset[str]
) -> list[tuple[str, str]]:
    """``words`` from their first verb on, past adverbs (已, 全部) and a prepositional
    phrase (被省市发文) that open them; unchanged when no verb follows."""
    i = 0
    while i < len(words) and (
        words[i][1].startswith(_ADVERBIAL_FLAGS) or words[i][0] in ("全部", "全面", "逐项", "分别")
    ):
        i += 1
    if i < len(words) and words[i][0] in _ADVERBIAL_PREPOSITIONS:
        j = i + 1
        while j < len(words) and not _is_verb(*words[j], verbs):
            j += 1
        if j < len(words) and j > i + 1:  # the preposition governs at least one word
            i = j
    return words[i:] if i < len(words) and _is_verb(*words[i], verbs) else words


def _action_after(rest: str, verbs: frozenset[str]) -> str:
    """The action written after the counted noun: 进行实地督察 -> 实地督察, 参加培训 -> 参加培训,
    已全部落实 -> 落实, 被省市发文推广 -> 推广."""
    words = _without_adverbials(tag(rest), verbs)
    # 35个省级国家机关进行考核 (the next item of a list): the act starts at the first verb.
    first = next((i for i, (w, f) in enumerate(words) if _is_verb(w, f, verbs)), len(words))
    words = words[first:]
    if not words:
        return ""
    if words[0][0] in ("进行", "开展", "实施") and len(words) > 1:
        # A light verb: the action is its object (进行了清理 -> 清理).
        return "".join(w for w, f in words[1:] if f not in ("ul", "uz", "ug")) or words[0][0]
    return "".join(w for w, _ in words)


_NOUN_START = ("n", "j", "vn", "nz", "b", "a")
_WHICH = frozenset(("各级", "各类", "各种", "各项", "全体", "所有"))
_HOW_FAR = frozenset(("全部", "全面", "全程", "均", "都", "已", "逐项", "分别", "依法"))


def _modifies(word: str) -> bool:
    """Whether a verb can say what kind of thing the noun after it is: one of the
    noun-building verbs (宣传 in 宣传横幅) or a verb of no counted act (集中)."""
    return simplified(word) in _compound_verbs() or not _is_verb(word, "", _tables().verbs)


def _noun_prefix(phrase: str, counted_thing: bool = False) -> str:
    """The noun phrase that starts ``phrase`` (在册社区矫正对象 in 在册社区矫正对象全部实施…).

    ``counted_thing``: the phrase follows a measure word of things (家, 个, 件), after which
    a verb right before a noun says which ones (212家检查企业, 12个受理窗口)."""
    words = tag(phrase)
    run = 0
    while (
        run < min(2, len(words))
        and words[run][1] == "v"
        and (_modifies(words[run][0]) or counted_thing)
    ):
        run += 1
    noun_next = run < len(words) and words[run][1].startswith(("n", "vn", "j"))
    kind_run = run if noun_next else 0
    out = []
    for i, (word, flag) in enumerate(words):
        attribute = (
            # 在册, 持证, 新提拔: a state before the noun it qualifies, after modifiers only
            all(f.startswith(("a", "b")) for _, f in words[:i])
            and flag.startswith("v")
            and i + 1 < len(words)
            and words[i + 1][1].startswith(("n", "j", "vn", "nz"))
            and not _is_verb(word, "", _tables().verbs)
        )
        # 理论学习中心组, 行政执法案卷: a verb of the noun-building kind between two nouns.
        inner = (
            0 < i < len(words) - 1
            and (simplified(word) in _compound_verbs() or words[i - 1][0] in _ACT_KINDS)
            and words[i - 1][1].startswith(_NOUNISH)
            and words[i + 1][1].startswith(_NOUNISH)
        )
        # 县处级以上领导干部: a level and 以上 before the noun are part of the noun phrase.
        above = (
            0 < i < len(words) - 1
            and word in ("以上", "以下")
            and words[i + 1][1].startswith(("n", "j"))
        )
        # 集中宣传活动, 宣传横幅: verbs that open the phrase and say what kind of thing the
        # noun right after them is (not acts of the clause: 集中 is no counting verb).
        kind = i < kind_run
        # 各级党政主要负责人, 各类市场主体: a word that says which ones opens the noun.
        which = i == 0 and word in _WHICH and len(words) > 1
        if (
            not (
                attribute
                or inner
                or above
                or which
                or kind
                or flag.startswith(_NOUN_START)
                or word in _BRACKETS
            )
            or word.endswith("率")
            or word in _HOW_FAR
            or (word == "全" and i + 1 < len(words) and words[i + 1][1].startswith("v"))
        ):
            break  # 106项整改措施全部落实: 全部 says how far the act went
        out.append(word)
    noun = "".join(out)
    while noun and noun[-1] in "（(":
        noun = noun[:-1]  # 干部(: a bracket that opens no aside of the noun
    return noun


def format_value(value: float) -> str:
    """A value as written in the graph: integers without a decimal point."""
    text = f"{round(value, 4):.4f}".rstrip("0").rstrip(".")
    return text or "0"
