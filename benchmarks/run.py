"""Build time, memory, rebuilds and the headline query at scale (``make bench``).

Generates corpora of synthetic reports with ``benchmarks/make_corpus.py``
(real divisions at every level and departments as authors, citations,
initiatives, slogans, institutions and indicators drawn from the
repository's data, some GBK files and HTML pages, and the truth planted in
each). For each corpus size it measures, in the same run and on the same
files:

- the reference: finding, reading, decoding and segmenting every file with
  jieba in one process (the floor any build stands on);
- a full build (``kg build``, one worker per CPU, empty cache): wall time,
  throughput as a share of the reference's, and peak memory of the whole
  process tree (the build and its workers, sampled from /proc);
- a rebuild with nothing changed, and one with 1 % of the files changed;
- ``cited-across --min 2`` on the store (median of three);
- accuracy against the planted truth (``make_corpus.score``): authors right,
  regulation recall and precision on catalogue titles, initiative recall and
  precision, and planted slogans wrongly taken as initiatives.

Prints figures and targets, writes them as JSON; asserts nothing and is not
part of the test suite.

    python benchmarks/run.py [--docs 1000 10000] [--workers N] [--keep DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import append_sentence, make_corpus, read_truth, score  # noqa: E402
from kg.ingest import discover  # noqa: E402
from kg.ingest.decode import decode_bytes  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "results" / "scale.json"
TARGETS = {
    "full build at 10,000 (s)": 180,
    "peak RSS (MB)": 2048,
    "throughput vs read+jieba": 0.5,
    "rebuild, nothing changed (s)": 10,
    "rebuild, 1 % changed / full": 0.10,
    "cited-across --min 2 (s)": 1.0,
}


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


def measure(docs: int, work: Path, workers: int | None) -> dict[str, float]:
    """Every figure for one corpus size."""
    corpus = work / f"corpus-{docs}"
    out = work / f"output-{docs}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    corpus.mkdir(parents=True)
    summary = make_corpus(corpus, docs)
    size = summary.bytes
    truth = read_truth(corpus)
    base = reference(corpus)
    full, peak, report = timed_build(corpus, out, workers)
    accuracy = score(out, truth)  # before the rebuilds replace the outputs
    quads = report["totals"]["quads"]
    again, _, _ = timed_build(corpus, out, workers)
    # Change 1 % of the files: one more sentence each.
    # Change 1 % of the files: one more sentence each, in the file's own
    # encoding (and inside the page of an HTML file).
    changed = sorted(truth)[::100]
    for name in changed:
        append_sentence(
            corpus / name, "依据《中华人民共和国行政复议法》办理。", truth[name]["encoding"]
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
        # report.json's stage timings; what is left of the wall time is writing the
        # outputs (graph.nq, store, tallies, dumps, mentions.csv, graph.html, totals).
        "stages_s": {
            **report.get("timings", {}),
            "write_outputs": full - sum(report.get("timings", {}).values()),
        },
        "rebuild_nothing_s": again,
        "rebuild_1pct_s": partial,
        "rebuild_1pct_over_full": partial / full,
        "cited_across_s": cited_across_seconds(out),
        **accuracy,
        "corpus": summary.as_dict(),
        "s_per_1000": full / docs * 1000,
        "mb_per_1000": peak / docs * 1000,
    }
    line = "  ".join(
        f"{k} {v:,.3f}" if isinstance(v, float) else f"{k} {v:,}"
        for k, v in figures.items()
        if not isinstance(v, dict)
    )
    print(line, flush=True)
    return figures


def _commit() -> str:
    """The commit measured (with "+changes" when the working tree differs from it)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return head + ("+changes" if dirty else "") if head else "unknown"


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
    print()
    print("accuracy against the planted truth")
    print(f"{'documents':>10} {'author':>6} {'reg rec':>7} {'reg prec':>8} {'ini rec':>7} "
          f"{'ini prec':>8} {'slogans taken':>13} {'inst rec':>8}")  # fmt: skip
    for r in runs:
        print(
            f"{r['documents']:>10,} {r['author_accuracy']:>6.3f} {r['regulation_recall']:>7.3f} "
            f"{r['regulation_precision']:>8.3f} {r['initiative_recall']:>7.3f} "
            f"{r['initiative_precision']:>8.3f} {r['slogans_as_initiatives']:>13.3f} "
            f"{r['institution_recall']:>8.3f}"
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
                "load_after": os.getloadavg()[0],
                "commit": _commit(),
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
