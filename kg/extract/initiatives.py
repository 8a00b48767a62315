"""Initiatives: named programmes, systems, campaigns and working methods.

A quoted term (“…”) is an initiative when the lexicon knows it, or when the
words right after it say what kind of thing it is (改革, 制度, 经验, 工程 …);
metaphors and slogans (“最后一公里”) are known non-initiatives. Known
initiatives are also found unquoted.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicons import Lexicons, data_lines
from kg.extract.mention import make_mention
from kg.extract.sentences import Sentences
from kg.model import Document, Mention, attrs

_QUOTED = re.compile(
    r"“([^“”\n]{2,16})”|\"([^\"\n]{2,16})\"|‘([^‘’\n]{2,16})’|「([^「」\n]{2,16})」"
)


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    cues = sorted(data_lines("initiative_cues.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, cues))), frozenset(data_lines("not_initiatives.txt"))


def extract_initiatives(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Quoted initiatives (known or cued by the following word) and unquoted known ones."""
    cue_re, not_initiatives = _cues()
    known = lexicons.initiative_terms
    text = doc.text
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(text):
        term = next(g for g in m.groups() if g is not None).strip()
        if term in not_initiatives or not term:
            continue
        start, end = m.start(), m.end()
        cue = cue_re.match(text, end)
        # “八五”普法, “放管服”改革: the following word belongs to the name when the whole is known.
        joined = None
        for extra in range(4, 0, -1):
            candidate = term + text[end : end + extra]
            if candidate in known:
                joined = candidate
                end += extra
                break
        label = joined or term
        # A name that ends in its own kind word (“八大工程”, “说事解题”工作法) is cued too.
        own_cue = cue_re.search(term[-4:]) if len(term) > 2 else None
        if label not in known and cue is None and own_cue is None:
            continue
        if re.fullmatch(r"[\d\s.%+\-=<>]+", term):
            continue
        found.append(
            make_mention(
                "initiative",
                text,
                start,
                end,
                sentences,
                attrs(term=label, quoted="1", cue=cue.group() if cue else None),
            )
        )
        taken.append((start, end))
    taken.sort()
    for start, end, surface in known.find(text):
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(
            make_mention("initiative", text, start, end, sentences, attrs(term=surface, quoted="0"))
        )
    found.sort(key=lambda m: (m.start, m.end))
    return found
