"""The explorer's views and layout, read from the seed build's store (no browser).

Expectations are read off the seed texts: 《法治政府建设实施纲要（2021—2025年）》 is cited in
the reports of 大盛镇 (2023), 无极县 (2021) and 栾川县 (2022); 枫桥经验 is named by
固安县, 大盛镇, 无极县 and 栾川县; 无极县 lies in 石家庄市, 河北省.
"""

from __future__ import annotations

import math

import pytest
from conftest import DASHENG, LUANCHUAN, WUJI
from pyoxigraph import Store

from kg.export.explorer.layout import radial_tree
from kg.export.explorer.records import read_records, read_sentences, window
from kg.export.explorer.views import (
    ViewError,
    cited_across,
    entity_view,
    find_entity,
    hierarchy_view,
    shown_mentions,
)
from kg.export.html import page_data, render_html, view_of

OUTLINE = "法治政府建设实施纲要（2021—2025年）"


@pytest.fixture(scope="module")
def store(seed_build):
    out, _ = seed_build
    return Store.read_only(str(out / "store"))


@pytest.fixture(scope="module")
def records(store):
    return read_records(store, ("regulation", "initiative"))


def _labels(view, keys):
    by_key = {n.key: n.label for n in view.nodes}
    return {by_key[k] for k in keys}


def test_cited_across_links_the_outline_to_the_three_governments_citing_it(records):
    view = cited_across(records)
    outline = next(n for n in view.nodes if n.label == OUTLINE)
    assert outline.weight == 3
    citing = {e.source for e in view.edges if e.target == outline.key}
    assert _labels(view, citing) == {"大盛镇", "无极县", "栾川县"}
    years = {
        (view.report_labels[ev.report], ev.organ)
        for ev in view.evidence
        if ev.entity == outline.key
    }
    assert {label for label, _ in years} == {"大盛镇 2023", "无极县 2021", "栾川县 2022"}


def test_only_entities_cited_by_enough_governments_are_drawn(records):
    two = {n.label for n in cited_across(records, 2).nodes}
    four = {n.label for n in cited_across(records, 4).nodes}
    assert OUTLINE in two and OUTLINE not in four
    assert "https://w3id.org/fazhi-kg/initiative/fengqiao" in {
        n.key for n in cited_across(records, 4).nodes
    }  # 固安县, 大盛镇, 无极县, 栾川县


def test_reports_are_labelled_by_author_and_year(records):
    view = cited_across(records)
    by_doc = {r.doc: view.report_labels[r.iri] for r in view.reports}
    assert by_doc[DASHENG] == "大盛镇 2023"
    assert by_doc[WUJI] == "无极县 2021"
    assert by_doc[LUANCHUAN] == "栾川县 2022"


def test_the_highlighted_span_is_the_mention(store, records):
    view = cited_across(records)
    outline = next(n for n in view.nodes if n.label == OUTLINE)
    mentions = [m for ev in view.evidence if ev.entity == outline.key for m in ev.mentions]
    sentences = read_sentences(store, mentions)
    assert len(sentences) == 3
    for s in sentences.values():
        span = s.text[s.start : s.end]  # the title, with its 《》 when the text has them
        assert span.lstrip("《").startswith("法治政府建设实施纲要")
        assert span.endswith(("》", "年", ")"))


def test_folding_groups_governments_by_province(records):
    view = cited_across(records, fold_above=2)
    by_label = {n.label: n for n in view.nodes}
    hebei = by_label["河北省 (2)"]
    assert hebei.type == "group"
    assert by_label["无极县"].fold == hebei.key and by_label["固安县"].fold == hebei.key
    assert by_label["甘谷县"].fold is None  # alone in its province: nothing to fold
    assert not cited_across(records).open and all(
        n.fold is None for n in cited_across(records).nodes
    )


def test_the_entity_view_is_the_neighbourhood_of_its_focus(store):
    records = read_records(store, ("government", "regulation", "institution", "initiative"))
    focus = find_entity(records, "枫桥经验")
    view = entity_view(records, focus, hops=1)
    others = {n.label for n in view.nodes if n.key != focus}
    assert others == {"固安县", "大盛镇", "无极县", "栾川县"}
    wider = entity_view(records, focus, hops=2)
    assert len(wider.nodes) > len(view.nodes) and OUTLINE in {n.label for n in wider.nodes}
    assert records.entities[find_entity(records, "行政处罚法")].label == "中华人民共和国行政处罚法"
    with pytest.raises(ViewError):
        find_entity(records, "没有这个名字的条例")


def test_the_hierarchy_view_folds_places_and_their_organs(store):
    view = hierarchy_view(read_records(store, ()))
    by_label = {n.label: n for n in view.nodes}
    wuji = by_label["无极县"]
    assert wuji.type == "place" and by_label["石家庄市"].key == wuji.fold
    assert by_label["无极县人民政府"].fold == wuji.key
    assert by_label["石家庄市"].fold == by_label["河北省"].key


def test_the_report_view_needs_a_known_report(store):
    with pytest.raises(ViewError):
        view_of(store, "report", report="no-such-file.txt")
    view = view_of(store, "report", report=WUJI)
    assert view.nodes[0].label == "无极县 2021" and view.nodes[0].type == "report"
    assert {"government", "regulation", "institution", "initiative", "indicator"} <= {
        n.type for n in view.nodes
    }
    assert view.hidden_types == ("indicator",)


def test_same_build_same_page_and_no_two_nodes_on_one_spot(store):
    assert render_html(store) == render_html(store)
    view = view_of(store)
    data = page_data(view, read_sentences(store, shown_mentions(view)))
    xy = list(zip(data["nodes"]["x"], data["nodes"]["y"], strict=True))  # type: ignore[index]
    for i, a in enumerate(xy):
        for b in xy[i + 1 :]:
            assert math.dist(a, b) >= 30, (a, b)


def test_radial_tree_puts_parents_between_their_children():
    tree = {"": ("a", "b"), "a": ("a1", "a2", "a3"), "b": ("b1",)}
    polar = radial_tree(tree, ring=True)
    assert polar["a1"][0] < polar["a"][0] < polar["a3"][0]
    assert polar["a"][0] == pytest.approx(polar["a2"][0])
    assert len({round(r, 6) for _, r, _ in polar.values()}) == 1  # one ring
    assert radial_tree(tree) == radial_tree(dict(tree))  # deterministic


def test_window_cuts_long_sentences_around_the_mention():
    text = "甲" * 100 + "《行政处罚法》" + "乙" * 100
    s = window(text, 100, 107, 10)
    assert s.text == "…" + "甲" * 10 + "《行政处罚法》" + "乙" * 10 + "…"
    assert s.text[s.start : s.end] == "《行政处罚法》"
    short = window("学习《宪法》。", 2, 6, 10)
    assert short.text == "学习《宪法》。" and short.text[short.start : short.end] == "《宪法》"


def test_kg_html_writes_a_view_and_refuses_bad_requests_cleanly(seed_build, tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    out, _ = seed_build

    def kg(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "kg.cli", "html", "--out", str(out), *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=env)

    page = tmp_path / "fengqiao.html"
    done = kg("--view", "entity", "--focus", "枫桥经验", "-o", str(page))
    assert done.returncode == 0, done.stderr
    assert "https://w3id.org/fazhi-kg/initiative/fengqiao" in page.read_text("utf-8")
    for args, message in (
        (("--view", "map"), "--view is one of"),
        (("--view", "entity"), "needs --focus"),
        (("--view", "report", "--report", "nope.txt"), "no report 'nope.txt'"),
    ):
        bad = kg(*args, "-o", str(tmp_path / "x.html"))
        assert bad.returncode == 2 and message in bad.stderr and "Traceback" not in bad.stderr
