"""Compare places: the numbers each government reports, side by side.

``indicator_table`` turns the observations of a build into a table with one
row per indicator concept and one column per government (and year), so the
same indicator (行政复议案件 受理) reads across places at a glance.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import Literal

from kg.query import Results, run_named

APPROX_MARK = "≈"


@dataclass(frozen=True)
class Observed:
    """One number of one report, as the table needs it."""

    indicator: str
    government: str
    year: str
    value: str
    unit: str
    approximate: bool

    @property
    def cell(self) -> str:
        """How the number reads in a table cell: ≈1400 人."""
        return f"{APPROX_MARK if self.approximate else ''}{self.value} {self.unit}".strip()

    @property
    def column(self) -> str:
        """The column the number belongs to: government and year."""
        return f"{self.government} {self.year}".strip()


def observations(out: str | os.PathLike[str]) -> list[Observed]:
    """Every observation of the build in ``out`` (sorted by indicator, government, year)."""
    rows = run_named(out, "indicators").values()
    found = {
        Observed(
            indicator=r["indicator"] or "",
            government=r["government"] or "",
            year=r["year"] or "",
            value=r["value"] or "",
            unit=r["unit"] or "",
            approximate=(r["approximate"] or "") == "true",
        )
        for r in rows
    }
    return sorted(found, key=lambda o: (o.indicator, o.column, _number(o.value)))


def indicator_table(
    out: str | os.PathLike[str], min_governments: int = 1, only: Sequence[str] = ()
) -> Results:
    """Indicators (rows) × governments and years (columns) of the build in ``out``.

    Keeps indicators reported by at least ``min_governments`` governments and,
    when ``only`` is given, indicators whose label contains one of its words.
    A cell lists every value a report gives for the indicator (``≈`` marks
    approximate values such as 1400余人).
    """
    cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    governments: dict[str, set[str]] = defaultdict(set)
    for o in observations(out):
        if only and not any(word in o.indicator for word in only):
            continue
        cells[o.indicator][o.column].append(o.cell)
        governments[o.indicator].add(o.government)
    keep = [i for i in sorted(cells) if len(governments[i]) >= min_governments]
    columns = sorted({c for i in keep for c in cells[i]})
    rows = tuple(
        (Literal(i), *(_literal("; ".join(cells[i].get(c, []))) for c in columns)) for i in keep
    )
    return Results(("indicator", *columns), rows)


def _literal(text: str) -> Literal | None:
    return Literal(text) if text else None


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0
