"""The embedded Oxigraph store: bulk loading and read-only queries."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, Store, Variable

from kg.vocab import PREFIXES


class StoreMissingError(FileNotFoundError):
    """No store where a build should have written one."""


def create_store(path: str | os.PathLike[str], nquads: bytes) -> None:
    """Write a new on-disk store at ``path`` holding the N-Quads ``nquads`` (bulk loaded)."""
    store = Store(str(path))
    store.bulk_load(nquads, format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store


def open_store(out: str | os.PathLike[str]) -> Store:
    """Open the store of the build in ``out`` read-only."""
    path = Path(out) / "store"
    if not path.is_dir():
        raise StoreMissingError(f"no store in {Path(out)}/ — run `kg build ... --out {out}` first")
    return Store.read_only(str(path))


Binding = str | int | float


def _term(value: Binding | NamedNode | Literal) -> NamedNode | Literal:
    if isinstance(value, NamedNode | Literal):
        return value
    if isinstance(value, bool):
        return Literal(
            "true" if value else "false", datatype=NamedNode(PREFIXES["xsd"] + "boolean")
        )
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(PREFIXES["xsd"] + "integer"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(PREFIXES["xsd"] + "decimal"))
    return Literal(value)


def run_query(
    store: Store, sparql: str, bindings: Mapping[str, Binding | NamedNode | Literal] | None = None
) -> QuerySolutions:
    """Run ``sparql`` over the union of all named graphs.

    User values go in as ``bindings`` (variable name -> value): they are bound as
    RDF terms by the engine (SEP-0007 substitution), never pasted into the text,
    so a value containing quotes or ``} UNION {`` cannot change the query.
    """
    subs = {Variable(k): _term(v) for k, v in (bindings or {}).items()}
    return store.query(
        sparql, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs or None
    )
