"""The same input gives the same bytes in every process, whatever PYTHONHASHSEED is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent / "corpus" / "dev" / "texts"


def test_builds_agree_across_hash_seeds(tmp_path):
    seeds = ("1", "2", "3")
    # Three processes, each with its own hash seed, run side by side (one per core).
    runs = {
        seed: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "build",
                str(DEV),
                "--out",
                str(tmp_path / seed),
                "-q",
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in seeds
    }
    for run in runs.values():
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    reports = {}
    for seed in seeds:
        report = json.loads((tmp_path / seed / "report.json").read_text(encoding="utf-8"))
        reports[seed] = {d["doc"]: (d["author"], d["year"]) for d in report["documents"]}
        assert (tmp_path / seed / "graph.nq").read_bytes() == (
            tmp_path / "1" / "graph.nq"
        ).read_bytes()
    assert reports["1"] == reports["2"] == reports["3"]
