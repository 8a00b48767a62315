"""Held-out accuracy of regulation citations on passages nobody tuned the rules to.

Title recall and precision are counted per passage over citation surfaces (line
breaks removed); same-entity precision and recall over every pair of gold
citations in different passages: a pair is "same" in the gold when the hand-given
ids agree, and predicted "same" when both were resolved to one IRI.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from kg.build import process_file

HERE = Path(__file__).parent
PASSAGES = HERE / "passages.txt"


def parse_passages(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(number, body, [(surface, id)…]) for every passage of the annotation file."""
    out = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        number, rest = block.split("\n", 1)
        body, gold = rest.split("\n@@\n", 1)
        pairs = [
            tuple(part.strip() for part in line.rsplit(" = ", 1))
            for line in gold.splitlines()
            if line.strip()
        ]
        out.append((number.strip(), body + "\n", pairs))
    return out


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory, resources, lexicons):
    """Per passage: gold citations and predicted (surface, IRI) citations."""
    folder = tmp_path_factory.mktemp("heldout")
    results = []
    for number, body, gold in parse_passages(PASSAGES.read_text(encoding="utf-8")):
        path = folder / f"heldout_{number}.txt"
        path.write_text(body, encoding="utf-8")
        rd = process_file(path, resources, lexicons, 10**7)
        predicted = [
            (r.mention.surface.replace("\n", ""), r.entity.iri)
            for r in rd.mentions
            if r.mention.type == "regulation"
        ]
        results.append((number, gold, predicted))
    return results


def test_passages_are_many_and_varied() -> None:
    passages = parse_passages(PASSAGES.read_text(encoding="utf-8"))
    assert len(passages) >= 30
    assert sum(len(g) for _, _, g in passages) >= 100


def _matched(gold, predicted):
    """Align gold and predicted citations of one passage by surface, in reading order."""
    pool: dict[str, list[str]] = {}
    for surface, iri in predicted:
        pool.setdefault(surface, []).append(iri)
    pairs = []
    for surface, gid in gold:
        if pool.get(surface):
            pairs.append((gid, pool[surface].pop(0)))
    return pairs


def test_title_recall_and_precision(evaluated) -> None:
    tp = fp = fn = 0
    misses = []
    for number, gold, predicted in evaluated:
        g = Counter(s for s, _ in gold)
        p = Counter(s for s, _ in predicted)
        hit = sum((g & p).values())
        tp += hit
        fn += sum(g.values()) - hit
        fp += sum(p.values()) - hit
        misses += [(number, "missed", s) for s in (g - p).elements()]
        misses += [(number, "spurious", s) for s in (p - g).elements()]
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    assert recall >= 0.99, misses
    assert precision >= 0.98, misses


def test_same_entity_across_documents(evaluated) -> None:
    items = [
        (number, gid, iri)
        for number, gold, predicted in evaluated
        for gid, iri in _matched(gold, predicted)
    ]
    both = gold_same = pred_same = 0
    wrong = []
    for (n1, g1, p1), (n2, g2, p2) in combinations(items, 2):
        if n1 == n2:
            continue
        same_gold, same_pred = g1 == g2, p1 == p2
        gold_same += same_gold
        pred_same += same_pred
        both += same_gold and same_pred
        if same_gold != same_pred:
            wrong.append((n1, g1, n2, g2, same_pred))
    assert gold_same > 200  # enough pairs to measure
    assert both / pred_same >= 0.97, wrong[:20]
    assert both / gold_same >= 0.97, wrong[:20]
