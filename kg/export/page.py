"""``graph.html`` drawn in a process of its own: ``python -m kg.export.page STORE HTML``.

The page is drawn from the build's store, like every other reader of the build,
and is Python through and through: the largest part of a large build's
writing, holding the interpreter all along. A large build starts this command
early (importing the package takes a second or two), lets it draw once the
store is whole, and meanwhile counts its tallies and totals from the same
store (both only read it). It is a command, not a ``multiprocessing`` child: a
spawned child imports the caller's main module again, and a script that calls
``kg.build`` without a ``__main__`` guard would build again inside it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from pyoxigraph import Store

from kg.export.explorer.records import (
    Records,
    read_records,
    read_records_again,
    records_from_json,
    records_json,
)
from kg.export.files import atomic_write_text
from kg.export.html import render_html

GO = b"draw\n"  # what the command waits for on its input before it reads the store
# Beside the page in each generation: the records it was drawn from, for the next build's.
PAGE_RECORDS = ".page-records.json"
PAGE_TYPES = ("regulation", "initiative")  # the mention types the page's views draw


@dataclass(frozen=True)
class PageChanges:
    """How a build's store differs from the previous build's, whose page left its records."""

    previous: str  # the previous page's records (PAGE_RECORDS of its generation)
    gone: tuple[str, ...]  # report graphs removed
    added: tuple[str, ...]  # report graphs added
    stale: tuple[str, ...]  # parts of the reference data that changed (``STALE_PARTS``)


def write_page(
    store_path: str | Path, html_path: str | Path, changes: PageChanges | None = None
) -> None:
    """Write ``html_path``: the page of the build whose store is at ``store_path``, and
    beside it the records it was drawn from (read again only where ``changes`` says)."""
    store = Store.read_only(str(store_path))
    records = _records_again(store, changes) if changes else None
    if records is None:
        records = read_records(store, PAGE_TYPES)
    html = Path(html_path)
    atomic_write_text(html, render_html(store, more_views=("hierarchy",), records=records))
    atomic_write_text(html.parent / PAGE_RECORDS, records_json(records))


def _records_again(store: Store, changes: PageChanges) -> Records | None:
    try:
        before = records_from_json(Path(changes.previous).read_text("utf-8"))
    except (OSError, ValueError, LookupError, TypeError):
        return None  # no usable records: read everything
    if set(before.types) != set(PAGE_TYPES):
        return None
    return read_records_again(store, before, changes.gone, changes.added, changes.stale)


class PageWriter:
    """The page of a build, drawn when asked (``draw``) and finished by ``wait``.

    ``separate``: in a process of its own, started at once so that it is ready
    when the store is, drawing beside the caller's work; otherwise ``wait`` draws
    it here. Leaving the ``with`` block on an error stops the process.
    """

    def __init__(self, store_path: Path, html_path: Path, separate: bool) -> None:
        self.store_path, self.html_path = store_path, html_path
        self._child: subprocess.Popen[bytes] | None = None
        self._changes: PageChanges | None = None
        if separate:
            command = [sys.executable, "-m", "kg.export.page", str(store_path), str(html_path)]
            self._child = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )

    def __enter__(self) -> PageWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        child = self._child
        if child is not None and child.returncode is None:
            child.kill()  # left early: nothing waits for this page any more
            child.wait()
        if child is not None and child.stderr is not None:
            child.stderr.close()

    def draw(self, changes: PageChanges | None = None) -> None:
        """The store is whole: start drawing (the caller may only read the store until ``wait``).

        ``changes`` since the previous build let the page read only what changed.
        """
        self._changes = changes
        if self._child is not None and self._child.stdin is not None:
            line = json.dumps(asdict(changes) if changes else None, ensure_ascii=False)
            self._child.stdin.write(GO + line.encode("utf-8") + b"\n")
            self._child.stdin.close()

    def wait(self) -> None:
        """Return once the page is written; raise ``RuntimeError`` if it could not be."""
        if self._child is None:
            write_page(self.store_path, self.html_path, self._changes)
            return
        assert self._child.stderr is not None
        err = self._child.stderr.read()  # read to its end first: a full pipe would stall it
        if self._child.wait() != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines() or ["no message"]
            raise RuntimeError(
                f"drawing {self.html_path.name} failed ({self._child.returncode}): {lines[-1]}"
            )


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m kg.export.page STORE HTML``; draws once its input says so.

    Input that ends without the word (the build stopped) ends it without drawing.
    """
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m kg.export.page STORE HTML  (then 'draw' on stdin)", file=sys.stderr)
        return 2
    if sys.stdin.buffer.readline() != GO:
        return 0
    given = json.loads(sys.stdin.buffer.readline() or b"null")
    changes = None
    if given:
        changes = PageChanges(
            given["previous"], tuple(given["gone"]), tuple(given["added"]), tuple(given["stale"])
        )
    write_page(args[0], args[1], changes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
