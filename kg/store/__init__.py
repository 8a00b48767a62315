"""Store: the embedded Oxigraph store a build writes and commands read."""

from kg.store.counts import store_totals
from kg.store.oxigraph import (
    StoreMissingError,
    StoreUnreadableError,
    create_store,
    open_store,
    run_query,
)

__all__ = [
    "StoreMissingError",
    "StoreUnreadableError",
    "create_store",
    "open_store",
    "run_query",
    "store_totals",
]
