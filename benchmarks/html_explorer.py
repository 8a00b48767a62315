"""graph.html on synthetic builds of 1,000 and 10,000 reports: size, load to idle, interactions.

Each build is generated with a fixed seed by the generator of
``benchmarks/query_latency.py`` (places, governments, cited documents,
initiatives and indicators in the reference graphs; one named graph per report
with ~30 citations and ~10 other mentions, each with target, selectors and
sentence; citations Zipf-distributed over 3,000 documents) and bulk loaded
into an on-disk Oxigraph store, a few hundred reports at a time. The page is
then rendered as ``kg build`` renders it (``render_html(store,
more_views=("hierarchy",))``) and opened in headless Debian chromium.

Printed for each size: the page size; the time to render it in Python; the
time from navigation to drawn-and-idle (the first frame drawn, then the
browser idle; median of three openings), also as a ratio to the same time for
a baseline page holding only vis-network and one node, measured in the same
run (the machine's pace); and the median of five runs of each
interaction, measured in the page from the event to the next frame: a search
(typing a query), a filter (unticking a type, and ticking it again), expanding
a folded province, clicking a search result. Targets: < 5 s to idle at 10,000
reports, < 200 ms per interaction. Writes the figures to
``benchmarks/results/html_explorer.json``; asserts nothing and is not part of
the test suite.

    python benchmarks/html_explorer.py [--reports 1000 10000] [--seed 7] [--out FILE]
                                       [--keep DIR]

``--keep DIR`` keeps each generated store in DIR (``DIR/REPORTS-SEED``) and
reuses it on the next run with the same size and seed.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright
from pyoxigraph import RdfFormat, Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from query_latency import IND, INI, REFERENCE_GRAPHS, A, Generator, iri, n  # noqa: E402

from kg.export.html import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
IDLE_TARGET_S = 5.0  # at 10,000 reports
INTERACTION_TARGET_MS = 200.0
OPENINGS = 3
RUNS = 5
CHUNK = 250  # reports generated and loaded at a time
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "html_explorer.json"


class TypedGenerator(Generator):
    """The query benchmark's generator, with initiatives and indicators typed as a build types
    them (``kg:Initiative``, ``kg:Indicator``), which the explorer reads."""

    def concepts(self, namespace: str, count: int, scheme: str) -> list[str]:
        """``count`` concepts, each also typed with its class."""
        out = super().concepts(namespace, count, scheme)
        cls = {INI: "kg:Initiative", IND: "kg:Indicator"}[namespace]
        graph = iri(REFERENCE_GRAPHS[namespace])
        for concept in out:
            self.add(concept, A, n(cls), graph)
        return out


def synthetic_store(path: Path, reports: int, seed: int) -> dict[str, object]:
    """Write a store of ``reports`` synthetic reports at ``path``; what was generated."""
    start = time.perf_counter()
    gen = TypedGenerator(seed)
    store = Store(str(path))
    every, counties = gen.places()
    prefectures = [p for p in every if p.level == "prefecture"]
    gen.governments(every)
    laws = gen.regulations(3000, counties)
    concepts = {
        "initiative": gen.concepts(INI, 150, "InitiativeScheme"),
        "indicator": gen.concepts(IND, 400, "IndicatorScheme"),
    }
    cum: list[float] = []
    total = 0.0
    for rank in range(1, len(laws) + 1):
        total += 1.0 / rank
        cum.append(total)
    quads = 0
    for i in range(reports):
        gen.report(counties, prefectures, laws, cum, concepts)
        if (i + 1) % CHUNK == 0 or i + 1 == reports:
            quads += len(gen.lines)
            store.bulk_load("".join(gen.lines).encode("utf-8"), format=RdfFormat.N_QUADS)
            gen.lines = []
    store.flush()
    store.optimize()
    del store
    figures = gen.figures
    return {
        "reports": figures.reports,
        "quads": quads,
        "citations": figures.citations,
        "mentions": figures.mentions,
        "generate_and_load_s": round(time.perf_counter() - start, 2),
    }


SEARCH = """async (q) => {
  const s = document.getElementById('search'); const t0 = performance.now();
  s.value = q; s.dispatchEvent(new Event('input'));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const hits = document.querySelectorAll('#matches .hit').length;
  return [performance.now() - t0, hits];
}"""
FILTER = """async (type) => {
  const b = document.querySelector('#legend input[data-type="' + type + '"]');
  const t0 = performance.now(); const drawn = new Promise(r => kgNetwork.once('afterDrawing', r));
  b.click(); await drawn; return performance.now() - t0;
}"""
EXPAND = """async () => {
  const g = kgView.shown().find(i => kgView.data.types[kgView.data.nodes.type[i]] === 'group');
  if (g === undefined) return null;
  const t0 = performance.now(); const drawn = new Promise(r => kgNetwork.once('afterDrawing', r));
  kgNetwork.emit('click', {nodes: [g], edges: [], pointer: {DOM: {x: 0, y: 0}}});
  await drawn; const t = performance.now() - t0;
  const folded = new Promise(r => kgNetwork.once('afterDrawing', r));
  document.getElementById('fold-all').click();
  await folded;
  return t;
}"""
RESULT_CLICK = """async () => {
  const hit = document.querySelector('#matches .hit'); if (!hit) return null;
  const t0 = performance.now(); hit.click();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""


BASELINE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="net" style="width:1000px;height:800px"></div><script>VIS_JS</script><script>
var net = new vis.Network(document.getElementById("net"), {nodes: [{id: 1, label: "x"}], edges: []},
  {physics: false});
net.once("afterDrawing", function () { requestIdleCallback(function () {
  window.kgReadyAt = performance.now(); window.kgReady = true; }, {timeout: 2000}); });
</script></body></html>"""


def baseline(browser, folder: Path) -> float:
    """Load to idle of a page holding only vis-network and one node: the machine's pace."""
    from kg.export.html import _vis_assets

    path = folder / "baseline.html"
    path.write_text(BASELINE.replace("VIS_JS", _vis_assets()[0]), encoding="utf-8")
    times = []
    for _ in range(OPENINGS):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=60_000)
        times.append(page.evaluate("window.kgReadyAt"))
        page.close()
    return statistics.median(times)


def browse(page_file: Path) -> dict[str, object]:
    """Open the page in chromium: load to idle, then the interactions (milliseconds)."""
    out: dict[str, object] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        out["baseline_load_to_idle_ms"] = round(baseline(browser, page_file.parent), 1)
        idle: list[float] = []
        for _ in range(OPENINGS):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(page_file.resolve().as_uri(), timeout=120_000)
            page.wait_for_function("window.kgReady === true", timeout=120_000)
            idle.append(page.evaluate("window.kgReadyAt"))
            out["drawn"] = page.evaluate(
                "() => ({nodes: kgView.shown().length, edges: kgNetwork.body.data.edges.length,"
                " labels: kgLabels.length, data_nodes: kgView.data.nodes.label.length,"
                " data_edges: kgView.edgeCount()})"
            )
            out["js_heap_mb"] = round(
                page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 2**20,
                1,
            )
            if len(idle) < OPENINGS:
                page.close()
        runs: dict[str, list[float]] = {
            "search": [],
            "filter_off": [],
            "filter_on": [],
            "expand": [],
            "result_click": [],
        }
        hits = 0
        for k in range(RUNS):
            ms, hits = page.evaluate(SEARCH, "法" if k % 2 == 0 else "条例")
            runs["search"].append(ms)
            runs["result_click"].append(page.evaluate(RESULT_CLICK) or 0.0)
            runs["filter_off"].append(page.evaluate(FILTER, "regulation"))
            runs["filter_on"].append(page.evaluate(FILTER, "regulation"))
            expand = page.evaluate(EXPAND)
            if expand is not None:
                runs["expand"].append(expand)
        out["errors"] = errors
        out["search_hits_shown"] = hits
        browser.close()
    out["load_to_idle_ms"] = round(statistics.median(idle), 1)
    out["load_to_idle_vs_baseline"] = round(
        statistics.median(idle) / float(out["baseline_load_to_idle_ms"]),  # type: ignore[arg-type]
        1,
    )
    out["load_to_idle_runs_ms"] = [round(x, 1) for x in idle]
    out["interactions_ms"] = {
        k: round(statistics.median(v), 1) if v else None for k, v in runs.items()
    }
    return out


def main() -> None:
    """Generate, render, open; print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    results = []
    for reports in args.reports:
        with tempfile.TemporaryDirectory(prefix="kg-html-bench-") as tmp:
            folder = Path(tmp)
            store_path = (args.keep or folder) / f"{reports}-{args.seed}"
            made_file = store_path.with_suffix(".json")
            if args.keep and made_file.exists():
                print(f"[{reports} reports] reusing {store_path}", flush=True)
                made = json.loads(made_file.read_text())
            else:
                print(f"[{reports} reports] generating …", flush=True)
                store_path.parent.mkdir(parents=True, exist_ok=True)
                made = synthetic_store(store_path, reports, args.seed)
                made_file.write_text(json.dumps(made))
            store = Store.read_only(str(store_path))
            t0 = time.perf_counter()
            html = render_html(store, more_views=("hierarchy",))
            render_s = time.perf_counter() - t0
            del store
            page_file = folder / "graph.html"
            page_file.write_text(html, encoding="utf-8")
            size = page_file.stat().st_size
            print(f"[{reports} reports] rendered in {render_s:.1f} s, {size:,} bytes; browsing …")
            seen = browse(page_file)
        row = {
            **made,
            "render_s": round(render_s, 2),
            "html_bytes": size,
            **seen,
        }
        results.append(row)
        worst = max(v for v in row["interactions_ms"].values() if v is not None)  # type: ignore[union-attr]
        print(
            f"[{reports} reports] html {size / 2**20:.1f} MiB · load→idle "
            f"{row['load_to_idle_ms'] / 1000:.2f} s ({row['load_to_idle_vs_baseline']}× a page "
            f"with vis-network and one node) · interactions {row['interactions_ms']} ms "
            f"(worst {worst:.0f} ms, target < {INTERACTION_TARGET_MS:.0f}) · drawn {row['drawn']}"
        )
    last = results[-1]
    verdict = {
        "idle_under_target": last["load_to_idle_ms"] / 1000 < IDLE_TARGET_S,
        "interactions_under_target": all(
            v is None or v < INTERACTION_TARGET_MS
            for r in results
            for v in r["interactions_ms"].values()  # type: ignore[union-attr]
        ),
    }
    print(
        f"targets: load→idle < {IDLE_TARGET_S} s at {last['reports']} reports: "
        f"{'met' if verdict['idle_under_target'] else 'MISSED'}; every interaction < "
        f"{INTERACTION_TARGET_MS:.0f} ms: "
        f"{'met' if verdict['interactions_under_target'] else 'MISSED'}"
    )
    record = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": f"{platform.machine()} · {platform.processor() or platform.system()}",
        "seed": args.seed,
        "targets": {"load_to_idle_s": IDLE_TARGET_S, "interaction_ms": INTERACTION_TARGET_MS},
        "results": results,
        "verdict": verdict,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
