"""Per-file limits: one oversized or slow file is reported and skipped, the build goes on."""

from __future__ import annotations

import importlib
import io
import zipfile

from conftest import GANGU, GUAN, SEEDS

import kg


def _inputs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "small.txt").write_bytes((SEEDS / GANGU).read_bytes())
    return inputs


def _errors(result):
    return {d["doc"]: d["error"] for d in result.report["documents"]}


def test_a_file_with_too_many_mentions_is_skipped(tmp_path):
    inputs = _inputs(tmp_path)
    (inputs / "dump.txt").write_text("固安县人民政府\n" + "《行政处罚法》" * 500, encoding="utf-8")
    result = kg.build([inputs], out=None, max_mentions=400)
    errors = _errors(result)
    assert "too many mentions" in errors["dump.txt"] and "--max-mentions" in errors["dump.txt"]
    assert errors["small.txt"] is None


def test_a_file_over_its_time_limit_is_skipped(tmp_path):
    inputs = _inputs(tmp_path)
    # Large enough to need well over the limit however fast extraction gets (x40 of the
    # seed came to fit in 0.2 s once extraction was made faster), and every line told
    # apart by its copy's number: repeated sentences are answered from caches the workers
    # inherit warm from the test process, and 400 identical copies once fit in 0.2 s too.
    lines = (SEEDS / GUAN).read_text(encoding="utf-8").splitlines()
    big = "\n".join(f"第{k}份{line}" for k in range(400) for line in lines)
    (inputs / "big.txt").write_text(big, encoding="utf-8")
    result = kg.build([inputs], out=None, max_seconds=0.2)
    errors = _errors(result)
    assert "--max-seconds" in (errors["big.txt"] or "")
    assert [d.document.name for d in result.documents] == ["small.txt"] or errors["small.txt"]


def test_a_docx_that_unpacks_to_gigabytes_is_refused(tmp_path):
    inputs = _inputs(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    (inputs / "bomb.docx").write_bytes(buffer.getvalue())
    assert (inputs / "bomb.docx").stat().st_size < 2_000_000
    errors = _errors(kg.build([inputs], out=None))
    assert "unpacks to 300 MB" in errors["bomb.docx"]
    assert errors["small.txt"] is None


def test_a_failure_in_the_graph_stage_skips_that_file_only(tmp_path, monkeypatch):
    inputs = _inputs(tmp_path)
    (inputs / "other.txt").write_bytes((SEEDS / GUAN).read_bytes())
    build_module = importlib.import_module("kg.part")
    real = build_module.document_graph

    def broken(rd):
        if rd.document.name == "other.txt":
            raise MemoryError("no room for this one")
        return real(rd)

    monkeypatch.setattr(build_module, "document_graph", broken)
    result = kg.build([inputs], out=tmp_path / "out")
    errors = _errors(result)
    assert "extraction failed (MemoryError" in errors["other.txt"]
    assert errors["small.txt"] is None and result.report["totals"]["reports"] == 1


def test_a_title_bomb_is_refused_under_a_two_gigabyte_memory_limit(tmp_path):
    """27 MB of 《法》 (nine million titles) used to need ~14 GB; now it is refused early."""
    import os
    import shutil
    import subprocess
    import sys

    inputs = _inputs(tmp_path)
    (inputs / "bomb.txt").write_text("固安县人民政府\n" + "《法》" * 3_000_000, encoding="utf-8")
    prlimit = shutil.which("prlimit")
    assert prlimit, "prlimit (util-linux) is needed for this test"
    done = subprocess.run(
        [
            prlimit,
            "--as=2000000000",
            sys.executable,
            "-m",
            "kg.cli",
            "build",
            str(inputs),
            "--out",
            str(tmp_path / "out"),
            "-q",
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )
    assert done.returncode == 3, done.stderr[-2000:]  # one file skipped, the other built
    assert "bomb.txt: too many mentions" in done.stderr.replace("\n", "")
    assert (tmp_path / "out" / "graph.nq").stat().st_size > 0
