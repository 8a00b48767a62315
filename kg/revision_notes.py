"""Revision notes of cited titles: （2021年修订版）, (2019年修正), 2020年版.

Shared by extraction (a note written after 》) and resolution (a note inside
the title): both need to tell a revision note from parts of titles such as
（试行）, （暂行）, （草案） or a bare year (宪法修正案（2018年）).
"""

from __future__ import annotations

import re
import unicodedata

from kg.ingest.script import to_simplified

__all__ = ["SPACE_RE", "fold", "is_revision_note", "split_version", "version_after"]

SPACE_RE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")

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
TRAILING_NOTE_RE = re.compile(rf"(?<=[^\d\s])({_YEAR}年(?:修订|修正|修改)(?:版本|版|本)?)$")
_VERSION_AFTER_RE = re.compile(
    r"[ \t\u3000\xa0]*[(（〔\[【［]([^()（）〔〕\[\]【】［］\n]{1,24})[)）〕\]】］]"
)


def fold(text: str) -> str:
    """NFKC (full-width to half-width, NBSP/ideographic space to space), then t2s."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def _normalise_note(note: str) -> str:
    """A revision note without brackets, spaces or traditional characters."""
    return SPACE_RE.sub("", fold(note)).strip("()（）〔〕[]【】")


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
        folded = SPACE_RE.sub("", fold(rest))
        t = TRAILING_NOTE_RE.search(folded)
        if t and t.start() > 0:
            # Cut the same number of non-space characters from the original.
            keep = t.start()
            seen = 0
            for i, ch in enumerate(rest):
                if SPACE_RE.fullmatch(ch):
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
