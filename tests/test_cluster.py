"""A build on a Dask cluster of real worker processes gives the quads of a local build."""

from __future__ import annotations

from conftest import SEEDS
from distributed import LocalCluster

import kg


def test_dask_local_cluster_build_equals_a_local_build(tmp_path):
    local = tmp_path / "local"
    kg.build([SEEDS], out=local, workers=1)
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        result = kg.build([SEEDS], out=tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert result.report["cache"] == {"reused": 0, "built": 5}
    for name in ("graph.nq", "mentions.csv", "graph.ttl"):
        assert (tmp_path / "dask" / name).read_bytes() == (local / name).read_bytes(), name


def test_a_file_that_fails_on_a_worker_is_reported_and_the_rest_built(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(
        (SEEDS / "000_0185e56b7f905c26.txt").read_text("utf-8"), "utf-8"
    )
    (inputs / "empty.txt").write_bytes(b"")
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        result = kg.build([inputs], out=tmp_path / "out", scheduler=cluster.scheduler_address)
    errors = {d["doc"]: d["error"] for d in result.report["documents"]}
    assert errors["good.txt"] is None
    assert "empty file" in errors["empty.txt"]
