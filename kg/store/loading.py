"""A build's store made in a background thread (bulk loaded in batches, or the previous
one updated) while the build writes its other files.

Loading a build's store is most of its writing time (about 2.5 minutes for 8
million quads here), and nothing but the tallies, the page and the totals
needs the store: graph.nq, the other dumps and mentions.csv are written from
the parts meanwhile. Oxigraph releases the GIL while it loads (and while it
updates a store), so the two run side by side. The quads are loaded in batches:
one bulk load of a whole corpus grows with it (1.8 GB for 7.7 million quads),
a batch's memory does not.

Loading while the reports are still being built was tried and dropped: on two
cores the loader (and the store's compactions) took CPU from the workers, and
10,000 reports took 517 s instead of 473 s.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

# N-Quads bytes per bulk load: bigger batches compact the store less often but hold
# more in memory (about 0.45 GB for 64 MB, 1.6 GB for 256 MB).
BATCH_BYTES = 64 * 1024 * 1024


def load_in_batches(path: Path, chunks: Iterable[bytes], batch_bytes: int = BATCH_BYTES) -> None:
    """Bulk load ``chunks`` (whole N-Quads lines each) into a new store at ``path``."""
    try:
        store = Store(str(path))
        bulk_load_batches(store, chunks, batch_bytes)
        store.flush()
        # No optimize(): see kg.store.oxigraph.create_store.
        del store
    except (OSError, SyntaxError, ValueError) as err:
        raise OSError(f"loading the store {path} failed: {err}") from err


def bulk_load_batches(
    store: Store, chunks: Iterable[bytes], batch_bytes: int = BATCH_BYTES
) -> None:
    """Bulk load ``chunks`` (whole N-Quads lines each) into ``store``, ``batch_bytes`` at a time.

    A bulk load writes new files without a transaction: for a store nobody reads yet
    (a staging store), where it is several times faster than ``Store.load``.
    """
    pending: list[bytes] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= batch_bytes:
            store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS, lenient=True)
            pending, size = [], 0
    if pending:
        store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS, lenient=True)
