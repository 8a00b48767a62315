"""Cited documents: 《…》 titles, nested 〈…〉/<…>, back-references, unquoted laws."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.lexicons import Lexicons
from kg.extract.sentences import Sentences
from kg.extract.terms import TermMatcher
from kg.model import Document, Mention, attrs

MAX_TITLE = 120  # characters inside 《》; longer means a stray mark
_OPEN = {"《": "》", "〈": "〉", "<": ">", "＜": "＞"}
_CLOSE = {v: k for k, v in _OPEN.items()}
# A bracket never spans a sentence end or a paragraph break (a single line
# break is allowed: titles get wrapped).
_BREAKS = set("。！？!?\r")
_VERSION = re.compile(
    r"[（(]\s*((?:19|20)\d{2}\s*年?\s*(?:修订|修正|修改)[版本稿]?|(?:19|20)\d{2}年版)\s*[）)]"
)
_ALIAS = re.compile(r"^[（(]\s*以下(?:简称|称)\s*[《“\"]([^》”\"]{1,20})[》”\"]\s*[）)]")
# Short forms that on their own name no particular document.
_GENERIC_TAILS = (
    "纲要",
    "条例",
    "办法",
    "实施办法",
    "规定",
    "意见",
    "方案",
    "实施方案",
    "细则",
    "实施细则",
    "决定",
    "通知",
    "规划",
    "清单",
    "要点",
    "制度",
    "准则",
    "规则",
)


def _clean(title: str) -> str:
    """Title text as cited: line breaks and surrounding blanks removed."""
    return re.sub(r"\s*\n\s*", "", title).strip()


def _scan(text: str) -> list[tuple[int, int, int]]:
    """Bracket pairs ``(start, end, depth)``; ``end`` is past the closing mark.

    One pass over the text with a small stack: linear time whatever the input,
    and an unclosed mark is dropped when a sentence ends or the title grows
    past ``MAX_TITLE``, so it never swallows a paragraph.
    """
    pairs: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    newlines = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if ch in "<＜" and not stack:
                continue  # a bare < outside 《》 is a comparison, not a title
            if len(stack) >= 4:
                stack.clear()
            stack.append((ch, i))
            newlines = 0
        elif ch in _CLOSE and stack:
            want = _CLOSE[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == want:
                    start = stack[k][1]
                    del stack[k:]
                    if i - start - 1 >= 1:
                        pairs.append((start, i + 1, k))
                    break
        elif stack:
            if ch == "\n":
                newlines += 1
            if ch in _BREAKS or newlines > 1 or i - stack[0][1] > MAX_TITLE:
                stack.clear()
                newlines = 0
    pairs.sort()
    return pairs


def _short_target(short: str, earlier: list[str], aliases: Mapping[str, str]) -> str | None:
    """The full title a short form such as 《实施办法》 refers back to, if any."""
    if short in aliases:
        return aliases[short]
    if len(short) > 8 or (short not in _GENERIC_TAILS and not short.endswith(_GENERIC_TAILS)):
        return None
    for full in reversed(earlier):
        if full != short and full.endswith(short) and len(full) > len(short) + 2:
            return full
    return None


def extract_regulations(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Every cited document in ``doc``: quoted titles first, then known unquoted names."""
    text = doc.text
    mentions: list[Mention] = []
    earlier: list[str] = []
    aliases: dict[str, str] = {}
    outer: tuple[int, str] = (-1, "")  # end offset and title of the enclosing 《》
    pairs = _scan(text)
    for start, end, depth in pairs:
        title = _clean(text[start + 1 : end - 1])
        if not title or len(title) > MAX_TITLE:
            continue
        container = outer[1] if depth > 0 and start < outer[0] else None
        if depth == 0:
            outer = (end, title)
        version = None
        m = _VERSION.match(text, end)
        if m:
            version = re.sub(r"\s+", "", m.group(1))
        a = _ALIAS.match(text, end if not m else m.end())
        if a:
            aliases[a.group(1)] = title
        antecedent = _short_target(title, earlier, aliases) if depth == 0 else None
        s, e = sentences.around(start, end)
        mentions.append(
            Mention(
                type="regulation",
                surface=text[start:end],
                start=start,
                end=end,
                sentence_start=s,
                sentence_end=e,
                attrs=attrs(
                    title=title,
                    quoted="1",
                    version=version,
                    antecedent=antecedent,
                    container=container,
                ),
            )
        )
        if depth == 0 and antecedent is None:
            earlier.append(title)
    mentions.extend(_unquoted(doc, sentences, lexicons.regulation_terms, pairs))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _unquoted(
    doc: Document, sentences: Sentences, terms: TermMatcher, pairs: list[tuple[int, int, int]]
) -> list[Mention]:
    """Known titles written without 《》, longest match first, outside quoted titles."""
    if not terms:
        return []
    text = doc.text
    covered = bytearray(len(text))
    for start, end, _ in pairs:
        covered[start:end] = b"\x01" * (end - start)
    found: list[Mention] = []
    for start, end, surface in terms.find(text):
        if any(covered[start:end]):
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
                attrs=attrs(title=terms.value(surface), quoted="0"),
            )
        )
    return found
