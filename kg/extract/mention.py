"""Building a ``Mention`` from a span, shared by every extractor."""

from __future__ import annotations

from kg.extract.sentences import Sentences
from kg.model import Attrs, Mention


def make_mention(
    kind: str, text: str, start: int, end: int, sentences: Sentences, facts: Attrs = ()
) -> Mention:
    """A mention of ``text[start:end]`` with its sentence span."""
    s, e = sentences.around(start, end)
    return Mention(
        type=kind,
        surface=text[start:end],
        start=start,
        end=end,
        sentence_start=s,
        sentence_end=e,
        attrs=facts,
    )
