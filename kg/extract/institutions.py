"""Institutions: organs and bodies named by a suffix (司法局, 调委会, 服务中心 …)."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicons import Lexicons, data_lines
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.model import Document, Mention, attrs

MAX_NAME = 20


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    suffixes = sorted(data_lines("institution_suffixes.txt"), key=len, reverse=True)
    stops = sorted(data_lines("institution_stops.txt"), key=len, reverse=True)
    not_names = frozenset(data_lines("institution_not.txt"))
    suffix_re = re.compile("|".join(map(re.escape, suffixes)))
    # The name starts after the last stop word / punctuation before the suffix.
    stop_re = re.compile(r"[^\u4e00-\u9fff·（）()]|" + "|".join(map(re.escape, stops)))
    return suffix_re, stop_re, not_names


_PLACE_PREFIX = re.compile(r"^(?:我|全|本|各)(?:省|市|区|县|镇|乡)")
_COUNT = re.compile(r"^[\d一二三四五六七八九十百千万两几]+(?:个|家|所|支|名)")


def extract_institutions(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Names ending in an institution suffix, cut at the nearest stop word on the left."""
    suffix_re, stop_re, not_names = _patterns()
    text = doc.text
    found: list[Mention] = []
    last_end = 0
    for m in suffix_re.finditer(text):
        end = m.end()
        lo = max(last_end, m.start() - MAX_NAME)
        window = text[lo : m.start()]
        start = lo
        for stop in stop_re.finditer(window):
            start = lo + stop.end()
        count = _COUNT.match(text, start, m.start())
        counted = None
        if count:
            counted = count.group()
            start = count.end()
        pre = _PLACE_PREFIX.match(text, start)
        if pre:
            start = pre.end()
        name = text[start:end]
        if len(name) < 3 or name in not_names or name == m.group():
            continue
        found.append(
            make_mention(
                "institution",
                text,
                start,
                end,
                sentences,
                attrs(suffix=m.group(), count=counted),
            )
        )
        last_end = end
    return found
