"""Initiatives: named programmes, systems, campaigns and working methods.

Reports put a programme's name in quotation marks (“枫桥经验”, “放管服”改革,
“十个一工作法”) but quote slogans, metaphors, honours and speech the same way
(“最后一公里”, “1+1>2”, “全省法治创建先进县(区)”). A quoted term is kept when
the scheme knows it, or when the words around it say it is a programme:

- a kind word right after it or ending it (改革, 制度, 工程, 行动, 工作法 …,
  ``kg/data/initiative_cues.txt``; a *weak* one such as 服务 needs one more sign),
- an adoption verb right before it (推行, 实施, 开展 …),
- a numbered name (“三清两建”, “四官”: jieba tags its first word as a numeral),
- an action head (柔性执法, 三调联动),

and dropped when the scheme refuses it (a doctrine, slogan, metaphor, party
routine or generic legal system: ``kg:NotInitiative`` in
``ontology/initiatives.ttl``), when it lies inside a document title 《…》, a descriptor
(“一站式”, “菜单化”: jieba's 区别词/adjective tags or a 式/化 ending), a
principle or slogan (followed by 原则/理念, or a list such as “谁决策，谁负责”), a
formula counting its points without a kind word (“三个务必”, but “三个年”活动),
an honour (评为 …, …先进县), quoted speech, or a doctrine's own study campaign
(习近平法治思想“七进”). A quoted list of known programmes (“多证合一、一照一码”)
gives one mention per programme. Context rules live in
``kg/data/initiative_context.tsv``. Quotes joined by 、/和 share their context
(“放权赋能”和“放管服”改革), and a name the report has once called a programme is one
at each of its quotes (“大篷车”活动 … 公共法律服务“大篷车”). The head noun that ends
the name joins it (“短视频”述法模式, “三位一体”审查机制, “一业一证”改革: ``name_head`` in
``initiative_context.tsv``), and so does a domain written before the quote
(行政执法“三项制度”: ``name_prefix``); words that say what was done with it
(活动, 行动, 专项整治, 规划) stay outside. Known initiatives are also found unquoted
(行政执法三项制度, 法律明白人), and so are new ones named right after an
adoption verb and ending in a kind word (深化相对集中行政许可权改革, 推广非现场执法;
``kg/data/initiative_heads.tsv``, ``initiative_generic.txt``, ``initiative_scopes.txt``),
unless the words before the kind word are a term the scheme refuses (实施领头雁工程) or
the name follows a verb of rating (被评为全国民主法治示范村: a title won). A local name
written bare takes the one full form the report gives it elsewhere (“服务包” …
“服务包”制度), so that one brand has one label in a report.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.lexicons import Lexicons, data_lines, data_table, refused_initiatives
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.extract.terms import TermMatcher
from kg.extract.words import tag
from kg.model import Attrs, Document, Mention, attrs
from kg.revision_notes import fold

_QUOTED = re.compile(
    r"“([^“”\n]{2,20})”|\"([^\"\n]{2,20})\"|‘([^‘’\n]{2,20})’|「([^「」\n]{2,20})」"
)
# Quotes separated only by these belong to one group (“警调对接”、“诉调对接”).
_JOINER = re.compile(r"[、和与及\s]*")
# The clause of words after a quote (“法治课堂”和“上龙盘村晚”等文艺演出活动 is one).
_SECTOR_CLAUSE = re.compile(r"[，。；：！？,;:!?\s（(]")
_MIDDLE_DOT = re.compile(r"[·・•]")
_LIST_SEP = re.compile(r"[、，,；;]")
# Names joined inside one pair of quotation marks (“多证合一、一照一码”, “证照分离和多证合一”):
# one mention per name (annotation guide: joined by 、 or 和).
_PART_SEP = re.compile(r"[、，,；;和]")
_NOT_WORDY = re.compile(r"[\d\s.%+\-=<>×*/:：()（）]+")
# Arithmetic, not the 党建+法治 naming pattern: digits, comparisons, ×.
_MATHS = re.compile(r"\d|[=＝>＜<×*/]")
# A count of points written with 个 (两个维护, 四个意识, 三个务必): a formula's shape.
_FORMULA = re.compile(r"^[一二两三四五六七八九十]+个")
# 35证合一, 五证合一, 三十五证合一: each count of merged licences is 多证合一 (annotation guide).
# Bounded counts (licences merged are tens at most): an unbounded run of digits before a
# non-match would be scanned again from each of its positions (quadratic on long numbers).
_COUNTED_MERGER = re.compile(r"(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})[证證]合一")
MERGER = "多证合一"
# “凤鸣政策通”等17场品牌活动, “交地即交证”等服务新模式: a count, or the 等 closing a list,
# stands between the names and their kind word.
_EVENTS_COUNTED = re.compile(r"^等?\d+[个项场次期批]|^等")
# Kind words that turn a bare number into a name (“721”工作法, “3+X”模式).
NUMBERED_KINDS = r"工作法|模式|工程|机制"
NUMBERED_MAX = 6  # numbered names are short (三清两建, 四官); 一张蓝图绘到底 is a slogan
COUNTED_AFTER = re.compile(r"\d+[个处家所座间]")
# Levels and eras written before a national programme's name, outside its span.
_MODIFIER = re.compile(r"^(?:全国|全省|全市|全区|全县|省级|市级|县级|国家级|新时代)")
# Levels prefixed to a known name (“全省民主法治示范村”).
_LEVEL = re.compile(r"^(?:全国|全省|全市|全区|全县|省级|市级|县级|国家级|省|市|县)")
DAY = "日"  # a programme that is a day (国家宪法日) also dates what a report says
BRAND_GAP = 6  # words between a quote and the 品牌 it names (理论宣讲特色), in characters
HONOURED_GAP = 4  # words between a quote and 入选/获评 (建设项目, 整改做法), in characters
# A count of persons right before a programme's name (一万名村居园区法律明白人): the name
# then stands for its members, not for the programme.
_PERSONS_COUNTED = re.compile(r"[\d一二两三四五六七八九十百千万]+(?:名|位)[^，。；、,;\s]{0,6}$")
_BEFORE = 10  # characters before an opening quote searched for verbs and honours
_AFTER = 12  # characters after a closing quote searched for kind words and head nouns
# What follows a quote that stands alone as a verb's object: a break, 等, the next quote.
_ALONE_AFTER = re.compile(r"[，。；、,;“\s]|等|$")
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{3,10}")  # words only: no digits, marks or years
# Two long phrases set apart by a space, as a news headline's are: no programme's name
# (a slogan's short halves are: “乡村振兴 法治同行”, “谁执法谁普法 谁管理谁普法”).
_HEADLINE = re.compile(r"[\u4e00-\u9fff]{7}[ \u3000]+[\u4e00-\u9fff]{7}")
CLAUSE_OBJECT = 3  # characters after a leading verb that make a quote a clause
HEAD_WORDS = 4  # words between a closing quote and the head noun of its name, at most
NUMERAL_FLAGS = ("m", "mq")
# Endings of a descriptor of manner (“一站式”, “菜单化”, “便利性”): alone no name.
DESCRIPTOR_ENDS = ("式", "化", "性")
NAMED_HEAD_MIN = 4  # 办案模式: a noun of two characters and a kind word of two
# 区别词, adjectives, adverbs …, and set phrases and idioms (两手抓, 一岗双责, 一刀切): no
# coined name is one word of the dictionary.
DESCRIPTOR_FLAGS = ("b", "a", "ad", "d", "z", "f", "l", "i")


@dataclass(frozen=True)
class _Rules:
    strong: frozenset[str]
    weak: frozenset[str]
    not_initiatives: frozenset[str]
    refusals: dict[str, str]  # refused term -> why (metaphor, doctrine, party-routine …)
    before: re.Pattern[str]
    action_heads: tuple[str, ...]
    reject_after: re.Pattern[str]
    honour_before: re.Pattern[str]
    honour_end: tuple[str, ...]
    speech_before: re.Pattern[str]
    practice_before: re.Pattern[str]  # verbs of carrying out a practice (开展, 推行, 落实 …)
    body_after: re.Pattern[str]  # a body named after a programme (…示范创建工作领导小组)
    honoured_after: re.Pattern[str]  # the quote is rated or selected (“苏企通”入选…)
    adopt: re.Pattern[str]
    manner: re.Pattern[str]
    heads: dict[str, str]  # kind word ending an unquoted name -> what its modifier needs
    generic: frozenset[str]
    described: tuple[str, ...]  # last words of a modifier that describe, not name (新)
    not_first: frozenset[str]
    scopes: re.Pattern[str]
    name_heads: tuple[str, ...]  # head nouns that end a programme's name (模式, 机制 …)
    body_heads: tuple[str, ...]  # nouns ending a body's or outlet's name (中队, 宣讲团, 栏目)
    name_heads_not: tuple[str, ...]  # list endings that are no head of the name (事项清单 …)
    known_heads: tuple[str, ...]  # kind words a known name's span takes (容缺受理机制)
    date_after: re.Pattern[str]  # a day's name as a date (国家宪法日之际)
    name_prefixes: tuple[str, ...]  # domains written before a quoted name (行政执法“三项制度”)
    domains: tuple[str, ...]  # words of governance a reform's name holds (审批, 执法, 政务 …)
    doctrine_before: re.Pattern[str]  # a doctrine named right before a quote (习近平法治思想“八进”)
    doctrine_words: tuple[str, ...]  # the doctrines of doctrine_before, as words
    doctrine_end: tuple[str, ...]  # endings of a doctrine's, strategy's or spirit's name
    doctrines: tuple[str, ...]  # doctrines long enough to be recognised inside a quote
    name_ends: tuple[str, ...]  # endings that make a quoted term a name (“同城通办”, “…讲堂”)
    sectors: tuple[str, ...]  # words of a sector other than governance (文艺演出, 产业)
    shared: TermMatcher  # programmes many places run as their own brand (法治为民办实事)
    honour_words: tuple[str, ...]  # words of an honour inside a quote (最美, 十佳, 优秀)
    brand_after: re.Pattern[str]  # a brand named a few words after a quote (…理论宣讲特色品牌)


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@cache
def _rules() -> _Rules:
    strong, weak = [], []
    for line in data_lines("initiative_cues.txt"):
        word, _, strength = line.partition("\t")
        (weak if strength.strip() == "weak" else strong).append(word.strip())
    roles: dict[str, list[str]] = {}
    for row in data_table("initiative_context.tsv"):
        roles.setdefault(row["role"], []).append(row["word"])
    return _Rules(
        strong=frozenset(strong),
        weak=frozenset(weak),
        not_initiatives=frozenset(refused_initiatives()),
        refusals=refused_initiatives(),
        # 推行跨部门“综合查一次”: a short modifier may stand between verb and quote.
        before=re.compile(
            "(?:" + _alternation(roles["before"]) + ")[^，。；：、！？,;:\\s“”]{0,3}$"
        ),
        action_heads=tuple(roles["head"]),
        body_after=re.compile("(?:工作)?(?:" + _alternation(roles["body_after"]) + ")"),
        # “两降一升”工作要求: 工作 before the word changes nothing.
        reject_after=re.compile("^的?(?:工作)?(?:" + _alternation(roles["reject_after"]) + ")"),
        honour_before=re.compile(
            "(?:" + _alternation(roles["honour_before"]) + ")第?[\\d一二三四五六七八九十]*批?$"
        ),
        honour_end=tuple(roles["honour_end"]),
        speech_before=re.compile("(?:" + _alternation(roles["speech_before"]) + ")[:：，,]?$"),
        practice_before=re.compile(
            "(?:" + _alternation(roles["practice_before"]) + ")[^，。；：、！？,;:\\s“”]{0,2}$"
        ),
        honoured_after=re.compile(
            f'^[^，。；：、！？,;:\\s“”"]{{0,{HONOURED_GAP}}}(?:'
            + _alternation(roles["honoured_after"])
            + ")"
        ),
        adopt=re.compile("(?:" + _alternation(roles["adopt"]) + ")"),
        manner=re.compile("^(?:" + _alternation(roles["manner_prefix"]) + ")"),
        heads={row["head"]: row["needs"] for row in data_table("initiative_heads.tsv")},
        generic=frozenset(data_lines("initiative_generic.txt")),
        described=tuple(roles["described_end"]),
        not_first=frozenset(roles["name_not_first"]),
        scopes=re.compile("^(?:" + _alternation(list(data_lines("initiative_scopes.txt"))) + ")+"),
        name_heads=tuple(sorted(roles["name_head"], key=len, reverse=True)),
        name_heads_not=tuple(roles["name_head_not"]),
        known_heads=tuple(roles["known_head"]),
        date_after=re.compile("(?:" + _alternation(roles["date_after"]) + ")"),
        body_heads=tuple(roles["body_head"]),
        name_prefixes=tuple(sorted(roles["name_prefix"], key=len, reverse=True)),
        domains=tuple(roles["reform_domain"]),
        doctrine_end=tuple(roles["doctrine_end"]),
        doctrine_words=tuple(roles["doctrine_before"]),
        doctrine_before=re.compile("(?:" + _alternation(roles["doctrine_before"]) + ")$"),
        doctrines=tuple(
            t for t, why in refused_initiatives().items() if why == "doctrine" and len(t) >= 5
        ),
        name_ends=tuple(roles["name_end"]),
        sectors=tuple(roles["sector_after"]),
        honour_words=tuple(roles["honour_word"]),
        brand_after=re.compile(
            f'^[^，。；：、！？,;:\\s“”"]{{0,{BRAND_GAP}}}'
            + "(?:"
            + _alternation(roles["brand_after"])
            + ")"
        ),
        shared=TermMatcher({t: t for t in data_lines("initiative_shared_local.txt")}),
    )


@dataclass(frozen=True)
class _Quote:
    start: int  # of the opening mark
    end: int  # after the closing mark
    term: str


@dataclass(frozen=True)
class Verdict:
    """Why a quoted term is (or is not) an initiative."""

    label: str | None  # the initiative's name, None when it is not one
    cue: str | None = None
    reason: str = ""
    end: int = 0  # end of the mention (after a joined kind word such as 改革 in “放管服”改革)


def _quotes(text: str) -> list[_Quote]:
    out = []
    for m in _QUOTED.finditer(text):
        term = next(g for g in m.groups() if g is not None).strip()
        if term:
            out.append(_Quote(m.start(), m.end(), term))
    return out


def _groups(text: str, quotes: list[_Quote]) -> list[list[_Quote]]:
    groups: list[list[_Quote]] = []
    for q in quotes:
        if groups and _JOINER.fullmatch(text, groups[-1][-1].end, q.start):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _known_label(term: str, after: str, known: TermMatcher) -> tuple[str | None, int]:
    """A known initiative the quoted ``term`` names, and how many following characters it takes."""
    # “八五”普法, “放管服”改革, “三零”创建: the next word belongs to the known name.
    for extra in range(min(4, len(after)), 0, -1):
        if term + after[:extra] in known:
            return term + after[:extra], extra
    squeezed = re.sub(r"[\s、，,]", "", term)
    # “多規合一”: a name in traditional characters is the scheme's simplified one;
    # “35证合一”, “39证合一” are 多证合一 (annotation guide).
    counted = MERGER if _COUNTED_MERGER.fullmatch(term) else term
    for candidate in (term, squeezed, _LEVEL.sub("", term), fold(term), counted):
        if candidate in known:
            return candidate, 0
    r = _rules()
    # “谁执法谁普法制度”: a known name followed by its own kind word.
    for cue in sorted(r.strong | r.weak, key=len, reverse=True):
        if term.endswith(cue) and term[: -len(cue)] in known:
            return term[: -len(cue)], 0
    # “谁执法谁普法 谁主管谁普法”: a list (by blanks) whose first item is known. A list by
    # 、 or ， is split into its known parts, or judged whole (“一窗受理，并联审批，一口出照”).
    first = re.split(r"\s", term)[0]
    if first != term and first in known:
        return first, 0
    return None, 0


def _cue_after(after: str) -> tuple[str | None, bool]:
    """The kind word after a closing quote (up to the next break), and whether it is strong."""
    r = _rules()
    after = _EVENTS_COUNTED.sub("", after, count=1)
    clause = re.split(r"[，。；、：！？,;:\s“”\"（(的]", after, maxsplit=1)[0]
    words = [w for w, _ in tag(clause)] if clause else []
    weak = None
    for i, word in enumerate(words[:3]):
        following = words[i + 1] if i + 1 < len(words) else ""
        if r.adopt.fullmatch(word) and following not in r.strong | r.weak:
            # “一企一策”推进国企改革: a new clause whose kind word is not the quote's
            # (but in “复调对接”创新机制 the verb qualifies the kind word).
            break
        # 服务平台, 常态化斗争: a compound that ends in a kind word is that kind.
        strong = next((c for c in r.strong if word.endswith(c) and len(c) > 1), None)
        if strong:
            return strong, True
        if weak is None and word in r.weak:
            weak = word
    return weak, False


def judge(
    term: str, before: str, after: str, known: TermMatcher, short: frozenset[str] = frozenset()
) -> Verdict:
    """Decide whether a quoted ``term`` is an initiative from the words around it.

    ``before`` is the text right before the opening quote (of the whole group of
    joined quotes), ``after`` the text right after the closing quote (of the group).
    ``short`` holds the scheme's shared short forms (“一件事”), programmes when quoted.

    >>> judge("放管服", "深入推进", "改革，进一步", TermMatcher({})).cue
    '改革'
    >>> judge("最后一公里", "打通", "，", TermMatcher({})).label is None
    True
    """
    r = _rules()
    # The context words are simplified (創新“專職管家” is 创新…); offsets stay those of the text.
    before, after = _simple(before), _simple(after)
    # “大综合一体化”综合行政执法改革, “1+3+X”学法清单: a head noun right after the quote
    # makes the quote with it a programme's name, even when the quote alone reads as a
    # descriptor or a formula.
    joined = _name_head(after)
    refusal = r.refusals.get(term) or r.refusals.get(fold(term))
    if refusal:
        if refusal == "metaphor" and term.endswith(DESCRIPTOR_ENDS) and _names_own_practice(joined):
            # “一站式”办案模式: a refused descriptor is read as any descriptor is, so with
            # a practice's own noun and kind word after it, it names that practice.
            return Verdict(term + joined, cue=joined, reason="named head", end=len(joined))
        return Verdict(None, reason="not-initiative")  # “最后一公里”工程: a bare kind word
    if _HEADLINE.search(term):
        return Verdict(None, reason="speech")  # “绍兴创新监管服务模式 护航平台经济发展”: a headline
    if r.honour_before.search(before) or term.endswith(r.honour_end):
        return Verdict(None, reason="honour")
    if _title_won(before) and not re.match(r"[\u4e00-\u9fff]", after):
        # 被评为省级“民主法治示范村(社区)”,: the quote is the whole title won (but in 评为全省
        # 第二批“信用交通市”创建典型单位 the programme is named inside the title)
        return Verdict(None, reason="honour")
    if r.speech_before.search(before):
        return Verdict(None, reason="speech")
    verb = r.adopt.match(term)
    if verb and len(term) - verb.end() >= CLAUSE_OBJECT:
        # “实行法治建设年度报告制度”, “推进法治中国建设”: a verb with its object is a task
        # quoted from a document, not a name (“创新办”, “落实年” are names).
        return Verdict(None, reason="speech")
    if r.doctrine_before.search(before):
        return Verdict(None, reason="doctrine")  # 习近平法治思想“七进”: the doctrine's own campaign
    if any(d in fold(term) for d in r.doctrines):
        return Verdict(None, reason="doctrine")  # “学习习近平法治思想”主题征文: studying a doctrine
    label, extra = _known_label(term, after, known)
    if label and r.body_after.match(_BODY_WORDS.sub("", after[extra:], count=1)):
        # “七五”普法工作领导小组: a body named after the programme, not the programme
        return Verdict(None, reason="body")
    if label:
        # “一件事一次办”改革, “谁执法谁普法”责任制: a head noun the scheme writes with the
        # name is part of the span; one it does not (“一网通办”改革, “好差评”制度,
        # “接诉即办”工作机制) says what kind of thing the programme is and stays outside.
        head = _name_head(after[extra:]) if extra == 0 else ""
        if head and (term + head in known or fold(term + head) in known):
            return Verdict(term + head, reason="known", end=len(head))
        if head in r.known_heads:
            return Verdict(label, reason="known", end=len(head))  # “免申即享”模式
        return Verdict(label, reason="known", end=extra)
    if fold(term) in short:
        return Verdict(term, reason="known")  # “一件事”改革: read by the report's year
    if fold(term) in r.shared:
        # “无证明城市”应用成效: a programme many places run, each as its own brand.
        return Verdict(term, reason="shared")
    if any(w in fold(term) for w in r.honour_words):
        # “寻找最美法治工作者”, “优秀改革案例”: an honour, or the search for one, is no
        # programme (annotation guide: honours and awards, rankings).
        return Verdict(None, reason="honour")
    if fold(term).endswith(r.doctrine_end):
        # “十大战略”, “红船精神”, “两山理念”: a strategy, a spirit or an idea is what a
        # doctrine is made of, not a programme of governance (annotation guide).
        return Verdict(None, reason="doctrine")
    if r.reject_after.match(after):
        return Verdict(None, reason="principle")
    if any(w in _SECTOR_CLAUSE.split(after, maxsplit=1)[0] for w in r.sectors):
        # “上龙盘村晚”等文艺演出活动, “四园一港”产业作战单元: culture and industry are
        # sectors, not governance (annotation guide: an initiative's scope).
        return Verdict(None, reason="sector")
    if _names_body(after) or fold(term).endswith(r.body_heads):
        # “蒲公英”普法志愿者中队, “律师在线”栏目, “多元调解服务中心”: the quote names a body
        # of people or an outlet (annotation guide: a 中队 is a body, an institution), not a
        # practice.
        return Verdict(None, reason="body")
    if _NOT_WORDY.fullmatch(term):
        # “721”工作法, “19365”政务服务改革 are names; “1+1>2”, “7×24小时” are not.
        named = re.match(NUMBERED_KINDS, after)
        head = named.group() if named else _name_head(after)
        if not head:
            return Verdict(None, reason="not-initiative")
        return Verdict(term + head, cue=head, reason="numbered", end=len(head))
    tags = tag(term)
    cue, strong = _cue_after(after)
    if not strong and (brand := r.brand_after.match(after)):
        # “西兴青年说”理论宣讲特色品牌: what the brand does may stand between name and 品牌.
        cue, strong = brand.group()[-2:], True
    own = next((c for c in r.strong if term.endswith(c) and len(term) > len(c)), None)
    # “同城通办”, “县乡联办”, “法治南宁讲堂”: the ending says what kind of programme it is,
    # also before a motto joined by a middle dot (“法治讲堂·逢九必讲”).
    parts = [p for p in _MIDDLE_DOT.split(fold(term)) if p]
    own = own or next((e for e in r.name_ends for p in parts if p.endswith(e) and p != e), None)
    # “一站式”, “菜单化” describe a manner; “河东模式” ends in 式 as its kind word does.
    descriptor = not own and (
        (len(tags) == 1 and tags[0][1] in DESCRIPTOR_FLAGS) or term.endswith(DESCRIPTOR_ENDS)
    )
    if _FORMULA.match(term) and not (strong or own or joined):
        # “两个毫不动摇”, “三个务必”, “四个一律”: a count of points is how doctrines and
        # slogans are written (annotation guide: 四个全面, 两个确立); a programme so named
        # carries its kind word (“三个年”活动, “五个一”工程).
        return Verdict(None, cue=cue, reason="formula")
    if descriptor and not strong and not joined:
        return Verdict(None, reason="descriptor")  # “一站式”, “菜单化”
    # A name head (学法清单, 服务体系) is as strong a sign as a kind word ending the term.
    score = 2 if strong or own or joined else (1 if cue else 0)
    score += 1 if r.before.search(before) else 0
    # 持续开展“局科长走流程”，…; 落实“全国一张清单”，…: a quote that is the whole object of
    # a verb of carrying out (a break follows) names a practice; what is built (打造“…”,
    # 建立“…”: bodies, platforms, brands) or reached (实现“率先突破”) needs more.
    alone = _ALONE_AFTER.match(after) and _PLAIN_NAME.fullmatch(term)
    score += 1 if alone and r.practice_before.search(before) else 0
    numbered = tags[0][1] in NUMERAL_FLAGS or term[0] in "一二两三四五六七八九十百千"
    score += 1 if numbered and len(term) <= NUMBERED_MAX else 0
    # 柔性执法, 三调联动 end in an action; “说事解题”, “普法强基补短板” hold one of two
    # characters or more: names of a way of working.
    acts = term.endswith(r.action_heads) or any(h in term for h in r.action_heads if len(h) > 1)
    score += 1 if acts else 0
    # “苏企通”入选典型示范案例, “双责任主体”整改做法获评…: what is rated or selected is a
    # practice of its place (a title won is refused above: 评为“…”, …先进县).
    score += 2 if r.honoured_after.match(after) else 0
    # “××”4个: a programme's sites counted right after its name, after an adoption verb.
    score += 1 if r.before.search(before) and COUNTED_AFTER.match(after) else 0
    if _LIST_SEP.search(term) and not strong:
        score -= 2  # “谁决策，谁负责”, “自主评价、一事一评”: slogans
    if _MATHS.search(term) and not (strong or joined):
        score -= 1  # “网络+阵地+新媒体”, “1+N” (but “6+N”模式 is a name)
    if score < 2:
        return Verdict(None, cue=cue, reason=f"score {score}")
    if joined:
        return Verdict(term + joined, cue=cue or own, reason=f"score {score}", end=len(joined))
    return Verdict(term, cue=cue or own, reason=f"score {score}")


@dataclass(frozen=True)
class _Judged:
    quote: _Quote
    before: str  # the text before the quote's group
    single: bool  # the quote stands alone, not in a group of joined quotes
    verdict: Verdict


def _judged_quotes(
    text: str, titles: list[tuple[int, int]], known: TermMatcher, short: frozenset[str]
) -> list[_Judged]:
    """Every quote outside a title, in order, with the verdict its context gives it."""
    out: list[_Judged] = []
    for group in _groups(text, _quotes(text)):
        if _covered(titles, group[0].start, group[-1].end):
            continue  # 《关于深入开展“三重四创五优化”活动的通知》: part of a title
        before = text[max(0, group[0].start - _BEFORE) : group[0].start]
        group_after = text[group[-1].end : group[-1].end + _AFTER]
        for i, q in enumerate(group):
            # A group's last member sees the kind word; the others see it through the group.
            after = group_after if i == len(group) - 1 else text[q.end : q.end + _AFTER]
            verdict = judge(q.term, before, after, known, short)
            if verdict.label and _doctrine_campaign(q.term, text, group[0].start):
                verdict = Verdict(None, reason="doctrine")
            if len(group) > 1 and verdict.end and verdict.reason != "known":
                # “林长+检察长”“河(湖)长+检察长”协作机制, “法治明白人”“法治帮扶”工程: a head
                # noun after a group of quotes is shared by all, so each name is its quote.
                verdict = Verdict(q.term, verdict.cue, verdict.reason)
            if verdict.label is None and after is not group_after:
                verdict = judge(q.term, before, group_after, known, short)
                # The group's head noun is shared: this member's name is its own quote.
                label = verdict.label if verdict.reason == "known" else q.term
                verdict = Verdict(label if verdict.label else None, verdict.cue, verdict.reason)
            out.append(_Judged(q, before, len(group) == 1, verdict))
    return out


# “七进”, “八进”: a campaign named by the count of places a message enters.
_ENTERS_COUNTED = re.compile(r"[一二三四五六七八九十]+进")
_CLAUSE_START = re.compile(r".*[，。；！？,;!?\n]", re.DOTALL)
CLAUSE_BACK = 40  # characters searched back for the start of a quote's clause


def _doctrine_campaign(term: str, text: str, start: int) -> bool:
    """Whether a quoted count of 进 is the campaign of a doctrine named earlier in its clause.

    扎实开展习近平法治思想进机关、进学校等“七进”宣传活动: the doctrine and the places
    it enters come first, its count last; studying a doctrine is no programme of
    governance (annotation guide), as 习近平法治思想“八进” right after it is not.
    """
    if not _ENTERS_COUNTED.fullmatch(fold(term)):
        return False
    back = text[max(0, start - CLAUSE_BACK) : start]
    clause = back[m.end() :] if (m := _CLAUSE_START.match(back)) else back
    return any(d in fold(clause) for d in _rules().doctrine_words)


def _repeated_names(judged: list[_Judged]) -> list[tuple[_Quote, str, bool, Verdict]]:
    """The judged quotes, where a name the report once calls a programme is one everywhere.

    “清新上犹”营商环境 … 召开“清新上犹”政企圆桌会: a report names its brand once with
    the signs of a programme and then by its bare quote; each occurrence is the
    programme (annotators mark every occurrence). Only a quote refused for want
    of signs (its score) is taken up; a refusal for what it is (doctrine, honour,
    speech, body) stands.
    """
    names: dict[str, str] = {}
    for j in judged:
        label = j.verdict.label
        if label and j.verdict.reason != "known" and label.startswith(j.quote.term):
            names.setdefault(j.quote.term, label)  # “双报告”制度 … “双报告”: 双报告制度
    out = []
    for j in judged:
        verdict = j.verdict
        name = names.get(j.quote.term)
        if name and verdict.label is None and verdict.reason.startswith("score"):
            verdict = Verdict(name, verdict.cue, "repeated")
        out.append((j.quote, j.before, j.single, verdict))
    return out


# Words ending a quoted name that say what was done with it, not part of the name
# (annotation guide: 活动, 主题活动 …; a name ending in 行动 keeps it).
DONE_WITH = ("主题活动", "系列活动", "专项活动", "活动")
DONE_NAME_MIN = 2  # characters left of the name without the ending


def _done_with(term: str) -> str:
    """The ending of a quoted ``term`` that says what was done with the name (活动), or ""."""
    done = next((d for d in DONE_WITH if term.endswith(d)), "")
    return done if len(term) - len(done) >= DONE_NAME_MIN else ""


def _simple(text: str) -> str:
    """``text`` in simplified characters when that keeps its length."""
    simple = fold(text)
    return simple if len(simple) == len(text) else text


def _names_body(after: str) -> bool:
    """Whether the words right after a closing quote end in a body's or an outlet's noun."""
    r = _rules()
    clause = re.split(r"[，。；、：！？,;:\s“”\"‘’「」（(的等和]", after, maxsplit=1)[0]
    joined = ""
    for word, _ in tag(clause)[:HEAD_WORDS] if clause else ():
        if r.adopt.fullmatch(word):
            return False
        joined += word
        if fold(joined).endswith(r.body_heads):
            return True
    return False


def _names_own_practice(head: str) -> bool:
    """Whether a head joined to a quote holds a noun of its own before its kind word.

    办案模式, 生态观察员制度 say what the practice does; a bare kind word (工程,
    机制) only says what sort of thing the quoted phrase is.
    """
    kinds = _rules().name_heads
    return bool(head) and not any(fold(head) == k for k in kinds) and len(head) >= NAMED_HEAD_MIN


def _name_head(after: str) -> str:
    """The words after a closing quote up to the head noun of the name, or "".

    “短视频”述法模式, “三位一体”审查机制, “两山”生态观察员制度, “一业一证”改革: a
    programme's name ends at its own head noun (``name_head``), a few words
    after the quote at most, with no adoption verb in between. Words that say
    what the report did with the name (活动, 行动, 专项整治, 规划 …) are no
    head nouns, so “作风建设年”主题活动 stays 作风建设年.
    """
    r = _rules()
    clause = re.split(r"[，。；、：！？,;:\s“”\"‘’「」（(的等和与及]", after, maxsplit=1)[0]
    joined, head = "", ""
    for word, _ in tag(clause)[:HEAD_WORDS] if clause else ():
        if r.adopt.fullmatch(word):
            break  # “一企一策”推进国企改革: a new clause, not the name's head
        joined += word
        if fold(joined).endswith(r.name_heads):  # “誰執法誰普法”責任制
            head = joined  # “一规八制”制度体系: the longest run of head nouns
        elif head:
            break
    if fold(head).endswith(r.name_heads_not):
        return ""  # “一事通办”事项清单: a list of what the programme covers, not its name
    return head


def extract_initiatives(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Quoted initiatives (known or judged by their context) and unquoted known ones."""
    known = lexicons.initiative_terms
    short = lexicons.initiative_short_forms
    text = doc.text
    found: list[Mention] = []
    quoted_spans: list[tuple[int, int]] = []
    titles = _title_spans(text)
    refused = _rules().not_initiatives
    judged = _judged_quotes(text, titles, known, short)
    for q, before, single, verdict in _repeated_names(judged):
        quoted_spans.append((q.start, q.end))
        parts = _known_parts(q.term, known)
        if verdict.label is None and not parts:
            continue
        # “三证合一、一照一码”工商登记制度改革: a kind word after a list of programmes that are
        # all known and all different does not make the list one name (but the three parts
        # of “谁执法谁普法、谁主管谁普法、谁服务谁普法”责任制 are one programme).
        concepts = {known.value(t) if t in known else t for _, _, t in parts}
        every = len(parts) == len(_PART_SEP.split(q.term)) == len(concepts)
        whole = len(parts) == len(_PART_SEP.split(q.term)) and len(concepts) == 1
        if whole and verdict.label:
            # …the quote and its kind word are that programme's one mention, by its name
            verdict, parts = replace(verdict, label=parts[0][2], reason="known"), []
        if parts and (verdict.end == 0 or every):
            # “多证合一、一照一码”: one mention per programme named in the quote.
            for offset, part, term in parts:
                start = q.start + 1 + offset
                facts = attrs(term=term, quoted="1", known="1")
                found.append(
                    make_mention("initiative", text, start, start + len(part), sentences, facts)
                )
            continue
        start, label = q.start, verdict.label
        written = before.rstrip(" \u3000")  # 行政执法 “三项制度”: a page's space before the quote
        gap = len(before) - len(written)
        prefix = next((p for p in _rules().name_prefixes if written.endswith(p)), "")
        if prefix and single and verdict.end == 0:
            # 行政执法“三项制度”, 法治政府建设“六大工程”: the domain is part of the name;
            # a quote with its own head noun is a whole name without it
            # (法治政府建设“双报告”制度, 行政执法“大综合一体化”改革).
            start, label = q.start - len(prefix) - gap, prefix + label
        facts = attrs(
            term=label,
            quoted="1",
            cue=verdict.cue,
            known="1" if verdict.reason == "known" or label in known else "0",
        )
        end = q.end + verdict.end
        done = _done_with(label) if verdict.reason != "known" and label == q.term else ""
        if done and start == q.start:
            # “宪法十进活动”: what was done with the name (活动) is outside its span
            # (annotation guide), so the name stops inside the quotation marks.
            label = label[: -len(done)]
            start, end = q.start + 1, q.start + 1 + len(label)
            facts = attrs(term=label, quoted="1", cue=verdict.cue, known="0")
        if start == q.start and end == q.end:
            # “枫桥经验” -> 枫桥经验: quotation marks wrapping the whole name are outside
            # its span; inner ones (“放管服”改革, 新时代“枫桥经验”) stay (annotation guide).
            start, end = q.start + 1, q.end - 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        found.append(make_mention("initiative", text, start, end, sentences, facts))
        # “谁服务谁普法”普法责任制: the head noun joined to the quote is no second
        # mention (spans do not nest).
        quoted_spans[-1] = (min(start, q.start), max(end, q.end))
    quoted_spans.sort()
    names = [
        make_mention("initiative", text, start, end, sentences, _name_facts(name, known))
        for start, end, name in _unquoted_names(text)
        if not _overlaps(quoted_spans, start, end)
        and not _covered(titles, start, end)
        and name not in refused
    ]
    named = [(m.start, m.end) for m in names]
    kept: list[tuple[int, int]] = []
    # Programmes many places run as their own brands are found as the scheme's are, and
    # resolved as local ones (法治为民办实事@上海市人民政府).
    shared = {(s, e) for s, e, _ in _find_known(_rules().shared, text)}
    hits = sorted(_find_known(known, text) + _mergers(text) + _find_known(_rules().shared, text))
    for start, end, surface in hits:
        local = (start, end) in shared
        # A known name inside a longer programme name (法律明白人 in 法律明白人培养工程)
        # is that programme.
        if _overlaps(quoted_spans, start, end) or _within_longer(named, start, end):
            continue
        if _covered(titles, start, end):
            continue  # a title names a document, not the programme
        if _rules().body_after.match(text, end):
            continue  # 法治政府建设示范创建工作领导小组: a body's name, not the programme
        if _PERSONS_COUNTED.search(text, max(0, start - _BEFORE), start):
            continue  # 一万名村居法律明白人: people counted, the programme's members
        if _title_won(text[max(0, start - _BEFORE) : start]):
            continue  # 被评为全国民主法治示范村: a title won, an honour (annotation guide)
        if surface.endswith(DAY) and _rules().date_after.match(text, end):
            continue  # 在第十个国家宪法日之际: the day is a date here, not the programme
        # 全国法治政府建设示范创建, 新时代枫桥经验: a level or era before a national name is
        # no part of it (annotation guide).
        # The modifier's span stays claimed, so that a name found after an adoption verb
        # with it (推进全国法治政府建设示范创建) is this one and no second mention.
        kept.append((start, end))
        modifier = _MODIFIER.match(surface)
        if modifier and fold(surface[modifier.end() :]) in known:
            start, surface = start + modifier.end(), surface[modifier.end() :]
        # 容缺受理机制: the name's own kind word is in its span, not in its label.
        end += next((len(h) for h in _rules().known_heads if text.startswith(h, end)), 0)
        term = MERGER if _COUNTED_MERGER.fullmatch(surface) else surface
        facts = attrs(term=term, quoted="0", known="0" if local else "1")
        found.append(make_mention("initiative", text, start, end, sentences, facts))
    # A name a known one covers (行政执法三项制度 after 落实) is that known name.
    found.extend(m for m in names if not _covered(kept, m.start, m.end))
    found.sort(key=lambda m: (m.start, m.end))
    return _full_names(_one_per_name(found, text, known, sentences))


# Marks that wrap a name inside a longer one (“服务包”制度, 公共法律服务“大篷车”).
_WRAPS = (("“", "”"), ('"', '"'), ("‘", "’"), ("「", "」"))


def _full_names(found: list[Mention]) -> list[Mention]:
    """Mentions where a local name written bare is labelled with its full form in the report.

    “服务包”制度 … “服务包”企业, “大篷车”活动 … 公共法律服务“大篷车”: a report names its
    own brand once with its head noun or domain and elsewhere by the quote alone;
    both are the one programme, under its full name (annotation guide: one label,
    the name with its head noun). Only a single full form is taken: a quote written
    with two different ones is left as it is.
    """
    local = [m for m in found if m.attr("known") == "0"]
    out = []
    for m in found:
        term = m.attr("term")
        fuller = (
            {
                n.attr("term")
                for n in local
                if n.attr("term") != term and any(o + term + c in n.surface for o, c in _WRAPS)
            }
            if term and m.attr("known") == "0" and m.attr("quoted") == "1" and m.surface == term
            else set()
        )
        if len(fuller) == 1:
            (name,) = fuller
            m = replace(m, attrs=tuple(sorted({**dict(m.attrs), "term": name}.items())))
        out.append(m)
    return out


# Levels and batches between an honour's verb and the title it names (获评第二批全国…).
_TITLE_LEVEL = re.compile(
    r"(?:全国|全省|全市|全区|全县|省级|市级|县级|国家级|第[\d一二三四五六七八九十]+批|首批)*$"
)


# The words between a programme's name and the body named after it (…普法工作领导小组).
_BODY_WORDS = re.compile(r"^(?:普法|依法治理|创建|建设|改革)")


def _title_won(before: str) -> bool:
    """Whether an unquoted known name right after ``before`` is a title won, not the programme.

    被评为全国民主法治示范村, 获评省级…: the name after a verb of rating names the
    title, an honour (annotation guide), as 评为“…” does for a quoted one.
    """
    level = _TITLE_LEVEL.search(before)
    head = before[: level.start()] if level else before
    return bool(_rules().honour_before.search(head))


def _mergers(text: str) -> list[tuple[int, int, str]]:
    """Unquoted counts of merged licences (35证合一, 五证合一): each is 多证合一."""
    return [(m.start(), m.end(), m.group()) for m in _COUNTED_MERGER.finditer(text)]


def _concept(term: str, known: TermMatcher) -> str | None:
    """The scheme concept a known ``term`` names (its IRI), or None."""
    for candidate in (term, fold(term)):
        if candidate in known:
            return known.value(candidate)
    return None


# Marks that may stand between two names of one programme: the closing quote of the first.
_CLOSING = '”"’」'


def _one_per_name(
    found: list[Mention], text: str, known: TermMatcher, sentences: Sentences
) -> list[Mention]:
    """Mentions where two names of one programme written side by side are one.

    谁执法谁普法、谁管理谁普法、谁服务谁普法普法责任制: the three-part name and the
    name 普法责任制 after it name one programme, whose name ends at its own kind
    word (annotation guide), so they are one mention, as “谁服务谁普法”普法责任制 is.
    """
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        gap = text[prev.end : m.start] if prev else ""
        same = (
            prev is not None
            and prev.start < m.start
            and all(c in _CLOSING for c in gap)
            and len(gap) <= 1
            and _concept(prev.attr("term") or prev.surface, known) is not None
            and _concept(prev.attr("term") or prev.surface, known)
            == _concept(m.attr("term") or m.surface, known)
        )
        if not same or prev is None:
            out.append(m)
            continue
        start = prev.start
        if gap and start > 0 and text[start - 1] in '“"‘「':
            start -= 1  # the name's own quotation marks are inside the longer span
        out[-1] = make_mention("initiative", text, start, m.end, sentences, prev.attrs)
    return out


# Frequent characters that only traditional script writes (國 會 關 區 縣 …).
_TRADITIONAL = re.compile("[國會關區縣實發為體從這們與機產護讓規劃務過權責變條設證號屬辦開執審議]")


def _find_known(known: TermMatcher, text: str) -> list[tuple[int, int, str]]:
    """Known names in ``text``, also when it is written in traditional characters (告知承諾制).

    The scheme's labels are simplified; a traditional text is matched through its
    simplified form, which has the same length, so offsets stay those of the text.
    """
    hits = list(known.find(text))
    if not _TRADITIONAL.search(text):
        return hits  # folding costs ~3 µs a character: only for texts that need it
    folded = fold(text)
    if folded != text and len(folded) == len(text):
        seen = {(s, e) for s, e, _ in hits}
        hits += [(s, e, text[s:e]) for s, e, _ in known.find(folded) if (s, e) not in seen]
        hits.sort()
    return hits


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Where document titles 《…》 are, in order (nested titles lie inside the outer one)."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in re.finditer(r"[《》]", text):
        if m.group() == "《":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            if not stack and m.end() - start <= 122:
                spans.append((start, m.end()))
        if len(stack) > 3:
            stack.clear()  # stray marks
    return spans


def _known_parts(term: str, known: TermMatcher) -> list[tuple[int, str, str]]:
    """The known programmes a quoted list names: (offset, surface, term).

    “多证合一、一照一码” is two programmes; 双随机、一公开 is one name of its own. In
    “一窗受理，互联互通，信息共享” only the first item is a programme: the others
    say what it achieves, and the list as a whole is a slogan.
    """
    if term in known or not _PART_SEP.search(term):
        return []
    parts, offset = [], 0
    for piece in _PART_SEP.split(term):
        if piece in known:
            parts.append((offset, piece, piece))
        elif _COUNTED_MERGER.fullmatch(piece):
            parts.append((offset, piece, MERGER))  # “三证合一、一照一码”
        offset += len(piece) + 1
    return parts


def _name_facts(name: str, known: TermMatcher) -> Attrs:
    return attrs(term=name, quoted="0", known="1" if name in known else "0")


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans`` (in order, not overlapping)."""
    i = bisect.bisect_right(spans, (start, end))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 2) : i])


def _within_longer(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (in order) without covering it."""
    i = bisect.bisect_left(spans, (end, end))
    near = spans[max(0, i - 2) : i]
    return any(s < end and start < e and not (start <= s and e <= end) for s, e in near)


# An unquoted name ends at the first break or function word (严格执法与柔性执法相结合).
_NAME_STOP = re.compile(r"[，。；、：！？,;:\s“”\"‘’「」《》（()）的和与及等并]")
NAME_MAX = 14  # characters of an unquoted name (相对集中行政许可权改革 has 11)
NAME_MIN_MODIFIER = 3  # 机构改革, 民生工程 are kinds, not names


def _unquoted_names(text: str) -> list[tuple[int, int, str]]:
    """Programme names right after an adoption verb: (start, end, name).

    深化相对集中行政许可权改革, 推广非现场执法, 实施农村法律明白人培养工程:
    the words after the verb, up to a kind word (``initiative_heads.tsv``), name
    a programme unless they are generic (``initiative_generic.txt``). Linear: one
    scan for the verbs, then a few characters tagged after each.
    """
    r = _rules()
    out: list[tuple[int, int, str]] = []
    for m in r.adopt.finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # 实施 in 规范性文件实施情况评估制度 is inside a name already found
        clause = _NAME_STOP.split(text[m.end() : m.end() + NAME_MAX + 2], maxsplit=1)[0]
        scope = r.scopes.match(clause)
        skip = scope.end() if scope else 0
        name = _programme_name(clause[skip:])
        if name:
            start = m.end() + skip
            out.append((start, start + len(name), name))
    return out


def _programme_name(clause: str) -> str:
    """The leading words of ``clause`` up to a kind word, when they name a programme."""
    r = _rules()
    if not clause or re.search(r"\d", clause):
        return ""
    words = tag(clause)
    if words[0][0] in r.not_first or r.adopt.fullmatch(words[0][0]):
        return ""
    name = ""
    for word, _ in words:
        name += word
        if len(name) > NAME_MAX:
            return ""
        head = next((h for h in sorted(r.heads, key=len, reverse=True) if name.endswith(h)), None)
        if head is None:
            continue
        modifier = name[: -len(head)]
        if r.heads[head] == "manner":
            # 非现场执法 ends here; 行政执法 may go on (行政执法体制改革).
            if len(modifier) >= 2 and r.manner.search(modifier):
                return name
            continue
        if modifier in r.generic or len(modifier) < NAME_MIN_MODIFIER:
            return ""
        if _refused_modifier(modifier):
            return ""  # 实施领头雁工程, 实施美丽乡村建设工程: a metaphor or strategy, not a name
        if modifier.endswith(r.described):
            return ""  # 打造重大合同管理新模式: a new way described, not a name
        if r.heads[head] == "domain" and not any(d in modifier for d in r.domains):
            return ""  # 医药卫生体制改革, 盐业管理体制改革: a sector's reform, not governance
        return name
    return ""


def _refused_modifier(modifier: str) -> bool:
    """Whether the words before an unquoted name's kind word are a term the scheme refuses.

    “最后一公里”工程 and “头雁”工程 are refused when quoted; written without the
    marks (实施领头雁工程, 推进高质量发展模式) they are the same metaphor or strategy
    with a bare kind word, and a doctrine inside the name (习近平法治思想宣传工程)
    makes it the doctrine's own campaign (annotation guide).
    """
    r = _rules()
    folded = fold(modifier)
    return (
        modifier in r.not_initiatives
        or folded in r.not_initiatives
        or any(d in folded for d in r.doctrines)
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i])
