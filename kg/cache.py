"""The part cache of an output folder: built documents kept for the next build.

``OUT/.cache/parts/<key[:2]>/<key>.{json,nq,csv}`` hold one document's part
(see ``kg.part``); the key covers the tool's version, the build options that
change a part, the file's name in the outputs and its content, so a part is
reused only when rebuilding would give the same bytes. ``OUT/.cache/files.json``
remembers each input file's size, modification time and SHA-1, so an unchanged
file is not even read again. Every file is written to a temporary name and
renamed: a build killed mid-way leaves whole parts or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kg.export.files import atomic_write_bytes, atomic_write_text
from kg.ingest import IngestError, read_bytes
from kg.part import DocumentPart

CACHE = ".cache"


@dataclass
class PartCache:
    """Parts on disk under ``folder`` (normally ``OUT/.cache``)."""

    folder: Path
    _files: dict[str, list[object]] = field(default_factory=dict)
    _files_loaded: bool = False

    def _base(self, key: str) -> Path:
        return self.folder / "parts" / key[:2] / key

    def has(self, key: str) -> bool:
        """Whether a whole part with this key is cached."""
        base = self._base(key)
        return all(base.with_suffix(s).is_file() for s in (".json", ".nq", ".csv"))

    def put(self, part: DocumentPart) -> None:
        """Keep ``part``; its JSON is written last, so a half-written part is never found."""
        base = self._base(part.key)
        base.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(base.with_suffix(".nq"), part.nquads)
        atomic_write_text(base.with_suffix(".csv"), part.mentions)
        atomic_write_text(base.with_suffix(".json"), part.to_json())

    def meta(self, key: str) -> DocumentPart:
        """The part's small fields (``nquads`` and ``mentions`` left empty)."""
        return DocumentPart.from_json(self._base(key).with_suffix(".json").read_text("utf-8"))

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
        try:
            data = json.loads((self.folder / "files.json").read_text("utf-8"))
            self._files = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self._files = {}

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
        """Write what ``sha1`` learned (called once at the end of a build)."""
        if self._files_loaded:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(
                self.folder / "files.json", json.dumps(self._files, sort_keys=True) + "\n"
            )
