"""What a build reads: never its own outputs, never links out of the input folders."""

from __future__ import annotations

import os

from conftest import GUAN, SEEDS

import kg
from kg.ingest.files import discover


def test_an_output_folder_inside_the_input_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_bytes((SEEDS / GUAN).read_bytes())
    kg.build([tmp_path], out=tmp_path / "output")
    assert [p.name for p in discover([tmp_path])] == ["a.txt"]
    again = kg.build([tmp_path], out=tmp_path / "output")
    assert [d["doc"] for d in again.report["documents"]] == ["a.txt"]


def test_links_out_of_the_input_folder_are_reported_not_read(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes((SEEDS / GUAN).read_bytes())
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    os.symlink(outside / "passwd.txt", inputs / "passwd.txt")
    os.symlink(outside, inputs / "linked")
    os.symlink(inputs / "a.txt", inputs / "same.txt")  # a link inside the inputs is fine
    result = kg.build([inputs], out=None)
    entries = {d["doc"]: d for d in result.report["documents"]}
    assert "outside the input folders" in entries["passwd.txt"]["error"]
    assert entries["a.txt"]["error"] is None and entries["same.txt"]["error"] is None
    assert not any("linked" in name for name in entries)  # the linked folder is not entered
    followed = kg.build([inputs], out=None, follow_links=True)
    read = [d["doc"] for d in followed.report["documents"] if d["error"] is None]
    assert any(n.endswith("in/passwd.txt") for n in read)
    assert any(n.endswith("linked/passwd.txt") for n in read)
