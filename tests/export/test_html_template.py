"""graph.html: document text holding a template marker stays text; the page stays whole."""

from __future__ import annotations

import json
import re

from pyoxigraph import Store

import kg
from kg.export.html import fill_template, render_html

MARKERS = ("/*VIS_CSS*/", "/*VIS_JS*/", "/*GRAPH_JSON*/", "/*STYLE_JSON*/", "<!--TITLE-->")


def test_values_are_never_searched_for_markers():
    page = fill_template("<a>/*A*/</a><b>/*B*/</b>", {"/*A*/": "x /*B*/ y", "/*B*/": "z"})
    assert page == "<a>x /*B*/ y</a><b>z</b>"


def test_every_marker_as_document_text_leaves_the_page_whole(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = "".join(f"认真贯彻《{m}条例》。\n" for m in MARKERS)
    (inputs / "r.txt").write_text("固安县人民政府\n" + lines, encoding="utf-8")
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    built = (out / "graph.html").read_text(encoding="utf-8")
    assert built.count('id="graph-data"') == 1 and built.count('id="style-data"') == 1
    # The report's own view holds every title it cites.
    page = render_html(Store.read_only(str(out / "store")), "report", report="r.txt")
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    style = re.search(r'<script type="application/json" id="style-data">(.*?)</script>', page, re.S)
    graph = json.loads(data.group(1))
    styles = json.loads(style.group(1))
    assert {"regulation", "government"} <= set(styles)
    text = json.dumps(graph, ensure_ascii=False)
    for marker in ("/*VIS_CSS*/", "/*VIS_JS*/", "/*GRAPH_JSON*/", "/*STYLE_JSON*/"):
        assert marker in text, marker  # kept as the text it was
    assert page.count('id="graph-data"') == 1 and page.count('id="style-data"') == 1
