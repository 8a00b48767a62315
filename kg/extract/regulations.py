"""Cited documents: 《…》 titles, nested 〈…〉/<…>, back-references, unquoted laws.

Three passes over one text, each linear:

1. a bracket scanner pairs 《》 and the inner marks 〈〉 < > ＜＞ (also a 《》 inside
   a 《》), with a small stack that is emptied at a sentence end, a comma or a
   paragraph break, so a stray mark never swallows more than its clause;
2. short forms: ``（以下简称《纲要》）`` defines an alias of the title before it,
   and a bare generic short title (《实施办法》, 《纲要》, 《条例》) refers back to
   the latest earlier title ending in the same words;
3. known titles written without marks (宪法, 民法典, “八五”普法规划 …) through
   the dictionary in ``Lexicons.regulation_terms``, on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.extract.lexicons import Lexicons
from kg.extract.sentences import Sentences
from kg.extract.terms import TermMatcher
from kg.model import Document, Mention, attrs
from kg.revision_notes import split_version, version_after

MAX_TITLE = 120  # characters inside 《》; longer means a stray mark
MAX_DEPTH = 4
_LOOKBACK = 32  # earlier titles a bare short form may refer back to
_OUTER_OPEN, _OUTER_CLOSE = "《", "》"
_INNER_OPEN = set("〈<＜")
_INNER_CLOSE = set("〉>＞")
# A title never spans a sentence end, a clause break or a paragraph break (one
# line break is allowed: titles get wrapped).
_BREAKS = set("。！？!?；;，\r")
# （以下简称《纲要》）, (下称“条例”), （国发〔2021〕1号，以下简称《纲要》）
_ALIAS = re.compile(
    r"\s*[（(][^（）()\n]{0,30}?(?:以下简称|以下称|下称|简称)为?[：:]?\s*"
    r"[《“\"「]([^》”\"」\n]{1,24})[》”\"」]\s*[）)]"
)
# A short form that names no document on its own: an optional generic
# qualifier and a document-type word, e.g. 实施办法, 纲要, 暂行规定.
_BARE_SHORT = re.compile(
    r"(?:实施|暂行|试行|若干|管理|工作|指导|规划|建设)?"
    r"(?:纲要|条例|办法|规定|意见|方案|细则|决定|通知|规划|清单|要点|准则|规则|制度|计划)"
)
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
# After an unquoted law name these characters make a longer word: 统计法治,
# 律师法律, 宣传教育法制, 民法学.
_LAW_WORD_NEXT = set("治制律规院官庭学务理援警")


@dataclass(frozen=True)
class Pair:
    """A matched pair of title marks; ``end`` is past the closing mark."""

    start: int
    end: int
    depth: int  # 0 for an outermost title
    parent: int  # start offset of the enclosing pair, -1 when outermost


def _clean(title: str) -> str:
    """Title text as cited: line breaks and the blanks around them removed."""
    return re.sub(r"\s*\n\s*", "", title).strip()


def _closes(opener: str, ch: str) -> bool:
    if opener == _OUTER_OPEN:
        return ch == _OUTER_CLOSE
    return ch in _INNER_CLOSE


def scan_titles(text: str, max_title: int = MAX_TITLE) -> list[Pair]:
    """Every pair of title marks in ``text``, ordered by start.

    One pass with a small stack: linear whatever the input. An unclosed mark is
    dropped at a sentence end, a comma, a second line break or after
    ``MAX_TITLE`` characters; a title nested in a title that never closes counts
    as outermost. A bare < outside 《》 is a comparison, not a title.
    """
    raw: list[tuple[int, int, int, int]] = []
    stack: list[tuple[str, int]] = []
    newlines = 0
    for i, ch in enumerate(text):
        if ch == _OUTER_OPEN or ch in _INNER_OPEN:
            if ch in "<＜" and not stack:
                continue
            if len(stack) >= MAX_DEPTH:
                stack.clear()
            if not stack:
                newlines = 0
            stack.append((ch, i))
        elif (ch == _OUTER_CLOSE or ch in _INNER_CLOSE) and stack:
            for k in range(len(stack) - 1, -1, -1):
                if _closes(stack[k][0], ch):
                    start = stack[k][1]
                    parent = stack[k - 1][1] if k else -1
                    del stack[k:]
                    if i - start > 1:
                        raw.append((start, i + 1, k, parent))
                    break
        elif stack:
            if ch == "\n":
                newlines += 1
            if ch in _BREAKS or newlines > 1 or i - stack[0][1] > max_title:
                stack.clear()
                newlines = 0
    closed = {start for start, _, _, _ in raw}
    pairs = []
    for start, end, depth, parent in sorted(raw):
        if depth and parent not in closed:  # the enclosing mark was stray
            depth, parent = 0, -1
        pairs.append(Pair(start, end, depth, parent))
    return pairs


def is_bare_short(title: str) -> bool:
    """《实施办法》, 《纲要》: a generic name that on its own names no document."""
    return bool(_BARE_SHORT.fullmatch(title))


def short_target(short: str, earlier: list[str], aliases: Mapping[str, str]) -> str | None:
    """The full title a short form such as 《实施办法》 refers back to, if any.

    An alias defined by 以下简称 wins; otherwise a bare generic short form takes
    the latest earlier title that ends with it (edition years and notes aside).
    """
    if short in aliases:
        return aliases[short]
    if not is_bare_short(short):
        return None
    # Only the latest titles: a back-reference points close by, and the scan stays linear.
    for full in reversed(earlier[-_LOOKBACK:]):
        base = _TRAILING_BRACKET.sub("", full)
        if base != short and base.endswith(short):
            return full
    return None


def extract_regulations(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Every cited document in ``doc``: quoted titles, then known unquoted names."""
    text = doc.text
    pairs = scan_titles(text, lexicons.max_title)
    mentions = _quoted(doc, sentences, pairs, lexicons.max_title)
    mentions.extend(_unquoted(doc, sentences, lexicons.regulation_terms, pairs))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _quoted(
    doc: Document, sentences: Sentences, pairs: list[Pair], max_title: int = MAX_TITLE
) -> list[Mention]:
    """One mention per pair of title marks, with short forms resolved in reading order."""
    text = doc.text
    titles = {p.start: _clean(text[p.start + 1 : p.end - 1]) for p in pairs}
    earlier: list[str] = []
    aliases: dict[str, str] = {}
    out: list[Mention] = []
    for p in pairs:
        title = titles[p.start]
        if not title or len(title) > max_title:
            continue
        version = version_after(text, p.end) or split_version(title)[1]
        alias = _ALIAS.match(text, p.end)
        if alias and alias.group(1) != title:
            aliases[alias.group(1)] = title
        antecedent = short_target(title, earlier, aliases)
        short = antecedent is None and is_bare_short(title)
        if antecedent is None and not short:
            earlier.append(title)
        s, e = sentences.around(p.start, p.end)
        out.append(
            Mention(
                type="regulation",
                surface=text[p.start : p.end],
                start=p.start,
                end=p.end,
                sentence_start=s,
                sentence_end=e,
                attrs=attrs(
                    title=title,
                    quoted="1",
                    version=version,
                    antecedent=antecedent,
                    container=titles.get(p.parent) if p.depth else None,
                    short="1" if short else None,
                    # Scopes a bare short form (or a local title of an unknown author)
                    # to this document.
                    doc=doc.sha1[:16],
                ),
            )
        )
    return out


def _on_boundary(text: str, start: int, end: int) -> bool:
    """Whether a dictionary hit is a word of its own (教育法 in 宣传教育法治 is not)."""
    after = text[end] if end < len(text) else ""
    return not (text[end - 1] == "法" and after in _LAW_WORD_NEXT)


def _unquoted(
    doc: Document, sentences: Sentences, terms: TermMatcher, pairs: list[Pair]
) -> list[Mention]:
    """Known titles written without 《》, leftmost-longest, outside quoted titles."""
    if not terms:
        return []
    text = doc.text
    covered = bytearray(len(text))
    for p in pairs:
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    found: list[Mention] = []
    for start, end, surface in terms.find(text):
        if any(covered[start:end]) or not _on_boundary(text, start, end):
            continue
        s, e = sentences.around(start, end)
        found.append(
            Mention(
                type="regulation",
                surface=surface,
                start=start,
                end=end,
                sentence_start=s,
                sentence_end=e,
                attrs=attrs(
                    title=terms.value(surface), quoted="0", version=version_after(text, end)
                ),
            )
        )
    return found
