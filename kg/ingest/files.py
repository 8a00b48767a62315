"""Finding input files in the paths a user gives."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".md", ".markdown", ".docx", ".pdf"}


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every readable input file under ``paths`` (files or folders, recursive), sorted.

    Hidden files and folders are skipped; symlinked folders are followed once
    (a loop is not entered twice). A path given explicitly is kept even if its
    suffix is unknown, so that the build can report why it could not read it.
    """
    found: list[Path] = []
    seen_dirs: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=True):
                real = os.path.realpath(root)
                if real in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    if Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
        else:
            found.append(path)
    # Stable order whatever the file system returns.
    unique = sorted(set(found), key=lambda p: p.as_posix())
    return unique
