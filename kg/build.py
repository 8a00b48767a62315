"""The whole pipeline: files -> documents -> mentions -> entities -> RDF -> outputs."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.cache import CACHE, PartCache, write_part_file
from kg.export.files import check_no_foreign_outputs, new_generation, pause_point
from kg.export.rdf import RDF_FILES
from kg.extract import Lexicons, TooManyMentionsError, extract_all
from kg.extract.lexicons import DEFAULT_MAX_TITLE, data_lines
from kg.extract.terms import TermMatcher
from kg.extract.words import load_tagger
from kg.ingest import DEFAULT_MAX_BYTES, IngestError, discover, read_document
from kg.ingest.files import outside
from kg.model import MENTION_TYPES, ResolvedDocument
from kg.outputs import (
    PartSource,
    ReferenceFacts,
    reference_nquads,
    reuse_unchanged,
    write_build_files,
)
from kg.part import DocumentPart, make_part, part_key
from kg.resolve import Resources, resolve_document
from kg.store import open_store, store_totals
from kg.store.tallies import citation_tallies, stored_citations

Progress = Callable[[str, str | None], None]  # (file name, error or None) after each file

# Everything a build writes into its folder (older versions left these as plain files).
OUTPUT_NAMES = (*RDF_FILES, "mentions.csv", "graph.html", "report.json", "store")


@dataclass
class BuildResult:
    """What ``build`` returns: the graph (an Oxigraph store) and the build report."""

    store: Store
    report: dict[str, object]
    documents: list[ResolvedDocument] = field(default_factory=list)

    @property
    def failed(self) -> list[dict[str, object]]:
        """Report entries of the files that could not be built."""
        docs = self.report["documents"]
        assert isinstance(docs, list)
        return [d for d in docs if d.get("error")]


class StrictModeError(RuntimeError):
    """Raised by ``build(strict=True)`` at the first file that fails."""


class NothingBuiltError(RuntimeError):
    """No input file could be built; the output folder was left as it was."""


def make_lexicons(res: Resources, max_title: int = DEFAULT_MAX_TITLE) -> Lexicons:
    """The extractors' word lists from the catalogue, gazetteer and initiative scheme.

    ``max_title`` is the longest text between 《 and 》 taken as a title.
    """
    places = {
        name: name
        for name in res.gazetteer.names()
        if len(name) >= 3 and name[-1] in "省市县区旗州盟镇乡道" and not name.endswith("社区")
    }  # 幸福社区 (short for 幸福社区街道) is a community: no division with a government here
    # 重庆, 浙江, 广州: provinces and prefectures are named by their short names too (法治浙江,
    # 视察重庆), except the ones that are also ordinary words (长治久安, 中山公园).
    words = set(data_lines("place_short_names_words.txt"))
    for div in res.gazetteer:
        if div.level in ("province", "prefecture") and div.current:
            for short in res.gazetteer.short_names(div):
                if len(short) >= 2 and short not in words:
                    places.setdefault(short, short)
    indexed = set(res.gazetteer.names())  # without the short names that are common words
    local = {
        short
        for div in res.gazetteer
        if div.level in ("county", "township")
        for short in res.gazetteer.short_names(div)
        if short in indexed
    }
    # 赵县, 黟县: two-character county names, read only on the author's own chain
    local |= {d.name for d in res.gazetteer if d.level == "county" and len(d.name) == 2}
    # Known initiative surfaces -> the IRI of the concept they name, so that an extractor can
    # tell two names of one programme written side by side (谁执法谁普法…普法责任制).
    initiatives = {
        label: res.initiatives.by_key[key][0]
        for label, key in res.initiatives.surfaces.items()
        if len(label) >= 3
    }
    return Lexicons(
        regulation_terms=TermMatcher(res.catalog.unquoted_terms()),
        place_names=TermMatcher(places),
        local_names=frozenset(local - set(places)),
        initiative_terms=TermMatcher(initiatives),
        initiative_short_forms=frozenset(res.initiatives.short_forms),
        max_title=max_title,
    )


DEFAULT_MAX_MENTIONS = 50_000  # a long annual report has a few thousand
DEFAULT_MAX_SECONDS = 300.0  # per file; a 10 MB report takes a few seconds


class FileLimitError(IngestError):
    """A file over one of the per-file limits (mentions, time)."""


def process_file(
    path: Path,
    res: Resources,
    lexicons: Lexicons,
    max_bytes: int,
    max_mentions: int = DEFAULT_MAX_MENTIONS,
) -> ResolvedDocument:
    """Read, extract and resolve one file; raises ``IngestError`` for unreadable input.

    A file with more than ``max_mentions`` mentions is refused before resolution
    (``FileLimitError``): memory grows with the mentions, and so many are not one
    report (a whole site dump, a generated file).
    """
    doc = read_document(path, max_bytes=max_bytes)
    try:
        mentions = extract_all(doc, lexicons, max_mentions)
    except TooManyMentionsError as err:
        raise FileLimitError(
            f"too many mentions ({err} > --max-mentions {max_mentions:,}): "
            "not a single report? split it, or raise the limit"
        ) from err
    return resolve_document(doc, mentions, res)


@contextlib.contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise ``FileLimitError`` in this block after ``seconds`` (main thread only)."""
    usable = seconds and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise FileLimitError(f"took more than --max-seconds {seconds:g} s to {what}")

    previous = signal.signal(signal.SIGALRM, expired)
    # Raised again every 0.1 s until the block ends: an exception raised where it is
    # dropped (inside a finaliser, or a library's broad except) would otherwise end the
    # limit; the test suite under load once saw a slow file run to its end.
    signal.setitimer(signal.ITIMER_REAL, float(seconds), 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Settings:
    """What every worker needs to turn a file into a part."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_title: int = DEFAULT_MAX_TITLE
    max_mentions: int = DEFAULT_MAX_MENTIONS
    max_seconds: float | None = DEFAULT_MAX_SECONDS
    keep_documents: bool = False
    # The part cache's folder, where the process that makes a part writes it (None: the
    # part goes back whole to the build, which keeps it: a Dask worker on another machine)
    parts: Path | None = None

    @property
    def options(self) -> str:
        """The settings that change a part's content (part of its cache key)."""
        return f"max_title={self.max_title}"


@dataclass(frozen=True)
class Job:
    """One input file to build: its path, its name in the outputs, its part's key if known."""

    path: Path
    label: str
    key: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What building one file gave: a part, or the error that stopped it."""

    label: str
    part: DocumentPart | None = None
    error: str | None = None
    document: ResolvedDocument | None = None
    written: bool = False  # the part's file is in the cache (``Settings.parts``) already


def build_one(job: Job, res: Resources, lexicons: Lexicons, settings: Settings) -> Outcome:
    """Read, extract, resolve and graph one file, under its limits; never raises for bad input.

    Every stage of a file, its graph included, runs under the file's own limits and
    error handling: one bad file never ends the build.
    """
    try:
        with time_limit(settings.max_seconds, "read, extract and resolve it"):
            rd = process_file(job.path, res, lexicons, settings.max_bytes, settings.max_mentions)
            if job.label != rd.document.name:
                rd = _renamed(rd, job.label)
            key = job.key or part_key(job.label, rd.document.sha1, settings.options)
            part = make_part(rd, {**document_entry(rd, res), "part": key}, key)
            if settings.parts is not None:
                # Written here, in the worker: its graph and pieces (most of a part's bytes)
                # then never go through the pool's pipe to the build and out again.
                write_part_file(settings.parts, part)
                part = replace(part, nquads=b"", mentions="", pieces={})
    except IngestError as err:
        return Outcome(job.label, error=f"{job.path}: {err}")
    except Exception as err:  # an extractor bug must not end a 10,000-file build
        return Outcome(
            job.label, error=f"{job.path}: extraction failed ({type(err).__name__}: {err})"
        )
    document = rd if settings.keep_documents else None
    return Outcome(job.label, part=part, document=document, written=settings.parts is not None)


# A worker process of the pool gets the loaded resources by inheriting them when it
# is forked (loading the gazetteer again in every worker would cost seconds each);
# set just before the pool starts, read only by the workers.
_FORKED: tuple[Resources, Lexicons, Settings] | None = None


def _build_in_worker(job: Job) -> Outcome:
    assert _FORKED is not None, "the pool's workers are forked after the resources load"
    return build_one(job, *_FORKED)


def default_workers() -> int:
    """One worker per CPU this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_jobs(
    jobs: Sequence[Job], res: Resources, lexicons: Lexicons, settings: Settings, workers: int
) -> Iterator[Outcome]:
    """Build the files of ``jobs``, in that order, with ``workers`` processes.

    One worker (or one file) builds in this process, where the per-file time
    limit works as well.
    """
    global _FORKED
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield build_one(job, res, lexicons, settings)
        return
    import multiprocessing

    _FORKED = (res, lexicons, settings)
    load_tagger()  # once here, inherited by every forked worker, instead of once in each
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(min(workers, len(jobs))) as pool:
            # imap keeps the order and holds only finished documents not yet taken.
            yield from pool.imap(_build_in_worker, jobs, chunksize=1)
    finally:
        _FORKED = None


def build(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str] | None = "output",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_title: int = DEFAULT_MAX_TITLE,
    strict: bool = False,
    follow_links: bool = False,
    max_mentions: int = DEFAULT_MAX_MENTIONS,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    workers: int | None = None,
    cache: bool = True,
    shard: tuple[int, int] | None = None,
    scheduler: str | None = None,
    keep_documents: bool | None = None,
    progress: Progress | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the reports under ``paths``.

    Writes every output file into ``out`` (unless ``out`` is None) and returns
    the graph with the build report. A file that cannot be read is reported and
    skipped; with ``strict=True`` the build stops there instead. Symbolic links
    are read only when they point inside the given folders, unless
    ``follow_links``; output folders of kg builds are never read as input.

    Files are built by ``workers`` processes (default: one per CPU) and kept as
    parts in ``out/.cache``: a file built before with the same content, name and
    tool version is not built again (``cache=False`` builds every file anew).
    ``shard=(i, n)`` builds the i-th of n disjoint shares of the files (from 0),
    to be merged with ``kg.merge``. With ``scheduler`` (a Dask scheduler's
    address) the files are built on that Dask cluster instead (``kg.cluster``).
    ``keep_documents`` returns every resolved document in the result (default:
    only when ``out`` is None).

    >>> result = build(["seeds"], out=None)   # doctest: +SKIP
    >>> result.report["totals"]["documents"]  # doctest: +SKIP
    5
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if out is not None:
        # Refused before any work (new_generation checks again when it writes).
        check_no_foreign_outputs(out, OUTPUT_NAMES)
    keep = out is None if keep_documents is None else keep_documents
    settings = Settings(max_bytes, max_title, max_mentions, max_seconds, keep)
    timings: dict[str, float] = {}
    started = time.time()
    t0 = time.perf_counter()
    files = discover(paths, follow_links=follow_links)
    roots = [os.path.realpath(p) for p in paths]
    names = Counter(p.name for p in files)
    # The doc column is the file name; a path relative to the input keeps duplicates apart.
    # Labels are given over all files, so that every shard names a file alike.
    # In label order: of files with the same bytes, the first label is the one built
    # (a merge of shards picks the same one).
    labelled = sorted(
        ((p, p.name if names[p.name] == 1 else p.as_posix()) for p in files), key=lambda x: x[1]
    )
    if shard is not None:
        labelled = [(p, lbl) for p, lbl in labelled if shard_of(lbl, shard[1]) == shard[0]]
    timings["discover"] = time.perf_counter() - t0
    if on_start:
        on_start(len(labelled))

    t1 = time.perf_counter()
    spool = contextlib.ExitStack()
    with spool:
        store_parts = _part_store(out, cache, spool)
        if isinstance(store_parts, PartCache) and not scheduler:
            settings = replace(settings, parts=store_parts.folder)
        entries: dict[str, dict[str, object]] = {}
        parts: dict[str, DocumentPart] = {}  # label -> part (small fields when on disk)
        # The reference facts of the parts built now, once each (many reports name the
        # same places), with how many of those parts need each.
        reference: Counter[str] = Counter()
        built_keys: set[str] = set()
        documents: list[ResolvedDocument] = []
        jobs: list[Job] = []
        first_of: dict[str, str] = {}  # sha1 -> label of the first file with those bytes
        copies: dict[str, str] = {}  # label -> label of the file it repeats
        for path, label in labelled:
            if not follow_links and outside(path, roots):
                error = (
                    f"{path}: a symbolic link to a file outside the input folders "
                    "(give --follow-links to read it)"
                )
                entries[label] = error_entry(label, error)
                _report(progress, label, error, strict)
                continue
            key = None
            if isinstance(store_parts, PartCache) and not keep:
                try:
                    sha1 = store_parts.sha1(path, max_bytes)
                    if sha1 in first_of:
                        copies[label] = first_of[sha1]
                        _report(progress, label, None, strict)
                        continue
                    first_of[sha1] = label
                    key = part_key(label, sha1, settings.options)
                    if store_parts.has(key):
                        # Its reference facts are read only if the outputs are written.
                        parts[label] = store_parts.meta(key)
                        _report(progress, label, None, strict)
                        continue
                except (OSError, ValueError, IngestError):
                    key = None  # unreadable here: reading it again reports why
            jobs.append(Job(path, label, key))
        built_by_content = {p.sha1: lbl for lbl, p in parts.items()}
        reused = len(parts)
        if scheduler:
            from kg.cluster import run_jobs_dask

            outcomes = run_jobs_dask(jobs, settings, scheduler)
        else:
            outcomes = iter(())
            if jobs:  # the gazetteer and lexicons load only when some file is to be built
                t2 = time.perf_counter()
                res = Resources.load()
                lexicons = make_lexicons(res, max_title=max_title)
                timings["load_resources"] = time.perf_counter() - t2
                outcomes = run_jobs(jobs, res, lexicons, settings, workers or default_workers())
        for outcome in outcomes:
            label = outcome.label
            part = outcome.part
            if part is None:
                entries[label] = error_entry(label, str(outcome.error))
                _report(progress, label, outcome.error, strict)
                continue
            if part.sha1 in built_by_content:
                copies[label] = built_by_content[part.sha1]
            else:
                built_by_content[part.sha1] = label
                parts[label] = _shared(_kept(store_parts, part, outcome.written), reference)
                built_keys.add(part.key)
                pause_point("built part")
                if outcome.document is not None:
                    documents.append(outcome.document)
            _report(progress, label, None, strict)
        if isinstance(store_parts, PartCache):
            store_parts.save_files()
        for label, part in parts.items():
            entries[label] = part.entry
        for label, original in copies.items():
            # The same bytes are one report (its IRI comes from its content): built once,
            # every copy listed in report.json as a duplicate of the first.
            first = entries[original]
            entries[label] = {
                **first,
                "doc": label,
                "duplicate_of": original,
                "mentions": {t: 0 for t in MENTION_TYPES},
            }
        timings["extract_resolve"] = time.perf_counter() - t1

        report = build_report(list(entries.values()), timings)
        # How much of the build came from the cache (report.json; ``kg build`` prints it).
        report["cache"] = {"reused": reused, "built": len(parts) - reused}
        facts = ReferenceFacts(reference, frozenset(built_keys), store_parts.reference)
        source = _source(store_parts, list(parts.values()), facts)
        if out is None:
            store = Store()
            for part in source.parts:
                store.load(source.nquads(part.key), format=RdfFormat.N_QUADS)
            shared = reference_nquads(reference)
            store.load(shared, format=RdfFormat.N_QUADS)
            # as a build folder's store has them
            store.extend(citation_tallies(stored_citations(store), shared))
            report["totals"] = {**report["totals"], **store_totals(store)}
            return BuildResult(store=store, report=report, documents=documents)
        if not parts:
            # Nothing could be read: the previous build (if any) is worth more than an empty one.
            raise NothingBuiltError(
                f"no report could be built from {len(entries)} file(s); "
                f"the previous build in {out} is kept"
            )
        t3 = time.perf_counter()
        with new_generation(Path(out), outputs=OUTPUT_NAMES) as staging:
            if not reuse_unchanged(Path(out), staging, report):
                write_build_files(staging, source, report)
        timings["write"] = time.perf_counter() - t3
        if isinstance(store_parts, PartCache) and cache:
            store_parts.prune(older_than=started)
    store = open_store(out)  # the store just written, not a second copy in memory
    return BuildResult(store=store, report=report, documents=documents)


def shard_of(label: str, shards: int) -> int:
    """Which of ``shards`` shares a file belongs to (by its name in the outputs: stable)."""
    return int(hashlib.sha1(label.encode("utf-8")).hexdigest(), 16) % shards


def _report(progress: Progress | None, label: str, error: str | None, strict: bool) -> None:
    if progress:
        progress(label, error)
    if error and strict:
        raise StrictModeError(error)


class _MemoryParts(dict[str, DocumentPart]):
    """Parts of a build kept in memory (a build without an output folder)."""

    def reference(self, key: str) -> tuple[str, ...]:
        """The N-Quads lines of the part's reference facts."""
        return self[key].reference


def _part_store(
    out: str | os.PathLike[str] | None, cache: bool, spool: contextlib.ExitStack
) -> PartCache | _MemoryParts:
    if out is None:
        return _MemoryParts()
    if cache:
        return PartCache(Path(out) / CACHE)
    # Without the cache the parts still go to disk, in a folder removed after the build.
    import tempfile

    folder = spool.enter_context(tempfile.TemporaryDirectory(prefix="kg-parts-"))
    return PartCache(Path(folder))


def _kept(
    store_parts: PartCache | _MemoryParts, part: DocumentPart, written: bool = False
) -> DocumentPart:
    """Keep ``part`` (on disk, where it may be ``written`` already, or in memory); what the
    build holds of it from now on."""
    if isinstance(store_parts, PartCache):
        if written:
            store_parts.adopt(part)
        else:
            store_parts.put(part)
        return replace(part, nquads=b"", mentions="", pieces={})
    store_parts[part.key] = part
    return part


def _shared(part: DocumentPart, reference: Counter[str]) -> DocumentPart:
    """Count the part's reference facts in the build's; what the build holds of it then."""
    reference.update(part.reference)
    return replace(part, reference=())


def _source(
    store_parts: PartCache | _MemoryParts, parts: list[DocumentPart], facts: ReferenceFacts
) -> PartSource:
    if isinstance(store_parts, PartCache):
        cache = store_parts
        return PartSource(
            parts,
            nquads=cache.nquads,
            mentions=lambda p: cache.mentions(p.key),
            reference=facts,
            dumps=lambda p, formats: cache.dumps(p.key, formats),
        )
    memory = store_parts
    return PartSource(
        parts,
        nquads=lambda key: memory[key].nquads,
        mentions=lambda p: memory[p.key].mentions,
        reference=facts,
        dumps=lambda p, formats: [memory[p.key].pieces[f.file_extension] for f in formats],
    )


def _renamed(rd: ResolvedDocument, name: str) -> ResolvedDocument:
    return replace(rd, document=replace(rd.document, name=name))


def document_entry(rd: ResolvedDocument, res: Resources) -> dict[str, object]:
    """The ``report.json`` entry of one built document."""
    doc = rd.document
    counts = Counter(r.mention.type for r in rd.mentions)
    primary = rd.primary_author
    chain: list[str] = []
    code = primary.attr("code") if primary else None
    if code:
        chain = [d.name for d in res.gazetteer.chain(code, doc.meta.year)]
    elif primary is not None and primary.attr("scope") == "national":
        chain = ["中华人民共和国"]
    elif primary is not None and primary.attr("within"):  # 县人民政府 certain down to 安徽省
        chain = [d.name for d in res.gazetteer.chain(primary.attr("within") or "", doc.meta.year)]
    return {
        "doc": doc.name,
        "title": doc.meta.title,
        "author": "、".join(a.label for a in rd.author) if rd.author else None,
        "author_iri": primary.iri if primary else None,
        "author_chain": chain,
        "author_codes": [d for d in ([code] if code else [])],
        "author_evidence": rd.author_evidence or None,
        "author_line": rd.author_line or None,
        "publisher": rd.publisher or None,
        "author_confidence": rd.author_confidence,
        "year": doc.meta.year,
        "date": doc.meta.date or None,
        "kind": doc.meta.kind,
        "encoding": doc.encoding,
        "iri": rd.iri,
        "mentions": {t: counts.get(t, 0) for t in MENTION_TYPES},
        "error": None,
    }


def error_entry(name: str, error: str) -> dict[str, object]:
    """The ``report.json`` entry of a file that could not be built."""
    return {
        "doc": name,
        "title": None,
        "author": None,
        "author_iri": None,
        "author_chain": [],
        "year": None,
        "kind": None,
        "mentions": {t: 0 for t in MENTION_TYPES},
        "error": error,
    }


def build_report(entries: list[dict[str, object]], timings: dict[str, float]) -> dict[str, object]:
    """``report.json`` before the store exists: documents, file totals and timings.

    A file whose bytes equal an earlier file's is built once and listed with
    ``duplicate_of``. The graph's own counts (mentions, entities, triples, quads) are added from the
    store once it is written (``store_totals``), so they agree with `kg stats`
    and with any SPARQL count by construction.
    """
    failed = sum(1 for e in entries if e.get("error"))
    copies = sum(1 for e in entries if e.get("duplicate_of"))
    return {
        "documents": sorted(entries, key=lambda e: str(e["doc"])),
        "totals": {
            "documents": len(entries),
            "built": len(entries) - failed - copies,
            "failed": failed,
            "duplicates": copies,
        },
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }
