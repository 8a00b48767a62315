"""Canonical keys and display labels for cited document titles.

A title is what stands between 《 and 》 in a report, without the marks. The
same document is written many ways: half- or full-width brackets, any dash or
none between the years of an edition, 年 or not after the years, stray
spaces, traditional characters, nested 〈〉/<>/《》 marks, quote variants,
the 中华人民共和国 prefix of national laws, and revision notes such as
（2021年修订版）. :func:`canonical_title` maps all of these to one key while
keeping apart what names a different document: another edition
(（2015—2020年） vs （2021—2025年）), 试行/暂行/草案, 修正案（2018年）.

Traditional characters are folded with OpenCC ``t2s`` from the
``opencc-python-reimplemented`` package (module ``opencc``).

Every function here is pure and deterministic; keys are used to build IRIs,
so changing a rule changes identifiers: add tests first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.revision_notes import SPACE_RE as _SPACE_RE
from kg.revision_notes import TRAILING_NOTE_RE, is_revision_note, split_version, version_after
from kg.revision_notes import fold as _fold

__all__ = [
    "canonical_title",
    "display_title",
    "is_revision_note",
    "key_label",
    "split_version",
    "title_form",
    "version_after",
]


# Characters, after NFKC, that are folded in keys.
_DASHES = "-‐‑‒–—―−﹘﹣⸺⸻~〜∼"
_DASH_RUN = re.compile(f"[{re.escape(_DASHES)}]+")
_OPEN = "(〔[【〖｟⦅"
_CLOSE = ")〕]】〗｠⦆"
_TO_ASCII_BRACKETS = str.maketrans(
    {**{c: "(" for c in _OPEN}, **{c: ")" for c in _CLOSE}, "｛": "(", "｝": ")"}
)
_QUOTES = "“”\"‘’'「」『』〝〞〟″‶"
_QUOTE_RE = re.compile(f"[{re.escape(_QUOTES)}]")
_MARKS_RE = re.compile("[《》〈〉<>«»‹›]")
_EDGE_PUNCT = " 、，,。.；;：:！!？?\t"
_PRC = "中华人民共和国"

_TRAILING_BRACKET_RE = re.compile(r"\(([^()]*)\)$")

_YEAR = r"(?:19|20)\d{2}"

# Year ranges of an edition, in a key (dashes already folded to "-").
_RANGE_RE = re.compile(rf"({_YEAR})年?(?:-|至|到)({_YEAR})(?:年(?!度))?")
_RANGE_NODASH_RE = re.compile(rf"(?<!\d)({_YEAR})({_YEAR})(?!\d)(?:年(?!度))?")
_RANGE_PARENS_RE = re.compile(rf"\(({_YEAR}-{_YEAR})\)")
_YEAR_PARENS_RE = re.compile(rf"\(({_YEAR})年\)")

# For display_title.
_DISPLAY_RANGE_RE = re.compile(
    rf"({_YEAR})(年?)\s*(?:[{re.escape(_DASHES)}]+|至|到)\s*({_YEAR})(?!\d)"
)
_DISPLAY_RANGE_NODASH_RE = re.compile(rf"(?<!\d)({_YEAR})({_YEAR})(?!\d)(?=年(?!度))")


def _strip_edges(text: str) -> str:
    """Trim spaces, list punctuation and a pair of enclosing title marks."""
    text = text.strip(_EDGE_PUNCT + "\u3000\xa0")
    while len(text) >= 2 and text[0] in "《〈<" and text[-1] in "》〉>":
        text = text[1:-1].strip(_EDGE_PUNCT + "\u3000\xa0")
    return text


def _range_nodash(m: re.Match[str]) -> str:
    first, second = int(m.group(1)), int(m.group(2))
    if first < second <= first + 30:
        return f"{m.group(1)}-{m.group(2)}"
    return m.group(0)


def title_form(title: str) -> str:
    """A folded form of a title for pattern matching (used by ``kinds``).

    NFKC + t2s, no spaces, brackets as ``()``, quotes and nested title marks
    removed, trailing revision notes removed, dash runs as ``-``. Unlike
    :func:`canonical_title` it keeps year ranges as written and the
    中华人民共和国 prefix.
    """
    s = _fold(title)
    s = _SPACE_RE.sub("", s)
    s = _strip_edges(s)
    s = s.translate(_TO_ASCII_BRACKETS)
    s = _QUOTE_RE.sub("", s)
    s = _MARKS_RE.sub("", s)
    # Revision notes, bracketed or glued on.
    while True:
        m = _TRAILING_BRACKET_RE.search(s)
        if m and m.start() > 0 and is_revision_note(m.group(1)):
            s = s[: m.start()]
            continue
        t = TRAILING_NOTE_RE.search(s)
        if t and t.start() > 0:
            s = s[: t.start()]
            continue
        break
    return _DASH_RUN.sub("-", s)


def _canonical_once(title: str) -> str:
    s = title_form(title)
    s = _RANGE_RE.sub(r"\1-\2", s)
    s = _RANGE_NODASH_RE.sub(_range_nodash, s)
    s = _RANGE_PARENS_RE.sub(r"\1", s)
    s = _YEAR_PARENS_RE.sub(r"(\1)", s)
    s = s.replace("()", "")
    if s.startswith(_PRC) and len(s) > len(_PRC):
        s = s[len(_PRC) :]
    return _strip_edges(s)


@lru_cache(maxsize=65536)
def canonical_title(title: str) -> str:
    """The canonical key of a cited title (the text inside 《》).

    Folds width, traditional characters (OpenCC t2s), spaces, bracket shapes
    (（）()〔〕[]【】 -> ``()``), every dash or tilde to ``-``, quotes (removed),
    nested title marks (removed), year ranges (``(2021—2025年)``,
    ``（2021-2025）``, ``2021至2025年``, ``20212025年`` -> ``2021-2025``, brackets
    and 年 dropped), a bracketed single year's 年 (``(2018)``), trailing
    revision notes (see :func:`split_version`) and the 中华人民共和国 prefix.
    试行/暂行/草案 and edition years are kept. Idempotent.

    >>> canonical_title("中华人民共和国安全生产法（2021年修订版）")
    '安全生产法'
    >>> canonical_title("法治政府建设实施纲要(2021—2025年)")
    '法治政府建设实施纲要2021-2025'
    """
    key = title
    for _ in range(4):  # one pass suffices in practice; iterate to a fixpoint
        nxt = _canonical_once(key)
        if nxt == key:
            break
        key = nxt
    return key


def _pair_straight_quotes(text: str, quote: str, left: str, right: str) -> str:
    out: list[str] = []
    opened = False
    for ch in text:
        if ch == quote:
            out.append(right if opened else left)
            opened = not opened
        else:
            out.append(ch)
    return "".join(out)


def _display_range(m: re.Match[str]) -> str:
    return f"{m.group(1)}—{m.group(3)}"


def display_title(title: str) -> str:
    """A clean label for one spelling of a title.

    Simplified characters, full-width brackets （）, a single — between the
    years of a range (年 kept only where it was written after the second
    year), —— for other dashes, “” and ‘’ quotes, 〈〉 for nested marks,
    single spaces only between words. The 中华人民共和国 prefix and any
    revision note are kept: callers split notes with :func:`split_version`.
    """
    s = _fold(title)
    s = _SPACE_RE.sub(" ", s)
    s = _strip_edges(s)
    s = s.translate(_TO_ASCII_BRACKETS)
    s = _DISPLAY_RANGE_RE.sub(_display_range, s)
    s = _DISPLAY_RANGE_NODASH_RE.sub(
        lambda m: f"{m.group(1)}—{m.group(2)}" if _range_nodash(m) != m.group(0) else m.group(0),
        s,
    )
    s = re.sub(r"(?<=\d)—(?=\d)", "\0", s)  # protect year-range dashes
    s = _DASH_RUN.sub("——", s)
    s = s.replace("\0", "—")
    s = re.sub(r"[《<«‹]", "〈", s)
    s = re.sub(r"[》>»›]", "〉", s)
    s = s.replace("「", "“").replace("」", "”").replace("『", "‘").replace("』", "’")
    s = s.replace("〝", "“").replace("〞", "”").replace("〟", "”")
    s = _pair_straight_quotes(s, '"', "“", "”")
    s = _pair_straight_quotes(s, "'", "‘", "’")
    s = s.replace("(", "（").replace(")", "）")
    s = re.sub(r" ?([（）〈〉“”‘’—、，]) ?", r"\1", s)
    return s.strip()


_KEY_RANGE_RE = re.compile(rf"\(?(?<!\d)({_YEAR})-({_YEAR})(?!\d)\)?")


def key_label(key: str) -> str:
    """A label that depends on the canonical key alone.

    Different spellings of one uncatalogued title share a key; labelling the
    entity from the key (not from whichever spelling came first) gives every
    named graph the same ``schema:name``. Edition ranges are written
    （2021—2025年）; quotes and nested marks removed in the key stay removed.

    >>> key_label("法治政府建设实施纲要2021-2025")
    '法治政府建设实施纲要（2021—2025年）'
    """
    return display_title(_KEY_RANGE_RE.sub(r"(\1-\2年)", key))
