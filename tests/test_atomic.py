"""A build killed at any moment leaves the previous complete build; the next one repairs."""

from __future__ import annotations

import csv
import hashlib
import importlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import GANGU, GUAN, ROOT, SEEDS

import kg
from kg.build import NothingBuiltError
from kg.export.files import CURRENT, GENERATION_PREFIX, STAGING_PREFIX, ForeignOutputError
from kg.query import stats

CONTRACT = ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "mentions.csv", "graph.html")


def check_build(out: Path) -> str:
    """Assert that ``out`` holds one complete, self-consistent build; return its build id."""
    for name in (*CONTRACT, "graph.nq", "report.json"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    report = json.loads((out / "report.json").read_text("utf-8"))
    nquads = (out / "graph.nq").read_bytes()
    # Every file comes from the same build: the id in report.json is the digest of the quads.
    assert report["build_id"] == hashlib.sha256(nquads).hexdigest()[:16]
    assert stats(out)["quads"] == nquads.count(b"\n")
    nt_lines = (out / "graph.nt").read_bytes().count(b"\n")
    assert nt_lines == report["totals"]["triples"]
    with open(out / "mentions.csv", encoding="utf-8", newline="") as f:
        docs = {r["doc"] for r in csv.DictReader(f)}
    assert docs == {d["doc"] for d in report["documents"] if not d["error"]}
    checker = ROOT.parent / "shared" / "tools" / "check-contract"
    if checker.exists():
        done = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True)
        assert done.returncode == 0, done.stdout
    return str(report["build_id"])


def _killed_build(inputs: list[Path], out: Path, point: str) -> None:
    """Run ``kg build`` in a subprocess and SIGKILL it when it reaches ``point``."""
    env = {**os.environ, "KG_PAUSE_AT": point, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "--out", str(out), "-q"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    seen = b""
    try:
        while f"KG_PAUSED {point}".encode() not in seen:
            assert time.monotonic() < deadline and proc.poll() is None, seen.decode()
            ready, _, _ = select.select([proc.stderr], [], [], 1.0)
            if ready:
                seen += os.read(proc.stderr.fileno(), 4096)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()


# While building documents (a part kept in the cache), before writing, while writing,
# written but not switched in, switched in but not tidied.
POINTS = ("built part", "staging", "wrote store", "renamed", "switched")


def test_sigkill_at_every_stage_leaves_a_complete_build(tmp_path):
    out = tmp_path / "output"
    kg.build([SEEDS / GANGU], out=out)
    previous = check_build(out)
    new_id = None
    for point in POINTS:
        _killed_build([SEEDS / GUAN], out, point)
        now = check_build(out)
        if point == "switched":  # killed after the switch: the new build is complete
            assert now != previous
            new_id = now
        else:
            assert now == previous, point
    # The next build succeeds and clears what the killed ones left behind.
    kg.build([SEEDS / GUAN], out=out)
    assert check_build(out) == new_id
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert not [h for h in hidden if h.startswith(STAGING_PREFIX)]
    assert len([h for h in hidden if h.startswith(GENERATION_PREFIX)]) <= 2
    assert (out / "graph.ttl").is_symlink() and os.readlink(out / "graph.ttl") == (
        f"{CURRENT}/graph.ttl"
    )


def test_a_failing_build_changes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "output"
    kg.build([SEEDS / GANGU], out=out)
    before = check_build(out)

    def broken(*args, **kwargs):  # the store's disk fills up while it loads
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importlib.import_module("kg.outputs"), "load_in_batches", broken)
    with pytest.raises(OSError, match="No space"):
        kg.build([SEEDS / GUAN], out=out)
    assert check_build(out) == before
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_files_outside_the_outputs_are_left_alone(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "README.md").write_text("mine\n", encoding="utf-8")
    (out / "notes.txt").write_text("also mine\n", encoding="utf-8")
    kg.build([SEEDS / GANGU], out=out)
    kg.build([SEEDS / GUAN], out=out)
    assert (out / "README.md").read_text("utf-8") == "mine\n"
    assert (out / "notes.txt").read_text("utf-8") == "also mine\n"
    assert not (out / "README.md").is_symlink()


def test_files_a_user_put_in_the_output_folder_are_never_touched(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "report.json").write_text("my notes", encoding="utf-8")
    (out / "store").mkdir()
    (out / "store" / "inventory.db").write_text("my data", encoding="utf-8")
    (out / "README.md").write_text("unrelated", encoding="utf-8")
    with pytest.raises(ForeignOutputError, match=r"report\.json, store"):
        kg.build([SEEDS / GUAN], out=out)
    with pytest.raises(ForeignOutputError):  # a second try changes nothing either
        kg.build([SEEDS / GUAN], out=out)
    assert (out / "report.json").read_text(encoding="utf-8") == "my notes"
    assert (out / "store" / "inventory.db").read_text(encoding="utf-8") == "my data"
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "report.json",
        "store",
    ]  # nothing added
    # an unrelated file beside a build is fine and stays
    (out / "report.json").unlink()
    shutil.rmtree(out / "store")
    kg.build([SEEDS / GUAN], out=out)
    check_build(out)
    assert (out / "README.md").read_text(encoding="utf-8") == "unrelated"


@pytest.mark.parametrize("inputs", ["empty", "unsupported", "unreadable"])
def test_a_build_that_reads_nothing_keeps_the_previous_build(tmp_path, inputs):
    out = tmp_path / "output"
    kg.build([SEEDS / GANGU], out=out)
    before = check_build(out)
    folder = tmp_path / "in"
    folder.mkdir()
    if inputs == "unsupported":
        (folder / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word file")
        (folder / "report.wps").write_bytes(b"wps")
    elif inputs == "unreadable":
        (folder / "empty.txt").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1, done.stderr
    assert "previous build" in done.stderr and "kept" in done.stderr
    assert check_build(out) == before
    with pytest.raises(NothingBuiltError):
        kg.build([folder], out=out)
    assert check_build(out) == before
