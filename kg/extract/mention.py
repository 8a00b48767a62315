"""Building a ``Mention`` from a span, shared by every extractor."""

from __future__ import annotations

import re

import opencc

from kg.extract.sentences import Sentences
from kg.model import Attrs, Mention

_T2S = opencc.OpenCC("t2s")


def make_mention(
    kind: str, text: str, start: int, end: int, sentences: Sentences, facts: Attrs = ()
) -> Mention:
    """A mention of ``text[start:end]`` with its sentence span."""
    s, e = sentences.around(start, end)
    return Mention(
        type=kind,
        surface=text[start:end],
        start=start,
        end=end,
        sentence_start=s,
        sentence_end=e,
        attrs=facts,
    )


# Lines of page chrome the annotation guide leaves out (bylines, navigation, index fields).
_CHROME_LINE = re.compile(
    r"来源\s*[:：]|发布机构|发文机关|当前位置|您的位置|索引号|信息来源|发布时间|发布日期|"
    r"标\s*题\s*[:：]|内\s*容\s*概\s*述"
)


def not_annotated(text: str, title: str) -> bytearray:
    """A mask of the characters no mention may start in: the report's own title line (the
    annotation guide leaves it out: it names the author) and page-chrome lines (来源: …)."""
    mask = bytearray(len(text) + 1)
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and (_CHROME_LINE.search(stripped) or (title and stripped == title.strip())):
            mask[pos : pos + len(line)] = b"\x01" * len(line)
        pos += len(line)
    return mask


def simplified(text: str) -> str:
    """A text written in traditional characters in simplified ones, offset for offset.

    Simplified text is left alone (the conversion would also turn 乾州 into 干州), and so is
    a text the conversion would lengthen or shorten.
    """
    out = _T2S.convert(text)
    if len(out) != len(text):
        return text
    changed = sum(a != b for a, b in zip(text, out, strict=True))
    return out if changed > max(3, len(text) // 50) else text
