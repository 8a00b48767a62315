"""The store a first build fills while its reports are built (kg.store.loading)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse

import kg
from kg.store.loading import LOADING_PREFIX, remove_stale_loads, streaming_load
from tests.conftest import SEEDS


def test_a_first_builds_store_holds_exactly_the_quads_of_graph_nq(seed_build):
    out, _ = seed_build
    store = Store.read_only(str(out / "store"))
    expected = set(parse(path=out / "graph.nq", format=RdfFormat.N_QUADS))
    assert len(expected) > 1000
    assert set(store) == expected
    assert not list(out.glob(LOADING_PREFIX + "*")), "the loading folder is moved or removed"


def test_a_rebuild_into_fresh_and_existing_folders_gives_the_same_store(tmp_path):
    first = tmp_path / "a"
    kg.build([SEEDS], out=first)  # store loaded while building
    kg.build([SEEDS], out=first, cache=False)  # previous generation: updated or reloaded
    fresh = tmp_path / "b"
    kg.build([SEEDS], out=fresh, cache=False)
    a = set(Store.read_only(str(first / "store")))
    b = set(Store.read_only(str(fresh / "store")))
    assert a == b


def test_a_killed_builds_loading_folder_is_removed_by_the_next_build(tmp_path):
    out = tmp_path / "out"
    stale = out / (LOADING_PREFIX + "killed")
    (stale / "store").mkdir(parents=True)
    (stale / ".lock").write_bytes(b"")  # its build died: nobody holds the lock
    kg.build([SEEDS / "000_0185e56b7f905c26.txt"], out=out)
    assert not stale.exists()
    assert (out / "store").is_dir()


def test_a_running_builds_loading_folder_is_left_alone(tmp_path):
    running = tmp_path / (LOADING_PREFIX + "running")
    running.mkdir()
    with open(running / ".lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        remove_stale_loads(tmp_path)
        assert running.exists()
    remove_stale_loads(tmp_path)
    assert not running.exists()


def test_a_folder_without_its_lock_yet_is_kept_for_a_while(tmp_path):
    starting = tmp_path / (LOADING_PREFIX + "starting")
    starting.mkdir()
    remove_stale_loads(tmp_path)
    assert starting.exists()
    old = starting.stat().st_mtime - 3600
    os.utime(starting, (old, old))
    remove_stale_loads(tmp_path)
    assert not starting.exists()


def test_batches_are_loaded_as_they_fill(tmp_path):
    g = "<https://w3id.org/fazhi-kg/doc/x>"
    lines = [f'<urn:s{i}> <urn:p> "值{i}" {g} .\n'.encode() for i in range(500)]
    with streaming_load(tmp_path) as load:
        load._batch_bytes = 1000  # several bulk loads
        for line in lines:
            load.add(line)
        path = load.finish()
        assert len(Store.read_only(str(path))) == 500
    assert not list(tmp_path.glob(LOADING_PREFIX + "*"))


def test_bad_nquads_fail_the_load_with_its_folder_named(tmp_path):
    with pytest.raises(OSError, match="loading the store in .*" + LOADING_PREFIX):
        with streaming_load(tmp_path) as load:
            load.add(b"<urn:s> <urn:p> not rdf at all .\n")
            load.finish()
    assert not list(Path(tmp_path).glob(LOADING_PREFIX + "*"))
