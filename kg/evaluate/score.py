"""Scores of one set of annotations against another: spans, labels, identity, authors.

Precision and recall come with 95 % Wilson score intervals, so that a figure
measured on 60 reports says how far it can be trusted.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.evaluate.annotations import Author, DocAnnotation, Span
from kg.ingest.script import to_simplified
from kg.model import MENTION_TYPES

Z95 = 1.959964
# Marks that enclose a mention: spans are compared without them (《行政处罚法》 = 行政处罚法).
ENCLOSING = "《》〈〉<>“”\"'‘’「」『』()（）[]【】 \u3000"
_DASHES = re.compile(r"[—–－‐‑‒―~～-]+")
_DROP = re.compile(r"[\s“”\"'‘’《》〈〉<>「」『』·•]")


def wilson(k: int, n: int) -> tuple[float, float]:
    """95 % Wilson score interval of the proportion ``k / n`` (``(0, 1)`` when ``n`` is 0)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def normal_label(label: str) -> str:
    """A label compared loosely: simplified script, one kind of bracket and dash, no quotes."""
    text = to_simplified(label or "")
    text = text.replace("（", "(").replace("）", ")").replace("〔", "(").replace("〕", ")")
    text = _DASHES.sub("-", text)
    return _DROP.sub("", text).lower()


def trimmed(span: Span) -> tuple[int, int]:
    """The span's offsets without the marks that enclose it."""
    start, end, s = span.start, span.end, span.surface
    while s and s[0] in ENCLOSING and (len(s) > 1):
        s, start = s[1:], start + 1
    while s and s[-1] in ENCLOSING and (len(s) > 1):
        s, end = s[:-1], end - 1
    return start, end


@dataclass
class Ratio:
    """``k`` of ``n``, with its Wilson interval."""

    k: int
    n: int

    @property
    def value(self) -> float | None:
        return self.k / self.n if self.n else None

    def interval(self) -> tuple[float, float]:
        return wilson(self.k, self.n)

    def as_dict(self) -> dict[str, object]:
        low, high = self.interval()
        value = self.value
        return {
            "k": self.k,
            "n": self.n,
            "value": None if value is None else round(value, 4),
            "ci95": [round(low, 4), round(high, 4)],
        }


def f1(p: Ratio, r: Ratio) -> float | None:
    """Harmonic mean of a precision and a recall."""
    if p.value is None or r.value is None or p.value + r.value == 0:
        return None
    return 2 * p.value * r.value / (p.value + r.value)


@dataclass
class TypeScore:
    """Scores of one mention type."""

    type: str
    gold: int = 0
    predicted: int = 0
    span: int = 0  # matched spans (exact; for indicators: the number and unit inside)
    overlap: int = 0  # spans that overlap one to one
    label: int = 0  # matched spans whose canonical label (indicators: value, unit, what) is right
    pairs: dict[str, int] = field(default_factory=dict)  # identity across documents

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"type": self.type, "gold": self.gold, "predicted": self.predicted}
        for name, k in (("span", self.span), ("overlap", self.overlap), ("label", self.label)):
            p, r = Ratio(k, self.predicted), Ratio(k, self.gold)
            score = f1(p, r)
            out[name] = {
                "precision": p.as_dict(),
                "recall": r.as_dict(),
                "f1": None if score is None else round(score, 4),
            }
        both, pred, gold = (self.pairs.get(k, 0) for k in ("both", "predicted", "gold"))
        p, r = Ratio(both, pred), Ratio(both, gold)
        score = f1(p, r)
        out["identity"] = {
            "precision": p.as_dict(),
            "recall": r.as_dict(),
            "f1": None if score is None else round(score, 4),
        }
        return out


@dataclass(frozen=True)
class Error:
    """A false positive, a miss or a wrong label, for ``--show-errors``."""

    doc: str
    type: str
    kind: str  # "false positive", "miss", "wrong label"
    surface: str
    start: int
    end: int
    predicted: str = ""
    gold: str = ""


def _match(gold: list[Span], pred: list[Span], kind: str) -> list[tuple[Span, Span]]:
    """One-to-one pairs of gold and predicted spans of one document and type."""
    candidates = []
    for i, g in enumerate(gold):
        gs, ge = trimmed(g)
        for j, p in enumerate(pred):
            ps, pe = trimmed(p)
            if kind == "exact":
                ok, weight = (gs, ge) == (ps, pe), 0
            elif kind == "inside":  # the gold span (a number and unit) inside the predicted one
                ok, weight = ps <= gs and ge <= pe, pe - ps
            else:
                overlap = min(ge, pe) - max(gs, ps)
                ok, weight = overlap > 0, -overlap
            if ok:
                candidates.append((weight, i, j))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def _same_number(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))


def indicator_right(gold: Span, pred: Span) -> bool:
    """Value, unit and what was counted (object and action) all right."""
    if not _same_number(gold.value, pred.value):
        return False
    if normal_label(gold.unit) != normal_label(pred.unit):
        return False
    what = normal_label(pred.object + pred.action)
    obj, action = normal_label(gold.object), normal_label(gold.action)
    if not obj or not what:
        return False
    counted = normal_label(pred.object)
    # The object the build read must be part of what was counted, and not empty: an action
    # alone (审查) does not say what was counted.
    if obj not in what and (not counted or counted not in obj):
        return False
    return not action or action in what or action in obj


def label_right(gold: Span, pred: Span) -> bool:
    """Whether the predicted span carries the gold's canonical label."""
    if gold.type == "indicator":
        return indicator_right(gold, pred)
    return bool(gold.label) and normal_label(gold.label) == normal_label(pred.label)


def _pair_counts(cells: Iterable[tuple[str, str, str]]) -> dict[str, int]:
    """Pairs of mentions in different documents that are one entity: by gold, by build, both."""
    counts: dict[str, Counter] = {"both": Counter(), "gold": Counter(), "predicted": Counter()}
    per_doc: dict[str, Counter] = {"both": Counter(), "gold": Counter(), "predicted": Counter()}
    for doc, g, p in cells:
        for name, key in (("both", (g, p)), ("gold", g), ("predicted", p)):
            counts[name][key] += 1
            per_doc[name][(key, doc)] += 1
    out = {}
    for name in counts:
        total = sum(n * (n - 1) // 2 for n in counts[name].values())
        same_doc = sum(n * (n - 1) // 2 for n in per_doc[name].values())
        out[name] = total - same_doc
    return out


@dataclass
class AuthorScore:
    """Author and year of the reports."""

    documents: int = 0  # reports with a gold author
    right: int = 0
    wrong: int = 0
    none: int = 0
    years: int = 0
    years_right: int = 0
    # reports whose text names their author's government (a gold government mention with
    # the author's label), and those of them whose build has that government among its
    # mentions too
    named: int = 0
    named_found: int = 0
    wrong_docs: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "right": Ratio(self.right, self.documents).as_dict(),
            "wrong": Ratio(self.wrong, self.documents).as_dict(),
            "none": Ratio(self.none, self.documents).as_dict(),
            "year": Ratio(self.years_right, self.years).as_dict(),
            "own_government": Ratio(self.named_found, self.named).as_dict(),
        }


def own_government_found(gold: DocAnnotation, pred: DocAnnotation) -> bool | None:
    """Whether the build names the report's author among its government mentions, for a
    report whose text names it (the gold has a government mention with an author's label);
    None for a report whose text does not."""
    authors = {normal_label(a.label) for a in gold.authors}
    named = {normal_label(m.label) for m in gold.mentions if m.type == "government"} & authors
    if not named:
        return None
    found = {normal_label(m.label) for m in pred.mentions if m.type == "government"}
    return named <= found


def _author_place_agrees(gold: Author, pred: Author) -> bool:
    """Same province and the level below; a place the gold leaves open must stay open."""
    if not gold.place or not pred.place:
        return not gold.place and not pred.place
    gp, pp = [normal_label(x) for x in gold.place], [normal_label(x) for x in pred.place]
    return gp[0] == pp[0] and (len(gp) < 2 or len(pp) < 2 or gp[1] == pp[1])


def author_verdict(gold: tuple[Author, ...], pred: tuple[Author, ...]) -> str:
    """``right``, ``wrong`` or ``none`` for one report's authors.

    Right: the same set of author labels, each at the right place (province and
    the level below). A report whose place the text cannot decide is right
    when the build names no place (or abstains) and wrong when it asserts one.
    The right authors left unplaced where the gold places them count as none,
    not wrong: the build abstained on the place instead of asserting a wrong one
    (a name that stays ambiguous is kept without a place, by design).
    """
    if not pred:
        return "right" if all(not g.certain and not g.place for g in gold) else "none"
    if {normal_label(a.label) for a in gold} != {normal_label(a.label) for a in pred}:
        return "wrong"
    by_label = {normal_label(a.label): a for a in pred}
    verdict = "right"
    for g in gold:
        p = by_label[normal_label(g.label)]
        if _author_place_agrees(g, p):
            continue
        if g.place and not p.place:
            verdict = "none"
        else:
            return "wrong"
    return verdict


@dataclass
class ObservationScore:
    """The numbers (indicator mentions) of a build: how many map to the curated scheme, and
    of those the gold holds too, how many carry the place the gold gives them."""

    extracted: int = 0
    mapped: int = 0  # extracted numbers whose indicator is a concept of the curated scheme
    matched: int = 0  # extracted numbers the gold holds (span matched)
    placed: int = 0  # of those, the ones whose government is the gold's (or none where it has none)
    misplaced: list[tuple[str, str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "extracted": self.extracted,
            "mapped": Ratio(self.mapped, self.extracted).as_dict(),
            "placed": Ratio(self.placed, self.matched).as_dict(),
        }


def whose_right(gold: Span, pred: Span) -> bool:
    """Whether a number carries the government the gold gives it (none where the gold has none)."""
    return normal_label(gold.whose) == normal_label(pred.whose)


@dataclass
class Evaluation:
    """Every score of a comparison, and the errors behind them."""

    documents: int
    types: dict[str, TypeScore]
    authors: AuthorScore
    observations: ObservationScore
    errors: list[Error]
    missing: list[str]  # gold documents the build does not hold

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "missing": self.missing,
            "types": {t: s.as_dict() for t, s in self.types.items()},
            "authors": self.authors.as_dict(),
            "observations": self.observations.as_dict(),
        }


def compare(
    gold: Mapping[str, DocAnnotation], predicted: Mapping[str, DocAnnotation]
) -> Evaluation:
    """Score ``predicted`` against ``gold`` on the documents both hold."""
    docs = sorted(set(gold) & set(predicted))
    types = {t: TypeScore(t) for t in MENTION_TYPES}
    identity: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    errors: list[Error] = []
    authors = AuthorScore()
    numbers = ObservationScore()
    for doc in docs:
        g_doc, p_doc = gold[doc], predicted[doc]
        for t, score in types.items():
            g = [m for m in g_doc.mentions if m.type == t]
            p = [m for m in p_doc.mentions if m.type == t]
            score.gold += len(g)
            score.predicted += len(p)
            pairs = _match(g, p, "inside" if t == "indicator" else "exact")
            score.span += len(pairs)
            score.overlap += len(_match(g, p, "overlap"))
            if t == "indicator":
                _count_numbers(numbers, doc, p, pairs)
            for gm, pm in pairs:
                if label_right(gm, pm):
                    score.label += 1
                else:
                    errors.append(
                        Error(
                            doc,
                            t,
                            "wrong label",
                            pm.surface,
                            pm.start,
                            pm.end,
                            _shown(pm),
                            _shown(gm),
                        )
                    )
                identity[t].append((doc, normal_label(gm.key), pm.key))
            matched_g = {id(gm) for gm, _ in pairs}
            matched_p = {id(pm) for _, pm in pairs}
            errors += [
                Error(doc, t, "miss", m.surface, m.start, m.end, "", _shown(m))
                for m in g
                if id(m) not in matched_g
            ]
            errors += [
                Error(doc, t, "false positive", m.surface, m.start, m.end, _shown(m), "")
                for m in p
                if id(m) not in matched_p
            ]
        if g_doc.authors:
            authors.documents += 1
            verdict = author_verdict(g_doc.authors, p_doc.authors)
            setattr(authors, verdict, getattr(authors, verdict) + 1)
            if verdict == "wrong":
                authors.wrong_docs.append((doc, _authors(p_doc.authors), _authors(g_doc.authors)))
            own = own_government_found(g_doc, p_doc)
            if own is not None:
                authors.named += 1
                authors.named_found += int(own)
        if g_doc.year is not None:
            authors.years += 1
            authors.years_right += int(p_doc.year == g_doc.year)
    for t, cells in identity.items():
        types[t].pairs = _pair_counts(cells)
    missing = sorted(set(gold) - set(predicted))
    return Evaluation(len(docs), types, authors, numbers, errors, missing)


def _count_numbers(
    numbers: ObservationScore, doc: str, pred: list[Span], pairs: list[tuple[Span, Span]]
) -> None:
    numbers.extracted += len(pred)
    numbers.mapped += sum(m.mapped for m in pred)
    numbers.matched += len(pairs)
    for gm, pm in pairs:
        if whose_right(gm, pm):
            numbers.placed += 1
        else:
            numbers.misplaced.append((doc, pm.surface, pm.whose or "—", gm.whose or "—"))


def _shown(m: Span) -> str:
    if m.type == "indicator":
        value = "" if m.value is None else f"{m.value:g}"
        return f"{value} {m.unit} · {m.object} {m.action}".strip()
    return m.label


def _authors(authors: tuple[Author, ...]) -> str:
    return "、".join(f"{a.label} ({'/'.join(a.place) or '?'})" for a in authors) or "—"
