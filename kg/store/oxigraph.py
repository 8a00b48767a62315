"""The embedded Oxigraph store: bulk loading and read-only queries."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Variable,
)

from kg.store.parameters import (
    ParameterError,
    QueryFormError,
    check_names,
    projecting,
    query_form,
    term,
    uses_service,
)
from kg.vocab import PREFIXES


class StoreMissingError(FileNotFoundError):
    """No store where a build should have written one."""


def create_store(path: str | os.PathLike[str], nquads: bytes | os.PathLike[str]) -> None:
    """Write a new on-disk store at ``path`` holding ``nquads`` (bytes or an N-Quads file).

    A file is bulk loaded as a stream: memory does not grow with its size.
    """
    store = Store(str(path))
    if isinstance(nquads, bytes):
        store.bulk_load(nquads, format=RdfFormat.N_QUADS)
    else:
        store.bulk_load(path=nquads, format=RdfFormat.N_QUADS)
    store.flush()
    # No optimize(): the bulk loader already writes sorted files. Compacting them took
    # a quarter of the load (8-9 s of 34 s for 1.6 M quads), queries were no faster
    # after it, and Oxigraph warns it can take hours on huge stores.
    del store


class StoreUnreadableError(StoreMissingError):
    """A store that exists but cannot be opened (damaged, or not a store)."""


def open_store(out: str | os.PathLike[str], attempts: int = 3) -> Store:
    """Open the store of the build in ``out`` read-only.

    The generation is resolved once (``out/store`` is a link through
    ``out/.current``) and the store opened at its real path, so that a build
    switching generations meanwhile cannot mix the files of two stores; if the
    generation went away between the two steps, the current one is tried again.
    """
    link = Path(out) / "store"
    error: Exception | None = None
    for _ in range(attempts):
        if not link.is_dir():
            raise StoreMissingError(
                f"no store in {Path(out)}/ — run `kg build ... --out {out}` first"
            )
        real = link.resolve()
        try:
            return Store.read_only(str(real))
        except (OSError, RuntimeError, ValueError) as e:  # damaged, or replaced meanwhile
            error = e
            if real == link.resolve():  # same generation: a real problem, not a race
                break
    raise StoreUnreadableError(
        f"the store in {Path(out)}/ cannot be read ({str(error).splitlines()[0][:200]}): "
        f"rebuild it with `kg build ... --out {out}`"
    )


T = TypeVar("T")


def read_current(out: str | os.PathLike[str], read: Callable[[Store], T], attempts: int = 3) -> T:
    """``read(store)`` on the build's current store, again on the new one if it was replaced.

    A generation is kept one build longer than it is current, so a reader that
    opened it can finish; a reader slower than two builds may find its files gone
    mid-query, and then reads the generation that is current now.
    """
    link = Path(out) / "store"
    for _ in range(attempts - 1):
        before = link.resolve()
        try:
            return read(open_store(out))
        except OSError:
            if link.resolve() == before:  # the same generation: a real error
                raise
    return read(open_store(out))


Binding = str | int | float


def run_query(
    store: Store,
    sparql: str,
    bindings: Mapping[str, Binding | NamedNode | Literal] | None = None,
    *,
    allow_service: bool = False,
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run ``sparql`` (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all named graphs.

    User values go in as ``bindings`` (variable name -> value) and are bound as RDF
    terms by the engine (SEP-0007 substitution), never pasted into the text, so a
    value containing quotes or ``} UNION {`` cannot change the query. Any variable
    of a SELECT can be bound (see ``kg.store.parameters``); a SELECT answer then
    carries the bound variables as extra columns, which ``kg.query`` drops.
    Updates are refused: the store a build wrote is read-only. SERVICE federation
    is refused unless ``allow_service``: a query must not make this machine send
    requests to servers it names.
    """
    form = query_form(sparql)
    if uses_service(sparql) and not allow_service:
        raise QueryFormError("SERVICE (federated query) is refused; allow it with --allow-service")
    if form == "UPDATE":
        raise QueryFormError(
            "the store is read-only: SPARQL UPDATE (INSERT, DELETE, LOAD …) is refused"
        )
    names = list(bindings or {})
    check_names(sparql, names)
    if names and form != "SELECT":
        raise ParameterError(f"--param binds variables of SELECT queries only, not of {form}")
    text, _ = projecting(sparql, names)
    subs = {Variable(k): term(k, v) for k, v in (bindings or {}).items()}
    return store.query(
        text, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs or None
    )
