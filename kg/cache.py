"""The part cache of an output folder: built documents kept for the next build.

``OUT/.cache/parts/<key[:2]>/<key>.part`` holds one document's part (see
``kg.part``) in one file: a header line naming its sections and their sizes,
then the sections (its small fields and reference facts as JSON, its N-Quads,
its mentions.csv rows and its pieces of the N-Triples, Turtle, TriG and
JSON-LD dumps), so that keeping a part is one write, not a dozen; the key
covers the tool's version, the build options that change a part, the file's
name in the outputs and its content, so a part is reused only when rebuilding
would give the same bytes. ``OUT/.cache/files.json``
remembers each input file's size, modification time and SHA-1, so an unchanged
file is not even read again, and ``OUT/.cache/parts.json`` the small fields of
the parts the last build used, so that a rebuild reads one file, not one per
part (a part's reference facts are read from its own file only when the
outputs are written again). Every file is written to a temporary name and
renamed, and a part file shorter or longer than its header says is not a
part: a build killed mid-way (or a power cut before unsynced files reach the
disk) leaves whole parts or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat

from kg.export.files import atomic_write_bytes, atomic_write_text
from kg.export.rdf import DUMP_FORMATS, dump_pieces
from kg.ingest import IngestError, read_bytes
from kg.part import DocumentPart

CACHE = ".cache"
_SUFFIX = ".part"
_CONTAINER = 1  # the layout of a part file (bumped when it changes)


@dataclass
class PartCache:
    """Parts on disk under ``folder`` (normally ``OUT/.cache``)."""

    folder: Path
    _files: dict[str, list[object]] = field(default_factory=dict)
    _files_loaded: bool = False
    _index: dict[str, dict[str, object]] = field(default_factory=dict)  # key -> small fields
    _index_loaded: bool = False
    _used: set[str] = field(default_factory=set)  # keys of this build's parts
    # key -> its file's sections, read once: the outputs read seven sections of each part.
    _layouts: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def _path(self, key: str) -> Path:
        return _part_path(self.folder, key)

    def has(self, key: str) -> bool:
        """Whether a whole part with this key is cached (a part file of the size it says)."""
        try:
            self._sections(key)
        except (OSError, ValueError):
            return False
        return True

    def put(self, part: DocumentPart) -> None:
        """Keep ``part``, in one file written to a temporary name and renamed.

        Not fsynced: a part can always be built again, 10,000 fsyncs cost minutes,
        and a file a power cut left short fails the size check of its header.
        """
        write_part_file(self.folder, part)
        self.adopt(part)

    def adopt(self, part: DocumentPart) -> None:
        """Count ``part`` as one of this build's, its file already written (``write_part_file``
        by the worker that made it)."""
        self._layouts.pop(part.key, None)
        self._load_index()
        self._index[part.key] = _small_fields(part)
        self._used.add(part.key)

    def meta(self, key: str) -> DocumentPart:
        """The part's small fields (``nquads``, ``mentions`` and ``reference`` left empty).

        Read from the index when it has them, else from the part's own file.
        """
        self._load_index()
        self._used.add(key)
        fields = self._index.get(key)
        if fields is None:
            fields = self._index[key] = _small_fields(self._read(key))
        return DocumentPart(key=key, nquads=b"", reference=(), mentions="", **fields)  # type: ignore[arg-type]

    def reference(self, key: str) -> tuple[str, ...]:
        """The N-Quads lines of the part's reference facts."""
        return self._read(key).reference

    def nquads(self, key: str) -> bytes:
        """The part's own named graph, sorted N-Quads."""
        return self._section(key, "nq")

    def mentions(self, key: str) -> str:
        """The part's mentions.csv rows."""
        return self._section(key, "csv").decode("utf-8")

    def dumps(self, key: str, formats: Sequence[RdfFormat]) -> list[bytes]:
        """The part's pieces of the ``formats`` dumps (``kg.export.rdf.dump_pieces``), read
        with one opening of its file."""
        layout = self._sections(key)
        with open(self._path(key), "rb") as fh:
            return [
                os.pread(fh.fileno(), layout[f.file_extension][1], layout[f.file_extension][0])
                for f in formats
            ]

    def _read(self, key: str) -> DocumentPart:
        return DocumentPart.from_json(self._section(key, "json").decode("utf-8"))

    def _sections(self, key: str) -> dict[str, tuple[int, int]]:
        layout = self._layouts.get(key)
        if layout is None:
            with open(self._path(key), "rb") as fh:
                layout = self._layouts[key] = _layout(fh)
        return layout

    def _section(self, key: str, name: str) -> bytes:
        offset, length = self._sections(key)[name]
        with open(self._path(key), "rb") as fh:
            return os.pread(fh.fileno(), length, offset)

    def _load_index(self) -> None:
        if self._index_loaded:
            return
        self._index_loaded = True
        self._index = _json_object(self.folder / "parts.json")

    def prune(self, older_than: float) -> int:
        """Remove the files of parts this build did not use, written before ``older_than``
        (a ``time.time()``); returns how many.

        The cache keeps the parts of the last build: without this, every new
        version of the tool (or every edited file) would leave a whole corpus of
        parts behind (several GB at 10,000 reports). Called once the build's
        outputs are written, so a failed build removes nothing; files written
        since this build began (by another build into the same folder) are kept.
        """
        removed = 0
        for path in sorted((self.folder / "parts").glob("*/*")):
            if path.suffix == _SUFFIX and path.stem in self._used:
                continue
            try:
                if not path.is_file() or path.stat().st_mtime >= older_than:
                    continue
                path.unlink()
            except OSError:
                continue  # gone meanwhile
            removed += 1
        return removed

    # --- input files already seen ---------------------------------------------------------

    def _load_files(self) -> None:
        if self._files_loaded:
            return
        self._files_loaded = True
        self._files = _json_object(self.folder / "files.json")

    def sha1(self, path: Path, max_bytes: int) -> str:
        """The SHA-1 of ``path``'s bytes, read only when its size or time changed.

        ``IngestError`` for what is not a readable regular file of at most
        ``max_bytes`` (a pipe is never opened for reading: it could block).
        """
        self._load_files()
        try:
            st = os.stat(path)
        except OSError as err:
            raise IngestError(f"cannot be read: {err.strerror or err}") from err
        if not stat.S_ISREG(st.st_mode):
            raise IngestError("not a regular file")
        key = os.path.realpath(path)
        seen = self._files.get(key)
        if seen and seen[0] == st.st_size and seen[1] == st.st_mtime_ns:
            return str(seen[2])
        digest = hashlib.sha1(read_bytes(path, max_bytes)).hexdigest()
        self._files[key] = [st.st_size, st.st_mtime_ns, digest]
        return digest

    def save_files(self) -> None:
        """Write what ``sha1`` learned and the index of this build's parts (once, at the end)."""
        if self._files_loaded:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(
                self.folder / "files.json", json.dumps(self._files, sort_keys=True) + "\n"
            )
        if self._used:
            self.folder.mkdir(parents=True, exist_ok=True)
            used = {k: self._index[k] for k in sorted(self._used) if k in self._index}
            atomic_write_text(
                self.folder / "parts.json", json.dumps(used, ensure_ascii=False) + "\n"
            )


def write_part_file(folder: Path, part: DocumentPart) -> None:
    """Write ``part``'s file into the cache ``folder`` (``PartCache.put`` without the index:
    what a worker process does, its build counting the part in with ``PartCache.adopt``)."""
    pieces = part.pieces or {
        fmt.file_extension: body for fmt, body in dump_pieces(part.nquads).items()
    }
    sections = {
        "json": part.to_json().encode("utf-8"),
        "nq": part.nquads,
        "csv": part.mentions.encode("utf-8"),
        **{fmt.file_extension: pieces[fmt.file_extension] for fmt in DUMP_FORMATS.values()},
    }
    header = json.dumps(
        {"container": _CONTAINER, "sections": {k: len(v) for k, v in sections.items()}}
    ).encode("utf-8")
    atomic_write_bytes(
        _part_path(folder, part.key), b"".join([header, b"\n", *sections.values()]), durable=False
    )


def _part_path(folder: Path, key: str) -> Path:
    return folder / "parts" / key[:2] / (key + _SUFFIX)


def _layout(fh: BinaryIO) -> dict[str, tuple[int, int]]:
    """Each section's offset and size in an open part file; ``ValueError`` unless it is whole."""
    header = json.loads(fh.readline(4096))
    if not isinstance(header, dict) or header.get("container") != _CONTAINER:
        raise ValueError(f"{fh.name}: not a part file of this version")
    offset = fh.tell()
    sections = {}
    for name, length in header["sections"].items():
        sections[name] = (offset, int(length))
        offset += int(length)
    size = os.fstat(fh.fileno()).st_size
    if offset != size:
        raise ValueError(f"{fh.name}: {size} bytes where its header says {offset}")
    return sections


def _json_object(path: Path) -> dict:  # type: ignore[type-arg]
    # A cache file that is missing, damaged or not an object is as good as empty.
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _small_fields(part: DocumentPart) -> dict[str, object]:
    # What a build needs of a part it does not write again: no graph, rows or reference.
    return {"iri": part.iri, "label": part.label, "sha1": part.sha1, "entry": part.entry}
