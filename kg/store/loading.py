"""A new store bulk loaded in a background thread, in batches, while the build writes on.

Loading a build's store is most of its writing time (about 2.5 minutes for 8
million quads here), and nothing but the tallies, the page and the totals
needs the store: graph.nq, the other dumps and mentions.csv are written from
the parts meanwhile. Oxigraph releases the GIL while it loads, so the two run
side by side. The quads are loaded in batches: one bulk load of a whole
corpus grows with it (1.8 GB for 7.7 million quads), a batch's memory does not.

Loading while the reports are still being built was tried and dropped: on two
cores the loader (and the store's compactions) took CPU from the workers, and
10,000 reports took 517 s instead of 473 s.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

# N-Quads bytes per bulk load: bigger batches compact the store less often but hold
# more in memory (about 0.45 GB for 64 MB, 1.6 GB for 256 MB).
BATCH_BYTES = 64 * 1024 * 1024


class BackgroundLoad:
    """Bulk load ``chunks`` (whole N-Quads lines each) into a new store at ``path``."""

    def __init__(self, path: Path, chunks: Iterable[bytes], batch_bytes: int = BATCH_BYTES) -> None:
        self.path = path
        self._chunks = chunks
        self._batch_bytes = batch_bytes
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-store-load", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait until every quad is loaded and the store closed; raise if loading failed."""
        self._thread.join()
        if self._error is not None:
            raise OSError(f"loading the store {self.path} failed: {self._error}")

    def _run(self) -> None:
        try:
            store = Store(str(self.path))
            pending: list[bytes] = []
            size = 0
            for chunk in self._chunks:
                pending.append(chunk)
                size += len(chunk)
                if size >= self._batch_bytes:
                    store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS, lenient=True)
                    pending, size = [], 0
            if pending:
                store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS, lenient=True)
            store.flush()
            # No optimize(): see kg.store.oxigraph.create_store.
            del store
        except BaseException as err:  # reported by join(), in the build's thread
            self._error = err
