"""What the explorer needs from a build, read from its store as compact records.

Everything here comes from SPARQL over the store (the ``*.rq`` files beside this
module), so a page can be drawn from any build without holding its documents.
Mentions are folded while they stream in: one ``Link`` per (report, entity)
with a count and at most ``sentences_per_link`` sentences, so memory grows with
the number of distinct links, not with the number of mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pyoxigraph import Literal, NamedNode, Store

from kg.store.oxigraph import run_query

LEVELS = ("province", "prefecture", "county", "township")


@dataclass(frozen=True)
class Place:
    """An administrative area: name, GB/T 2260 code, level and the place one level up."""

    iri: str
    name: str
    code: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class Organ:
    """A government organ (people's government, party committee, congress …) of a place."""

    iri: str
    label: str
    kind: str  # government, party, congress, cppcc, court, procuratorate
    level: str
    place: str | None
    parent: str | None


@dataclass(frozen=True)
class Report:
    """A report: its file, title, reported year and the organ it speaks for."""

    iri: str
    doc: str
    title: str | None
    year: str | None
    author: str | None  # the primary author: the people's government when one is credited
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A cited document, institution, initiative or indicator and its names."""

    iri: str
    type: str
    label: str
    names: tuple[str, ...]  # short and alternate names, for search
    kind: str | None = None  # a cited document's kind (法律, 行政法规 …)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report, with the mention's span relative to the sentence."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """All mentions of one entity in one report: how many, and the first sentences."""

    report: str
    entity: str
    type: str
    count: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Records:
    """The reference data and the links a view is drawn from."""

    places: dict[str, Place]
    organs: dict[str, Organ]
    reports: dict[str, Report]
    entities: dict[str, Entity]
    links: tuple[Link, ...]


@cache
def _query(name: str) -> str:
    return files("kg.export.explorer").joinpath(name + ".rq").read_text(encoding="utf-8")


def _value(term: object) -> str | None:
    return term.value if isinstance(term, NamedNode | Literal) else None


def _local(iri: str | None) -> str:
    """``…/level/county`` -> ``county``; ``…ns#party`` -> ``party``."""
    return (iri or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def read_places(store: Store) -> dict[str, Place]:
    """Every place of the build by IRI."""
    out: dict[str, Place] = {}
    for row in run_query(store, _query("places")):
        iri = _value(row["place"]) or ""
        out[iri] = Place(
            iri,
            _value(row["name"]) or "",
            _value(row["code"]) or "",
            _local(_value(row["level"])),
            _value(row["parent"]),
        )
    return out


def read_organs(store: Store) -> dict[str, Organ]:
    """Every government organ of the build by IRI."""
    out: dict[str, Organ] = {}
    for row in run_query(store, _query("organs")):
        iri = _value(row["organ"]) or ""
        out[iri] = Organ(
            iri,
            _value(row["label"]) or "",
            _local(_value(row["kind"])) or "government",
            _local(_value(row["level"])),
            _value(row["place"]),
            _value(row["parent"]),
        )
    return out


def read_reports(store: Store, organs: dict[str, Organ]) -> dict[str, Report]:
    """Every report by IRI, its primary author chosen as the build chooses it."""
    rows: dict[str, dict[str, object]] = {}
    for row in run_query(store, _query("reports")):
        iri = _value(row["report"]) or ""
        entry = rows.setdefault(
            iri,
            {
                "doc": _value(row["doc"]) or "",
                "title": _value(row["title"]),
                "year": _value(row["year"]),
                "authors": set(),
            },
        )
        author = _value(row["author"])
        if author:
            entry["authors"].add(author)  # type: ignore[attr-defined]
    out: dict[str, Report] = {}
    for iri, e in rows.items():
        authors = tuple(sorted(e["authors"]))  # type: ignore[call-overload]
        governments = [a for a in authors if a in organs and organs[a].kind == "government"]
        primary = (governments or list(authors) or [None])[0]
        out[iri] = Report(iri, str(e["doc"]), e["title"], e["year"], primary, authors)  # type: ignore[arg-type]
    return out


def read_entities(store: Store, types: Iterable[str]) -> dict[str, Entity]:
    """The entities of the given types by IRI, with their short and alternate names."""
    wanted = set(types)
    labels: dict[str, tuple[str, str, str | None]] = {}
    names: dict[str, set[str]] = {}
    for row in run_query(store, _query("entities")):
        kind = _value(row["type"]) or ""
        if kind not in wanted:
            continue
        iri = _value(row["entity"]) or ""
        label = _value(row["label"]) or ""
        # Several labels (rare): keep the shortest-then-first, the others as names.
        old = labels.get(iri)
        if old is None or (len(label), label) < (len(old[1]), old[1]):
            labels[iri] = (kind, label, _value(row["kind"]))
        names.setdefault(iri, set()).add(label)
        alt = _value(row["alt"])
        if alt:
            names[iri].add(alt)
    return {
        iri: Entity(iri, kind, label, tuple(sorted(names[iri] - {label})), legal)
        for iri, (kind, label, legal) in labels.items()
    }


def read_links(
    store: Store,
    types: Iterable[str],
    report: str | None = None,
    sentences_per_link: int = 2,
) -> tuple[Link, ...]:
    """One ``Link`` per (report, entity) for the mention types given, optionally of one report."""
    found: dict[tuple[str, str], tuple[str, int, list[tuple[int, Sentence]]]] = {}
    for kind in sorted(set(types)):
        bindings: dict[str, str | NamedNode] = {"type": kind}
        if report:
            bindings["report"] = NamedNode(report)
        for row in run_query(store, _query("mentions"), bindings):
            key = (_value(row["report"]) or "", _value(row["entity"]) or "")
            _, count, kept = found.get(key, (kind, 0, []))
            start, end = int(_value(row["start"]) or 0), int(_value(row["end"]) or 0)
            text, offset = _value(row["sentence"]), _value(row["from"])
            if text is not None and offset is not None:
                at = int(offset)
                sentence = Sentence(text, max(0, start - at), max(0, end - at))
                kept.append((start, sentence))
                # Keep the earliest sentences only: sort and cut as they come.
                kept.sort(key=lambda pair: pair[0])
                del kept[sentences_per_link:]
            found[key] = (kind, count + 1, kept)
    return tuple(
        Link(rep, ent, kind, count, tuple(s for _, s in kept))
        for (rep, ent), (kind, count, kept) in sorted(found.items())
    )


def read_records(
    store: Store,
    types: Iterable[str],
    report: str | None = None,
    sentences_per_link: int = 2,
) -> Records:
    """Places, organs, reports, entities of ``types`` and their links (of one report if given)."""
    types = tuple(types)
    organs = read_organs(store)
    return Records(
        places=read_places(store),
        organs=organs,
        reports=read_reports(store, organs),
        entities=read_entities(store, types),
        links=read_links(store, types, report, sentences_per_link),
    )
