"""Institution precision and recall on the held-out report passages (tests/resolve/heldout/).

Each passage was annotated by hand with the institutions it names, short names expanded to
their place (see heldout/institutions.tsv).  Courts and procuratorates count as institutions
here although the graph models them as organs of their place.
"""

from __future__ import annotations

from pathlib import Path

from kg.extract import extract_all
from kg.ingest import read_document
from kg.resolve import resolve_document

HELDOUT = Path(__file__).parent / "heldout"


def _annotations() -> dict[str, set[str]]:
    lines = (HELDOUT / "institutions.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith(("#", "file\t"))]
    return {file: set(names.split("|")) for file, names in rows}


def _found(path: Path, resources, lexicons) -> set[str]:
    doc = read_document(path)
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    return {
        r.entity.label
        for r in rd.mentions
        if (r.mention.type == "institution" and r.entity.type == "institution")
        or r.entity.attr("organ") in ("court", "procuratorate")  # government mentions
    }


def test_heldout_institution_precision_and_recall(resources, lexicons) -> None:
    expected = _annotations()
    assert len(expected) >= 25
    tp = fp = fn = 0
    for file, gold in expected.items():
        got = _found(HELDOUT / "reports" / file, resources, lexicons)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(
        f"institutions: precision {precision:.3f}, recall {recall:.3f} ({tp} tp, {fp} fp, {fn} fn)"
    )
    assert precision >= 0.85
    assert recall >= 0.85
