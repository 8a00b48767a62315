"""Counts of a build, read from its store: the one source of every total we print."""

from __future__ import annotations

from importlib.resources import files

from pyoxigraph import Store

from kg.model import MENTION_TYPES
from kg.store.oxigraph import run_query

ENTITY_TYPES = (*MENTION_TYPES, "place")


def _query(name: str) -> str:
    return files("kg.queries").joinpath(name + ".rq").read_text(encoding="utf-8")


def store_totals(store: Store) -> dict[str, object]:
    """Reports, mentions and entities by type, triples, quads and named graphs of ``store``.

    Every figure is a plain SPARQL count over the union of the named graphs, but
    for ``triples``: the build stores each fact in one graph only (a test checks
    there is no triple in two graphs), so the distinct triples that ``SELECT
    (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` counts are the store's quads, and the
    store's size is read once instead of scanning it twice (seconds on a large build).
    """
    by_class = {
        row["what"].value: int(row["n"].value) for row in run_query(store, _query("counts"))
    }
    mentions = {
        row["type"].value: int(row["n"].value) for row in run_query(store, _query("mention-counts"))
    }
    quads = len(store)
    return {
        "reports": by_class.get("reports", 0),
        "mentions": {t: mentions.get(t, 0) for t in MENTION_TYPES},
        "citations": by_class.get("citations", 0),
        "entities": {t: by_class.get(t, 0) for t in ENTITY_TYPES},
        "triples": quads,
        "quads": quads,
        "named_graphs": sum(1 for _ in store.named_graphs()),
    }
