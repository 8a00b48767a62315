"""Writing a build folder whole or not at all.

A build is written into a fresh hidden folder (``OUT/.staging-*``); once every
file is there, the folder is renamed to a generation (``OUT/.gen-*``) and a
single symbolic link, ``OUT/.current``, is atomically replaced to point at
it. The paths users and tools read (``OUT/graph.ttl``, ``OUT/store`` …) are
fixed symbolic links through ``.current`` (``graph.ttl -> .current/graph.ttl``),
so every reader sees either the whole previous build or the whole new one.
A build killed at any moment leaves ``.current`` on the previous generation;
the next build sets the leftovers (stale staging folders, orphan
generations) aside under ``.old-*`` names and removes them while it writes.
The previous generation is kept one build longer so that a reader which
opened it just before the swap can finish.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

CURRENT = ".current"
STAGING_PREFIX = ".staging-"
GENERATION_PREFIX = ".gen-"
_OLD_PREFIX = ".old-"
_LOCK = ".lock"
# Test hook: a build pauses at the named point (see ``pause_point``).
PAUSE_ENV = "KG_PAUSE_AT"


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename (never half-written).

    ``durable=False`` skips the fsync: for files that can be made again (a cache),
    where a power cut may leave an empty file that the reader must detect.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o644 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike[str], text: str, durable: bool = True) -> None:
    """UTF-8 text variant of ``atomic_write_bytes``."""
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def pause_point(name: str) -> None:
    """Stop here for a while when the environment asks to (tests kill builds at these points).

    With ``KG_PAUSE_AT=name`` the process prints ``KG_PAUSED name`` on stderr
    and sleeps ``KG_PAUSE_SECONDS`` (default 60) so that a test can SIGKILL it
    at exactly this point. Without the variable this does nothing.
    """
    if os.environ.get(PAUSE_ENV) != name:
        return
    print(f"KG_PAUSED {name}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get("KG_PAUSE_SECONDS", "60")))


class ForeignOutputError(FileExistsError):
    """``--out`` holds files of the same names as a build's outputs that no build wrote."""


def foreign_outputs(out: str | os.PathLike[str], names: Iterable[str]) -> list[str]:
    """Entries of ``out`` named like outputs that are not this tool's links into a build."""
    root = Path(out)
    found = []
    for name in names:
        path = root / name
        if path.is_symlink() and os.readlink(path).startswith(CURRENT + "/"):
            continue
        if path.exists() or path.is_symlink():
            found.append(name)
    return found


def check_no_foreign_outputs(out: str | os.PathLike[str], names: Iterable[str]) -> None:
    """Raise ``ForeignOutputError`` if ``out`` holds files named like outputs that no build made."""
    foreign = foreign_outputs(out, names)
    if foreign:
        raise ForeignOutputError(
            f"{Path(out)}/ holds {', '.join(foreign)} that no kg build wrote; a build would "
            "replace them: move them away or choose another --out"
        )


@contextlib.contextmanager
def new_generation(out: str | os.PathLike[str], outputs: Iterable[str] = ()) -> Iterator[Path]:
    """A staging folder inside ``out`` that becomes the current build on success.

    Fill the yielded folder with the build's files; when the ``with`` block
    ends normally the folder is published atomically (see the module
    docstring); when it raises, the folder is removed and ``out`` is unchanged.
    Builds into the same ``out`` are serialised by a lock file. A file or
    folder of ``out`` named like one of the ``outputs`` that no build made
    (a user's ``report.json``, an older tool's ``store/``) is never moved or
    deleted: the build is refused with ``ForeignOutputError`` instead.
    """
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        check_no_foreign_outputs(root, outputs)
        # The leftovers (a large generation takes seconds to remove) go while the build works.
        removing = threading.Thread(target=_remove, args=(set_aside(root),), name="kg-cleanup")
        removing.start()
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            os.chmod(staging, 0o755 & ~_umask())
            pause_point("staging")
            yield staging
            pause_point("staged")
            _fsync_tree(staging)
            generation = root / (GENERATION_PREFIX + staging.name[len(STAGING_PREFIX) :])
            os.rename(staging, generation)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            removing.join()
        pause_point("renamed")
        previous = current_generation(root)
        _replace_symlink(root / CURRENT, generation.name)
        _fsync_dir(root)
        pause_point("switched")
        link_outputs(root)
        pause_point("linked")
        keep = {generation.name} | ({previous.name} if previous else set())
        cleanup(root, keep=keep)


def current_generation(out: str | os.PathLike[str]) -> Path | None:
    """The generation folder ``out/.current`` points at, if it exists."""
    pointer = Path(out) / CURRENT
    if not pointer.is_symlink():
        return None
    target = Path(out) / os.readlink(pointer)
    return target if target.is_dir() else None


def link_outputs(out: str | os.PathLike[str]) -> None:
    """Make every entry of the current generation visible as ``out/NAME -> .current/NAME``.

    Links to outputs the current build no longer has are removed. (Plain files
    at those paths were refused before the build began: see ``new_generation``.)
    """
    root = Path(out)
    generation = current_generation(root)
    if generation is None:
        return
    # Dot files are the build's own records (which part made which graph), not outputs.
    names = sorted(p.name for p in generation.iterdir() if not p.name.startswith("."))
    for name in names:
        path = root / name
        target = f"{CURRENT}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        _replace_symlink(path, target)
    for path in root.iterdir():
        if path.is_symlink() and os.readlink(path).startswith(CURRENT + "/"):
            if path.name not in names:
                path.unlink(missing_ok=True)
    _fsync_dir(root)


def cleanup(out: str | os.PathLike[str], keep: set[str] | None = None) -> None:
    """Remove what interrupted builds left in ``out``: staging folders, orphan generations.

    ``keep`` names generation folders to spare; the current one is always kept.
    """
    _remove(set_aside(out, keep))


def set_aside(out: str | os.PathLike[str], keep: set[str] | None = None) -> list[Path]:
    """Rename what ``cleanup`` would remove to ``.old-*`` names; the paths to remove.

    Renaming is instant where removing a large generation takes seconds: a build
    sets the leftovers aside and removes them while it works (a build killed
    first leaves ``.old-*`` folders, which the next one removes).
    """
    root = Path(out)
    current = current_generation(root)
    spare = set(keep or ()) | ({current.name} if current else set())
    aside: list[Path] = []
    for path in root.iterdir():
        name = path.name
        if name.startswith(_OLD_PREFIX):
            aside.append(path)
            continue
        stale = (
            name.startswith(STAGING_PREFIX)
            or (name.startswith(GENERATION_PREFIX) and name not in spare)
            or (name.startswith(f"{CURRENT}.") and path.is_symlink())
        )
        if not stale:
            continue
        if path.is_dir() and not path.is_symlink():
            moved = Path(tempfile.mkdtemp(prefix=_OLD_PREFIX, dir=root))
            os.rename(path, moved / name)
            aside.append(moved)
        else:
            path.unlink(missing_ok=True)
    return aside


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    with open(root / _LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _replace_symlink(path: Path, target: str) -> None:
    """Point ``path`` at ``target`` in one step: a new link renamed over the old entry."""
    tmp = path.with_name(f"{CURRENT}.{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    _fsync_file(path)  # a folder is opened and flushed like a file


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder under ``root`` so a power cut cannot publish empty files."""
    sync_files(root)


def sync_files(*paths: Path) -> None:
    """Flush the files (and every file under the folders) in ``paths`` to disk now.

    A build syncs each output as soon as it is whole, beside its other work, so
    that the generation's final flush (``new_generation``) finds little left to write.
    """
    for path in paths:
        if not path.is_dir():
            _fsync_file(path)
            continue
        for folder, _, names in os.walk(path):
            for name in names:
                _fsync_file(Path(folder, name))
            _fsync_dir(Path(folder))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
