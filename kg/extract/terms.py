"""Leftmost-longest dictionary matching over text (Aho-Corasick).

Uses ``ahocorasick_rs`` (Rust): on Chinese text with tens of thousands of
place names it is about ten times faster than pyahocorasick, whose trie scans
the thousands of children of its root character by character.
"""

from __future__ import annotations

from collections.abc import Mapping

import ahocorasick_rs


class TermMatcher:
    """A fixed dictionary ``surface -> value`` compiled once, matched many times."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self._values = dict(terms)
        self._words = sorted(w for w in self._values if w)
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                self._words, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
            )
            if self._words
            else None
        )

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, surface: object) -> bool:
        return surface in self._values

    def value(self, surface: str) -> str:
        """What ``surface`` stands for."""
        return self._values[surface]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping leftmost-longest ``(start, end, surface)`` matches, in order.

        Offsets are in characters (code points) of ``text``.
        """
        if self._automaton is None or not text:
            return []
        words = self._words
        return [(s, e, words[i]) for i, s, e in self._automaton.find_matches_as_indexes(text)]
