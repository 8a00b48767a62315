"""graph.html in a real browser (Debian's chromium through Playwright), on the seed build.

Expectations come from the seed texts: 《法治政府建设实施纲要（2021—2025年）》 is cited
by 大盛镇 (2023 report), 无极县 (2021) and 栾川县 (2022); “枫桥经验” is adopted by
固安县, 大盛镇, 无极县 and 栾川县.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from pyoxigraph import Store

from kg.export.html import render_html
from kg.store.oxigraph import run_query

CHROMIUM = "/usr/bin/chromium"
OUTLINE = "法治政府建设实施纲要（2021—2025年）"
FENGQIAO_IRI = "https://w3id.org/fazhi-kg/initiative/fengqiao"


@pytest.fixture(scope="module")
def fengqiao(seed_build) -> str:
    """The preferred label of the 枫桥经验 initiative, as the scheme names it."""
    out, _ = seed_build
    store = Store.read_only(str(out / "store"))
    sparql = f"SELECT ?l WHERE {{ <{FENGQIAO_IRI}> skos:prefLabel ?l }}"
    labels = [row["l"].value for row in run_query(store, sparql)]
    assert labels and "枫桥" in labels[0]
    return labels[0]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


class Page:
    """One opened page, with the page errors it raised."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=30_000)

    def js(self, script: str, arg: object = None) -> object:
        return self.page.evaluate(script, arg)

    def index(self, label: str) -> int:
        i = self.js("(l) => kgView.nodeIndex(l)", label)
        assert isinstance(i, int) and i >= 0, label
        return i

    def click_node(self, i: int) -> None:
        xy = self.js("(i) => kgNetwork.canvasToDOM(kgNetwork.getPositions([i])[i])", i)
        box = self.page.locator("#net").bounding_box()
        assert box and xy
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def positions(self) -> dict[str, dict[str, float]]:
        return self.js("() => kgNetwork.getPositions()")  # type: ignore[return-value]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def opened(browser, seed_build):
    out, _ = seed_build
    pages: list[Page] = []

    def open_(path: Path | None = None) -> Page:
        pages.append(Page(browser, path or out / "graph.html"))
        return pages[-1]

    yield open_
    for p in pages:
        assert p.errors == [], p.errors
        p.close()


def test_the_outline_is_linked_to_its_three_governments_with_year_and_sentence(opened):
    page = opened()
    i = page.index(OUTLINE)
    assert i in page.js("() => kgView.shown()")
    linked = page.js(
        "(i) => kgNetwork.getConnectedNodes(i).map(j => kgView.data.nodes.label[j]).sort()", i
    )
    assert linked == sorted(["大盛镇", "无极县", "栾川县"])
    page.click_node(i)
    details = page.page.locator("#details")
    assert details.locator("strong").first.inner_text() == OUTLINE
    text = details.inner_text()
    assert "引用 cited by 3 个政府" in text
    for who, year in (("大盛镇", "2023"), ("无极县", "2021"), ("栾川县", "2022")):
        assert f"{who} · {year}" in text, who
    marks = details.locator("mark").all_inner_texts()
    assert len(marks) == 3 and all("法治政府建设实施纲要" in m for m in marks), marks
    # Each sentence is the one around the mention, and the report is named by its title.
    assert "以贯彻落实《法治政府建设实施纲要" in text
    assert "重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告" in text


def test_a_government_lists_what_it_cites_and_adopts(opened, fengqiao):
    page = opened()
    page.click_node(page.index("大盛镇"))
    text = page.page.locator("#details").inner_text()
    assert "大盛镇人民政府 · township · 大盛镇 › 渝北区 › 重庆市" in text
    assert OUTLINE in text and fengqiao in text


def test_a_type_off_and_on_leaves_every_node_where_it_was(opened):
    page = opened()
    before = page.positions()
    regulation = page.page.locator('#legend input[data-type="regulation"]')
    regulation.uncheck()
    during = page.positions()
    assert page.index(OUTLINE) not in page.js("() => kgView.shown()")
    assert all(during[k] == before[k] for k in during) and len(during) < len(before)
    regulation.check()
    assert page.positions() == before
    # And the data's own positions are the ones drawn: nothing was laid out in the browser.
    i = page.index(OUTLINE)
    data_xy = page.js("(i) => [kgView.data.nodes.x[i], kgView.data.nodes.y[i]]", i)
    assert [before[str(i)]["x"], before[str(i)]["y"]] == data_xy


def test_a_search_result_click_shows_that_nodes_details(opened, fengqiao):
    page = opened()
    page.click_node(page.index("无极县"))
    assert page.page.locator("#details strong").first.inner_text() == "无极县"
    page.page.fill("#search", "枫桥")  # a part of the name
    hit = page.page.locator("#matches .hit").first
    assert fengqiao in hit.inner_text()
    hit.click()
    assert page.page.locator("#details strong").first.inner_text() == fengqiao
    assert "采用/提及 adopted or named by 4 个政府" in page.page.locator("#details").inner_text()
    assert page.js("() => kgNetwork.getSelectedNodes()") == [page.index(fengqiao)]
    page.page.fill("#search", "行政处罚法")  # the short title finds the full one
    assert "中华人民共和国行政处罚法" in page.page.locator("#matches").inner_text()


def test_search_says_when_results_are_cut(opened, seed_build, tmp_path):
    out, _ = seed_build
    path = tmp_path / "entity.html"
    store = Store.read_only(str(out / "store"))
    path.write_text(render_html(store, "entity", focus="枫桥经验", hops=2), "utf-8")
    page = opened(path)
    page.page.fill("#search", "法")
    first = page.page.locator("#matches div").first.inner_text()
    total = page.js(
        "() => kgView.data.nodes.label.filter((l, i) => [l].concat(kgView.data.nodes.names[i])"
        ".some(n => n.includes('法'))).length + kgView.data.reports.title.filter("
        "(t, r) => t.includes('法') || kgView.data.reports.doc[r].includes('法')"
        " || kgView.data.reports.label[r].includes('法')).length"
    )
    assert total > 30
    assert first == f"显示前 30 个，共 {total} 个 · showing 30 of {total}"
    assert page.page.locator("#matches .hit").count() == 30


def test_searching_a_node_of_a_hidden_type_says_so_and_throws_nothing(opened, fengqiao):
    page = opened()
    page.page.locator('#legend input[data-type="initiative"]').uncheck()
    page.page.fill("#search", "枫桥")
    hit = page.page.locator("#matches .hit").first
    assert "(已隐藏 hidden)" in hit.inner_text()
    hit.click()
    assert "已隐藏的类型" in page.page.locator("#notice").inner_text()
    assert page.page.locator("#details strong").first.inner_text() == fengqiao
    assert page.js("() => kgNetwork.getSelectedNodes()") == []
    # the page errors are checked by the fixture: there must be none


def test_two_openings_place_node_0_at_the_same_position(opened):
    first, second = opened(), opened()
    a = first.js("() => kgNetwork.getPositions([0])[0]")
    b = second.js("() => kgNetwork.getPositions([0])[0]")
    assert a == b
    assert first.js("() => kgNetwork.getViewPosition()") == second.js(
        "() => kgNetwork.getViewPosition()"
    )


def test_labels_of_the_top_nodes_are_drawn_in_the_first_screenshot(opened, tmp_path):
    page = opened()
    shot = tmp_path / "graph-html-first-view.png"
    page.page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000
    drawn = {d["text"]: d for d in page.js("() => kgLabels")}  # type: ignore[union-attr]
    # The five most cited entities and the five governments are all labelled.
    top = page.js(
        "() => { const N = kgView.data.nodes; return N.label.map((l, i) => [N.w[i], l, i])"
        ".filter(x => kgView.data.types[N.type[x[2]]] !== 'government')"
        ".sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 5).map(x => x[1]); }"
    )
    governments = ["固安县", "大盛镇", "无极县", "栾川县", "甘谷县"]
    for label in [*top, *governments]:  # type: ignore[misc]
        shown = label if len(label) <= 18 else label[:17] + "…"
        assert shown in drawn, (label, sorted(drawn))
    # Pixel sampling: each top label's box on the canvas holds dark text pixels.
    for label in governments:
        box = drawn[label]
        dark = page.js(
            """(b) => { const c = document.querySelector('#net canvas');
                const d = c.getContext('2d').getImageData(b.x, b.y, b.w, b.h).data; let n = 0;
                for (let k = 0; k < d.length; k += 4)
                  if (d[k] + d[k+1] + d[k+2] < 250 && d[k+3] > 200) n++;
                return n; }""",
            box,
        )
        assert dark > 20, (label, dark)
    # No two drawn labels overlap.
    boxes = list(drawn.values())
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            assert apart, (a["text"], b["text"])


def test_hovering_a_node_shows_a_text_tooltip(opened):
    page = opened()
    i = page.index(OUTLINE)
    xy = page.js("(i) => kgNetwork.canvasToDOM(kgNetwork.getPositions([i])[i])", i)
    box = page.page.locator("#net").bounding_box()
    page.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    page.page.wait_for_function("document.getElementById('tip').style.display === 'block'")
    assert page.page.locator("#tip").inner_text().startswith(OUTLINE)
    assert "3 个政府 governments" in page.page.locator("#tip").inner_text()


def test_legend_lists_only_types_present(opened):
    page = opened()
    types = page.page.locator("#legend input").evaluate_all("l => l.map(b => b.dataset.type)")
    assert types == ["government", "regulation", "initiative"]


def test_indicators_are_off_by_default_in_the_report_view(opened, seed_build, tmp_path):
    out, _ = seed_build
    path = tmp_path / "report.html"
    store = Store.read_only(str(out / "store"))
    path.write_text(render_html(store, "report", report="002_acfdae4825b56b39.txt"), "utf-8")
    page = opened(path)
    indicator = page.page.locator('#legend input[data-type="indicator"]')
    assert not indicator.is_checked()
    shown = page.js("() => kgView.shown().map(i => kgView.data.types[kgView.data.nodes.type[i]])")
    assert "indicator" not in shown and "regulation" in shown  # type: ignore[operator]
    # The report is labelled by its author and year, and its details give its title.
    page.click_node(page.index("无极县 2021"))
    assert "002_acfdae4825b56b39.txt" in page.page.locator("#details").inner_text()


def test_folded_provinces_expand_on_click_in_place(opened, seed_build, tmp_path):
    out, _ = seed_build
    path = tmp_path / "folded.html"
    store = Store.read_only(str(out / "store"))
    path.write_text(render_html(store, fold_above=2), "utf-8")  # fold as a large build would
    page = opened(path)
    group = page.index("河北省 (2)")  # 固安县 and 无极县
    shown = page.js("() => kgView.shown()")
    assert group in shown and page.index("无极县") not in shown  # type: ignore[operator]
    # Folded edges: the group stands for its members.
    assert OUTLINE in page.js(
        "(g) => kgNetwork.getConnectedNodes(g).map(j => kgView.data.nodes.label[j])", group
    )
    page.click_node(group)
    wuji = page.index("无极县")
    assert wuji in page.js("() => kgView.shown()")  # type: ignore[operator]
    pos = page.js("(i) => kgNetwork.getPositions([i])[i]", wuji)
    assert [pos["x"], pos["y"]] == page.js(
        "(i) => [kgView.data.nodes.x[i], kgView.data.nodes.y[i]]", wuji
    )
    # A folded node found by search is unfolded and shown.
    page.page.locator("#fold-all").click()
    assert wuji not in page.js("() => kgView.shown()")  # type: ignore[operator]
    page.page.fill("#search", "固安")
    page.page.locator("#matches .hit").first.click()
    assert page.index("固安县") in page.js("() => kgView.shown()")  # type: ignore[operator]
    assert page.page.locator("#details strong").first.inner_text() == "固安县"


def test_the_build_page_switches_to_the_hierarchy_view(opened):
    page = opened()
    page.page.select_option("#view", label="hierarchy")
    page.page.wait_for_function("window.kgReady === true && kgView.data.view === 'hierarchy'")
    page.page.fill("#search", "石家庄")
    page.page.locator("#matches .hit").first.click()
    text = page.page.locator("#details").inner_text()
    assert "石家庄市" in text and "无极县" in text  # the prefecture contains 无极县
