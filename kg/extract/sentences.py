"""Sentence spans, the unit of evidence shown behind every mention."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A sentence ends at 。！？ (and their half-width forms) or at a line break;
# closing quotes and brackets right after the mark stay with the sentence.
_END = re.compile(r"[。！？!?]+[”’」』）)》]*|\n+")
MAX_SENTENCE = 400


@dataclass(frozen=True)
class Sentences:
    """Sentence boundaries of one text, searchable by offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence span containing ``[start, end)`` (widened if it crosses sentences)."""
        if not self.starts:
            return start, end
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = max(i, bisect.bisect_left(self.ends, end))
        j = min(j, len(self.ends) - 1)
        s, e = min(self.starts[i], start), max(self.ends[j], end)
        return s, e


def split_sentences(text: str) -> Sentences:
    """Split ``text`` into trimmed sentence spans; very long runs are cut at ；/，."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    bounds = [m.end() for m in _END.finditer(text)]
    if not bounds or bounds[-1] != len(text):
        bounds.append(len(text))
    for bound in bounds:
        _add(text, pos, bound, starts, ends)
        pos = bound
    return Sentences(tuple(starts), tuple(ends))


def _add(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop <= start:
            return
        if stop - start <= MAX_SENTENCE:
            starts.append(start)
            ends.append(stop)
            return
        # No sentence mark for a long stretch: cut at the last ；，, before the limit.
        cut = max(text.rfind(c, start, start + MAX_SENTENCE) for c in "；;，,")
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        starts.append(start)
        ends.append(cut)
        start = cut
