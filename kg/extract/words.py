"""Word segmentation with POS tags (jieba), used only on short spans.

The extractors never segment a whole report: they tag the few characters
around a candidate (a quoted term, the clause before a number), which keeps
extraction linear and cheap. The tokenizer is private (not jieba's global
one) and knows the project's own words (kind words such as 工作法, counting
verbs, counted objects), read from kg/data once per process.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import jieba

from kg.extract.lexicons import data_lines
from kg.ingest.script import to_simplified

if TYPE_CHECKING:
    import jieba.posseg

Tagged = tuple[tuple[str, str], ...]  # (word, POS flag) pairs

# Files in kg/data whose lines become dictionary words, with the POS they get.
_DICTIONARIES = (
    ("initiative_cues.txt", "n"),
    ("indicator_verbs.txt", "v"),
    ("indicator_objects.txt", "n"),
    ("institution_words.txt", "nt"),
)


@cache
def _tokenizer() -> jieba.posseg.POSTokenizer:
    # Imported here, not with the module: importing jieba.posseg reads its tag table (about a
    # second), which commands that only query a build (kg query, kg cited-across) never need.
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
    # POSTokenizer(base) would read jieba's tag table again (seconds per process): importing
    # jieba.posseg read it for its default tagger, from the same dictionary file.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = base
    tagger.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    for name, flag in _DICTIONARIES:
        for word in data_lines(name):
            base.add_word(word.split("\t")[0].strip(), 2000, flag)
    return tagger


def load_tagger() -> None:
    """Load the tagger now (a build does it before forking its workers, which share it)."""
    _tokenizer()


def simplified(word: str) -> str:
    """``word`` in simplified characters, to look it up in the project's word lists."""
    return to_simplified(word)


# Frequent characters that only traditional script writes (國 會 關 區 縣 項 個 場 …).
_TRADITIONAL = re.compile(
    "[國會關區縣實發為體從這們與機產護讓規劃務過權責變條設證號屬辦開執審議項個場萬億餘]"
)


def simplified_text(text: str) -> str:
    """``text`` in simplified characters when it is written in traditional ones and the
    conversion keeps every offset; else ``text`` itself (converting costs ~3 µs a character,
    so a simplified text is never converted)."""
    if not _TRADITIONAL.search(text):
        return text
    simple = to_simplified(text)
    return simple if len(simple) == len(text) else text


@lru_cache(maxsize=1 << 16)
def tag(text: str) -> Tagged:
    """``text`` cut into words with POS flags (no HMM: fast and stable on short spans).

    The dictionary is simplified: a span in traditional characters is cut as its
    simplified form (專題研究 as 专题研究, not 專 題 研究) and the words are given back
    as written, when the two forms have the same length.
    """
    simple = to_simplified(text)
    if simple == text or len(simple) != len(text):
        return tuple((w.word, w.flag) for w in _tokenizer().lcut(text, HMM=False))
    out, at = [], 0
    for w in _tokenizer().lcut(simple, HMM=False):
        out.append((text[at : at + len(w.word)], w.flag))
        at += len(w.word)
    return tuple(out)
