"""Hostile text stays text: in the browser, in SPARQL, in file paths."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GUAN, ROOT, SEEDS

import kg
from kg.query import query, run_named

CHROMIUM = "/usr/bin/chromium"
TITLE_ATTACK = "<img src=x onerror=alert(1)>关于2023年度法治政府建设情况的报告"
SENTENCE_ATTACK = "认真贯彻《中华人民共和国行政处罚法》</script><script>alert(3)</script>。"
HOSTILE_REPORT = f"""{TITLE_ATTACK}
固安县人民政府
2023年，我县深入学习《<script>alert(2)</script>条例》，推行“<b onmouseover=alert(4)>”工作法。
{SENTENCE_ATTACK}
县司法局受理行政复议案件15件。
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    out = folder / "output"
    kg.build([folder / "hostile.txt"], out=out)
    return out


def _browser(playwright):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def _opened(browser, path, dialogs, requests):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgReady === true")
    return page


def _nothing_ran(page, dialogs, requests):
    box = page.locator("#net").bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert page.evaluate("document.scripts.length") == 4  # the page's own scripts
    assert page.evaluate("document.querySelectorAll('[onerror],[onmouseover]').length") == 0
    # The page is self-contained: it loads nothing from anywhere.
    assert [u for u in requests if not u.startswith("file:")] == []


def test_hostile_titles_render_as_text_and_run_nothing(hostile_build, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs: list[str] = []
    requests: list[str] = []
    report_page = tmp_path / "report.html"
    done = _kg(
        "html",
        "--view",
        "report",
        "--report",
        "hostile.txt",
        "--out",
        str(hostile_build),
        "-o",
        str(report_page),
    )
    assert done.returncode == 0, done.stderr
    with sync_api.sync_playwright() as p:
        browser = _browser(p)
        # The build's page: search finds the report by a piece of its hostile title,
        # and the match and the details show it literally.
        page = _opened(browser, hostile_build / "graph.html", dialogs, requests)
        page.fill("#search", "onerror")
        match = page.locator("#matches div").first
        assert TITLE_ATTACK in match.inner_text()
        match.click()
        assert TITLE_ATTACK in page.locator("#details").inner_text()
        _nothing_ran(page, dialogs, requests)
        # The report's own view: click the report node on the canvas.
        page = _opened(browser, report_page, dialogs, requests)
        node = page.evaluate(
            "() => kgView.shown()"
            ".find(i => kgView.data.types[kgView.data.nodes.type[i]] === 'report')"
        )
        xy = page.evaluate("(id) => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])", node)
        box = page.locator("#net").bounding_box()
        assert box and xy
        page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        details = page.locator("#details").inner_text()
        assert TITLE_ATTACK in details
        assert "</script><script>alert(3)</script>" in details
        assert "<script>alert(2)</script>" in details
        _nothing_ran(page, dialogs, requests)
        browser.close()


def test_no_node_carries_an_html_tooltip(hostile_build):
    # vis-network shows a node's ``title`` as a tooltip element; none is set.
    html = (hostile_build / "graph.html").read_text("utf-8")
    start = html.index('id="graph-data">') + len('id="graph-data">')
    data = json.loads(html[start : html.index("</script>", start)])
    for view in data["views"]:  # nodes are columns of plain values: no title, no markup
        assert "title" not in view["nodes"]
        assert all(isinstance(v, str) for v in view["nodes"]["label"])
    assert "<script>alert" not in html and "<img src=x" not in html


INJECTIONS = [
    '中华人民共和国行政处罚法" } UNION { ?s ?p ?o } #',
    "x' . ?s ?p ?o }",
    "}}}} SELECT * WHERE { ?s ?p ?o }",
    '\\" ) } UNION { GRAPH ?g { ?s ?p ?o } } FILTER("',
    "<http://example.org/x> } ; DROP ALL ; {",
]


def test_a_parameter_value_cannot_change_a_named_query(seed_build):
    out, _ = seed_build
    real = run_named(out, "citations-of", {"title": "中华人民共和国行政处罚法"}).values()
    assert real  # the query answers for a real title…
    for value in INJECTIONS[:1]:  # …and a value is bound as one literal that no title spells
        assert run_named(out, "citations-of", {"title": value}).values() == []


def test_an_inline_query_takes_values_only_as_bound_terms(seed_build):
    out, _ = seed_build
    sparql = "SELECT ?n ?want WHERE { ?r a kg:Report ; kg:sourceFile ?n . FILTER(?n = ?want) }"
    for value in INJECTIONS:
        assert query(out, sparql, {"want": value}).rows == ()
    assert len(query(out, sparql, {"want": GUAN}).rows) == 1


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_cli_arguments_cannot_change_queries_and_fail_cleanly(seed_build):
    out, _ = seed_build
    for value in ("2 } UNION { ?s ?p ?o }",):
        done = _kg("cited-across", "--min", value, "--out", str(out), "--format", "csv")
        assert done.returncode == 2 and "Traceback" not in done.stderr, value
    for name in ('../../etc/passwd" } UNION { [red]x[/]',):
        done = _kg("query", "--named", name, "--out", str(out))
        assert done.returncode == 1 and "Traceback" not in done.stderr, name
        assert "no named query" in done.stderr
    doc = f"doc={GUAN}"
    fine = _kg("query", "--named", "governments-of-report", "-p", doc, "--out", str(out))
    assert fine.returncode == 0 and "0 row(s)" not in fine.stdout
    hostile = f'doc={GUAN}" }} UNION {{ ?s ?p ?o }} #'
    injected = _kg("query", "--named", "governments-of-report", "-p", hostile, "--out", str(out))
    assert injected.returncode == 0 and "0 row(s)" in injected.stdout


def test_document_names_never_become_paths_outside_the_output(tmp_path):
    inputs = tmp_path / "in" / "a" / "b"
    inputs.mkdir(parents=True)
    # Names that would escape if they were ever used as paths.
    shutil.copy(SEEDS / GUAN, inputs / "..%2F..%2Fescaped.txt")
    (inputs / "..txt").write_text("《../../x》\n../../x\n" + HOSTILE_REPORT, encoding="utf-8")
    (inputs / "$(touch pwned).txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "in" / "out"
    # Given by name: hidden files (leading dot) are read only when asked for explicitly.
    result = kg.build([tmp_path / "in" / "a", *inputs.iterdir()], out=out)
    assert result.report["totals"]["built"] == 3
    created = {p for p in tmp_path.rglob("*")} - before
    assert created and all(p == out or out in p.parents for p in created), created
    assert not list(Path.cwd().glob("*pwned*")) and not (tmp_path / "escaped.txt").exists()


def test_file_names_cannot_write_to_the_terminal(tmp_path):
    """A name holding an escape sequence or a newline is printed escaped, on one line."""
    import subprocess
    import sys

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ok.txt").write_text("固安县人民政府\n推进法治政府建设。\n", encoding="utf-8")
    evil = "x\x1b[2J\nbuilt 99 of 99 documents\r.txt"
    (inputs / evil).write_bytes(b"")  # empty: it is listed as skipped, with its name
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(inputs), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    printed = done.stdout + done.stderr
    assert "\x1b" not in printed and "\r" not in printed
    assert not any(line.startswith("built 99") for line in printed.splitlines())
    assert "\\x1b[2J\\nbuilt 99 of 99 documents\\r.txt" in printed.replace("\n", "")
