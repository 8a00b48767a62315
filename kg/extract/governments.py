"""Governments: named places with their organs, and 我县/全县 self-references."""

from __future__ import annotations

import re

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


def extract_governments(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Place names (with an organ suffix when present) and self-references."""
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
    for m in _SELF.finditer(text):
        found.append(
            make_mention(
                "government",
                text,
                m.start(),
                m.end(),
                sentences,
                attrs(self="1", level=m.group(1)),
            )
        )
    found.sort(key=lambda m: (m.start, m.end))
    return found
