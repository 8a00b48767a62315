"""A build's output files, written from its documents' parts as streams.

Nothing here holds the corpus: N-Quads are copied part by part (reports in
IRI order, then the shared reference facts, sorted, then the tallies made of
the citation counts); the store is bulk loaded from the parts in batches, in a
thread, while those files are written (``kg.store.loading``), or on a rebuild
the previous store is updated graph by graph; N-Triples, Turtle, TriG and
JSON-LD are joined from each part's piece (``kg.export.rdf``), and
mentions.csv is the parts' rows in file order. So memory is bounded by the
largest report and the reference data, whatever the number of reports.

A rebuild starts from what the generation it replaces kept beside its outputs
(``PreviousBuild``, ``SPANS``, the counts):
kept reports' pieces are copied from the previous files in runs
(``kg.export.dumps``), and the shared facts' and citations' counts are moved by
the parts that came and went; every file comes out as a build from scratch
writes it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, parse, serialize

from kg.export.dumps import DumpWriter, PieceWriter, Span, add_in_runs
from kg.export.explorer.records import STALE_PARTS, STALE_WHEN_CHANGED
from kg.export.files import (
    atomic_write_bytes,
    atomic_write_text,
    current_generation,
    pause_point,
    sync_files,
)
from kg.export.mentions import mentions_header
from kg.export.page import PAGE_RECORDS, PageChanges, previous_page, write_page
from kg.export.rdf import DUMP_FORMATS, dump_pieces
from kg.graph.reference import GRAPH, TALLY_GRAPH, is_reference_graph, ontology_quads
from kg.part import DocumentPart
from kg.store import store_totals
from kg.store.loading import bulk_load_batches, load_in_batches
from kg.store.tallies import (
    CitationCounts,
    citation_tallies,
    report_citations,
)

PART_KEYS = ".part-keys.json"  # in each generation: report graph IRI -> part key
REFERENCE = ".reference.nq"  # in each generation: the reference graphs it stored, sorted
# In each generation: how many of its reports need each line of REFERENCE (uint32 each).
REFERENCE_COUNTS = ".reference-counts"
# In each generation: how often each place cites each document (the tallies' counts).
CITATION_COUNTS = ".citation-counts"
# In each generation: where each part's piece is in graph.nq, mentions.csv and the dumps,
# where the reference graphs' piece is in each dump (and of which data), and where the
# tallies are in graph.nq: what the next rebuild copies from there (``GenerationSpans``).
SPANS = ".spans.json"
UPDATE_AT_LEAST = 0.5  # share of report graphs kept below which the store is loaded afresh


@dataclass(frozen=True)
class ReferenceFacts:
    """The reference facts (N-Quads lines) of a build's parts, with how many parts need each.

    ``built`` counts them for the parts whose facts the build holds (``built_keys``);
    the other parts' are read (``of_part``, by part key) only when needed: a rebuild
    starts from the previous build's counts and reads only the parts that came or went.
    """

    built: Counter[str]
    built_keys: frozenset[str]
    of_part: Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class PartSource:
    """Where the outputs read the parts of a build from."""

    parts: Sequence[DocumentPart]  # small fields of every built part, any order
    # A part's own graph as N-Quads, by part key (a rebuild reads some of the parts that went).
    nquads: Callable[[str], bytes]
    mentions: Callable[[DocumentPart], str]  # a part's mentions.csv rows
    reference: ReferenceFacts  # the reference facts of all the parts
    # A part's pieces of the given dumps (``kg.export.rdf.dump_pieces``), made with the part.
    dumps: Callable[[DocumentPart, Sequence[RdfFormat]], list[bytes]]


@dataclass(frozen=True)
class PreviousBuild:
    """The generation a build replaces, as far as a rebuild reads it (read once)."""

    folder: Path
    part_keys: dict[str, str]  # report graph IRI -> part key (PART_KEYS)
    reference: tuple[bytes, ...] | None  # its reference lines in order (REFERENCE), if readable

    def changed_reports(self, source: PartSource) -> tuple[set[str], list[str], list[DocumentPart]]:
        """The report graphs kept, those gone (IRIs) and the parts whose graphs are new."""
        kept = {p.iri for p in source.parts if self.part_keys.get(p.iri) == p.key}
        gone = sorted(set(self.part_keys) - kept)
        return kept, gone, [p for p in source.parts if p.iri not in kept]


def previous_build(generation: Path | None) -> PreviousBuild | None:
    """What a rebuild needs of ``generation``; None without one or without its part keys."""
    if generation is None:
        return None
    try:
        keys: dict[str, str] = json.loads((generation / PART_KEYS).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    try:
        reference: tuple[bytes, ...] | None = tuple(
            (generation / REFERENCE).read_bytes().splitlines()
        )
    except OSError:
        reference = None
    return PreviousBuild(generation, keys, reference)


def reference_nquads(reference: Iterable[str]) -> bytes:
    """The shared reference facts (N-Quads lines) and the ontology, once each, sorted."""
    lines = set(reference)
    ontology = serialize(ontology_quads(), format=RdfFormat.N_QUADS) or b""
    lines.update(ontology.decode("utf-8").splitlines())
    return "".join(line + "\n" for line in sorted(lines)).encode("utf-8")


def count_reference(source: PartSource, previous: PreviousBuild | None) -> Counter[str]:
    """How many of the build's parts need each reference fact (N-Quads line).

    From the previous build's counts when it left them, moved by the parts that
    came and went (on a 1 % rebuild, reading every kept part's facts took seconds);
    else counted over every part.
    """
    facts = source.reference
    keys = {part.key for part in source.parts}
    counts = _moved_counts(previous, keys, facts) if previous is not None else None
    if counts is None:
        counts = Counter(facts.built)
        for key in sorted(keys - facts.built_keys):
            counts.update(facts.of_part(key))
    return counts


def _moved_counts(
    previous: PreviousBuild, keys: set[str], facts: ReferenceFacts
) -> Counter[str] | None:
    """The previous build's counts moved to the parts ``keys``; None when they cannot be."""
    if previous.reference is None:
        return None
    try:
        numbers = array("I", (previous.folder / REFERENCE_COUNTS).read_bytes())
    except (OSError, ValueError):
        return None
    before = set(previous.part_keys.values())
    lines = [line.decode("utf-8") for line in previous.reference]
    if len(numbers) != len(lines) or facts.built_keys & before:
        return None  # another build's files, or parts built again (--no-cache): count anew
    went, came = sorted(before - keys), sorted(keys - before - facts.built_keys)
    if len(went) + len(came) > len(keys - facts.built_keys):
        return None  # most parts changed (a new version of the tool): counting anew reads fewer
    counts = Counter({line: n for line, n in zip(lines, numbers, strict=True) if n})
    try:
        for key in went:
            counts.subtract(facts.of_part(key))
        for key in came:
            counts.update(facts.of_part(key))
    except (OSError, ValueError, LookupError):  # a previous part no longer at hand
        return None
    counts.update(facts.built)
    if any(n < 0 for n in counts.values()):
        return None
    return +counts  # without the facts no part needs any more


def write_nquads(
    path: Path, source: PartSource, reference: bytes, previous: GenerationSpans
) -> tuple[hashlib._Hash, dict[str, Span]]:
    """``graph.nq``: each report's graph in IRI order, then the reference graphs; the digest
    of what was written (the tallies, appended last, are added to both by ``add_tallies``)
    and where each part's graph is. Kept reports are copied from the previous graph.nq."""
    digest = hashlib.sha256()
    writer = PieceWriter(path, digest=digest)
    keys = [p.key for p in _in_iri_order(source)]
    spans = add_in_runs(writer, keys, source.nquads, *previous.of(path.name))
    writer.add(reference)
    writer.close()
    return digest, spans


@dataclass(frozen=True)
class GenerationSpans:
    """Where things are in the previous generation's files (``SPANS``); empty when unknown."""

    folder: Path | None = None
    parts: dict[str, dict[str, Span]] = field(default_factory=dict)  # file -> part key -> span
    reference: str = ""  # digest of the reference data whose dump pieces ``shared`` gives
    shared: dict[str, Span] = field(default_factory=dict)  # dump -> its reference piece
    tallies: Span | None = None  # in graph.nq

    def of(self, name: str) -> tuple[Path | None, dict[str, Span] | None]:
        """The previous file ``name`` and its parts' spans, if known."""
        if self.folder is None or name not in self.parts:
            return None, None
        return self.folder / name, self.parts[name]

    def read(self, name: str, span: Span | None) -> bytes | None:
        """The bytes at ``span`` of the previous file ``name``; None if it cannot be read."""
        if self.folder is None or span is None:
            return None
        try:
            with open(self.folder / name, "rb") as fh:
                fh.seek(span[0])
                data = fh.read(span[1] - span[0])
        except OSError:
            return None
        return data if len(data) == span[1] - span[0] else None


def previous_spans(folder: Path | None) -> GenerationSpans:
    """The spans the generation ``folder`` recorded; parts' spans for each file they fit."""
    if folder is None:
        return GenerationSpans()
    try:
        data = json.loads((folder / SPANS).read_text("utf-8"))
        parts = {
            name: {key: (int(a), int(b)) for key, (a, b) in by_key.items()}
            for name, by_key in data["parts"].items()
        }
        # A file shorter than its spans say is not the one they were taken from.
        fitting = {
            name: by_key
            for name, by_key in parts.items()
            if max((b for _, b in by_key.values()), default=0) <= (folder / name).stat().st_size
        }
        shared = {name: (int(a), int(b)) for name, (a, b) in data["shared"].items()}
        tallies = (int(data["tallies"][0]), int(data["tallies"][1]))
        return GenerationSpans(folder, fitting, str(data["reference"]), shared, tallies)
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return GenerationSpans()


def write_spans(generation: Path, spans: GenerationSpans) -> None:
    """Record where things went in this generation's files (read by ``previous_spans``)."""
    data = {
        "parts": {name: dict(sorted(by.items())) for name, by in sorted(spans.parts.items())},
        "reference": spans.reference,
        "shared": dict(sorted(spans.shared.items())),
        "tallies": spans.tallies,
    }
    atomic_write_text(generation / SPANS, json.dumps(data, separators=(",", ":")) + "\n")


def _in_iri_order(source: PartSource) -> list[DocumentPart]:
    return sorted(source.parts, key=lambda p: p.iri)


def update_store(
    previous: PreviousBuild | None, path: Path, source: PartSource, reference: bytes
) -> dict[str, int] | None:
    """Make the store at ``path`` from the previous build's, changing only what changed.

    The previous store is copied by hard links to its immutable files (an Oxigraph
    backup: instant, and the previous generation stays as it was); the graphs of
    reports whose part changed or went away are removed, the new parts' graphs
    loaded and the reference facts that changed removed or added; the tallies are
    left for ``add_tallies`` to change. With them, the quads are
    those a fresh load of ``graph.nq`` gives. Returns how many report graphs were
    kept, removed and added, or None (nothing written) when there is no previous
    store to start from, its parts are unknown, or most of it changed: a fresh
    bulk load is then as fast.
    """
    if previous is None:
        return None
    kept, gone, added = previous.changed_reports(source)
    folder = previous.folder
    if not (folder / "store").is_dir() or len(kept) < UPDATE_AT_LEAST * len(source.parts):
        return None
    try:
        Store.read_only(str(folder / "store")).backup(str(path))
    except OSError:
        shutil.rmtree(path, ignore_errors=True)
        return None
    store = Store(str(path))
    for graph in sorted(gone):
        store.remove_graph(NamedNode(graph))
    bulk_load_batches(store, (source.nquads(p.key) for p in sorted(added, key=lambda p: p.iri)))
    _update_reference(store, previous.reference, reference)
    store.flush()
    del store
    return {"kept": len(kept), "removed": len(gone), "added": len(added)}


def page_changes(
    previous: PreviousBuild | None, source: PartSource, reference: bytes
) -> PageChanges | None:
    """What the page must read again since the previous build's (``kg.export.page``).

    None (read everything) without a previous page's records or when most reports
    changed: reading the reports one by one is then slower than reading them all.
    """
    if previous is None or previous.reference is None:
        return None
    records = previous.folder / PAGE_RECORDS
    if not records.is_file():
        return None
    _, gone, added = previous.changed_reports(source)
    if len(added) > (1 - UPDATE_AT_LEAST) * len(source.parts):
        return None
    stale: set[str] = set()
    organs: set[str] = set()
    for line in set(previous.reference).symmetric_difference(reference.splitlines()):
        # The graph is a line's last term, the subject its first: "<s> <p> <o> <graph> ."
        graph = line.rsplit(b" ", 2)[-2].decode("utf-8").strip("<>")
        parts = STALE_WHEN_CHANGED.get(graph.removeprefix(GRAPH), STALE_PARTS)
        stale.update(parts)
        if "organs" in parts:
            organs.add(line.split(b" ", 1)[0].decode("utf-8").strip("<>"))
    new = tuple(sorted(part.iri for part in added))
    return PageChanges(records, tuple(gone), new, tuple(sorted(stale)), tuple(sorted(organs)))


def make_store(
    previous: PreviousBuild | None, path: Path, source: PartSource, reference: bytes
) -> dict[str, int] | None:
    """The new store at ``path``: the previous one updated (``update_store``, whose
    answer is returned) or, if it cannot be, bulk loaded afresh from the parts."""
    updated = update_store(previous, path, source, reference)
    if updated is None:
        parts = (source.nquads(part.key) for part in _in_iri_order(source))
        load_in_batches(path, itertools.chain(parts, [reference]))
    return updated


def _update_reference(store: Store, before: Sequence[bytes] | None, reference: bytes) -> None:
    """Make the store's reference graphs hold ``reference``, changing only what changed.

    A rebuild changes few shared facts (a new place, a cited title): removing and
    loading the whole reference data again cost most of a 1 % rebuild. Without the
    previous build's reference file, the graphs are replaced whole.
    """
    if before is None:
        for graph in store.named_graphs():
            if is_reference_graph(graph.value):
                store.remove_graph(graph)
        store.load(reference, format=RdfFormat.N_QUADS)
        return
    old, new = set(before), set(reference.splitlines())
    emptied: set[NamedNode] = set()
    for quad in parse(b"\n".join(sorted(old - new)), format=RdfFormat.N_QUADS):
        store.remove(quad)
        emptied.add(quad.graph_name)
    store.load(b"\n".join(sorted(new - old)), format=RdfFormat.N_QUADS)
    for graph in sorted(emptied, key=str):
        # A fresh load has no empty graphs: drop one whose last fact went away.
        if next(store.quads_for_pattern(None, None, None, graph), None) is None:
            store.remove_graph(graph)


def write_reference(generation: Path, reference: bytes, counts: Counter[str]) -> None:
    """The reference graphs of this generation's store and how many reports need each line
    (read by ``update_store`` and ``count_reference``)."""
    atomic_write_bytes(generation / REFERENCE, reference)
    lines = reference.decode("utf-8").splitlines()
    atomic_write_bytes(
        generation / REFERENCE_COUNTS, array("I", (counts[line] for line in lines)).tobytes()
    )


def write_part_keys(generation: Path, source: PartSource) -> None:
    """Which part made each report graph of this generation (read by ``update_store``)."""
    keys = {part.iri: part.key for part in sorted(source.parts, key=lambda p: p.iri)}
    atomic_write_text(generation / PART_KEYS, json.dumps(keys, indent=0) + "\n")


def moved_citations(previous: PreviousBuild | None, source: PartSource) -> CitationCounts | None:
    """The previous build's citation counts moved by the reports that came and went; None
    when they cannot be (no previous counts, a part that went no longer at hand, or most
    reports changed: counting the new store is then as fast)."""
    if previous is None:
        return None
    try:
        counts = read_citation_counts(previous.folder / CITATION_COUNTS)
    except (OSError, ValueError):
        return None
    _, gone, added = previous.changed_reports(source)
    if len(gone) + len(added) > len(source.parts):
        return None
    try:
        for iri in gone:
            counts.subtract(report_citations(source.nquads(previous.part_keys[iri])))
        for part in added:
            counts.update(report_citations(source.nquads(part.key)))
    except (OSError, ValueError, LookupError):
        return None
    if any(n < 0 for n in counts.values()):
        return None  # not the counts of those reports
    return +counts


def part_citations(source: PartSource) -> CitationCounts:
    """How often each place cites each document, summed over every part's graph: the
    counts ``stored_citations`` reads from the store (a test checks they agree), made
    while the store loads instead of by a query over it once it is loaded (13 s of a
    build of 10,000 reports, where the parts take 4)."""
    counts: CitationCounts = Counter()
    for part in source.parts:
        counts.update(report_citations(source.nquads(part.key)))
    return counts


def add_tallies(
    store: Store,
    nq: Path,
    digest: hashlib._Hash,
    reference: bytes,
    citations: CitationCounts,
    before: bytes | None,
) -> tuple[bytes, CitationCounts, Span]:
    """Make the build's tallies; put them in its new ``store``, at the end of ``nq`` and
    into ``nq``'s digest. Returns them as N-Quads, with the citation counts they were
    made of and where in ``nq`` they went.

    The counts are ``citations``: moved from the previous build's (``moved_citations``)
    or counted over the parts (``part_citations``); either agrees with what a query of
    the store counts.
    A store updated from the previous build's holds its tallies, ``before`` (N-Quads):
    only those that changed are removed and added (a rank or a count moved); when
    they are not known, the graph is replaced whole.
    """
    quads = citation_tallies(citations, reference)
    data = serialize(quads, format=RdfFormat.N_QUADS) or b""
    if before is None:
        store.remove_graph(NamedNode(TALLY_GRAPH))
        store.bulk_extend(quads)  # a staging store: a failed build is thrown away whole
    else:
        old, new = set(before.splitlines()), set(data.splitlines())
        for quad in parse(b"\n".join(sorted(old - new)), format=RdfFormat.N_QUADS):
            store.remove(quad)
        store.bulk_extend(parse(b"\n".join(sorted(new - old)), format=RdfFormat.N_QUADS))
    store.flush()
    start = nq.stat().st_size
    with open(nq, "ab") as fh:
        fh.write(data)
    digest.update(data)
    return data, citations, (start, start + len(data))


def previous_tallies(previous: GenerationSpans) -> bytes | None:
    """The tallies of the previous generation (N-Quads, the end of its graph.nq)."""
    return previous.read("graph.nq", previous.tallies)


def write_citation_counts(generation: Path, counts: CitationCounts) -> None:
    """How often each place cites each document in this generation (``moved_citations``)."""
    lines = sorted(f"{doc}\t{place}\t{n}\n" for (doc, place), n in counts.items() if n > 0)
    atomic_write_text(generation / CITATION_COUNTS, "".join(lines))


def read_citation_counts(path: Path) -> CitationCounts:
    """The counts ``write_citation_counts`` wrote; ``ValueError`` if the file is not those."""
    counts: CitationCounts = Counter()
    for line in path.read_text("utf-8").splitlines():
        doc, place, n = line.split("\t")
        counts[doc, place] = int(n)
    return counts


def start_dumps(
    staging: Path, source: PartSource, previous: GenerationSpans
) -> tuple[dict[str, DumpWriter], dict[str, dict[str, Span]]]:
    """N-Triples, Turtle, TriG and JSON-LD, each begun with every report's piece; with
    where each piece went.

    A report's pieces are kept beside its part (``source.dumps``), so a rebuild
    serialises only the reports that changed, and copies the kept reports' pieces from
    the previous dumps; ``finish_dumps`` adds the reference graphs and the tallies.
    """
    writers = {name: DumpWriter(staging / name, fmt) for name, fmt in DUMP_FORMATS.items()}
    parts = _in_iri_order(source)
    spans: dict[str, dict[str, Span]] = {name: {} for name in writers}
    if not any(previous.of(name)[1] for name in writers):
        formats = [w.format for w in writers.values()]
        for part in parts:  # each part's file opened once for all four
            pieces = source.dumps(part, formats)
            for (name, writer), piece in zip(writers.items(), pieces, strict=True):
                spans[name][part.key] = writer.add(piece)
        return writers, spans
    by_key = {part.key: part for part in parts}
    for name, writer in writers.items():
        fmt = [writer.format]
        spans[name] = add_in_runs(
            writer,
            list(by_key),
            lambda key, fmt=fmt: source.dumps(by_key[key], fmt)[0],  # type: ignore[misc]
            *previous.of(name),
        )
    return writers, spans


def finish_dumps(
    starting: Future[tuple[dict[str, DumpWriter], dict[str, dict[str, Span]]]],
    reference: bytes,
    tallies: bytes,
    previous: GenerationSpans,
    syncing: ThreadPoolExecutor,
) -> tuple[str, dict[str, Span]]:
    """End each dump ``starting`` began with the reference graphs' piece and the tallies'
    (``reference`` and ``tallies`` as N-Quads); each whole dump is handed to ``syncing``
    to be flushed to disk. Returns the reference data's digest and where each dump's
    reference piece went.

    The reference graphs' pieces are copied from the dumps of the ``previous``
    generation when it holds the same reference data (a rebuild seldom changes it:
    serialising 80 MB of it in four formats took a quarter of a 1 % rebuild of
    10,000 reports); the tallies are serialised anew.
    """
    writers, _ = starting.result()
    digest = hashlib.sha256(reference).hexdigest()
    same = previous.reference == digest
    made: dict[RdfFormat, bytes] = {}
    last = dump_pieces(tallies)
    where: dict[str, Span] = {}
    for name, writer in writers.items():
        piece = previous.read(name, previous.shared.get(name)) if same else None
        if piece is None:
            made = made or dump_pieces(reference)
            piece = made[writer.format]
        where[name] = writer.add(piece)
        writer.add(last[writer.format])
        writer.close()
        syncing.submit(sync_files, writer.path)
        pause_point(f"wrote {name}")
    return digest, where


def write_mentions(path: Path, source: PartSource, previous: GenerationSpans) -> dict[str, Span]:
    """``mentions.csv``: the header, then each file's rows, files in name order; returns
    where each part's rows are. Kept reports' rows are copied from the previous file."""
    by_key = {part.key: part for part in sorted(source.parts, key=lambda p: p.label)}
    writer = PieceWriter(path, header=mentions_header().encode("utf-8"))
    spans = add_in_runs(
        writer,
        list(by_key),
        lambda key: source.mentions(by_key[key]).encode("utf-8"),
        *previous.of(path.name),
    )
    writer.close()
    return spans


def write_build_files(staging: Path, source: PartSource, report: dict[str, object]) -> str:
    """Write every output of a build into ``staging``; returns the build id.

    A new store is bulk loaded in the background (``kg.store.loading``) while
    graph.nq, the dumps and mentions.csv are written; a rebuild updates the
    previous store instead when most of it is kept. ``report["totals"]`` is
    completed with the counts read from the new store.
    """
    nq, path = staging / "graph.nq", staging / "store"
    previous = previous_build(current_generation(staging.parent))
    spans_before = previous_spans(previous.folder if previous is not None else None)
    counts = count_reference(source, previous)
    reference = reference_nquads(counts)
    # Leaving the pool waits for its work even when writing failed: the staging
    # folder is removed after.  The dumps are copies of bytes (the I/O releases the
    # interpreter), so they are written beside the store and then beside the page;
    # each whole output is flushed to disk meanwhile (``sync_files``).
    with (
        # The store, the dumps' two steps and the totals, beside graph.nq and the page.
        ThreadPoolExecutor(max_workers=4, thread_name_prefix="kg-write") as pool,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-sync") as syncing,
    ):
        making = pool.submit(make_store, previous, path, source, reference)
        starting = pool.submit(start_dumps, staging, source, spans_before)
        # A rebuild's page starts from the previous page's records: read meanwhile.
        changes = page_changes(previous, source, reference)
        page_before = pool.submit(previous_page, changes) if changes is not None else None
        digest, nq_spans = write_nquads(nq, source, reference, spans_before)
        pause_point("wrote graph.nq")
        # Copying the parts' rows is mostly reading and writing: beside the rest too.
        listing = syncing.submit(write_mentions, staging / "mentions.csv", source, spans_before)
        syncing.submit(sync_files, nq, staging / "mentions.csv")
        moved = moved_citations(previous, source)
        if moved is None:  # counted from the parts while the store is loaded
            moved = part_citations(source)
        updated = making.result()
        previous = None  # its reference lines are tens of megabytes: not kept to the end
        report["store"] = {"updated": updated is not None, **(updated or {})}
        # One handle for the tallies, the totals and the page: a read-only one opened
        # beside it could find the files of a compaction the writer just finished gone.
        store = Store(str(path))
        before = previous_tallies(spans_before) if updated is not None else None
        tallies, citations, tallies_at = add_tallies(store, nq, digest, reference, moved, before)
        write_part_keys(staging, source)
        write_reference(staging, reference, counts)
        write_citation_counts(staging, citations)
        pause_point("wrote store")
        finishing = pool.submit(finish_dumps, starting, reference, tallies, spans_before, syncing)
        # Totals come from the store itself, so they agree with `kg stats` and SPARQL.
        counting = pool.submit(store_totals, store)
        # The page is drawn from the store, like every other reader of the build.
        write_page(
            store, staging / "graph.html", changes, page_before.result() if page_before else None
        )
        report["totals"] = {**report["totals"], **counting.result()}
        del store
        syncing.submit(sync_files, path)
        reference_digest, shared = finishing.result()
        parts = {nq.name: nq_spans, "mentions.csv": listing.result(), **starting.result()[1]}
        write_spans(staging, GenerationSpans(staging, parts, reference_digest, shared, tallies_at))
    # A build's identity: a digest of its sorted N-Quads (equal graphs, equal ids).
    ident = digest.hexdigest()[:16]
    stamped = {"build_id": ident, **report}
    atomic_write_text(
        staging / "report.json",
        json.dumps(stamped, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
    )
    return ident


def reuse_unchanged(out: Path, staging: Path, report: dict[str, object]) -> bool:
    """Fill ``staging`` from the current build when it would be written the same; say if so.

    The outputs are a function of the documents' parts (whose keys cover the
    tool's version, the options, each file's name and bytes) and of the failed
    files: when report.json lists exactly the same documents, every other file
    would come out byte for byte as it is, so it is hard-linked (generations are
    never written to once published) and only report.json is written anew.
    """
    current = current_generation(out)
    if current is None:
        return False
    try:
        before = json.loads((current / "report.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if before.get("documents") != report["documents"] or any(
        e.get("error") for e in before.get("documents", [])
    ):
        return False
    for entry in sorted(current.iterdir()):
        if entry.name == "report.json":
            continue
        if entry.is_dir():
            shutil.copytree(entry, staging / entry.name, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(staging / entry.name))
    report["totals"] = before["totals"]
    stamped = {"build_id": before["build_id"], **report}
    atomic_write_text(
        staging / "report.json",
        json.dumps(stamped, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
    )
    return True


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
