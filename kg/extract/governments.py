"""Governments: named places with their organs, and 我县/全县 self-references."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.lexicons import Lexicons
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.model import Document, Mention, attrs

# Organ suffixes that make a place name a government organ; longest first.
ORGANS = (
    "人民代表大会常务委员会",
    "人大常委会",
    "人民政府",
    "政府",
    "人民代表大会",
    "人大",
    "政协",
    "委员会",
    "党委",
    "县委",
    "市委",
    "区委",
    "镇委",
    "乡委",
    "省委",
    "州委",
    "委",
)
_SELF = re.compile(r"(?:我|全|本)(省|市|区|县|旗|州|盟|镇|乡|街道)(?![委长级直属])")
_PARTY = "中共"
# 市委、市政府 / 县人大常委会: an organ of the author's own or a superior level, named by its
# level word alone; only after punctuation or a function word (not 依法治县委, 全县政府).
_SHORT = re.compile(
    r"(?:(?<=[^\u4e00-\u9fff])|(?<=^)|(?<=[在由向和与及经对将把从被给为是等同并]))"
    r"(?P<level>[省市区县州旗镇乡])(?P<organ>人大常委会|人民政府|政府|人大|政协|委)"
    r"(?![员会])"
)
# Sentence words that make a named government a partner of the author.
PARTNER_CUES = re.compile(r"签署|签订|合作|协议|联动|结对|共建|通办|协作|对口|互认|联盟")


def extract_governments(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Place names (with an organ suffix when present), short organ names (市委、市政府) and
    self-references (我县, 全县)."""
    text = doc.text
    found: list[Mention] = []
    matcher = lexicons.place_names
    for start, end, _ in matcher.find(text):
        # Chains such as 重庆市渝北区大盛镇 are matched piece by piece; join them.
        if found and found[-1].end == start and found[-1].attr("organ") is None:
            prev = found.pop()
            start = prev.start
        organ = next((o for o in ORGANS if text.startswith(o, end)), None)
        stop = end + len(organ) if organ else end
        if start >= len(_PARTY) and text[start - len(_PARTY) : start] == _PARTY:
            start -= len(_PARTY)
            organ = organ or "委"
        found.append(
            make_mention(
                "government",
                text,
                start,
                stop,
                sentences,
                attrs(place=text[start:end].removeprefix(_PARTY), organ=organ),
            )
        )
    taken = bytearray(len(text) + 1)  # characters already inside a named government
    for m in found:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    shorts = (
        (m, attrs(short="1", level=m.group("level"), organ=m.group("organ")))
        for m in _SHORT.finditer(text)
        if not any(taken[m.start() : m.end()])
    )
    selves = ((m, attrs(self="1", level=m.group(1))) for m in _SELF.finditer(text))
    for m, facts in (*shorts, *selves):
        found.append(make_mention("government", text, m.start(), m.end(), sentences, facts))
    found.sort(key=lambda m: (m.start, m.end))
    return [_with_role(text, m) for m in found]


def _with_role(text: str, m: Mention) -> Mention:
    """Mark the role the text gives a named government: ``source`` when the name stands in a
    cited title (《天水市海绵城市建设管理条例》), ``partner`` when the sentence speaks of an
    agreement or cooperation (与山东省滨州市惠民县…签署了《…合作框架协议》)."""
    if m.attr("self") == "1":
        return m
    before = text[m.sentence_start : m.start]
    role = None
    if before.rfind("《") > before.rfind("》"):
        role = "source"
    elif PARTNER_CUES.search(text, m.sentence_start, m.sentence_end):
        role = "partner"
    if role is None:
        return m
    return replace(m, attrs=tuple(sorted((*m.attrs, ("role", role)))))
