"""A build's store, bulk loaded in batches in a thread while the other files are written."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat, Store, parse

import kg
from kg.store.loading import load_in_batches
from tests.conftest import SEEDS

GRAPH = "<https://w3id.org/fazhi-kg/doc/x>"


def test_a_builds_store_holds_exactly_the_quads_of_graph_nq(seed_build):
    out, _ = seed_build
    store = Store.read_only(str(out / "store"))
    expected = set(parse(path=out / "graph.nq", format=RdfFormat.N_QUADS))
    assert len(expected) > 1000
    assert set(store) == expected


def test_a_fresh_build_and_a_rebuild_give_the_same_store(tmp_path):
    first = tmp_path / "a"
    kg.build([SEEDS], out=first)
    kg.build([SEEDS], out=first, cache=False)  # the previous store, updated
    fresh = tmp_path / "b"
    kg.build([SEEDS], out=fresh, cache=False)
    assert set(Store.read_only(str(first / "store"))) == set(Store.read_only(str(fresh / "store")))


def test_quads_are_loaded_in_batches_and_all_of_them(tmp_path):
    lines = [f'<urn:s{i}> <urn:p> "值{i}" {GRAPH} .\n'.encode() for i in range(500)]
    load_in_batches(tmp_path / "store", iter(lines), batch_bytes=1000)  # many batches
    assert len(Store.read_only(str(tmp_path / "store"))) == 500


def test_bad_nquads_fail_the_load_with_the_store_named(tmp_path):
    with pytest.raises(OSError, match=r"loading the store .*store failed"):
        load_in_batches(tmp_path / "store", [b"<urn:s> <urn:p> not rdf at all .\n"])


def test_a_failing_source_fails_the_load_with_the_store_named(tmp_path):
    def parts():
        yield f'<urn:s> <urn:p> "1" {GRAPH} .\n'.encode()
        raise OSError("a part went missing from the cache")

    with pytest.raises(OSError, match=r"loading the store .*went missing"):
        load_in_batches(tmp_path / "store", parts())
