"""Readers never see a half build: queries racing a loop of builds always read a whole store."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from conftest import GANGU, GUAN, ROOT, SEEDS

import kg
from kg.query import stats

BUILDS = """
import sys, kg
for i in range(int(sys.argv[3])):
    kg.build([sys.argv[1] if i % 2 else sys.argv[2]], out=sys.argv[4])
"""


def test_queries_racing_builds_always_read_a_whole_store(tmp_path):
    out = tmp_path / "output"
    kg.build([SEEDS / GUAN], out=out)
    builder = subprocess.Popen(
        [sys.executable, "-c", BUILDS, str(SEEDS / GUAN), str(SEEDS / GANGU), "8", str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
    )
    reads, errors = 0, []
    deadline = time.monotonic() + 240
    while builder.poll() is None and time.monotonic() < deadline:
        try:
            counts = stats(out)
            assert counts["reports"] == 1 and counts["quads"] > 1000
            reads += 1
        except Exception as error:  # any failed read is the bug this test is about
            errors.append(repr(error))
    builder.wait(60)
    assert builder.returncode == 0, builder.stderr.read().decode() if builder.stderr else ""
    assert reads > 20
    assert errors == []
