"""Extract: ``Document`` -> ``Mention`` list, one small pure extractor per type."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from kg.extract.governments import extract_governments
from kg.extract.indicators import extract_indicators
from kg.extract.initiatives import extract_initiatives
from kg.extract.institutions import extract_institutions
from kg.extract.lexicons import Lexicons
from kg.extract.regulations import extract_regulations
from kg.extract.sentences import Sentences, split_sentences
from kg.model import Document, Mention

Extractor = Callable[[Document, Sentences, Lexicons], list[Mention]]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_regulations,
    extract_governments,
    extract_institutions,
    extract_initiatives,
    extract_indicators,
)

__all__ = ["EXTRACTORS", "Lexicons", "TooManyMentionsError", "extract_all", "split_sentences"]


class TooManyMentionsError(ValueError):
    """A text that gives (or would give) more mentions than the caller allows."""


_MARKS = re.compile(r"[《〈“]|\d+")


def extract_all(
    doc: Document, lexicons: Lexicons, max_mentions: int | None = None
) -> list[Mention]:
    """Every mention of every type in ``doc``, ordered by position.

    With ``max_mentions``, a text is refused (``TooManyMentionsError``) as soon as
    it is certain to exceed it: first by counting the marks that start mentions
    (《, 〈, “ and numbers) before extracting anything, then after each extractor,
    so that memory never holds the mentions of a whole site dump.
    """
    if max_mentions is not None:
        marks = sum(1 for _ in itertools.islice(_MARKS.finditer(doc.text), max_mentions * 2 + 1))
        if marks > max_mentions * 2:  # about one mention per mark in real reports
            raise TooManyMentionsError(f"more than {marks - 1:,} title marks, quotes and numbers")
    sentences = split_sentences(doc.text)
    mentions: list[Mention] = []
    for extractor in EXTRACTORS:
        mentions.extend(extractor(doc, sentences, lexicons))
        if max_mentions is not None and len(mentions) > max_mentions:
            raise TooManyMentionsError(f"more than {len(mentions):,} mentions")
    mentions.sort(key=lambda m: (m.start, m.end, m.type))
    return mentions
