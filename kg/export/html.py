"""``graph.html``: a self-contained explorer of a build (vis-network inlined), drawn from its store.

The page loads nothing from the network: vis-network's script and styles,
shipped inside the pyvis package, are inlined, and the view is embedded as
compact JSON (column arrays and integer ids, no HTML) in a ``<script
type="application/json">`` block whose ``<``, ``>`` and ``&`` are escaped, so
document text can never close the block or become markup. The page's script
puts all text on the page with ``textContent``.

The layout is computed here (``kg.export.explorer.layout``), so the same build
gives the same picture and nothing moves when the page opens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

from pyoxigraph import Store

from kg.export.explorer.layout import inside, radial_tree, to_xy
from kg.export.explorer.records import Records, Sentence, read_records, read_sentences
from kg.export.explorer.views import (
    EDGE_LABELS,
    ENTITY_TYPES,
    VIEWS,
    View,
    ViewError,
    cited_across,
    entity_view,
    find_entity,
    find_report,
    hierarchy_view,
    report_view,
    shown_mentions,
)

__all__ = ["VIEWS", "ViewError", "fill_template", "page_data", "render_html", "view_of"]

TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    # type: (colour, shape, legend label)
    "report": ("#6b7280", "box", "报告 Report"),
    "group": ("#b45309", "hexagon", "地区（折叠）Folded area"),
    "government": ("#dc2626", "dot", "政府 Government"),
    "place": ("#f59e0b", "triangle", "地区 Place"),
    "regulation": ("#2563eb", "square", "法规文件 Regulation"),
    "institution": ("#16a34a", "dot", "机构 Institution"),
    "initiative": ("#9333ea", "diamond", "举措 Initiative"),
    "indicator": ("#0891b2", "star", "指标 Indicator"),
}
TYPES = tuple(TYPE_STYLE)


@cache
def _vis_assets() -> tuple[str, str]:
    # Found, not imported: importing pyvis imports IPython and networkx, a second
    # or more on every build for two files we only read.
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the pyvis package (which ships vis-network) is not installed")
    lib = Path(next(iter(spec.submodule_search_locations)), "templates", "lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script"), css


def view_of(
    store: Store,
    view: str = "cited-across",
    focus: str | None = None,
    hops: int = 1,
    min_governments: int = 2,
    report: str | None = None,
    fold_above: int = 150,
    known: Records | None = None,
) -> View:
    """The ``View`` asked for, read from ``store`` (see ``kg.export.explorer.views``).

    ``known``: records already read from ``store`` (``read_records``), to reuse.
    """
    if view == "cited-across":
        wanted = ("regulation", "initiative")
        if known is not None and known.report is None and set(known.types) == set(wanted):
            records = known  # read already with these very links
        else:
            records = read_records(store, wanted, known=known)
        return cited_across(records, max(1, min_governments), fold_above)
    if view == "report":
        if not report:
            raise ViewError("the report view needs --report FILE (a file name of the build)")
        known = known or read_records(store, ())
        iri = find_report(known, report).iri
        records = read_records(store, ("government", *ENTITY_TYPES), report=iri, known=known)
        return report_view(records, iri)
    if view == "entity":
        if not focus:
            raise ViewError("the entity view needs --focus NAME (a regulation, initiative …)")
        records = read_records(store, ("government", *ENTITY_TYPES), known=known)
        return entity_view(records, find_entity(records, focus), hops)
    if view == "hierarchy":
        return hierarchy_view(known or read_records(store, ()), fold_above)
    raise ViewError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")


def positions(view: View) -> dict[str, tuple[int, int]]:
    """Where each node of ``view`` is drawn, computed once, deterministically."""
    ring = view.name == "cited-across"
    polar = radial_tree(view.tree, spacing=90.0, step=420.0 if ring else 300.0, ring=ring)
    xy = to_xy(polar)
    if view.name != "cited-across":
        return xy
    radius = max((r for _, r, _ in polar.values()), default=300.0)
    pulls: dict[str, list[tuple[str, int]]] = {}
    for e in view.edges:
        pulls.setdefault(e.target, []).append((e.source, e.count))
    inner = [n for n in view.nodes if n.key not in xy]
    inner.sort(key=lambda n: (-n.weight, n.label, n.key))
    xy.update(inside(xy, ((n.key, n.weight, pulls.get(n.key, [])) for n in inner), radius))
    return xy


def page_data(view: View, sentences: Mapping[str, Sentence]) -> dict[str, object]:
    """The view as compact JSON-ready data: column arrays, integer ids, no markup.

    ``sentences`` are those of the view's evidence mentions, by mention IRI.
    """
    xy = positions(view)
    index = {n.key: i for i, n in enumerate(view.nodes)}
    reports = {r.iri: i for i, r in enumerate(view.reports)}
    # Edges that are the links themselves added up per (author, entity) are rebuilt by the
    # page from the links (cited-across, entity): the largest part of the data, sent once.
    derive = view.name in ("cited-across", "entity")
    kinds = sorted({e.kind for e in view.edges} | set(EDGE_LABELS))
    edge_flat: list[int] = []
    for e in () if derive else view.edges:
        edge_flat += [index[e.source], index[e.target], kinds.index(e.kind), e.count]
    texts: list[list[object]] = []
    links: list[int] = []  # per entity: entity, rows, then (report, count) per row
    shown: list[int] = []  # per row with sentences: row, first sentence, how many
    rows = 0
    last = -1
    for ev in view.evidence:
        if ev.entity not in index:
            continue
        entity = index[ev.entity]
        if entity != last:
            links += [entity, 0]
            run, last = len(links) - 1, entity
        links[run] += 1
        links += [reports[ev.report], ev.count]
        found = [sentences[m] for m in ev.mentions if m in sentences]
        if found:
            shown += [rows, len(texts), len(found)]
            texts += [[s.text, s.start, s.end] for s in found]
        rows += 1
    return {
        "view": view.name,
        "min": view.min_governments,
        "types": list(TYPES),
        "hidden": list(view.hidden_types),
        "edgeKinds": [EDGE_LABELS.get(k, k) for k in kinds],
        "nodes": {
            "key": [n.key for n in view.nodes],
            "label": [n.label for n in view.nodes],
            "type": [TYPES.index(n.type) for n in view.nodes],
            "w": [n.weight for n in view.nodes],
            "x": [xy.get(n.key, (0, 0))[0] for n in view.nodes],
            "y": [xy.get(n.key, (0, 0))[1] for n in view.nodes],
            "fold": [index.get(n.fold, -1) if n.fold else -1 for n in view.nodes],
            "info": [n.info for n in view.nodes],
            "names": [list(n.names) for n in view.nodes],
            "level": [n.level for n in view.nodes],
        },
        "edges": edge_flat,
        "derive": derive,
        "kindOfType": {t: kinds.index(t) for t in TYPES if t in kinds},
        "links": links,
        "shown": shown,
        "sentences": texts,
        "reports": {
            "doc": [r.doc for r in view.reports],
            "title": [r.title or "" for r in view.reports],
            "year": [r.year or "" for r in view.reports],
            "author": [index.get(r.author or "", -1) for r in view.reports],
            "node": [index.get(r.iri, -1) for r in view.reports],
            "label": [view.report_labels.get(r.iri, r.doc) for r in view.reports],
        },
        "open": sorted(index[k] for k in view.open if k in index),
        "notes": dict(sorted(view.notes.items())),
    }


def _json_for_script(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    store: Store,
    view: str = "cited-across",
    focus: str | None = None,
    hops: int = 1,
    min_governments: int = 2,
    report: str | None = None,
    fold_above: int = 150,
    title: str = "fazhi-kg",
    more_views: Sequence[str] = (),
    records: Records | None = None,
) -> str:
    """The whole page for one view of the build in ``store`` (and ``more_views`` to switch to).

    ``records``: read from ``store`` already (``read_records``), to draw from.
    """
    # Places, organs and reports: read once for every view.
    known = records if records is not None else read_records(store, ())
    chosen = [view_of(store, view, focus, hops, min_governments, report, fold_above, known)]
    chosen += [
        view_of(store, v, fold_above=fold_above, known=known) for v in more_views if v != view
    ]
    return draw_views(store, chosen, title)[0]


def draw_views(
    store: Store, views: Sequence[View], title: str, known: Mapping[str, Sentence] | None = None
) -> tuple[str, dict[str, Sentence]]:
    """The page of ``views`` (the first opens) and the sentences it shows, by mention IRI.

    ``known``: sentences read from ``store`` before (a mention's sentence is that of its
    report, which its IRI names): only the others are read.
    """
    known = known or {}
    shown = sorted({m for v in views for m in shown_mentions(v)})
    sentences = {m: known[m] for m in shown if m in known}
    sentences.update(read_sentences(store, [m for m in shown if m not in sentences]))
    return page_html([page_data(v, sentences) for v in views], title), sentences


def page_html(views: Sequence[dict[str, object]], title: str = "fazhi-kg") -> str:
    """The page around already computed ``page_data`` of one or more views (the first opens)."""
    js, css = _vis_assets()
    styles = {k: {"color": c, "shape": s, "label": lbl} for k, (c, s, lbl) in TYPE_STYLE.items()}
    template = files("kg.export").joinpath("graph.html.tmpl").read_text(encoding="utf-8")
    return fill_template(
        template,
        {
            "/*VIS_CSS*/": css,
            "/*VIS_JS*/": js,
            "/*STYLE_JSON*/": _json_for_script(styles),
            "<!--TITLE-->": title.replace("&", "&amp;").replace("<", "&lt;"),
            "/*GRAPH_JSON*/": _json_for_script({"views": list(views)}),
        },
    )


def fill_template(template: str, values: dict[str, str]) -> str:
    """``template`` with each marker replaced by its value, in one pass over the template.

    A value is never searched for markers: document text that happens to contain
    ``/*STYLE_JSON*/`` stays text (chained ``str.replace`` would substitute into it).
    """
    pattern = re.compile("|".join(re.escape(marker) for marker in values))
    return pattern.sub(lambda m: values[m.group()], template)
