"""Build time, memory, rebuilds and the headline query at scale (``make bench``).

Generates corpora of synthetic reports from the seeds: each is the opening of
a seed report (about 5 KB, cut at a line end) whose own county (固安县, 无极县
…) is replaced by another county of the gazetteer, the planted truth of its
author. For each corpus size it measures, in the same run and on the same
files:

- the reference: finding, reading, decoding and segmenting every file with
  jieba in one process (the floor any build stands on);
- a full build (``kg build``, one worker per CPU, empty cache): wall time,
  throughput as a share of the reference's, and peak memory of the whole
  process tree (the build and its workers, sampled from /proc);
- a rebuild with nothing changed, and one with 1 % of the files changed;
- ``cited-across --min 2`` on the store (median of three);
- the share of reports whose author is the planted county.

Prints figures and targets, writes them as JSON; asserts nothing and is not
part of the test suite.

    python benchmarks/run.py [--docs 1000 10000] [--workers N] [--keep DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest import discover  # noqa: E402
from kg.ingest.decode import decode_bytes  # noqa: E402

# The place each seed is about; replaced in its copies.
SEED_PLACES = {"000": "固安县", "001": "大盛镇", "002": "无极县", "003": "栾川县", "004": "甘谷县"}
OPENING = 5_000  # characters of a seed kept in a synthetic report (cut at a line end)
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "scale.json"
TARGETS = {
    "full build at 10,000 (s)": 180,
    "peak RSS (MB)": 2048,
    "throughput vs read+jieba": 0.5,
    "rebuild, nothing changed (s)": 10,
    "rebuild, 1 % changed / full": 0.10,
    "cited-across --min 2 (s)": 1.0,
}


def counties() -> list[str]:
    """Current county-level names of the gazetteer ending in 县, unique in it."""
    text = files("kg.data").joinpath("divisions.tsv").read_text(encoding="utf-8")
    rows = list(
        csv.DictReader(
            (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
        )
    )
    seen: dict[str, int] = {}
    for r in rows:
        seen[r["name"]] = seen.get(r["name"], 0) + 1
    return sorted(
        r["name"]
        for r in rows
        if r["level"] == "county"
        and r["name"].endswith("县")
        and len(r["name"]) >= 3
        and not r["valid_to"]
        and seen[r["name"]] == 1
    )


def opening(text: str) -> str:
    """The first ``OPENING`` characters of ``text``, cut at a line end."""
    if len(text) <= OPENING:
        return text
    cut = text.rfind("\n", 0, OPENING)
    return text[: cut if cut > 0 else OPENING] + "\n"


def make_corpus(folder: Path, docs: int, seed: int = 7) -> tuple[int, dict[str, str]]:
    """Write ``docs`` synthetic reports into ``folder``: (total bytes, file -> planted county)."""
    rng = random.Random(seed)
    names = counties()
    seeds = sorted((ROOT / "seeds").iterdir())
    total = 0
    planted: dict[str, str] = {}
    for i in range(docs):
        source = seeds[i % len(seeds)]
        text = opening(source.read_text(encoding="utf-8"))
        own = SEED_PLACES.get(source.name[:3])
        name = f"{i:05d}_{source.name[:3]}.txt"
        if own and own.endswith("县"):
            county = rng.choice(names)
            text = text.replace(own, county)
            planted[name] = county
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total, planted


def reference(folder: Path) -> float:
    """Seconds to find, read, decode and segment (jieba) every file, in one process."""
    import jieba

    jieba.initialize()
    start = time.perf_counter()
    for path in discover([folder]):
        text, _ = decode_bytes(path.read_bytes())
        jieba.lcut(text)
    return time.perf_counter() - start


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
        rss[int(entry)] = pages
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed_build(corpus: Path, out: Path, workers: int | None) -> tuple[float, float, dict]:
    """Run ``kg build`` in a child process: (seconds, peak MB of its process tree, report)."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "-q"]
    if workers:
        cmd += ["--workers", str(workers)]
    peak = 0.0
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=ROOT)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_mb(child.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = child.wait()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if code not in (0, 3):
        raise SystemExit(f"kg build failed with exit code {code}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return seconds, peak, report


def cited_across_seconds(out: Path) -> float:
    """Median of three ``cited-across --min 2`` runs on the build's store."""
    from kg.query import cited_across

    cited_across(out, 2)  # warm-up
    times = []
    for _ in range(3):
        start = time.perf_counter()
        cited_across(out, 2)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def author_accuracy(report: dict, planted: dict[str, str]) -> float:
    """Share of the reports with a planted county whose author is that county's organ."""
    authors = {d["doc"]: d.get("author") or "" for d in report["documents"]}
    right = sum(1 for name, county in planted.items() if authors.get(name, "").startswith(county))
    return right / len(planted) if planted else 0.0


def measure(docs: int, work: Path, workers: int | None) -> dict[str, float]:
    """Every figure for one corpus size."""
    corpus = work / f"corpus-{docs}"
    out = work / f"output-{docs}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    corpus.mkdir(parents=True)
    size, planted = make_corpus(corpus, docs)
    base = reference(corpus)
    full, peak, report = timed_build(corpus, out, workers)
    quads = report["totals"]["quads"]
    again, _, _ = timed_build(corpus, out, workers)
    # Change 1 % of the files: one more sentence each.
    changed = sorted(corpus.iterdir())[::100]
    for path in changed:
        path.write_text(
            path.read_text(encoding="utf-8") + "\n依据《中华人民共和国行政复议法》办理。\n",
            encoding="utf-8",
        )
    partial, _, _ = timed_build(corpus, out, workers)
    figures = {
        "documents": docs,
        "megabytes": size / 1e6,
        "reference_s": base,
        "full_s": full,
        "throughput_vs_reference": base / full,
        "peak_rss_mb": peak,
        "quads": quads,
        "quads_per_report": quads / docs,
        "rebuild_nothing_s": again,
        "rebuild_1pct_s": partial,
        "rebuild_1pct_over_full": partial / full,
        "cited_across_s": cited_across_seconds(out),
        "author_accuracy": author_accuracy(report, planted),
        "s_per_1000": full / docs * 1000,
        "mb_per_1000": peak / docs * 1000,
    }
    line = "  ".join(
        f"{k} {v:,.3f}" if isinstance(v, float) else f"{k} {v:,}" for k, v in figures.items()
    )
    print(line, flush=True)
    return figures


def main() -> None:
    """Generate, time, print, write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, help="kg build --workers (default: one per CPU)")
    parser.add_argument("--keep", type=Path, help="write corpora and outputs here and keep them")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file of the figures")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    load_before = os.getloadavg()[0]
    runs = [measure(n, work, args.workers) for n in args.docs]
    print()
    print(f"{'documents':>10} {'MB':>6} {'ref s':>7} {'build s':>8} {'vs ref':>7} {'peak MB':>8} "
          f"{'nothing s':>9} {'1% s':>6} {'1%/full':>7} {'query s':>8} {'author':>6}")  # fmt: skip
    for r in runs:
        print(
            f"{r['documents']:>10,} {r['megabytes']:>6.1f} {r['reference_s']:>7.1f} "
            f"{r['full_s']:>8.1f} {r['throughput_vs_reference']:>7.2f} {r['peak_rss_mb']:>8.0f} "
            f"{r['rebuild_nothing_s']:>9.1f} {r['rebuild_1pct_s']:>6.1f} "
            f"{r['rebuild_1pct_over_full']:>7.2f} {r['cited_across_s']:>8.3f} "
            f"{r['author_accuracy']:>6.3f}"
        )
    if len(runs) >= 2:
        small, big = runs[0], runs[-1]
        print(
            f"scaling      per 1,000 documents at {big['documents']:,} vs {small['documents']:,}: "
            f"time {big['s_per_1000'] / small['s_per_1000']:.2f}x, "
            f"memory {big['mb_per_1000'] / small['mb_per_1000']:.2f}x (target ≤ 1.5x)"
        )
    print(f"targets      {TARGETS}")
    print(f"machine      {os.cpu_count()} CPUs, load {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "load_before": load_before,
                "runs": runs,
                "targets": TARGETS,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written      {args.out}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
