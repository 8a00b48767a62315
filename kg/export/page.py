"""``graph.html``, drawn from the build's store, and the records it was drawn from.

The page reads the store like every other reader of the build: on a large
build, reading every report's mentions is most of its time. So each
generation keeps, beside the page, the records it was drawn from
(``PAGE_RECORDS``) and the sentences it shows (``PAGE_SENTENCES``), and a
rebuild's page starts from the previous page's, reading again only the reports
that came, the kinds of shared facts that changed (``PageChanges``) and the
sentences it did not show; the page is the same as one drawn from scratch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

from kg.export.explorer.records import (
    Records,
    Sentence,
    read_records,
    read_records_again,
    records_from_json,
    records_json,
)
from kg.export.files import atomic_write_text
from kg.export.html import draw_views, view_of

# Beside the page in each generation: the records it was drawn from and the sentences it
# shows, for the next build's.
PAGE_RECORDS = ".page-records.json"
PAGE_SENTENCES = ".page-sentences.json"
PAGE_VIEWS = ("cited-across", "hierarchy")  # the first opens
PAGE_TYPES = ("regulation", "initiative")  # the mention types the page's views draw


@dataclass(frozen=True)
class PageChanges:
    """How a build's store differs from the previous build's, whose page left its records."""

    previous: Path  # the previous page's records (PAGE_RECORDS of its generation)
    gone: tuple[str, ...]  # report graphs removed
    added: tuple[str, ...]  # report graphs added
    stale: tuple[str, ...]  # parts of the reference data that changed (``STALE_PARTS``)
    organs: tuple[str, ...] | None = None  # the organs whose facts changed, when known


def write_page(
    store: Store,
    html_path: Path,
    changes: PageChanges | None = None,
    before: PreviousPage | None = None,
) -> None:
    """Write ``html_path``, the page of the build in ``store``, and beside it the records it
    was drawn from (read again only where ``changes`` says, when given). ``before`` is the
    previous page's records and sentences (``previous_page(changes)``), when read already."""
    if changes is not None and before is None:
        before = previous_page(changes)
    records = _records_again(store, changes, before.records) if changes and before else None
    if records is None:
        records = read_records(store, PAGE_TYPES)
    views = [view_of(store, name, known=records) for name in PAGE_VIEWS]
    known = before.sentences if before else None
    html, sentences = draw_views(store, views, "fazhi-kg", known)
    atomic_write_text(html_path, html)
    atomic_write_text(html_path.parent / PAGE_RECORDS, records_json(records))
    atomic_write_text(html_path.parent / PAGE_SENTENCES, sentences_json(sentences))


def sentences_json(sentences: dict[str, Sentence]) -> str:
    """The page's sentences as JSON, by mention IRI (``_sentences_before`` reads them)."""
    rows = {m: [s.text, s.start, s.end] for m, s in sorted(sentences.items())}
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _sentences_before(path: Path) -> dict[str, Sentence] | None:
    """The previous page's sentences; None (read them all again) if they are not readable."""
    try:
        rows = json.loads(path.read_text("utf-8"))
        return {m: Sentence(str(t), int(a), int(b)) for m, (t, a, b) in rows.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class PreviousPage:
    """What a rebuild's page starts from: the previous page's records and sentences (None
    where they cannot be read: then they are read from the store)."""

    records: Records | None
    sentences: dict[str, Sentence] | None


def previous_page(changes: PageChanges) -> PreviousPage:
    """The records and sentences the previous page left (``PAGE_RECORDS``, ``PAGE_SENTENCES``).

    Needs no store: a build reads them while it still writes its other files (tens of
    megabytes of JSON on a large build, once most of a rebuild's page).
    """
    try:
        records: Records | None = records_from_json(changes.previous.read_text("utf-8"))
    except (OSError, ValueError, LookupError, TypeError):
        records = None  # no usable records: read everything
    sentences = _sentences_before(changes.previous.parent / PAGE_SENTENCES)
    return PreviousPage(records, sentences)


def _records_again(store: Store, changes: PageChanges, before: Records | None) -> Records | None:
    if before is None or set(before.types) != set(PAGE_TYPES):
        return None
    return read_records_again(
        store, before, changes.gone, changes.added, changes.stale, changes.organs
    )
