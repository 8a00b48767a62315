"""Compare places: the numbers each government reports, side by side.

``indicator_table`` turns the observations of a build into a table with one
row per indicator concept and one column per government (and year), so the
same indicator (行政复议案件 受理) reads across places at a glance;
``observation_rows`` gives the same numbers one per row (indicator,
government, year, value, unit …), the tidy shape pandas and R read.
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
    object: str = ""
    action: str = ""
    in_scheme: bool = False

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
            object=r["object"] or "",
            action=r["action"] or "",
            in_scheme=bool(r["scheme"]),
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


OBSERVATION_COLUMNS = (
    "indicator", "in_scheme", "government", "year", "value", "unit", "approximate",
    "object", "action",
)  # fmt: skip


def observation_rows(
    out: str | os.PathLike[str], min_governments: int = 1, only: Sequence[str] = ()
) -> Results:
    """The numbers of ``indicator_table``, one per row, for pandas or R (long format)."""
    kept = [o for o in observations(out) if not only or any(w in o.indicator for w in only)]
    governments: dict[str, set[str]] = defaultdict(set)
    for o in kept:
        governments[o.indicator].add(o.government)
    rows = tuple(
        (
            Literal(o.indicator),
            Literal("true" if o.in_scheme else "false"),
            _literal(o.government),
            _literal(o.year),
            _literal(o.value),
            _literal(o.unit),
            Literal("true" if o.approximate else "false"),
            _literal(o.object),
            _literal(o.action),
        )
        for o in kept
        if len(governments[o.indicator]) >= min_governments
    )
    return Results(OBSERVATION_COLUMNS, rows)


def _literal(text: str) -> Literal | None:
    return Literal(text) if text else None


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0
