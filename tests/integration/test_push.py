"""kg push: the build in a real SPARQL store, queried over HTTP, answers as the embedded store."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS, WUJI
from servers import oxigraph_store
from SPARQLWrapper import JSON, SPARQLWrapper

import kg
from kg.push import push
from kg.query import cited_across, named_queries
from kg.serve import with_prefixes


def remote_cited_across(endpoint: str, min_places: int = 2) -> set[tuple[str, int]]:
    """The shipped cited-across query, run over HTTP with SPARQLWrapper."""
    text = named_queries()["cited-across"].render().replace("?min", str(min_places))
    client = SPARQLWrapper(endpoint)
    client.setQuery(with_prefixes(text))
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    return {(r["regulation"]["value"], int(r["places"]["value"])) for r in rows}


def local_cited_across(out) -> set[tuple[str, int]]:
    return {(r["regulation"], int(r["places"])) for r in cited_across(out, 2).values()}


@pytest.fixture()
def seeds_copy(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


def test_push_gives_the_same_cited_across_answer_over_http(seeds_copy, tmp_path):
    out = tmp_path / "out"
    kg.build([seeds_copy], out=out)
    with oxigraph_store(tmp_path / "remote") as base:
        summary = push(out, base + "/store")
        assert summary.unchanged == 0 and not summary.deleted
        expected = local_cited_across(out)
        assert len(expected) >= 5
        assert remote_cited_across(base + "/query") == expected

        # nothing changed: nothing is sent
        again = push(out, base + "/store")
        assert again.replaced == [] and again.unchanged == len(summary.replaced)

        # one report changed: its graph goes, its new graph comes, nothing else is sent
        before = {d["doc"]: d["iri"] for d in kg.build([seeds_copy], out=None).report["documents"]}
        path = seeds_copy / WUJI
        path.write_text(
            path.read_text(encoding="utf-8") + "\n深入学习贯彻《宪法》。\n", encoding="utf-8"
        )
        result = kg.build([seeds_copy], out=out)
        after = {d["doc"]: d["iri"] for d in result.report["documents"]}
        changed = push(out, base + "/store")
        assert changed.replaced == [after[WUJI]]
        assert changed.deleted == [before[WUJI]]
        assert remote_cited_across(base + "/query") == local_cited_across(out)


def test_shards_pushed_to_one_store_answer_as_one_build(tmp_path):
    whole = tmp_path / "whole"
    kg.build([SEEDS], out=whole)
    shards = [tmp_path / f"s{i}" for i in range(2)]
    for i, folder in enumerate(shards):
        kg.build([SEEDS], out=folder, shard=(i, 2))
    with oxigraph_store(tmp_path / "remote") as base:
        for folder in shards:
            push(folder, base + "/store", shard=True)
        # The reference facts of both shards are in the store, so every place is named.
        assert remote_cited_across(base + "/query") == local_cited_across(whole)
