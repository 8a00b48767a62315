"""Lines made of organ names (中共无极县委无极县人民政府), matched in linear time.

A regular expression such as ``ORGAN(?:[、\\s]*ORGAN)*`` with a lazy
``[\\u4e00-\\u9fff]{2,30}?`` inside ``ORGAN`` backtracks exponentially when a
line of 40 CJK characters almost matches (``局局局…局x``): every way of cutting
the line into organs is tried. :class:`OrganShape` answers the same questions
(does a line consist of organ names? where does the leading list of organ
names end?) by a memoised search over positions, visiting the candidates in
the order the regular expression would, so results are the same, in time
proportional to the line length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

# Longer lines are body text, never a list of organ names; they are not searched.
MAX_LINE = 200


@dataclass(frozen=True)
class OrganShape:
    """``(?:PREFIX)?[CHARS]{lo,hi}?(?:SUFFIX)`` with the alternatives in regex order."""

    prefixes: tuple[str, ...]
    chars: str  # a regex character class, e.g. r"[\u4e00-\u9fff（）()]"
    lo: int
    hi: int
    suffixes: tuple[str, ...]

    @property
    def regex(self) -> str:
        """The same shape as a regular expression (for building other patterns)."""
        pre = "|".join(map(re.escape, self.prefixes))
        suf = "|".join(map(re.escape, self.suffixes))
        return rf"(?:{pre})?{self.chars}{{{self.lo},{self.hi}}}?(?:{suf})"

    @cached_property
    def _char(self) -> re.Pattern[str]:
        return re.compile(self.chars)

    @cached_property
    def _suffixes_by_first(self) -> dict[str, tuple[str, ...]]:
        # The suffixes that can match at a position start with its character (or are
        # empty): looking them up by it, in their order, skips the others (this search is
        # in the hot path of reading a report's opening lines).
        firsts = {suffix[:1] for suffix in self.suffixes if suffix}
        return {
            first: tuple(x for x in self.suffixes if not x or x[0] == first) for first in firsts
        }

    @cached_property
    def _empty_suffixes(self) -> tuple[str, ...]:
        return tuple(x for x in self.suffixes if not x)

    def ends(self, text: str, pos: int) -> Iterator[int]:
        """Ends of the organ names starting at ``pos``, in the regex's order of preference."""
        char, by_first, empty = self._char, self._suffixes_by_first, self._empty_suffixes
        for pre in (*[p for p in self.prefixes if text.startswith(p, pos)], ""):
            body = pos + len(pre)
            for k in range(1, self.hi + 1):
                i = body + k - 1
                if i >= len(text) or not char.match(text, i):
                    break
                if k < self.lo:
                    continue
                for suffix in by_first.get(text[body + k : body + k + 1], empty):
                    if text.startswith(suffix, body + k):
                        yield body + k + len(suffix)


Ends = Callable[[str, int], Iterator[int]]


def list_end(text: str, ends: Ends, accept: Callable[[int], bool]) -> int | None:
    """Where ``ORGAN(?:[、\\s]*ORGAN)*`` matched from 0 ends, given what must follow.

    ``ends(text, pos)`` yields organ ends in preference order; ``accept(i)`` says
    whether what follows offset ``i`` completes the match. Returns the end the
    backtracking regex would report (more organs preferred, shorter organs
    first), or None.
    """
    if len(text) > MAX_LINE:
        return None
    ends = _memoised(ends)
    memo: dict[int, int | None] = {}

    def after(i: int) -> int | None:  # after at least one organ, at offset i
        if i in memo:
            return memo[i]
        memo[i] = None  # an organ is never empty, so there is no cycle
        j = i
        while j < len(text) and (text[j] == "、" or text[j].isspace()):
            j += 1
        found = next((r for e in ends(text, j) if (r := after(e)) is not None), None)
        if found is None and accept(i):
            found = i
        memo[i] = found
        return found

    return _iterative(text, ends, after)


def _memoised(ends: Ends) -> Ends:
    # The reachable offsets are found first, then filled: each offset's organ ends are
    # computed once for both.
    known: dict[tuple[str, int], tuple[int, ...]] = {}

    def cached(text: str, pos: int) -> Iterator[int]:
        if (text, pos) not in known:
            known[(text, pos)] = tuple(ends(text, pos))
        return iter(known[(text, pos)])

    return cached


def _iterative(text: str, ends: Ends, after: Callable[[int], int | None]) -> int | None:
    # Fill the memo right to left first so that recursion depth stays small, at the
    # offsets an organ list from 0 can reach only (most lines reach none: one whose
    # first characters start no organ costs one look).
    first = list(ends(text, 0))
    reached, todo = set(first), list(first)
    while todo:
        j = todo.pop()
        while j < len(text) and (text[j] == "、" or text[j].isspace()):
            j += 1
        for e in ends(text, j):
            if e not in reached:
                reached.add(e)
                todo.append(e)
    for i in sorted(reached, reverse=True):
        after(i)
    return next((r for e in first if (r := after(e)) is not None), None)


def is_organ_list(line: str, ends: Ends) -> bool:
    """Whether ``line`` is one or more organ names and nothing else (separators allowed)."""
    return list_end(line, ends, lambda i: i == len(line)) is not None
