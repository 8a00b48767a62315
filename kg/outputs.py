"""A build's output files, written from its documents' parts as streams.

Nothing here holds the corpus: N-Quads are copied part by part (reports in
IRI order, then the shared reference facts, sorted, then the tallies counted
from the store), the store is bulk loaded
from that file, the other formats are serialised by Oxigraph as that file is
parsed, and mentions.csv is the parts' rows in file order. So
memory is bounded by the largest report and the reference data, whatever the
number of reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, Store, parse, serialize

from kg.export.files import atomic_write_text, current_generation, pause_point
from kg.export.html import render_html
from kg.export.mentions import mentions_header
from kg.export.rdf import RDF_FILES
from kg.graph.reference import ontology_quads
from kg.part import DocumentPart
from kg.store import create_store, store_totals
from kg.store.tallies import citation_tallies
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class PartSource:
    """Where the outputs read the parts of a build from."""

    parts: Sequence[DocumentPart]  # small fields of every built part, any order
    nquads: Callable[[DocumentPart], bytes]  # a part's own graph as N-Quads
    mentions: Callable[[DocumentPart], str]  # a part's mentions.csv rows
    reference: Iterable[str]  # the N-Quads lines of the reference facts of all the parts


def reference_nquads(reference: Iterable[str]) -> bytes:
    """The shared reference facts (N-Quads lines) and the ontology, once each, sorted."""
    lines = set(reference)
    ontology = serialize(ontology_quads(), format=RdfFormat.N_QUADS) or b""
    lines.update(ontology.decode("utf-8").splitlines())
    return "".join(line + "\n" for line in sorted(lines)).encode("utf-8")


def write_nquads(path: Path, source: PartSource) -> None:
    """``graph.nq``: each report's graph in IRI order, then the reference graphs."""
    with open(path, "wb") as fh:
        for part in sorted(source.parts, key=lambda p: p.iri):
            fh.write(source.nquads(part))
        fh.write(reference_nquads(source.reference))


def add_tallies(store_path: Path, nq: Path) -> None:
    """Count the build's tallies from its new store; add them to the store and to ``nq``.

    They are counted from the store (not the parts) so that they always agree with
    what a query counts; ``graph.nq`` gets them last, after the reference graphs.
    """
    store = Store(str(store_path))
    quads = citation_tallies(store)
    if quads:
        store.extend(quads)
        store.flush()
        with open(nq, "ab") as fh:
            serialize(quads, fh, RdfFormat.N_QUADS)
    del store


def write_ntriples(nq: Path, path: Path) -> None:
    """``graph.nt``: the union of ``nq``'s graphs (no triple is in two graphs: see
    ``kg.graph.reference``), read line by line with the graph name cut off."""
    with open(nq, "rb") as src, open(path, "wb") as out:
        for line in src:
            # Every quad of a build is in a named graph, an IRI: the last term of the line.
            body = line.rstrip(b"\n").removesuffix(b" .")
            out.write(body.rsplit(b" ", 1)[0] + b" .\n")


def write_dump(nq: Path, path: Path, fmt: RdfFormat) -> None:
    """Turtle, TriG or JSON-LD of the build, serialised by Oxigraph as ``nq`` is parsed.

    Graph formats get the union of the named graphs (no triple is in two graphs:
    see ``kg.graph.reference``). Streaming from the N-Quads file is several times
    faster than dumping the on-disk store, and holds one quad at a time.
    """
    quads = parse(path=str(nq), format=RdfFormat.N_QUADS)
    data = quads if fmt == RdfFormat.TRIG else (q.triple for q in quads)
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    with open(path, "wb") as fh:
        serialize(data, fh, fmt, prefixes=prefixes)


def write_mentions(path: Path, source: PartSource) -> None:
    """``mentions.csv``: the header, then each file's rows, files in name order."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(mentions_header())
        for part in sorted(source.parts, key=lambda p: p.label):
            fh.write(source.mentions(part))


def write_build_files(staging: Path, source: PartSource, report: dict[str, object]) -> str:
    """Write every output of a build into ``staging``; returns the build id.

    ``report["totals"]`` is completed with the counts read from the new store.
    """
    nq = staging / "graph.nq"
    write_nquads(nq, source)
    pause_point("wrote graph.nq")
    create_store(staging / "store", nq)
    add_tallies(staging / "store", nq)
    pause_point("wrote store")
    write_ntriples(nq, staging / "graph.nt")
    for name, (fmt, _) in RDF_FILES.items():
        if name not in ("graph.nq", "graph.nt"):  # written above, without parsing
            write_dump(nq, staging / name, fmt)
        pause_point(f"wrote {name}")
    store = Store.read_only(str(staging / "store"))
    write_mentions(staging / "mentions.csv", source)
    # The page is drawn from the store, like every other reader of the build.
    atomic_write_text(staging / "graph.html", render_html(store, more_views=("hierarchy",)))
    # Totals come from the store itself, so they agree with `kg stats` and SPARQL.
    report["totals"] = {**report["totals"], **store_totals(store)}
    del store
    ident = build_id_of_file(nq)
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


def build_id_of_file(nquads: Path) -> str:
    """A build's identity: a digest of its sorted N-Quads (equal graphs, equal ids)."""
    digest = hashlib.sha256()
    with open(nquads, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]
