"""Finding input files in the paths a user gives."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".md", ".markdown", ".docx", ".pdf"}


BUILD_MARK = ".current"  # the link every kg build folder holds (kg.export.files.CURRENT)


def discover(paths: Iterable[str | os.PathLike[str]], follow_links: bool = False) -> list[Path]:
    """Every input file under ``paths`` (files or folders, recursive), sorted.

    Hidden files and folders are skipped, and so are the output folders of
    kg builds (a build's outputs are never read back as reports). Symbolic
    links are followed only when they stay inside the folders given, unless
    ``follow_links``: a link to ``/etc`` or ``/`` is not a report; such a link
    is returned as found so that the build reports it (see ``outside``).
    Symlinked folders are followed once (a loop is not entered twice). A folder
    that cannot be listed is returned as if it were a file, and a path given
    explicitly is kept even if its suffix is unknown, so that the build reports
    why it could not read them instead of skipping them in silence.
    """
    given = [Path(raw) for raw in paths]
    roots = [os.path.realpath(p) for p in given]
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            found.extend(_walk(path, roots, follow_links))
        else:
            found.append(path)
    # Stable order whatever the file system returns.
    return sorted(set(found), key=lambda p: p.as_posix())


def outside(path: Path, roots: Iterable[str]) -> bool:
    """True when ``path`` resolves to a place outside every one of ``roots``."""
    real = os.path.realpath(path)
    return not any(real == r or real.startswith(r.rstrip("/") + "/") for r in roots)


def _walk(top: Path, roots: list[str], follow_links: bool) -> list[Path]:
    found: list[Path] = []
    seen_dirs: set[str] = set()

    def unlistable(err: OSError) -> None:
        found.append(Path(err.filename))

    for root, dirs, names in os.walk(top, followlinks=True, onerror=unlistable):
        real = os.path.realpath(root)
        if real in seen_dirs or (Path(root) / BUILD_MARK).is_symlink():
            dirs[:] = []  # a loop, or a kg build's output folder
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (
                follow_links
                or not os.path.islink(os.path.join(root, d))
                or not outside(Path(root) / d, roots)
            )
        )
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(root) / name)
    return found
