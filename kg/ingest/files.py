"""Finding input files in the paths a user gives."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".md", ".markdown", ".docx", ".pdf"}


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every input file under ``paths`` (files or folders, recursive), sorted.

    Hidden files and folders are skipped; symlinked folders are followed once
    (a loop is not entered twice). A folder that cannot be listed is returned
    as if it were a file, and a path given explicitly is kept even if its
    suffix is unknown, so that the build reports why it could not read them
    instead of skipping them in silence.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        else:
            found.append(path)
    # Stable order whatever the file system returns.
    return sorted(set(found), key=lambda p: p.as_posix())


def _walk(top: Path) -> list[Path]:
    found: list[Path] = []
    seen_dirs: set[str] = set()

    def unlistable(err: OSError) -> None:
        found.append(Path(err.filename))

    for root, dirs, names in os.walk(top, followlinks=True, onerror=unlistable):
        real = os.path.realpath(root)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(root) / name)
    return found
