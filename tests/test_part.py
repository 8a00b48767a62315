"""Which code and data make a part: the key that decides when a cached part is reused."""

from __future__ import annotations

from kg.part import extractor_version, part_key, version_files


def test_the_version_covers_code_lexicons_and_the_ontology():
    names = {name for name, _ in version_files()}
    assert "extract/regulations.py" in names
    assert "data/divisions.tsv" in names
    # The initiative scheme is in the ontology, outside the kg folder of a checkout:
    # editing it must not reuse parts made with the old scheme.
    assert "ontology/initiatives.ttl" in names
    assert len(names) == len(version_files()), "each file counted once"


def test_a_part_key_changes_with_the_files_name_content_and_options():
    key = part_key("a.txt", "0" * 40)
    assert len(extractor_version()) == 16
    assert part_key("a.txt", "0" * 40) == key
    assert part_key("b.txt", "0" * 40) != key
    assert part_key("a.txt", "1" * 40) != key
    assert part_key("a.txt", "0" * 40, "max_title=10") != key
