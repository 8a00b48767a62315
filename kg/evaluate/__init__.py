"""Measure a build against gold annotations (``kg eval``), or two annotators against each other.

>>> from kg.evaluate import evaluate                       # doctest: +SKIP
>>> result = evaluate("tests/corpus/dev/gold", "output")   # doctest: +SKIP
>>> result.types["regulation"].as_dict()["span"]["recall"] # doctest: +SKIP
"""

from __future__ import annotations

import os

from kg.evaluate.annotations import GoldError, load_build, load_gold
from kg.evaluate.score import Evaluation, compare, wilson


def evaluate(gold: str | os.PathLike[str], out: str | os.PathLike[str]) -> Evaluation:
    """Score the build in ``out`` against the gold files in the folder ``gold``."""
    reference = load_gold(gold)
    predicted = load_build(out)
    if not set(reference) & set(predicted):
        raise GoldError(
            f"none of the {len(reference)} gold reports is in the build in {out}: "
            "build the reports the gold annotates (same file names) first"
        )
    return compare(reference, predicted)


def agreement(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> Evaluation:
    """How far two independent annotations of the same reports agree (second scored as build)."""
    return compare(load_gold(first), load_gold(second))


__all__ = ["Evaluation", "GoldError", "agreement", "compare", "evaluate", "wilson"]
