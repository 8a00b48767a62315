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

    Every figure is a plain SPARQL count over the union of the named graphs:
    ``triples`` is ``COUNT(*)`` of ``?s ?p ?o``, which a user can run, and
    ``quads`` the store's size. They are equal because the build stores each fact
    in one graph only (a test checks there is no triple in two graphs; counting
    DISTINCT triples here would cost seconds per million quads on every build).
    """
    by_class = {
        row["what"].value: int(row["n"].value) for row in run_query(store, _query("counts"))
    }
    mentions = {
        row["type"].value: int(row["n"].value) for row in run_query(store, _query("mention-counts"))
    }
    plain = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = int(next(iter(run_query(store, plain)))["n"].value)
    return {
        "reports": by_class.get("reports", 0),
        "mentions": {t: mentions.get(t, 0) for t in MENTION_TYPES},
        "citations": by_class.get("citations", 0),
        "entities": {t: by_class.get(t, 0) for t in ENTITY_TYPES},
        "triples": triples,
        "quads": len(store),
        "named_graphs": sum(1 for _ in store.named_graphs()),
    }
