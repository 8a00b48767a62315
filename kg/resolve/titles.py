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
import unicodedata
from functools import lru_cache

import opencc

__all__ = [
    "canonical_title",
    "display_title",
    "is_revision_note",
    "split_version",
    "title_form",
    "version_after",
]

_T2S = opencc.OpenCC("t2s")

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
_SPACE_RE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
_EDGE_PUNCT = " 、，,。.；;：:！!？?\t"
_PRC = "中华人民共和国"

# Revision notes (the content of a trailing bracket). 试行/暂行/草案 are part of
# titles and never match; neither does a bare year such as 宪法修正案（2018年）.
_YEAR = r"(?:19|20)\d{2}"
_DATE = rf"{_YEAR}年?(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?"
_NOTE_RE = re.compile(
    rf"^(?:{_DATE})?(?:第?[一二三四五六七八九十\d]+次)?(?:最新|新)?"
    r"(?:修订|修正|修改)(?:版本|版|本|稿|后|文本)?$"
    rf"|^(?:{_YEAR}年?|最新|新)(?:修订|修正)?(?:版本|版|本)$"
)
# An unbracketed note glued to the end of a title: 安全生产法2021年修订版.
_TRAILING_NOTE_RE = re.compile(rf"(?<=[^\d\s])({_YEAR}年(?:修订|修正|修改)(?:版本|版|本)?)$")
_TRAILING_BRACKET_RE = re.compile(r"\(([^()]*)\)$")

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
_VERSION_AFTER_RE = re.compile(
    r"[ \t\u3000\xa0]*[(（〔\[【［]([^()（）〔〕\[\]【】［］\n]{1,24})[)）〕\]】］]"
)


def _fold(text: str) -> str:
    """NFKC (full-width to half-width, NBSP/ideographic space to space), then t2s."""
    return _T2S.convert(unicodedata.normalize("NFKC", text))


def _strip_edges(text: str) -> str:
    """Trim spaces, list punctuation and a pair of enclosing title marks."""
    text = text.strip(_EDGE_PUNCT + "\u3000\xa0")
    while len(text) >= 2 and text[0] in "《〈<" and text[-1] in "》〉>":
        text = text[1:-1].strip(_EDGE_PUNCT + "\u3000\xa0")
    return text


def _normalise_note(note: str) -> str:
    """A revision note without brackets, spaces or traditional characters."""
    return _SPACE_RE.sub("", _fold(note)).strip("()（）〔〕[]【】")


def is_revision_note(note: str) -> bool:
    """Whether the text of a bracket is a revision note such as 2021年修订版.

    Matches 修订/修正/修改 with an optional date or 第N次 and 版/本/稿, and
    edition notes such as 2020年版 or 最新版. 试行, 暂行, 草案 and a bare year
    (宪法修正案（2018年）) are parts of titles and do not match.
    """
    return bool(_NOTE_RE.match(_normalise_note(note)))


def split_version(title: str) -> tuple[str, str | None]:
    """Split a trailing revision note off a title.

    Returns the title as written without the note (trailing spaces removed) and
    the normalised note, e.g. ``"安全生产法（2021年修订版）"`` ->
    ``("安全生产法", "2021年修订版")``; ``(title, None)`` when there is none.
    Only the last note is returned; several stacked notes are all removed.
    """
    rest = title.rstrip()
    notes: list[str] = []
    while True:
        m = re.search(r"[(（〔\[【［]([^()（）〔〕\[\]【】［］]*)[)）〕\]】］]\s*$", rest)
        if m and m.start() > 0 and is_revision_note(m.group(1)):
            notes.append(_normalise_note(m.group(1)))
            rest = rest[: m.start()].rstrip()
            continue
        folded = _SPACE_RE.sub("", _fold(rest))
        t = _TRAILING_NOTE_RE.search(folded)
        if t and t.start() > 0:
            # Cut the same number of non-space characters from the original.
            keep = t.start()
            seen = 0
            for i, ch in enumerate(rest):
                if _SPACE_RE.fullmatch(ch):
                    continue
                if seen == keep:
                    notes.append(t.group(1))
                    rest = rest[:i].rstrip()
                    break
                seen += 1
            else:  # pragma: no cover - lengths always agree
                break
            continue
        break
    return rest, (notes[0] if notes else None)


def version_after(text: str, end: int) -> str | None:
    """The revision note in brackets right after a title ending at ``end``.

    ``end`` is the offset just past the closing 》; spaces may separate it from
    the bracket. ``version_after("《安全生产法》（2021年修订版）等", 7)`` is
    ``"2021年修订版"``. Returns ``None`` when no revision note follows (an
    ordinary parenthesis such as a document number does not count).
    """
    m = _VERSION_AFTER_RE.match(text, end)
    if m and is_revision_note(m.group(1)):
        return _normalise_note(m.group(1))
    return None


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
        t = _TRAILING_NOTE_RE.search(s)
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
