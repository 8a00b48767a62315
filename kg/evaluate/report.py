"""An evaluation as tables and lines for people (``kg eval``)."""

from __future__ import annotations

from rich.table import Table

from kg.evaluate.score import Evaluation, Ratio


def _cell(r: dict) -> str:
    if r["value"] is None:
        return "—"
    low, high = r["ci95"]
    return f"{r['value']:.2f} [{low:.2f}–{high:.2f}]"


def evaluation_table(result: Evaluation) -> list[Table]:
    """One table of mention scores by type, one of authors and years, one of the numbers."""
    data = result.as_dict()
    mentions = Table(
        title=f"mentions on {result.documents} reports (precision and recall with 95 % intervals)"
    )
    for col in ("type", "gold", "built", "measure", "precision", "recall", "F1"):
        mentions.add_column(col)
    for t, s in data["types"].items():  # type: ignore[union-attr]
        for i, measure in enumerate(("span", "label", "identity")):
            m = s[measure]
            f1 = "—" if m["f1"] is None else f"{m['f1']:.2f}"
            mentions.add_row(
                t if i == 0 else "",
                str(s["gold"]) if i == 0 else "",
                str(s["predicted"]) if i == 0 else "",
                measure,
                _cell(m["precision"]),
                _cell(m["recall"]),
                f1,
            )
    a = result.authors
    authors = _shares(
        f"authors of {a.documents} reports with a gold author",
        "reports",
        (
            ("author right", a.right, a.documents),
            ("author wrong", a.wrong, a.documents),
            ("no author", a.none, a.documents),
            ("year right", a.years_right, a.years),
            ("own government named", a.named_found, a.named),
        ),
    )
    o = result.observations
    numbers = _shares(
        f"numbers (indicator mentions): {o.extracted} built",
        "numbers",
        (
            ("mapped to the curated scheme", o.mapped, o.extracted),
            ("right place (of those in the gold)", o.placed, o.matched),
        ),
    )
    return [mentions, authors, numbers]


def _shares(title: str, counted: str, rows: tuple[tuple[str, int, int], ...]) -> Table:
    """A table of shares (k of n) with their 95 % intervals."""
    table = Table(title=title)
    for col in ("what", counted, "share [95 %]"):
        table.add_column(col)
    for name, k, n in rows:
        table.add_row(name, f"{k} of {n}", _cell(Ratio(k, n).as_dict()))
    return table


def error_lines(result: Evaluation, limit: int) -> list[str]:
    """Up to ``limit`` errors: wrong authors first, then misses, false positives, wrong labels."""
    if limit <= 0:
        return []
    lines = [
        f"wrong author  {doc}: built {built} · gold {gold}"
        for doc, built, gold in result.authors.wrong_docs
    ]
    lines += [
        f"wrong place   {doc}: {surface} built {built} · gold {gold}"
        for doc, surface, built, gold in result.observations.misplaced
    ]
    order = {"miss": 0, "false positive": 1, "wrong label": 2}
    for e in sorted(result.errors, key=lambda e: (order[e.kind], e.type, e.doc, e.start)):
        detail = f"built {e.predicted}" if e.kind != "miss" else f"gold {e.gold}"
        if e.kind == "wrong label":
            detail = f"built {e.predicted} · gold {e.gold}"
        lines.append(f"{e.kind:<14}{e.type:<12}{e.doc} [{e.start}:{e.end}] {e.surface} — {detail}")
    return lines[:limit]
