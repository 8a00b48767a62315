"""Annotations of reports in one shape, whether written by people (gold) or read off a build.

The gold schema is documented in ``docs/annotation-guide.md``; a build is read
from its ``mentions.csv``, ``report.json`` and store. Both become
``DocAnnotation`` records so that one scorer compares gold with a build, or
two annotators with each other.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.export.spreadsheet import plain_cell
from kg.model import MENTION_TYPES


class GoldError(ValueError):
    """A gold file that does not follow the documented schema."""


@dataclass(frozen=True)
class Span:
    """One mention: where it is, what it was resolved to."""

    type: str
    start: int
    end: int
    surface: str
    label: str = ""
    key: str = ""  # entity identity across documents (gold key, or the build's IRI)
    value: float | None = None  # indicators
    unit: str = ""
    object: str = ""
    action: str = ""
    whose: str = ""  # indicators: the government the number belongs to ("" for none)
    mapped: bool = False  # indicators of a build: a concept of the curated scheme


@dataclass(frozen=True)
class Author:
    """An author of a report: its label and place chain (province first)."""

    label: str
    place: tuple[str, ...] = ()
    certain: bool = True


@dataclass(frozen=True)
class DocAnnotation:
    """Everything annotated (or extracted) for one report."""

    doc: str
    authors: tuple[Author, ...] = ()
    year: int | None = None
    mentions: tuple[Span, ...] = field(default_factory=tuple)


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def load_gold(folder: str | os.PathLike[str]) -> dict[str, DocAnnotation]:
    """Every ``*.json`` gold file in ``folder``, by report file name."""
    out: dict[str, DocAnnotation] = {}
    paths = sorted(Path(folder).glob("*.json"))
    if not paths:
        raise GoldError(f"{folder}: no gold files (*.json) found")
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ann = _gold_document(data)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}: not a gold file ({error})") from error
        out[ann.doc] = ann
    return out


def _gold_document(data: dict) -> DocAnnotation:
    spans = []
    for m in data["mentions"]:
        if m["type"] not in MENTION_TYPES:
            raise ValueError(f"unknown type {m['type']!r}")
        label = m.get("label") or ""
        key = m.get("key") or label
        if m["type"] == "indicator":  # one indicator = what was counted and the action
            key = f"{m.get('object') or ''} {m.get('action') or ''}".strip()
        if m["type"] == "government" and m.get("place"):
            key = f"{key}|{m['place'][0]}"  # homonyms (朝阳区) are kept apart by province
        spans.append(
            Span(
                type=m["type"],
                start=int(m["start"]),
                end=int(m["end"]),
                surface=m["surface"],
                label=label,
                key=key,
                value=_number(m.get("value")),
                unit=m.get("unit") or "",
                object=m.get("object") or "",
                action=m.get("action") or "",
                whose=m.get("whose") or "",
            )
        )
    authors = tuple(
        Author(a["label"], tuple(a.get("place") or ()), bool(a.get("certain", True)))
        for a in data.get("authors") or ()
    )
    year = data.get("year")
    return DocAnnotation(data["doc"], authors, int(year) if year else None, tuple(spans))


def _action(obs: dict[str, str | None]) -> str:
    if obs.get("object") is not None:  # a build that states object and action
        return obs.get("action") or ""
    return obs.get("indicator") or ""


def load_build(out: str | os.PathLike[str]) -> dict[str, DocAnnotation]:
    """What the build in ``out`` says about each report, in the gold's shape."""
    from kg.query import run_named

    out = Path(out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    numbers: dict[tuple[str, int, int], dict[str, str | None]] = {}
    for row in run_named(out, "observations-at").values():
        numbers[(str(row["doc"]), int(row["start"] or 0), int(row["end"] or 0))] = row
    spans: dict[str, list[Span]] = {}
    with (out / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            row = {k: plain_cell(v or "") for k, v in raw.items()}
            start, end = int(row["start"]), int(row["end"])
            obs = numbers.get((row["doc"], start, end), {})
            spans.setdefault(row["doc"], []).append(
                Span(
                    type=row["type"],
                    start=start,
                    end=end,
                    surface=row["surface"],
                    label=row["label"],
                    key=row["entity"],
                    value=_number(obs.get("value")),
                    unit=obs.get("unit") or "",
                    # What was counted and the action, as the build states them; a build
                    # without them is read from its counted phrase and indicator label.
                    object=obs.get("object") or obs.get("counts") or obs.get("indicator") or "",
                    action=_action(obs),
                    whose=obs.get("whose") or "",
                    mapped=bool(obs.get("scheme")),
                )
            )
    docs: dict[str, DocAnnotation] = {}
    for entry in report["documents"]:
        if entry.get("error"):
            continue
        names = [n for n in (entry.get("author") or "").split("、") if n]
        chain = tuple(reversed(entry.get("author_chain") or ()))  # province first, as in gold
        authors = tuple(Author(n, chain) for n in names)
        docs[entry["doc"]] = DocAnnotation(
            entry["doc"], authors, entry.get("year"), tuple(spans.get(entry["doc"], ()))
        )
    return docs
