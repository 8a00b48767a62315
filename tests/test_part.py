"""Which code and data make a part: the key that decides when a cached part is reused."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import SEEDS

import kg
from kg.build import Job, Settings, build_one, make_lexicons
from kg.part import AFTER_PARTS, extractor_version, part_key, version_files
from kg.resolve import Resources


def test_the_version_covers_code_lexicons_and_the_ontology():
    names = {name for name, _ in version_files()}
    assert "extract/regulations.py" in names
    assert "data/divisions.tsv" in names
    # The initiative scheme is in the ontology, outside the kg folder of a checkout:
    # editing it must not reuse parts made with the old scheme.
    assert "ontology/initiatives.ttl" in names
    # What only reads parts is left out: a new page keeps the cache.
    assert "export/page.py" not in names and "outputs.py" not in names
    assert len(names) == len(version_files()), "each file counted once"


def test_a_part_key_changes_with_the_files_name_content_and_options():
    key = part_key("a.txt", "0" * 40)
    assert len(extractor_version()) == 16
    assert part_key("a.txt", "0" * 40) == key
    assert part_key("b.txt", "0" * 40) != key
    assert part_key("a.txt", "1" * 40) != key
    assert part_key("a.txt", "0" * 40, "max_title=10") != key


def test_no_file_left_out_of_the_version_runs_while_a_part_is_made():
    """A file ``AFTER_PARTS`` leaves out must not shape a part: trace every call made
    while the resources load and each seed becomes a part, and find none of them."""
    package = Path(kg.__file__).resolve().parent
    ran: set[str] = set()

    def record(frame, event, _arg):  # type: ignore[no-untyped-def]
        if event == "call":
            ran.add(frame.f_code.co_filename)

    sys.setprofile(record)
    try:
        res = Resources.load()
        lexicons = make_lexicons(res)
        outcomes = [
            build_one(Job(path, path.name), res, lexicons, Settings())
            for path in sorted(SEEDS.iterdir())
        ]
    finally:
        sys.setprofile(None)
    assert all(o.part is not None for o in outcomes)
    names = {
        Path(f).resolve().relative_to(package).as_posix()
        for f in ran
        if Path(f).resolve().is_relative_to(package)
    }
    assert {"extract/regulations.py", "graph/document.py", "part.py"} <= names
    assert not {n for n in names if n.startswith(AFTER_PARTS)}
