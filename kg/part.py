"""What a build keeps of one document: its part, small, on disk, mergeable.

A ``DocumentPart`` is made from one resolved document by whichever process
read it (a worker of the pool, a Dask worker, another machine's shard) and
holds everything the outputs need from it: the report's named graph as
sorted N-Quads, the shared reference facts it relies on, its report.json
entry and its mentions.csv rows (graph.html is drawn from the store). Outputs are
assembled from parts alone, so the build never holds the corpus in memory,
an unchanged document's part is reused from the cache, and parts made on
different machines merge into the same build as one made here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from kg.export.mentions import mention_rows_csv
from kg.export.rdf import dump_pieces
from kg.graph.document import document_graph
from kg.model import ResolvedDocument

PART_FORMAT = 3  # bumped when the part's layout changes (3: with its dump pieces)


@dataclass(frozen=True)
class DocumentPart:
    """One built document, as the outputs need it."""

    key: str  # extractor version + file label + content: equal keys, equal parts
    iri: str  # the report's IRI, which names its graph
    label: str  # the file's name in outputs (a relative path when names collide)
    sha1: str  # of the file's bytes
    entry: dict[str, object]  # its report.json entry
    nquads: bytes  # its own named graph, sorted N-Quads
    reference: tuple[str, ...]  # N-Quads lines of the shared facts it relies on, sorted
    mentions: str  # its mentions.csv rows (no header), in text order
    # Its pieces of the N-Triples, Turtle, TriG and JSON-LD dumps, by file extension
    # (``kg.export.rdf.dump_pieces``): made by the worker that made the part.
    pieces: dict[str, bytes] = field(default_factory=dict)

    def to_json(self) -> str:
        """The part's small fields as JSON (its N-Quads and CSV rows are kept apart)."""
        return json.dumps(
            {
                "format": PART_FORMAT,
                "key": self.key,
                "iri": self.iri,
                "label": self.label,
                "sha1": self.sha1,
                "entry": self.entry,
                "reference": list(self.reference),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str, nquads: bytes = b"", mentions: str = "") -> DocumentPart:
        """Read a part written by ``to_json``; ``ValueError`` if it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != PART_FORMAT:
            raise ValueError("not a document part of this version")
        return cls(
            key=data["key"],
            iri=data["iri"],
            label=data["label"],
            sha1=data["sha1"],
            entry=data["entry"],
            nquads=nquads,
            reference=tuple(data["reference"]),
            mentions=mentions,
        )


@cache
def extractor_version() -> str:
    """A digest of the code and data that turn a file into a part.

    Any change to what makes a part (an extractor rule, a lexicon, the gazetteer, the
    graph layout) gives another version, so cached parts are never reused
    across versions of the tool; a change to what only reads parts (the store,
    the page, the queries: ``AFTER_PARTS``) keeps them.
    """
    digest = hashlib.sha256(str(PART_FORMAT).encode())
    for name, path in version_files():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def version_files() -> list[tuple[str, Path]]:
    """The files ``extractor_version`` digests, by their name inside the package.

    The ontology (the initiative scheme is in it) ships as ``kg.ontology`` but lives
    at the top of a source checkout, outside the ``kg`` folder: it is read from
    wherever the package finds it, so that editing the scheme never reuses parts
    made with the old one.
    """
    roots = {"": Path(str(files("kg"))), "ontology/": Path(str(files("kg.ontology")))}
    found: dict[Path, str] = {}
    for prefix, root in roots.items():
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in _VERSIONED:
                name = prefix + path.relative_to(root).as_posix()
                if not name.startswith(AFTER_PARTS):
                    found.setdefault(path.resolve(), name)  # a wheel has ontology/ inside kg/
    return sorted((name, path) for path, name in found.items())


_VERSIONED = (".py", ".tsv", ".txt", ".ttl", ".tmpl", ".json")
# The package's files that only read parts: writing the outputs, the store, the page,
# the queries, the command line. Changing them leaves every part as it was, so a new
# version of the tool that changed only these rebuilds from the cache (a test traces a
# build of the seeds and checks that none of them runs while a part is made).
AFTER_PARTS = (
    "outputs.py",
    "merge.py",
    "push.py",
    "cluster.py",
    "cli.py",
    "query.py",
    "serve.py",
    "compare.py",
    "validate.py",
    "build_folder.py",
    "evaluate/",
    "store/",
    "queries/",
    "export/files.py",
    "export/dumps.py",
    "export/page.py",
    "export/html.py",
    "export/graph.html.tmpl",
    "export/explorer/",
)


def part_key(label: str, sha1: str, options: str = "") -> str:
    """The key of a file's part: version, build options, name in the outputs, content."""
    text = "\0".join((extractor_version(), options, label, sha1))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def make_part(rd: ResolvedDocument, entry: dict[str, object], key: str) -> DocumentPart:
    """The part of one resolved document."""
    graph = document_graph(rd)
    pieces = dump_pieces(graph.nquads)
    return DocumentPart(
        key=key,
        iri=rd.iri,
        label=rd.document.name,
        sha1=rd.document.sha1,
        entry=entry,
        nquads=graph.nquads,
        reference=graph.reference,
        mentions=mention_rows_csv([rd]),
        pieces={fmt.file_extension: body for fmt, body in pieces.items()},
    )
