"""``graph.html``: a self-contained interactive network (vis-network, inlined).

The page loads nothing from the network: vis-network's script and styles,
shipped inside the pyvis package, are inlined, and the graph is embedded as
JSON in a ``<script type="application/json">`` block whose ``<`` are escaped,
so document text can never close the block or become markup. All text is put
on the page with ``textContent``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from kg.model import ResolvedDocument

TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    # type: (colour, shape, legend label)
    "report": ("#6b7280", "box", "报告 Report"),
    "government": ("#dc2626", "dot", "政府 Government"),
    "place": ("#f59e0b", "triangle", "地区 Place"),
    "regulation": ("#2563eb", "square", "法规文件 Regulation"),
    "institution": ("#16a34a", "dot", "机构 Institution"),
    "initiative": ("#9333ea", "diamond", "举措 Initiative"),
    "indicator": ("#0891b2", "star", "指标 Indicator"),
}


@cache
def _vis_assets() -> tuple[str, str]:
    lib = files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script"), css


def document_graph_data(rd: ResolvedDocument) -> dict[str, list[dict[str, object]]]:
    """One report's share of the network: its node, its entities, its edges and sentences."""
    nodes: dict[str, dict[str, object]] = {}
    edges: dict[tuple[str, str, str], dict[str, object]] = {}
    nodes[rd.iri] = {
        "id": rd.iri,
        "label": rd.document.meta.title or rd.document.name,
        "group": "report",
        "doc": rd.document.name,
    }
    for e in rd.entities:
        nodes.setdefault(e.iri, {"id": e.iri, "label": e.label, "group": e.type})
        parent = e.attr("parent")
        if e.type == "government" and parent:
            key = (e.iri, parent, "subOrganizationOf")
            edges.setdefault(key, {"from": e.iri, "to": parent, "label": "隶属", "sentences": []})
    for author in rd.author:
        edges.setdefault(
            (rd.iri, author.iri, "creator"),
            {"from": rd.iri, "to": author.iri, "label": "作者", "sentences": []},
        )
    for r in rd.mentions:
        if r.entity.iri == rd.iri:
            continue
        key = (rd.iri, r.entity.iri, r.mention.type)
        edge = edges.setdefault(
            key, {"from": rd.iri, "to": r.entity.iri, "label": "", "sentences": []}
        )
        sentences = edge["sentences"]
        assert isinstance(sentences, list)
        if len(sentences) < 5:
            m = r.mention
            sentences.append(
                {
                    "doc": rd.document.name,
                    "start": m.start,
                    "end": m.end,
                    "text": rd.document.text[m.sentence_start : m.sentence_end],
                }
            )
    return {
        "nodes": [nodes[k] for k in sorted(nodes)],
        "edges": [{**edges[k], "key": list(k)} for k in sorted(edges)],
    }


def combine_graph_data(
    shares: Iterable[dict[str, list[dict[str, object]]]],
) -> dict[str, list[dict[str, object]]]:
    """The whole network from the reports' shares (``document_graph_data``)."""
    nodes: dict[str, dict[str, object]] = {}
    edges: dict[tuple[str, ...], dict[str, object]] = {}
    for share in shares:
        for node in share["nodes"]:
            nodes.setdefault(str(node["id"]), node)
        for edge in share["edges"]:
            key = edge["key"]
            assert isinstance(key, list)
            edges.setdefault(tuple(key), {k: v for k, v in edge.items() if k != "key"})
    used = {e["from"] for e in edges.values()} | {e["to"] for e in edges.values()}
    node_list = [nodes[k] for k in sorted(nodes) if k in used or nodes[k]["group"] == "report"]
    edge_list = [edges[k] for k in sorted(edges) if k[1] in nodes]
    for i, edge in enumerate(edge_list):
        edge["id"] = i
    return {"nodes": node_list, "edges": edge_list}


def graph_data(docs: Iterable[ResolvedDocument]) -> dict[str, list[dict[str, object]]]:
    """Nodes and edges of the network: reports, entities, and the sentences behind edges."""
    return combine_graph_data(document_graph_data(rd) for rd in docs)


def _json_for_script(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(docs: Iterable[ResolvedDocument], title: str = "fazhi-kg") -> str:
    """The whole page as a string."""
    return render_network(graph_data(docs), title)


def render_network(data: dict[str, list[dict[str, object]]], title: str = "fazhi-kg") -> str:
    """The page of a network made by ``graph_data`` or ``combine_graph_data``."""
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
            "/*GRAPH_JSON*/": _json_for_script(data),
        },
    )


def fill_template(template: str, values: dict[str, str]) -> str:
    """``template`` with each marker replaced by its value, in one pass over the template.

    A value is never searched for markers: document text that happens to contain
    ``/*STYLE_JSON*/`` stays text (chained ``str.replace`` would substitute into it).
    """
    pattern = re.compile("|".join(re.escape(marker) for marker in values))
    return pattern.sub(lambda m: values[m.group()], template)
