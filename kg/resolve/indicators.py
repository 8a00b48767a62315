"""Indicators -> indicator concepts (what a number counts), comparable across reports.

The object and verb an extractor read around a number (行政复议案件 + 受理) are
matched against the concepts of ``kg/data/indicators.tsv``, so 受理行政复议案件215件
in one report and 收到行政复议申请12起 in another are one indicator. A number
no concept matches gets a concept of its own, keyed by its normalised object,
verb and dimension, so identical phrasings still meet across reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kg.extract.indicators import TIMES, verb_manners
from kg.extract.lexicons import data_lines, data_table
from kg.model import Entity, Mention, attrs
from kg.revision_notes import fold
from kg.vocab import indicator_iri

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext

# Modifiers that do not change what is counted (各类纠纷 = 纠纷).
_MODIFIERS = re.compile(
    r"^(?:各类|各种|各项|各级|各|相关|有关|全部|所有|其他|其它|新|依法"
    r"|[省市县区镇乡]级|全[省市县区镇乡]|本级|本[省市县区镇乡])+"
)
# A short aside in brackets (示范村（社区）, 示范地区（单位）, 法治讲座（培训、报告会）) and
# quotes name no other quantity; a rate read with its verb (通过率达) is still the rate.
_ASIDES = re.compile(r"[（(][^（）()]{1,10}[）)]|[“”‘’\"「」]")
_RATE_VERB = re.compile(r"(率)(?:达到|达|为|是)$")
# The size of a thing is a count of it (行政审批事项数量, 好差评评价数, 办件总量): the word
# that says "number of" adds no other quantity.
_SIZE_OF = re.compile(r"(?<=[\u4e00-\u9fff]{2})的?(?:总数|数量|总量|数|量)$")


_NEGATED = ("不予", "不", "未", "没有")


@dataclass(frozen=True)
class ConceptRule:
    """One row of ``indicators.tsv``: an object pattern and the verbs it takes."""

    object: re.Pattern[str]
    verb: re.Pattern[str] | None  # None: any verb
    verbless: bool  # only numbers without a verb

    def matches(self, obj: str, verb: str) -> bool:
        """Whether a number counting ``obj`` by ``verb`` fits this row."""
        if not self.object.search(obj or verb):
            return False
        if self.verbless:
            return not verb
        if self.verb is not None and verb.startswith(_NEGATED) and not self.verb.match(verb):
            return False  # 不予受理 is no 受理: a negated act is another measure
        return self.verb is None or bool(self.verb.search(verb))


@dataclass(frozen=True)
class IndicatorConcept:
    """One concept of ``indicators.tsv``: the rows that share its key, in file order."""

    key: str
    label: str
    dimension: str
    counts: str  # "times" (meetings, sessions held), "items" (cases, documents), "" either
    rules: tuple[ConceptRule, ...]

    def matches(
        self,
        obj: str,
        verb: str,
        dimension: str,
        which: Callable[[ConceptRule], bool] = bool,
        unit: str = "",
    ) -> bool:
        """Whether a number counting ``obj`` by ``verb`` in ``dimension`` and ``unit`` is
        this indicator (by one of its rows that ``which`` admits). Times an act happened
        (4次, 3场) and things it produced (25项, 12件) are never one indicator."""
        if dimension != self.dimension:
            return False
        if self.counts and unit and self.counts != ("times" if unit in TIMES else "items"):
            return False
        return any(r.matches(obj, verb) for r in self.rules if which(r))


@cache
def indicator_concepts() -> tuple[IndicatorConcept, ...]:
    """The shipped indicator concepts, in the order their key first appears (first match
    wins); a concept read in several phrasings has several rows under one key."""
    rows: dict[str, tuple[str, str, str, list[ConceptRule]]] = {}
    for row in data_table("indicators.tsv"):
        verb = (row.get("verb") or "").strip()
        rule = ConceptRule(
            object=re.compile(row["object"]),
            verb=re.compile(verb) if verb and verb != "-" else None,
            verbless=verb == "-",
        )
        shape = (row["label"], row["dimension"].strip(), (row.get("counts") or "").strip())
        entry = rows.setdefault(row["key"], (*shape, []))
        if entry[:3] != shape:
            raise ValueError(f"indicators.tsv: {row['key']} has rows of two shapes")
        entry[3].append(rule)
    return tuple(IndicatorConcept(k, lb, d, c, tuple(rs)) for k, (lb, d, c, rs) in rows.items())


@cache
def _changed_to() -> re.Pattern[str]:
    """A verb that brings a stock to a new level, as written before the number (压减至)."""
    verbs = "|".join(map(re.escape, data_lines("indicator_change_verbs.txt")))
    return re.compile(f"^(?:{verbs})[至到]$")


@cache
def _changed_by() -> re.Pattern[str]:
    """A verb of change (增长, 下降, 压缩 …) as an action."""
    verbs = "|".join(map(re.escape, data_lines("indicator_change_verbs.txt")))
    return re.compile(f"^(?:{verbs})$")


@cache
def _verbs_by_length() -> tuple[str, ...]:
    return tuple(
        sorted((v for v in data_lines("indicator_verbs.txt") if len(v) > 1), key=len)[::-1]
    )


# Verbs that frame an act rather than do it (召开 a meeting that studied…, 接受 filings,
# 完成 reviews): what the number measures is the act inside their object.
_FRAME_VERBS = frozenset(
    (
        "召开",
        "组织召开",
        "主持召开",
        "开展",
        "组织开展",
        "组织",
        "完成",
        "接受",
        "进行",
        "举行",
        "报送",  # 报送市政府备案规范性文件: the filing is the measure
    )
)


def _inner_acts(obj: str) -> list[tuple[str, str]]:
    """The counting verbs inside ``obj`` with the words after each, last first
    (党委会专题研究法治建设 -> [(研究, 法治建设)]); only verbs with two characters or more
    after them, since a verb ending the object is read elsewhere."""
    found: dict[int, str] = {}
    for v in _verbs_by_length():  # longest first: 专题研究 before 研究
        at = obj.find(v, 1)
        while at > 0:
            inside_longer = any(a <= at < a + len(w) for a, w in found.items())
            if len(obj) - at - len(v) >= 2 and not inside_longer:
                found[at] = v
            at = obj.find(v, at + 1)
    return [(found[at], obj[at + len(found[at]) :]) for at in sorted(found, reverse=True)]


# Items of a list of nouns: 、 between words, or 及/和/与 joining two nouns of two characters
# or more (规范性文件和合同, not 党政机关 or 县(市、区), whose asides are dropped before).
_LIST = re.compile(r"[\u4e00-\u9fff]{2}[、及和与][\u4e00-\u9fff]{2}")


# Whose things a list names, not what they are (区政府及部门规范性文件 are 规范性文件).
_OWNER = re.compile(r"[省市县区镇乡]?(?:政府|党委|人大|部门|单位|机关|街道|乡镇)")


def _any_object(rule: ConceptRule) -> bool:
    return rule.object.pattern == "."


def _with_verb(rule: ConceptRule) -> bool:
    return rule.verb is not None


def _any_verb(rule: ConceptRule) -> bool:
    """A row that counts its object whatever was done to it (not the any-object rows)."""
    return rule.verb is None and not rule.verbless and rule.object.pattern != "."


def _activity(concept: IndicatorConcept) -> bool:
    """Whether an act read with its object (学习二十大精神) may name this concept: an
    activity or a stock, not a count of things (信访事项 is no 单位 + 信访)."""
    return concept.counts != "items"


def matching_concept(
    obj: str, verb: str, dimension: str, unit: str = ""
) -> IndicatorConcept | None:
    """The first concept a number matches: on its object and verb, else on an object that
    ends in its own action (规范性文件备案 -> 规范性文件 + 备案, 镇村合同审查 -> 合同 审查),
    else on object and act read together (二十大精神 学习 -> 专题学习).

    A list of unlike things (重大行政决策、规范性文件及镇村合同) is no one of them: a
    concept that counts things matches a list only when each item of it does; else only
    the concepts that count an act whatever its object (合法性审查) do. A list of events
    (专题讲座、培训班) is events all the same.
    """
    concept = _first_concept(obj, verb, dimension, unit)
    if concept is None or concept.counts != "items" or not _LIST.search(obj):
        return concept
    parts = re.split(r"[、及和与]", obj.rstrip("等"))
    items = [i for i in parts if len(i) > 2 and not _OWNER.fullmatch(i)]
    if all(concept.matches(i, verb, dimension, unit=unit) for i in items):
        return concept
    return next(
        (c for c in indicator_concepts() if c.matches(obj, verb, dimension, _any_object, unit)),
        None,
    )


def _first_concept(obj: str, verb: str, dimension: str, unit: str) -> IndicatorConcept | None:
    for concept in indicator_concepts():
        if concept.matches(obj, verb, dimension, unit=unit):
            return concept
    tail = next((v for v in _verbs_by_length() if obj.endswith(v) and len(obj) > len(v)), "")
    if tail:
        stem = obj[: -len(tail)]
        for concept in indicator_concepts():
            if concept.matches(stem, tail, dimension, unit=unit):
                return concept
    # 召开党委会专题研究法治建设4次, 接受区属部门备案行政规范性文件12件: the frame verb
    # (召开, 接受) holds a clause whose own act and object are the measure.
    for inner_verb, inner_obj in _inner_acts(obj) if not verb or verb in _FRAME_VERBS else ():
        for concept in indicator_concepts():
            if concept.matches(inner_obj, inner_verb, dimension, _with_verb, unit):
                return concept
    if obj and verb:
        # 学习二十大精神10次: the act names the measure (二十大精神学习) when the scheme
        # counts it whatever its verb (专题学习, 集中学法).
        for concept in indicator_concepts():
            if _activity(concept) and concept.matches(obj + verb, "", dimension, _any_verb, unit):
                return concept
    return None


@cache
def _verb_acts() -> dict[str, tuple[str, ...]]:
    """Each verb of ``indicator_verb_synonyms.tsv`` and the acts it names (审结 -> 办结)."""
    acts: dict[str, list[str]] = {}
    for row in data_table("indicator_verb_synonyms.tsv"):
        for variant in row["variants"].split("|"):
            acts.setdefault(variant, []).append(row["act"])
    return {v: tuple(a) for v, a in acts.items()}


# Two verbs joined into one action (承接并发布, 调整和公示, 研究、学习).
_VERB_JOIN = re.compile(r"[并和及与、]")


def _without_manner(verb: str) -> str:
    """``verb`` without the manner words before it (依法受理 -> 受理, 集中清理 -> 清理),
    as long as a verb of two characters or more is left."""
    changed = True
    while changed:
        changed = False
        for word in verb_manners():
            if verb.startswith(word) and len(verb) - len(word) >= 2:
                verb, changed = verb[len(word) :], True
    return verb


def _other_readings(obj: str, verb: str) -> Iterator[tuple[str, str]]:
    """``obj`` and ``verb`` read in the scheme's words: each verb of a joined pair, without
    its manner words, as the acts it names (审结 -> 办结, 聘任 -> 聘请). A verb run into
    the object's first characters (办结复议 + 案件) is the verb and 复议案件; a verb
    that took the object's last words (重大行政 + 执法决定审查) is 重大行政执法决定 + 审查."""
    for part in (p for p in _VERB_JOIN.split(verb) if p):
        bare = _without_manner(part)
        head = next((v for v in _verbs_by_length() if bare.startswith(v) and bare != v), "")
        tail = next((v for v in _verbs_by_length() if bare.endswith(v) and bare != v), "")
        readings = [(obj, bare)]
        if head and len(bare) - len(head) >= 2:
            readings.append((bare[len(head) :] + obj, head))
        if tail and len(bare) - len(tail) >= 2:
            readings.append((obj + bare[: -len(tail)], tail))
        for o, v in readings:
            yield o, v
            for act in _verb_acts().get(v, ()):
                yield o, act


def _in_other_words(obj: str, verb: str, dimension: str, unit: str) -> IndicatorConcept | None:
    """The concept a number matches once its verb is read in the scheme's words."""
    seen = {(obj, verb)}
    for o, v in _other_readings(obj, verb):
        if (o, v) in seen:
            continue
        seen.add((o, v))
        concept = matching_concept(o, v, dimension, unit)
        if concept is not None:
            return concept
    return None


# A pure function of its words, tried against every concept's rows: the same phrasing
# (受理行政复议案件) recurs in report after report of a build.
@lru_cache(maxsize=1 << 14)
def indicator_entity(obj: str, verb: str, dimension: str, unit: str) -> Entity:
    """The indicator concept for a number counting ``obj`` by ``verb``."""
    obj = _MODIFIERS.sub("", obj)
    # A number a verb brings something to (权责事项压减至2656项) is the new size of that
    # stock, not a count of the act (取消68项): it is matched as the stock, without a verb.
    act = "" if _changed_to().search(fold(verb)) else fold(verb)
    # The scheme is written in simplified characters: 行政復議案件 受理 is 行政复议案件 受理.
    concept = matching_concept(fold(obj), act, dimension, unit)
    if concept is None:
        plain = _MODIFIERS.sub("", _RATE_VERB.sub(r"\1", _ASIDES.sub("", fold(obj))))
        plain = _SIZE_OF.sub("", plain) if dimension != "percent" else plain
        concept = matching_concept(plain, act, dimension, unit) if plain != fold(obj) else None
        if concept is None and act:
            concept = _in_other_words(plain, act, dimension, unit)
    if concept is not None and dimension == "percent" and _changed_by().search(act):
        # 参学率同比增长12.2% is how much a rate moved, not the rate: only a concept that
        # names the change by its verb (审批时限 压缩) takes it.
        if not any(r.verb is not None and r.matches(fold(obj), act) for r in concept.rules):
            concept = None
    if concept is not None:
        return Entity(
            iri=indicator_iri(concept.key),
            type="indicator",
            label=concept.label,
            key=concept.key,
            attrs=attrs(dimension=dimension, unit=unit, in_scheme="1"),
        )
    # The label is made from the key's words: 市(州) and 市州 are one concept, and one concept
    # has one label whichever report spelt it first.
    squeezed = re.sub(r"[“”‘’()（）\s]", "", obj)
    label = " ".join(p for p in (squeezed, verb) if p)
    key = f"{squeezed}|{verb}|{dimension}"
    return Entity(
        iri=indicator_iri(key),
        type="indicator",
        label=label,
        key=key,
        attrs=attrs(dimension=dimension, unit=unit),
    )


def resolve_indicator(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The indicator concept of a numeric mention."""
    return indicator_entity(
        m.attr("object") or "",
        m.attr("verb") or "",
        m.attr("dimension") or "count",
        m.attr("unit") or "",
    )
