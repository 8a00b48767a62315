"""The whole pipeline: files -> documents -> mentions -> entities -> RDF -> outputs."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, Store, Triple

from kg.export.files import atomic_write_bytes, atomic_write_text, new_generation, pause_point
from kg.export.html import render_html
from kg.export.mentions import mentions_csv
from kg.export.rdf import RDF_FILES, serialise, union_triples
from kg.extract import Lexicons, TooManyMentionsError, extract_all
from kg.extract.lexicons import DEFAULT_MAX_TITLE
from kg.extract.terms import TermMatcher
from kg.graph.document import DocumentGraph, document_graph
from kg.graph.reference import ontology_quads
from kg.ingest import DEFAULT_MAX_BYTES, IngestError, discover, read_document
from kg.ingest.files import outside
from kg.model import MENTION_TYPES, ResolvedDocument
from kg.resolve import Resources, resolve_document
from kg.store import create_store, open_store, store_totals

Progress = Callable[[str, str | None], None]  # (file name, error or None) after each file

# Everything a build writes into its folder (older versions left these as plain files).
OUTPUT_NAMES = (*RDF_FILES, "mentions.csv", "graph.html", "report.json", "store")


@dataclass
class BuildResult:
    """What ``build`` returns: the graph (an Oxigraph store) and the build report."""

    store: Store
    report: dict[str, object]
    documents: list[ResolvedDocument] = field(default_factory=list)
    quads: list[Quad] = field(default_factory=list)

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
        if len(name) >= 3 and name[-1] in "省市县区旗州盟镇乡道"
    }
    initiatives = {label: key for label, key in res.initiatives.surfaces.items() if len(label) >= 3}
    return Lexicons(
        regulation_terms=TermMatcher(res.catalog.unquoted_terms()),
        place_names=TermMatcher(places),
        initiative_terms=TermMatcher(initiatives),
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
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    progress: Progress | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the reports under ``paths``.

    Writes every output file into ``out`` (unless ``out`` is None) and returns
    the graph with the build report. A file that cannot be read is reported and
    skipped; with ``strict=True`` the build stops there instead. Symbolic links
    are read only when they point inside the given folders, unless
    ``follow_links``; output folders of kg builds are never read as input.

    >>> result = build(["seeds"], out=None)   # doctest: +SKIP
    >>> result.report["totals"]["documents"]  # doctest: +SKIP
    5
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    files = discover(paths, follow_links=follow_links)
    roots = [os.path.realpath(p) for p in paths]
    res = Resources.load()
    lexicons = make_lexicons(res, max_title=max_title)
    timings["load_resources"] = time.perf_counter() - t0
    if on_start:
        on_start(len(files))

    t1 = time.perf_counter()
    done: list[ResolvedDocument] = []
    entries: list[dict[str, object]] = []
    names = Counter(p.name for p in files)
    built_by_content: dict[str, dict[str, object]] = {}
    graphs: list[DocumentGraph] = []
    for path in files:
        # The doc column is the file name; a path relative to the input keeps duplicates apart.
        label = path.name if names[path.name] == 1 else path.as_posix()
        try:
            if not follow_links and outside(path, roots):
                raise IngestError(
                    "a symbolic link to a file outside the input folders "
                    "(give --follow-links to read it)"
                )
            # Every stage of a file, its graph included, runs under the file's own limits
            # and error handling: one bad file never ends the build.
            with time_limit(max_seconds, "read, extract and resolve it"):
                rd = process_file(path, res, lexicons, max_bytes, max_mentions)
                if label != rd.document.name:
                    rd = _renamed(rd, label)
                graph = document_graph(rd)
        except IngestError as err:
            error = f"{path}: {err}"
        except Exception as err:  # an extractor bug must not end a 10,000-file build
            error = f"{path}: extraction failed ({type(err).__name__}: {err})"
        else:
            first = built_by_content.get(rd.document.sha1)
            if first is not None:
                # The same bytes are one report (its IRI comes from its content): built once,
                # every copy listed in report.json as a duplicate of the first.
                entries.append(
                    {
                        **first,
                        "doc": label,
                        "duplicate_of": first["doc"],
                        "mentions": {t: 0 for t in MENTION_TYPES},
                    }
                )
            else:
                done.append(rd)
                graphs.append(graph)
                entries.append(document_entry(rd, res))
                built_by_content[rd.document.sha1] = entries[-1]
            if progress:
                progress(label, None)
            continue
        entries.append(error_entry(label, error))
        if progress:
            progress(label, error)
        if strict:
            raise StrictModeError(error)
    timings["extract_resolve"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    quads = dataset_quads(graphs)
    triples = union_triples(quads)
    timings["graph"] = time.perf_counter() - t2

    report = build_report(entries, timings)
    if out is not None and not done:
        # Nothing could be read: the previous build (if any) is worth more than an empty one.
        raise NothingBuiltError(
            f"no report could be built from {len(entries)} file(s); "
            f"the previous build in {out} is kept"
        )
    if out is None:
        store = Store()
        store.extend(quads)
        report["totals"] = {**report["totals"], **store_totals(store)}
    else:
        t3 = time.perf_counter()
        write_outputs(Path(out), done, quads, triples, report)
        timings["write"] = time.perf_counter() - t3
        store = open_store(out)  # the store just written, not a second copy in memory
    return BuildResult(store=store, report=report, documents=done, quads=quads)


def dataset_quads(graphs: Iterable[DocumentGraph]) -> list[Quad]:
    """Every quad of the build: each report's own graph, then the shared reference graphs.

    A reference fact named by many reports is stored once (see ``kg.graph.reference``).
    """
    quads: list[Quad] = []
    reference: set[Quad] = set()
    # Each document's quads come sorted and share one graph name: ordering the
    # documents by graph name sorts that part without comparing quads again.
    for graph in sorted(graphs, key=lambda g: g.iri):
        quads.extend(graph.quads)
        reference.update(graph.reference)
    reference.update(ontology_quads())
    quads.extend(sorted(reference, key=str))
    return quads


def _renamed(rd: ResolvedDocument, name: str) -> ResolvedDocument:
    from dataclasses import replace

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
    return {
        "doc": doc.name,
        "title": doc.meta.title,
        "author": "、".join(a.label for a in rd.author) if rd.author else None,
        "author_iri": primary.iri if primary else None,
        "author_chain": chain,
        "author_codes": [d for d in ([code] if code else [])],
        "author_evidence": doc.meta.author_evidence or None,
        "author_line": doc.meta.author_line or None,
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


def write_outputs(
    out: Path,
    docs: Iterable[ResolvedDocument],
    quads: list[Quad],
    triples: list[Triple],
    report: dict[str, object],
) -> None:
    """Write every output file into ``out``: the whole build appears at once or not at all.

    ``report["totals"]`` is completed with the counts read from the new store.

    The files are written into a staging folder inside ``out`` which then
    becomes the current generation in one atomic step (see
    ``kg.export.files.new_generation``); a build killed at any moment leaves
    the previous complete build in place, and the next build clears the leftovers.
    """
    docs = list(docs)
    with new_generation(out, outputs=OUTPUT_NAMES) as staging:
        nquads = b""
        for name, (fmt, keep_graphs) in RDF_FILES.items():
            data = serialise(quads if keep_graphs else triples, fmt)
            atomic_write_bytes(staging / name, data)
            nquads = data if name == "graph.nq" else nquads
            pause_point(f"wrote {name}")
        atomic_write_text(staging / "mentions.csv", mentions_csv(docs))
        create_store(staging / "store", nquads)
        pause_point("wrote store")
        store = Store.read_only(str(staging / "store"))
        # The page is drawn from the store, like every other reader of the build.
        atomic_write_text(staging / "graph.html", render_html(store, more_views=("hierarchy",)))
        # Totals come from the store itself, so they agree with `kg stats` and SPARQL.
        report["totals"] = {**report["totals"], **store_totals(store)}
        del store
        # The build id ties report.json to the graph it describes (same quads, same id).
        stamped = {"build_id": build_id(nquads), **report}
        atomic_write_text(
            staging / "report.json",
            json.dumps(stamped, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
        )


def build_id(nquads: bytes) -> str:
    """A build's identity: a digest of its sorted N-Quads (equal graphs, equal ids)."""
    return hashlib.sha256(nquads).hexdigest()[:16]
