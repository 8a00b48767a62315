"""Floors measured with `kg eval` on the frozen 60-report test split of the dev corpus.

They start at what the extractors reach today (README, "How good is it"), a
little below to absorb run-to-run noise, and are raised as the extractors
improve; they are never lowered to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import agreement, evaluate

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"

# type: (span precision, span recall, label precision, label recall)
FLOORS = {
    "regulation": (0.90, 0.95, 0.85, 0.90),
    "government": (0.95, 0.94, 0.91, 0.89),
    "institution": (0.93, 0.88, 0.86, 0.83),
    "initiative": (0.74, 0.71, 0.69, 0.67),
    "indicator": (0.93, 0.96, 0.72, 0.75),
}


@pytest.fixture(scope="module")
def scores(test_split_build):
    return evaluate(DEV / "gold", test_split_build)


def test_the_whole_test_split_is_scored(scores):
    assert scores.documents == 60
    assert scores.authors.documents == 60


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_mentions_stay_above_their_floors(scores, kind):
    s = scores.types[kind].as_dict()
    measured = (
        s["span"]["precision"]["value"],
        s["span"]["recall"]["value"],
        s["label"]["precision"]["value"],
        s["label"]["recall"]["value"],
    )
    for value, floor, name in zip(
        measured, FLOORS[kind], ("P", "R", "label P", "label R"), strict=True
    ):
        assert value >= floor, f"{kind} {name} {value:.3f} < {floor}"


def test_authors_and_years_stay_above_their_floors(scores):
    a = scores.authors
    assert a.right / a.documents >= 0.91
    # 2 of 60 since gold pass 5 left a town author unplaced that the page's index number
    # places (tests/corpus/dev/README.md); it was 1 of 60 before
    assert a.wrong / a.documents <= 0.04
    assert a.years_right / a.years >= 0.95
    # a report whose text names its own government has it among its mentions (46 of 49)
    assert a.named_found / a.named >= 0.92


def test_numbers_stay_above_their_floors(scores):
    numbers = scores.observations
    # 61 of 164 numbers map to a concept of the curated scheme; 151 of 156 carry the gold's place
    assert numbers.mapped / numbers.extracted >= 0.35
    assert numbers.placed / numbers.matched >= 0.95


def test_independent_annotators_agree_as_the_issue_asks():
    result = agreement(DEV / "gold", DEV / "gold-second").as_dict()
    f1 = {t: s["span"]["f1"] for t, s in result["types"].items()}
    assert result["documents"] == 40
    assert min(f1["regulation"], f1["government"]) >= 0.9
    assert min(f1["institution"], f1["initiative"], f1["indicator"]) >= 0.8
    assert result["authors"]["right"]["value"] >= 0.9
