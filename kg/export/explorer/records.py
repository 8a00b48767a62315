"""What the explorer needs from a build, read from its store as compact records.

Everything here comes from SPARQL over the store (the ``*.rq`` files beside this
module), so a page can be drawn from any build without holding its documents.
Mentions are folded while they stream in: one ``Link`` per (report, entity)
with a count and its first two mentions, so memory grows with the number of
distinct links, not with the number of mentions; sentences are read only for
the links a page shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from pyoxigraph import Literal, NamedNode, QuerySolution, Store

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
    """A government organ (people's government, party committee, congress …) of a place,
    or an institution (``kind`` institution), which can author a report too."""

    iri: str
    label: str
    kind: str  # government, party, congress, cppcc, court, procuratorate, institution
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
    """A sentence of a report (or a window of it), with the mention's span inside it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """All mentions of one entity in one report: how many, and the first few (their IRIs)."""

    report: str
    entity: str
    type: str
    count: int
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Records:
    """The reference data and the links a view is drawn from."""

    places: dict[str, Place]
    organs: dict[str, Organ]
    reports: dict[str, Report]
    entities: dict[str, Entity]
    links: tuple[Link, ...]
    types: tuple[str, ...] = ()  # the mention types of ``entities`` and ``links``
    report: str | None = None  # the one report ``links`` are of, if only one


@cache
def _query(name: str) -> str:
    return files("kg.export.explorer").joinpath(name + ".rq").read_text(encoding="utf-8")


def _listed(name: str, variable: str, iris: Iterable[str]) -> str:
    """The query ``name`` with its empty ``VALUES ?variable { }`` block filled with ``iris``.

    They go in as IRI terms (``NamedNode`` refuses anything that is not an IRI and writes
    it in its ``<…>`` form): IRIs the build's own data holds, never text a user gave.
    """
    values = " ".join(str(NamedNode(iri)) for iri in iris)
    block = f"VALUES ?{variable} {{ }}"
    return _query(name).replace(block, f"VALUES ?{variable} {{ {values} }}", 1)


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


def read_organs(store: Store, only: Iterable[str] | None = None) -> dict[str, Organ]:
    """Every government organ of the build by IRI (or of the IRIs ``only``, those of them
    the build still holds, from its own reference data)."""
    if only is None:
        rows: Iterable[QuerySolution] = run_query(store, _query("organs"))
    else:
        rows = run_query(store, _listed("organs-listed", "organ", sorted(set(only))))
    out: dict[str, Organ] = {}
    for row in rows:
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


def read_reports(
    store: Store, organs: dict[str, Organ], only: Iterable[str] | None = None
) -> dict[str, Report]:
    """Every report by IRI (or the reports ``only``), its primary author chosen as the
    build chooses it."""
    rows: dict[str, dict[str, object]] = {}

    def add(iri: str, row: QuerySolution) -> None:
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

    if only is None:
        for row in run_query(store, _query("reports")):
            add(_value(row["report"]) or "", row)
    else:
        for iri in only:  # a few new reports: one lookup each, not a scan of all
            for row in run_query(store, _query("report"), {"report": NamedNode(iri)}):
                add(iri, row)
    return {  # in IRI order, whichever way they were read
        iri: with_primary(
            Report(iri, str(e["doc"]), e["title"], e["year"], None, tuple(sorted(e["authors"]))),  # type: ignore[arg-type, call-overload]
            organs,
        )
        for iri, e in sorted(rows.items())
    }


def with_primary(report: Report, organs: dict[str, Organ]) -> Report:
    """``report`` with its primary author: its first people's government, else its first
    author."""
    governments = [a for a in report.authors if a in organs and organs[a].kind == "government"]
    primary = (governments or list(report.authors) or [None])[0]
    return replace(report, author=primary)


def read_entities(store: Store, types: Iterable[str]) -> dict[str, Entity]:
    """The entities of the given types by IRI, with their short and alternate names."""
    wanted = set(types) & {"regulation", "institution", "initiative", "indicator"}
    if not wanted:
        return {}
    labels: dict[str, tuple[str, str, str | None]] = {}
    names: dict[str, set[str]] = {}
    # One query per type wanted: the page wants cited documents and initiatives, and
    # reading the tens of thousands of institutions too took most of a rebuild's page.
    rows = (
        (kind, row)
        for kind in sorted(wanted)
        for row in run_query(store, _query("entities-" + kind))
    )
    for kind, row in rows:
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


def _mention_order(iri: str) -> tuple[int, str]:
    """Mentions in reading order: a mention IRI ends in ``/start-end`` (see docs/querying.md)."""
    tail = iri.rsplit("/", 1)[-1].split("-", 1)[0]
    return (int(tail) if tail.isdigit() else 0, iri)


def read_links(
    store: Store,
    types: Iterable[str],
    report: str | None = None,
    mentions_per_link: int = 2,
) -> tuple[Link, ...]:
    """One ``Link`` per (report, entity) for the mention types given, optionally of one report.

    Only the mentions' IRIs and bodies are read here (a mention's IRI names its
    report), which is what makes this fast on large builds; their sentences are
    read afterwards for the few links a page shows (``read_sentences``).
    """
    found: dict[tuple[str, str], tuple[str, int, list[str]]] = {}
    for kind in sorted(set(types)):
        bindings: dict[str, str | NamedNode] = {"type": kind}
        if report:
            bindings["report"] = NamedNode(report)
        query = _query("mentions-in-report" if report else "mentions")
        for row in run_query(store, query, bindings):
            mention, entity = row["mention"].value, row["entity"].value
            key = (mention.rsplit("/", 2)[0], entity)
            _, count, kept = found.get(key, (kind, 0, []))
            kept.append(mention)
            if len(kept) > mentions_per_link:  # keep the earliest few as they stream in
                kept.sort(key=_mention_order)
                del kept[mentions_per_link:]
            found[key] = (kind, count + 1, kept)
    return tuple(
        Link(rep, ent, kind, count, tuple(sorted(kept, key=_mention_order)))
        for (rep, ent), (kind, count, kept) in sorted(found.items())
    )


def window(text: str, start: int, end: int, context: int) -> Sentence:
    """``text`` cut to ``context`` characters around [start, end), with … where cut."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    end = max(start, end)
    left, right = max(0, start - context), min(len(text), end + context)
    head, tail = ("…" if left else ""), ("…" if right < len(text) else "")
    return Sentence(
        head + text[left:right] + tail, start - left + len(head), end - left + len(head)
    )


def read_sentences(
    store: Store, mentions: Iterable[str], context: int = 60, batch: int = 2000
) -> dict[str, Sentence]:
    """The sentence of each mention (cut to ``context`` characters either side), by mention IRI.

    The mentions go into the query's VALUES block as IRI terms: they are IRIs
    read from this store (``NamedNode`` refuses anything that is not an IRI and
    writes it in its ``<…>`` form), never text given by a user.
    """
    wanted = sorted(set(mentions))
    out: dict[str, Sentence] = {}
    for i in range(0, len(wanted), batch):
        sparql = _listed("sentences", "mention", wanted[i : i + batch])
        for row in run_query(store, sparql):
            at = int(_value(row["from"]) or 0)
            start, end = int(_value(row["start"]) or 0) - at, int(_value(row["end"]) or 0) - at
            out[_value(row["mention"]) or ""] = window(
                _value(row["sentence"]) or "", start, end, context
            )
    return out


def read_records(
    store: Store,
    types: Iterable[str],
    report: str | None = None,
    known: Records | None = None,
) -> Records:
    """Places, organs, reports, entities of ``types`` and their links (of one report if given).

    ``known`` records of the same store lend their places, organs and reports, which
    every view needs and which take seconds to read on a large build.
    """
    types = tuple(types)
    if known is None:
        organs = read_organs(store)
        places, reports = read_places(store), read_reports(store, organs)
    else:
        places, organs, reports = known.places, known.organs, known.reports
    return Records(
        places=places,
        organs=organs,
        reports=reports,
        entities=read_entities(store, types),
        links=read_links(store, types, report),
        types=types,
        report=report,
    )


# What a change of each reference graph (by its name's last part) makes stale in records.
STALE_WHEN_CHANGED = {
    "places": ("places",),
    "governments": ("organs",),
    "institutions": ("organs", "entities"),
    "regulations": ("entities",),
    "initiatives": ("entities",),
    "indicators": ("entities",),
}
STALE_PARTS = ("places", "organs", "entities")


def read_records_again(
    store: Store,
    before: Records,
    gone: Iterable[str],
    added: Iterable[str],
    stale: Iterable[str] = STALE_PARTS,
    changed_organs: Sequence[str] | None = None,
) -> Records:
    """``read_records(store, before.types)`` for a store that is ``before``'s with the report
    graphs ``gone`` removed, ``added`` added and the ``stale`` parts of its reference data
    changed (of ``STALE_PARTS``), reading only what changed: a 1 % rebuild's page no longer
    reads every mention and every report again. ``changed_organs``, when known, are the
    organs whose shared facts changed: only they are read again. Kept reports' primary
    authors are chosen again from the organs, which may have changed.
    """
    stale = set(stale)
    if "organs" not in stale:
        organs = before.organs
    elif changed_organs is not None:
        # Only the organs whose facts changed (a report's unplaced bodies come and go with
        # it) are read again: reading all of them was most of a 1 % rebuild's page.
        changed = set(changed_organs)
        organs = {i: o for i, o in before.organs.items() if i not in changed}
        organs = dict(sorted({**organs, **read_organs(store, changed_organs)}.items()))
    else:
        organs = read_organs(store)
    places = read_places(store) if "places" in stale else before.places
    entities = read_entities(store, before.types) if "entities" in stale else before.entities
    gone = set(gone)
    links = [link for link in before.links if link.report not in gone]
    for report in sorted(set(added)):
        links += read_links(store, before.types, report)
    if before.reports:
        kept = {i: with_primary(r, organs) for i, r in before.reports.items() if i not in gone}
        reports = {**kept, **read_reports(store, organs, sorted(set(added)))}
    else:
        reports = read_reports(store, organs)
    return Records(
        places=places,
        organs=organs,
        reports=dict(sorted(reports.items())),  # as read_reports gives them
        entities=entities,
        links=tuple(sorted(links, key=lambda k: (k.report, k.entity))),
        types=before.types,
    )


def records_json(records: Records) -> str:
    """``records`` as JSON (``records_from_json`` reads it back), keys sorted."""
    data = {
        "types": list(records.types),
        "places": [_row(p) for _, p in sorted(records.places.items())],
        "organs": [_row(o) for _, o in sorted(records.organs.items())],
        "entities": [_row(e) for _, e in sorted(records.entities.items())],
        "reports": [_row(r) for _, r in sorted(records.reports.items())],
        "links": [_row(k) for k in records.links],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _row(record: object) -> list[object]:
    return list(vars(record).values())  # the fields in order (plain dataclasses)


def records_from_json(text: str) -> Records:
    """The records ``records_json`` wrote."""
    data = json.loads(text)
    places = {row[0]: Place(*row) for row in data["places"]}
    organs = {row[0]: Organ(*row) for row in data["organs"]}
    entities = {
        row[0]: Entity(row[0], row[1], row[2], tuple(row[3]), row[4]) for row in data["entities"]
    }
    links = tuple(Link(row[0], row[1], row[2], int(row[3]), tuple(row[4])) for row in data["links"])
    reports = {row[0]: Report(*row[:5], tuple(row[5])) for row in data["reports"]}
    return Records(places, organs, reports, entities, links, tuple(data["types"]))
