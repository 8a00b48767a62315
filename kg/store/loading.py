"""A store filled while the build runs: each report's N-Quads bulk loaded in batches.

A fresh build used to write ``graph.nq`` and then bulk load it, after every report
was built: on 10,000 reports that load was most of the writing time, with the
workers idle. Here the main process hands each report's quads, as they arrive,
to a thread that bulk loads them in batches (Oxigraph releases the GIL while it
loads), so the load runs beside the extraction. The store holds the same quads
as loading ``graph.nq``: the build moves it into its new generation and adds the
reference graphs and tallies there.

The store is made in ``out/.loading-*``, a folder locked while its build runs;
a folder left by a killed build (its lock free) is removed by the next build.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import RdfFormat, Store

LOADING_PREFIX = ".loading-"
_LOCK = ".lock"
# N-Quads bytes per bulk load: larger batches load a little faster per quad, but the
# loader holds a batch (and the one waiting for it) in memory.
BATCH_BYTES = 64 * 1024 * 1024


class StreamingLoad:
    """A store being bulk loaded from a stream of N-Quads batches (see the module)."""

    def __init__(self, folder: Path, batch_bytes: int = BATCH_BYTES) -> None:
        self.folder = folder
        self.path = folder / "store"
        self._batch_bytes = batch_bytes
        self._pending: list[bytes] = []
        self._size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._store: Store | None = Store(str(self.path))
        self._thread = threading.Thread(target=self._run, name="kg-store-load", daemon=True)
        self._thread.start()

    def add(self, nquads: bytes) -> None:
        """Queue one report's N-Quads (whole lines) for loading."""
        self._raise_error()
        if not nquads:
            return
        self._pending.append(nquads)
        self._size += len(nquads)
        if self._size >= self._batch_bytes:
            self._send()

    def finish(self) -> Path:
        """Load what is queued, close the store and return its folder."""
        self._send()
        self._queue.put(None)
        self._thread.join()
        self._raise_error()
        return self.path

    def _send(self) -> None:
        if self._pending:
            batch = b"".join(self._pending)
            self._pending, self._size = [], 0
            # Blocks while the loader is still busy with the batch before: memory
            # stays at two batches however many reports come.
            while True:
                self._raise_error()
                try:
                    self._queue.put(batch, timeout=1.0)
                    return
                except queue.Full:
                    continue

    def _run(self) -> None:
        store = self._store
        assert store is not None
        try:
            while (batch := self._queue.get()) is not None:
                if self._error is None:
                    store.bulk_load(batch, format=RdfFormat.N_QUADS, lenient=True)
            store.flush()
        except BaseException as err:  # reported to the build by add() or finish()
            self._error = err
            while self._queue.get() is not None:  # let the producer finish
                pass
        finally:
            self._store = None
            del store

    def _raise_error(self) -> None:
        if self._error is not None:
            raise OSError(f"loading the store in {self.folder} failed: {self._error}")


@contextlib.contextmanager
def streaming_load(out: Path) -> Iterator[StreamingLoad]:
    """A ``StreamingLoad`` in a locked ``out/.loading-*`` folder, removed when done.

    The caller moves ``load.path`` away (into its generation) before the block ends
    if it keeps the store; whatever is left is removed, on success or error.
    """
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_loads(out)
    folder = Path(tempfile.mkdtemp(prefix=LOADING_PREFIX, dir=out))
    with open(folder / _LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        load: StreamingLoad | None = None
        try:
            load = StreamingLoad(folder)
            yield load
        finally:
            if load is not None and load._thread.is_alive():
                with contextlib.suppress(BaseException):
                    load.finish()
            shutil.rmtree(folder, ignore_errors=True)


def remove_stale_loads(out: Path, grace_seconds: float = 60.0) -> None:
    """Remove the ``.loading-*`` folders of builds that are no longer running."""
    for folder in out.glob(LOADING_PREFIX + "*"):
        try:
            with open(folder / _LOCK, "rb") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except BlockingIOError:
            continue  # a running build's
        except FileNotFoundError:
            # No lock yet: a build starting this instant, or one killed at its start.
            with contextlib.suppress(OSError):
                if time.time() - folder.stat().st_mtime > grace_seconds:
                    shutil.rmtree(folder, ignore_errors=True)


def take_store(load: StreamingLoad, destination: Path) -> None:
    """Move the loaded store to ``destination`` (same file system: a rename)."""
    path = load.finish()
    os.rename(path, destination)
