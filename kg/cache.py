"""The part cache of an output folder: built documents kept for the next build.

``OUT/.cache/parts/<key[:2]>/<key>.{json,nq,csv,size}`` hold one document's part
(see ``kg.part``), ``<key>.{nt,ttl,trig,jsonld}`` its pieces of the dumps; the key
covers the tool's version, the build options that change a part, the file's
name in the outputs and its content, so a part is reused only when rebuilding
would give the same bytes. ``OUT/.cache/files.json``
remembers each input file's size, modification time and SHA-1, so an unchanged
file is not even read again, and ``OUT/.cache/parts.json`` the small fields of
the parts the last build used, so that a rebuild reads one file, not one per
part (a part's reference facts are read from its own file only when the
outputs are written again). Every file is written to a temporary name and
renamed: a build killed mid-way leaves whole parts or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat

from kg.export.files import atomic_write_bytes, atomic_write_text
from kg.export.rdf import DUMP_FORMATS, dump_chunk
from kg.ingest import IngestError, read_bytes
from kg.part import DocumentPart

CACHE = ".cache"
_FILES = (".nq", ".csv", ".json")  # the files of one part


@dataclass
class PartCache:
    """Parts on disk under ``folder`` (normally ``OUT/.cache``)."""

    folder: Path
    _files: dict[str, list[object]] = field(default_factory=dict)
    _files_loaded: bool = False
    _index: dict[str, dict[str, object]] = field(default_factory=dict)  # key -> small fields
    _index_loaded: bool = False
    _used: set[str] = field(default_factory=set)  # keys of this build's parts

    def _base(self, key: str) -> Path:
        return self.folder / "parts" / key[:2] / key

    def has(self, key: str) -> bool:
        """Whether a whole part with this key is cached (its files of the recorded sizes)."""
        base = self._base(key)
        try:
            sizes = json.loads(base.with_suffix(".size").read_text("utf-8"))
            return all(base.with_suffix(s).stat().st_size == sizes[s] for s in _FILES)
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def put(self, part: DocumentPart) -> None:
        """Keep ``part``. Its sizes are written last: a part cut short (a build killed, a
        power cut before the unsynced files reached the disk) is never found whole."""
        base = self._base(part.key)
        base.parent.mkdir(parents=True, exist_ok=True)
        data = {
            ".nq": part.nquads,
            ".csv": part.mentions.encode("utf-8"),
            ".json": part.to_json().encode("utf-8"),
        }
        # Not fsynced: a part can always be built again, and 10,000 fsyncs cost minutes.
        for suffix, body in data.items():
            atomic_write_bytes(base.with_suffix(suffix), body, durable=False)
        sizes = {suffix: len(body) for suffix, body in data.items()}
        atomic_write_text(base.with_suffix(".size"), json.dumps(sizes), durable=False)
        # The dumps' pieces are made now, while the workers are still extracting, rather
        # than by this process alone once they are done.
        for fmt in DUMP_FORMATS.values():
            self._put_piece(part.key, fmt, dump_chunk(part.nquads, fmt))
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

    def _read(self, key: str) -> DocumentPart:
        return DocumentPart.from_json(self._base(key).with_suffix(".json").read_text("utf-8"))

    def _load_index(self) -> None:
        if self._index_loaded:
            return
        self._index_loaded = True
        self._index = _json_object(self.folder / "parts.json")

    def dump(self, key: str, fmt: RdfFormat) -> bytes:
        """The part's piece of the ``fmt`` dump (``kg.export.rdf.dump_chunk``), kept once made.

        Like a part, the piece is written without fsync and its size last, so a
        piece cut short is made again.
        """
        piece, size = self._piece(key, fmt)
        try:
            if piece.stat().st_size == int(size.read_text("utf-8")):
                return piece.read_bytes()
        except (OSError, ValueError):
            pass
        body = dump_chunk(self.nquads_path(key).read_bytes(), fmt)
        self._put_piece(key, fmt, body)
        return body

    def _piece(self, key: str, fmt: RdfFormat) -> tuple[Path, Path]:
        piece = self._base(key).with_name(f"{key}.{fmt.file_extension}")
        return piece, piece.with_name(piece.name + ".size")

    def _put_piece(self, key: str, fmt: RdfFormat, body: bytes) -> None:
        piece, size = self._piece(key, fmt)
        atomic_write_bytes(piece, body, durable=False)
        atomic_write_text(size, str(len(body)), durable=False)

    def nquads_path(self, key: str) -> Path:
        """The file of the part's N-Quads."""
        return self._base(key).with_suffix(".nq")

    def mentions_path(self, key: str) -> Path:
        """The file of the part's mentions.csv rows."""
        return self._base(key).with_suffix(".csv")

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
