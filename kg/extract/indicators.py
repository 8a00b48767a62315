"""Indicators: numbers the report gives, with what they count and the unit."""

from __future__ import annotations

import re

from kg.extract.lexicons import Lexicons
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.model import Document, Mention, attrs

_UNITS = (
    "人次",
    "万元",
    "亿元",
    "元",
    "件",
    "起",
    "人",
    "次",
    "个",
    "家",
    "项",
    "条",
    "本",
    "场",
    "期",
    "份",
    "篇",
    "亩",
    "户",
    "所",
    "名",
    "宗",
    "批",
    "%",
    "％",
)
_NUMBER = re.compile(
    r"(?P<pre>近|约|超过|超|逾)?(?P<num>\d+(?:\.\d+)?)\s*(?P<mult>万|亿)?(?P<approx>余|多)?"
    r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")"
)
# What is counted: the Chinese words just before the number, after the last break.
_SUBJECT = re.compile(r"[\u4e00-\u9fff“”]{2,16}$")
_TRIM = re.compile(
    r"^(?:共|累计|先后|全年|全县|全市|全区|全镇|今年以来|其中|分别|达到|达|为|是|已)+"
)


def extract_indicators(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Numeric facts such as 受理行政复议案件215件 or 调解成功率达97%."""
    text = doc.text
    found: list[Mention] = []
    for m in _NUMBER.finditer(text):
        if m.group("unit") in ("个",) and text.startswith(("月", "工作日"), m.end()):
            continue
        before = text[max(0, m.start() - 16) : m.start()]
        subj = _SUBJECT.search(before)
        if not subj:
            continue
        subject = _TRIM.sub("", subj.group().replace("“", "").replace("”", ""))
        subject = re.sub(r"(?:达到|达|为|共|累计|超过|约|近)+$", "", subject)
        if len(subject) < 2 or re.search(r"(?:19|20)\d\d年?$", before):
            continue
        start = m.start() - len(subj.group())
        value = float(m.group("num")) * {"万": 1e4, "亿": 1e8}.get(m.group("mult") or "", 1)
        unit = m.group("unit").replace("％", "%")
        if unit in ("万元", "亿元"):
            value *= 1e4 if unit == "万元" else 1e8
            unit = "元"
        approx = bool(m.group("approx") or m.group("pre"))
        found.append(
            make_mention(
                "indicator",
                text,
                start,
                m.end(),
                sentences,
                attrs(subject=subject, value=_fmt(value), unit=unit, approximate=int(approx)),
            )
        )
    return found


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
