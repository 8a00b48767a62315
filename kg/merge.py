"""Merging the builds of shards (``kg build --shard i/n``) into one build (``kg merge``).

Each shard's output folder lists its documents in report.json, each with the
key of its part, and keeps the parts in its cache; the merged build is
assembled from those parts exactly as a single build of all the files would
be (same graph, same bytes). Files that failed in a shard stay listed as
failed; a report found in two shards (the same bytes under two names) is
kept once, under the first name, the other listed as its duplicate.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kg.build import OUTPUT_NAMES, BuildResult, NothingBuiltError, build_report
from kg.cache import CACHE, PartCache
from kg.export.files import new_generation
from kg.model import MENTION_TYPES
from kg.outputs import PartSource, ReferenceFacts, write_build_files
from kg.part import DocumentPart
from kg.store import open_store


class MergeError(ValueError):
    """A shard folder that cannot be merged (no build, or its parts are gone)."""


def merge(shards: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str]) -> BuildResult:
    """Merge the builds in ``shards`` into one build written to ``out``."""
    start = time.perf_counter()
    parts: dict[str, DocumentPart] = {}  # label -> part
    caches: dict[str, PartCache] = {}  # part key -> the cache that holds it
    entries: dict[str, dict[str, object]] = {}
    copies: dict[str, dict[str, object]] = {}
    for shard in shards:
        folder = Path(shard)
        try:
            report = json.loads((folder / "report.json").read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise MergeError(f"{folder}: no readable build (report.json: {err})") from err
        cache = PartCache(folder / CACHE)
        for entry in report.get("documents", []):
            label = str(entry["doc"])
            if label in entries or label in copies:
                raise MergeError(f"{folder}: {label} is also in another shard")
            if entry.get("error"):
                entries[label] = entry
            elif entry.get("duplicate_of"):
                copies[label] = entry
            else:
                key = str(entry.get("part") or "")
                if not key or not cache.has(key):
                    raise MergeError(
                        f"{folder}: the part of {label} is not in {folder / CACHE}; "
                        "build that shard again"
                    )
                parts[label] = cache.meta(key)
                caches[key] = cache
    # The same bytes in two shards: one report, kept under the first name.
    first: dict[str, str] = {}
    for label in sorted(parts):
        sha1 = parts[label].sha1
        if sha1 in first:
            part = parts.pop(label)
            copies[label] = {**part.entry, "duplicate_of": first[sha1]}
        else:
            first[sha1] = label
    for label, part in parts.items():
        entries[label] = part.entry
    for label, entry in copies.items():
        original = entries.get(str(entry["duplicate_of"]), entry)
        entries[label] = {
            **original,
            "doc": label,
            "duplicate_of": entry["duplicate_of"],
            "mentions": {t: 0 for t in MENTION_TYPES},
        }
    if not parts:
        raise NothingBuiltError(f"the shards hold no built report; {out} is left as it was")
    timings = {"merge": time.perf_counter() - start}
    report = build_report(list(entries.values()), timings)
    # Every part's reference facts are read from its shard (or counted from the previous
    # merge's, moved by the parts that came and went).
    facts = ReferenceFacts(Counter(), frozenset(), lambda key: caches[key].reference(key))
    source = PartSource(
        list(parts.values()),
        nquads=lambda key: caches[key].nquads(key),
        mentions=lambda p: caches[p.key].mentions(p.key),
        reference=facts,
        # Made anew, not kept: the shards' folders are inputs here, never written to.
        dumps=lambda p, formats: caches[p.key].dumps(p.key, formats),
    )
    with new_generation(Path(out), outputs=OUTPUT_NAMES) as staging:
        write_build_files(staging, source, report)
    return BuildResult(store=open_store(out), report=report)
