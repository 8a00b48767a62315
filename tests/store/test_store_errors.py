"""A damaged store or a dangling --out is a one-line error, never a traceback."""

from __future__ import annotations

import os
import shutil

from conftest import SEEDS
from typer.testing import CliRunner

from kg.cli import app


def test_a_damaged_store_says_rebuild(seed_build, tmp_path):
    copy = tmp_path / "build"
    shutil.copytree(seed_build[0], copy, symlinks=False)
    for path in (copy / "store").iterdir():
        path.write_bytes(b"garbage")
    runner = CliRunner()
    for args in (["stats"], ["query", "ASK { ?s ?p ?o }"], ["cited-across"]):
        result = runner.invoke(app, [*args, "--out", str(copy)])
        assert result.exit_code == 1, args
        assert "cannot be read" in result.output and "kg build" in result.output
        assert "Traceback" not in result.output


def test_a_dangling_link_as_out_is_a_usage_error(tmp_path):
    link = tmp_path / "out"
    os.symlink(tmp_path / "nowhere", link)
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(link)])
    assert result.exit_code == 2 and "link to nothing" in result.output
