"""Timed build of a synthetic corpus made from the seeds (``make bench``).

Each synthetic report is a seed report whose own county (固安县, 无极县 …) is
replaced by another county of the gazetteer, so that places, authors and
cited-across answers vary as in a real corpus. The build is timed against a
baseline measured in the same run on the same files (reading and decoding
only), so the figures compare across machines as ratios. Prints figures, asserts
nothing; not part of the test suite.

    python benchmarks/run.py [--docs 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.ingest import discover  # noqa: E402
from kg.ingest.decode import decode_bytes  # noqa: E402

# The place each seed is about; replaced in its copies.
SEED_PLACES = {"000": "固安县", "001": "大盛镇", "002": "无极县", "003": "栾川县", "004": "甘谷县"}


def counties() -> list[str]:
    """Current county-level names of the gazetteer ending in 县 (three characters or more)."""
    text = files("kg.data").joinpath("divisions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    return sorted(
        {
            r["name"]
            for r in rows
            if r["level"] == "county"
            and r["name"].endswith("县")
            and len(r["name"]) >= 3
            and not r["valid_to"]
        }
    )


def make_corpus(folder: Path, docs: int, seed: int = 7) -> int:
    """Write ``docs`` synthetic reports into ``folder``; returns the total bytes."""
    rng = random.Random(seed)
    names = counties()
    seeds = sorted((ROOT / "seeds").iterdir())
    total = 0
    for i in range(docs):
        source = seeds[i % len(seeds)]
        text = source.read_text(encoding="utf-8")
        own = SEED_PLACES.get(source.name[:3])
        if own and own.endswith("县"):
            text = text.replace(own, rng.choice(names))
        data = text.encode("utf-8")
        (folder / f"{i:05d}_{source.name[:3]}.txt").write_bytes(data)
        total += len(data)
    return total


def baseline(folder: Path) -> float:
    """Seconds to find, read and decode every file: the floor any build stands on."""
    start = time.perf_counter()
    for path in discover([folder]):
        decode_bytes(path.read_bytes())
    return time.perf_counter() - start


def main() -> None:
    """Generate, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="synthetic reports (default 500)")
    parser.add_argument("--keep", type=Path, help="write corpus and output here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    size = make_corpus(corpus, args.docs)
    mb = size / 1e6
    base = baseline(corpus)
    start = time.perf_counter()
    result = kg.build([corpus], out=work / "output")
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    totals = result.report["totals"]
    assert isinstance(totals, dict)
    print(f"corpus       {args.docs} documents, {mb:.1f} MB ({work})")
    print(f"baseline     read+decode {base:.2f} s = {mb / base:.1f} MB/s")
    print(
        f"build        {seconds:.1f} s = {args.docs / seconds:.1f} docs/s, {mb / seconds:.2f} MB/s"
        f" ({seconds / base:.0f}x the baseline)"
    )
    print(f"stages       {result.report['timings']}")
    print(f"graph        {totals['quads']:,} quads, {totals['triples']:,} triples")
    print(f"peak RSS     {rss_mb:.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
