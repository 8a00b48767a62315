"""``mentions.csv``: one row per mention, the contract other tools read."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kg.export.spreadsheet import safe_cell
from kg.model import ResolvedDocument

COLUMNS = ("doc", "type", "surface", "start", "end", "sentence", "entity", "label")


def mention_rows(docs: Iterable[ResolvedDocument]) -> list[tuple[str, ...]]:
    """Rows of ``mentions.csv`` in document, then text order."""
    rows = []
    for rd in docs:
        text = rd.document.text
        for r in rd.mentions:
            m = r.mention
            rows.append(
                (
                    rd.document.name,
                    m.type,
                    m.surface,
                    str(m.start),
                    str(m.end),
                    text[m.sentence_start : m.sentence_end],
                    r.entity.iri,
                    r.entity.label,
                )
            )
    rows.sort(key=lambda r: (r[0], int(r[3]), int(r[4]), r[1]))
    return rows


def mention_rows_csv(docs: Iterable[ResolvedDocument]) -> str:
    """The rows of ``mentions.csv`` for ``docs``, without the header (``mentions_header``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(tuple(safe_cell(c) for c in row) for row in mention_rows(docs))
    return buffer.getvalue()


def mentions_header() -> str:
    """The header line of ``mentions.csv``."""
    return ",".join(COLUMNS) + "\n"
