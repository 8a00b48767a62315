"""The same input gives the same bytes in every process, whatever PYTHONHASHSEED is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent / "corpus" / "dev" / "texts"


def test_builds_agree_across_hash_seeds(tmp_path):
    ids = {}
    reports = {}
    for seed in ("1", "2", "3"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(DEV), "--out", str(out), "-q"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        ids[seed] = report["build_id"]
        reports[seed] = {d["doc"]: (d["author"], d["year"]) for d in report["documents"]}
        assert (out / "graph.nq").read_bytes() == (tmp_path / "out1" / "graph.nq").read_bytes()
    assert reports["1"] == reports["2"] == reports["3"]
    assert len(set(ids.values())) == 1, ids
