"""The explorer's views: which nodes, edges and evidence a page shows, from ``Records``.

A ``View`` is plain data (no layout, no HTML). Its nodes form a fold tree
(``Node.fold``): a node is shown when every node above it is open, so a large
build opens with provinces folded and expands on click. ``View.tree`` is the
tree the layout follows (the fold tree, or a breadth-first tree for the entity
view).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.export.explorer.records import LEVELS, Link, Organ, Records, Report

VIEWS = ("cited-across", "report", "entity", "hierarchy")
ENTITY_TYPES = ("regulation", "institution", "initiative", "indicator")
EDGE_LABELS = {
    "regulation": "引用 cites",
    "initiative": "采用 adopts",
    "institution": "提及 mentions",
    "indicator": "报告 reports",
    "government": "提及 mentions",
    "author": "作者 author",
    "place": "位于 in",
    "organ": "机关 organ of",
}


class ViewError(ValueError):
    """A view that cannot be drawn as asked (unknown report or entity)."""


@dataclass(frozen=True)
class Node:
    """One node of a view: ``key`` is an IRI, or ``group:`` + place IRI for a folded group."""

    key: str
    label: str
    type: str  # report, government, place, group, or an entity type
    weight: int  # importance: the number of governments citing it, or of links
    names: tuple[str, ...] = ()  # further names that search matches
    info: str = ""  # one line shown under the name: level and chain, kind, year …
    fold: str | None = None  # the node that folds this one away
    level: str = ""


@dataclass(frozen=True)
class Edge:
    """A link drawn between two nodes: its kind (``EDGE_LABELS``) and how many mentions."""

    source: str
    target: str
    kind: str
    count: int


@dataclass(frozen=True)
class Evidence:
    """Why an edge exists: one report of ``organ`` naming ``entity`` ``count`` times.

    ``mentions`` are the IRIs of the mentions whose sentences the page shows
    (none when the page has shown enough sentences for this entity already).
    """

    entity: str
    organ: str
    report: str
    count: int
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """Everything one page shows, before layout."""

    name: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    evidence: tuple[Evidence, ...]
    reports: tuple[Report, ...]
    report_labels: dict[str, str]  # report IRI -> "无极县 2021" (author and year)
    tree: dict[str, tuple[str, ...]]  # layout tree: parent key -> children keys ("" = root)
    open: frozenset[str] = frozenset()  # fold nodes open when the page opens
    min_governments: int = 1
    hidden_types: tuple[str, ...] = ("indicator",)
    notes: dict[str, int] = field(default_factory=dict)  # counts of what is not drawn


def shown_mentions(view: View) -> list[str]:
    """The mentions whose sentences ``view`` shows."""
    return sorted({m for ev in view.evidence for m in ev.mentions})


def place_chain(records: Records, place: str | None) -> list[str]:
    """IRIs of ``place`` and the places above it, up to its province."""
    chain: list[str] = []
    while place and place in records.places and place not in chain:
        chain.append(place)
        place = records.places[place].parent
    return chain


def organ_label(records: Records, organ: Organ) -> str:
    """A people's government is drawn by its place's name (无极县); other organs by their own."""
    place = records.places.get(organ.place or "")
    if organ.kind == "government" and place:
        return place.name
    return organ.label


def organ_info(records: Records, organ: Organ) -> str:
    """``无极县人民政府 · county · 无极县 › 石家庄市 › 河北省``."""
    chain = " › ".join(records.places[p].name for p in place_chain(records, organ.place))
    return " · ".join(x for x in (organ.label, organ.level, chain) if x)


def _organ_node(records: Records, iri: str, weight: int, fold: str | None = None) -> Node:
    organ = records.organs.get(iri)
    if organ is None:  # an author the reference graph does not describe
        return Node(iri, iri.rsplit("/", 1)[-1], "government", weight, fold=fold)
    label = organ_label(records, organ)
    names = tuple(sorted({organ.label} - {label}))
    return Node(
        iri,
        label,
        "government",
        weight,
        names,
        organ_info(records, organ),
        fold,
        organ.level,
    )


def _entity_node(records: Records, iri: str, weight: int) -> Node:
    if iri in records.organs:
        return _organ_node(records, iri, weight)
    e = records.entities.get(iri)
    if e is None:
        return Node(iri, iri.rsplit("/", 1)[-1], "regulation", weight)
    return Node(iri, e.label, e.type, weight, e.names, e.kind or "")


def _evidence(
    records: Records,
    links: Iterable[Link],
    per_entity: int | Mapping[str, int],
    mentions_per_row: int = 2,
) -> tuple[tuple[Evidence, ...], tuple[Report, ...]]:
    """Evidence rows of ``links``; sentences for the first ``per_entity`` rows of each entity
    (a number, or a number per entity) and at most ``mentions_per_row`` sentences a row.

    Rows of an entity are in year order, so the earliest reports keep their sentences.
    """
    rows: list[Evidence] = []
    seen: dict[str, int] = defaultdict(int)
    ordered = sorted(
        links,
        key=lambda k: (k.entity, records.reports[k.report].year or "", k.report),
    )
    for link in ordered:
        report = records.reports[link.report]
        seen[link.entity] += 1
        limit = per_entity if isinstance(per_entity, int) else per_entity.get(link.entity, 0)
        shown = link.mentions[:mentions_per_row] if seen[link.entity] <= limit else ()
        rows.append(Evidence(link.entity, report.author or "", link.report, link.count, shown))
    used = sorted({r.report for r in rows})
    return tuple(rows), tuple(records.reports[r] for r in used)


def _folds(records: Records, organs: list[str]) -> tuple[dict[str, str], dict[str, Node]]:
    """Group nodes for the places above ``organs``: organ or group -> the group folding it.

    A group is made for a place above at least two organs and holding more than
    the group below it (a chain of single-child groups would fold nothing).
    """
    above: dict[str, list[str]] = {}
    members: dict[str, set[str]] = defaultdict(set)
    for o in organs:
        organ = records.organs.get(o)
        chain = place_chain(records, organ.place if organ else None)[1:]
        above[o] = list(reversed(chain))  # province first
        for p in chain:
            members[p].add(o)
    fold: dict[str, str] = {}
    groups: dict[str, Node] = {}
    for o in organs:
        parent: str | None = None
        parent_size = 0
        for p in above[o]:
            size = len(members[p])
            if size < 2 or size == parent_size:
                continue
            key = "group:" + p
            if key not in groups:
                place = records.places[p]
                groups[key] = Node(
                    key,
                    f"{place.name} ({size})",
                    "group",
                    size,
                    (place.name,),
                    f"{place.level} · {size}",
                    parent,
                    place.level,
                )
            parent, parent_size = key, size
        if parent:
            fold[o] = parent
    return fold, groups


def cited_across(
    records: Records,
    min_governments: int = 2,
    fold_above: int = 150,
    evidence_per_entity: int = 20,
    few: int = 300,
) -> View:
    """Governments × the regulations and initiatives cited by at least ``min_governments``.

    The most cited entities keep the sentences of their first
    ``evidence_per_entity`` reports; when there are more than ``few`` entities,
    those ranked below ``few`` keep 5 and the rest 1, one sentence each, so a
    large build's page stays small (the other reports are listed with counts).
    """
    by_entity: dict[str, set[str]] = defaultdict(set)
    for link in records.links:
        author = records.reports[link.report].author
        if author:
            by_entity[link.entity].add(author)
    keep = {e for e, govs in by_entity.items() if len(govs) >= min_governments}
    links = [k for k in records.links if k.entity in keep and records.reports[k.report].author]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    kinds: dict[str, str] = {}
    for link in links:
        counts[(records.reports[link.report].author or "", link.entity)] += link.count
        kinds[link.entity] = link.type
    cites: dict[str, int] = defaultdict(int)
    for gov, _ in counts:
        cites[gov] += 1
    organs = sorted(cites, key=lambda o: (_organ_sort(records, o), o))
    fold, groups = _folds(records, organs) if len(organs) > fold_above else ({}, {})
    nodes = [_organ_node(records, o, cites[o], fold.get(o)) for o in organs]
    nodes += list(groups.values())
    nodes += [_entity_node(records, e, len(by_entity[e])) for e in sorted(keep)]
    edges = tuple(Edge(g, e, kinds[e], n) for (g, e), n in sorted(counts.items()))
    ranked = sorted(keep, key=lambda e: (-len(by_entity[e]), e))
    top = max(1, few // 6)
    per_entity = {
        e: evidence_per_entity if r < top or len(ranked) <= few else 5 if r < few else 1
        for r, e in enumerate(ranked)
    }
    evidence, _ = _evidence(records, links, per_entity, 2 if len(ranked) <= few else 1)
    # Every report is listed (searchable by title, author, file), cited or not.
    reports = tuple(sorted(records.reports.values(), key=lambda r: (r.doc, r.iri)))
    tree = _fold_tree([n.key for n in nodes if n.type in ("government", "group")], fold)
    below = sum(1 for govs in by_entity.values() if len(govs) < min_governments)
    return View(
        "cited-across",
        tuple(nodes),
        edges,
        evidence,
        reports,
        _labels(records, reports),
        tree,
        min_governments=min_governments,
        notes={"below_threshold": below, "reports": len(records.reports)},
    )


def _organ_sort(records: Records, iri: str) -> tuple[str, ...]:
    """Organs ordered by their place chain's codes (province, prefecture …), then level."""
    organ = records.organs.get(iri)
    if organ is None:
        return ("~",)
    codes = [records.places[p].code for p in reversed(place_chain(records, organ.place))]
    level = LEVELS.index(organ.level) if organ.level in LEVELS else len(LEVELS)
    return (*codes, str(level), organ.kind)


def _fold_tree(keys: list[str], fold: dict[str, str]) -> dict[str, tuple[str, ...]]:
    children: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        children[fold.get(k, "")].append(k)
    return {k: tuple(v) for k, v in children.items()}


def find_report(records: Records, name: str) -> Report:
    """The report whose file name (or IRI) is ``name``."""
    for r in records.reports.values():
        if name in (r.doc, r.iri):
            return r
    raise ViewError(f"no report {name!r} in this build (see `kg query --named reports`)")


def report_view(records: Records, report: str) -> View:
    """One report at the centre: its authors and every entity it names, grouped by type."""
    rep = records.reports[report]
    links = [k for k in records.links if k.report == report]
    order = {t: i for i, t in enumerate(("government", *ENTITY_TYPES))}
    entities = sorted(
        {k.entity: k for k in links}.values(),
        key=lambda k: (order.get(k.type, 9), -k.count, k.entity),
    )
    title = rep.title or rep.doc
    nodes = [Node(rep.iri, report_label(records, rep), "report", 1000, (title, rep.doc), title)]
    edges = [Edge(rep.iri, a, "author", 1) for a in rep.authors]
    nodes += [_organ_node(records, a, 100) for a in rep.authors]
    authors = set(rep.authors)
    for k in entities:
        if k.entity not in authors:
            nodes.append(_entity_node(records, k.entity, k.count))
            edges.append(Edge(rep.iri, k.entity, k.type, k.count))
    evidence, reports = _evidence(records, links, 10_000)
    children = tuple(n.key for n in nodes[1:])
    return View(
        "report",
        tuple(nodes),
        tuple(edges),
        evidence,
        reports or (rep,),
        _labels(records, reports or (rep,)),
        {"": (rep.iri,), rep.iri: children},
    )


def report_label(records: Records, report: Report) -> str:
    """A report as people name it: author and year (无极县 2021), the file name only without."""
    organ = records.organs.get(report.author or "")
    who = organ_label(records, organ) if organ else ""
    return " ".join(x for x in (who, report.year or "") if x) or report.doc


def _labels(records: Records, reports: Iterable[Report]) -> dict[str, str]:
    return {r.iri: report_label(records, r) for r in reports}


def find_entity(records: Records, name: str) -> str:
    """The IRI of the entity or organ called ``name``: exact name first, then the shortest match."""
    candidates: list[tuple[int, int, str, str]] = []
    for e in records.entities.values():
        for n in (e.label, *e.names):
            if name == n or name == e.iri:
                candidates.append((0, len(e.label), e.label, e.iri))
            elif name in n:
                candidates.append((1, len(e.label), e.label, e.iri))
    for o in records.organs.values():
        label = organ_label(records, o)
        if name in (o.label, label, o.iri):
            candidates.append((0, len(o.label), o.label, o.iri))
        elif name in o.label:
            candidates.append((1, len(o.label), o.label, o.iri))
    if not candidates:
        raise ViewError(f"no entity or government named {name!r} in this build")
    return min(candidates)[3]


def entity_view(records: Records, focus: str, hops: int = 1, max_nodes: int = 1500) -> View:
    """The neighbourhood of ``focus`` within ``hops`` steps of author → entity links."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    pairs: dict[tuple[str, str], tuple[str, int]] = {}
    for link in records.links:
        author = records.reports[link.report].author
        if not author or author == link.entity:
            continue
        neighbours[author].add(link.entity)
        neighbours[link.entity].add(author)
        kind, n = pairs.get((author, link.entity), (link.type, 0))
        pairs[(author, link.entity)] = (kind, n + link.count)
    parent: dict[str, str] = {focus: ""}
    frontier = [focus]
    for _ in range(max(0, hops)):
        nxt: list[str] = []
        for key in frontier:
            for other in sorted(neighbours[key]):
                if other not in parent and len(parent) < max_nodes:
                    parent[other] = key
                    nxt.append(other)
        frontier = nxt
    keys = set(parent)
    weight = {k: len(neighbours[k]) for k in keys}
    nodes = [_entity_node(records, k, weight[k]) for k in sorted(keys)]
    edges = tuple(
        Edge(a, e, kind, n)
        for (a, e), (kind, n) in sorted(pairs.items())
        if a in keys and e in keys
    )
    links = [
        k for k in records.links if k.entity in keys and records.reports[k.report].author in keys
    ]
    evidence, reports = _evidence(records, links, 40)
    tree: dict[str, list[str]] = defaultdict(list)
    for k in sorted(keys, key=lambda k: (-weight[k], k)):
        tree[parent[k]].append(k)
    return View(
        "entity",
        tuple(nodes),
        edges,
        evidence,
        reports,
        _labels(records, reports),
        {k: tuple(v) for k, v in tree.items()},
        hidden_types=(),
        notes={"cut": int(len(parent) >= max_nodes)},
    )


def hierarchy_view(records: Records, fold_above: int = 150) -> View:
    """Places and their organs: each place folds the places below it and its organs."""
    authored: dict[str, int] = defaultdict(int)
    for r in records.reports.values():
        for a in r.authors:
            authored[a] += 1
    nodes: list[Node] = []
    tree: dict[str, list[str]] = defaultdict(list)
    edges: list[Edge] = []
    places = sorted(records.places.values(), key=lambda p: (p.code, p.iri))
    for p in places:
        parent = p.parent if p.parent in records.places else None
        nodes.append(Node(p.iri, p.name, "place", 0, (p.code,), p.level, parent, p.level))
        tree[parent or ""].append(p.iri)
        if parent:
            edges.append(Edge(p.iri, parent, "place", 1))
    organs = [o for o in records.organs.values() if o.kind != "institution"]
    for o in sorted(organs, key=lambda o: (_organ_sort(records, o.iri), o.iri)):
        place = o.place if o.place in records.places else None
        nodes.append(
            Node(
                o.iri,
                o.label,
                "government",
                authored[o.iri],
                (),
                organ_info(records, o),
                place,
                o.level,
            )
        )
        tree[place or ""].append(o.iri)
        if place:
            edges.append(Edge(o.iri, place, "organ", 1))
    # Open the places from the top while the page stays under ``fold_above`` nodes.
    shown = len(tree[""])
    opened: set[str] = set()
    for level in LEVELS:
        layer = [p.iri for p in places if p.level == level]
        more = sum(len(tree[p]) for p in layer)
        if shown + more > fold_above and opened:
            break
        opened.update(layer)
        shown += more
    return View(
        "hierarchy",
        tuple(nodes),
        tuple(edges),
        (),
        (),
        {},
        {k: tuple(v) for k, v in tree.items()},
        frozenset(opened),
        hidden_types=(),
    )
