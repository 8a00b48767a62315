"""Leftmost-longest dictionary matching over text (Aho-Corasick)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ahocorasick


class TermMatcher:
    """A fixed dictionary ``surface -> value`` compiled once, matched many times."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self._values = dict(terms)
        self._automaton = ahocorasick.Automaton()
        for word in sorted(self._values):
            self._automaton.add_word(word, word)
        if self._values:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, surface: object) -> bool:
        return surface in self._values

    def value(self, surface: str) -> str:
        """What ``surface`` stands for."""
        return self._values[surface]

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Non-overlapping leftmost-longest ``(start, end, surface)`` matches, in order."""
        if not self._values:
            return []
        hits = sorted(
            ((end - len(word) + 1, end + 1, word) for end, word in self._automaton.iter(text)),
            key=lambda h: (h[0], h[0] - h[1]),
        )
        out: list[tuple[int, int, str]] = []
        last = 0
        for start, end, word in hits:
            if start >= last:
                out.append((start, end, word))
                last = end
        return out
