"""Extract: ``Document`` -> ``Mention`` list, one small pure extractor per type."""

from __future__ import annotations

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

__all__ = ["EXTRACTORS", "Lexicons", "extract_all", "split_sentences"]


def extract_all(doc: Document, lexicons: Lexicons) -> list[Mention]:
    """Every mention of every type in ``doc``, ordered by position."""
    sentences = split_sentences(doc.text)
    mentions: list[Mention] = []
    for extractor in EXTRACTORS:
        mentions.extend(extractor(doc, sentences, lexicons))
    mentions.sort(key=lambda m: (m.start, m.end, m.type))
    return mentions
