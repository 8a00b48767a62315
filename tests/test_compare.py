"""Comparing places: indicator tables, adoption queries and `kg indicators`."""

from __future__ import annotations

from typer.testing import CliRunner

from kg.cli import app
from kg.compare import indicator_table
from kg.query import run_named


def test_indicator_table_lines_up_review_cases(seed_build):
    out, _ = seed_build
    res = indicator_table(out, min_governments=2, only=["行政复议案件 受理"])
    rows = {r[0].value: r for r in res.rows}
    row = rows["行政复议案件 受理"]
    cells = {c: t.value for c, t in zip(res.variables, row, strict=True) if t is not None}
    assert cells["固安县人民政府 2022"] == "215 件"
    assert cells["甘谷县人民政府 2024"] == "41 件"
    # The joint report of 中共无极县委 and 无极县人民政府 reports for the people's government.
    assert cells["无极县人民政府 2021"] == "12 起"


def test_first_year_of_fengqiao(seed_build):
    out, _ = seed_build
    rows = run_named(out, "initiative-first-year", {"name": "枫桥经验"}).values()
    years = {r["government"]: r["first_year"] for r in rows}
    assert years["固安县人民政府"] == "2022" and years["大盛镇人民政府"] == "2023"
    assert not any(g.startswith("甘谷") for g in years)
    assert all(r["evidence"] for r in rows)


def test_initiatives_across_five(seed_build):
    out, _ = seed_build
    rows = run_named(out, "initiatives-across", {"min": 5}).values()
    assert [r["name"] for r in rows] == ["行政执法三项制度"]


def test_cli_indicators(seed_build):
    out, _ = seed_build
    result = CliRunner().invoke(
        app, ["indicators", "--out", str(out), "--min", "2", "--only", "行政复议", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "行政复议案件 受理" in result.output and "215 件" in result.output


def test_cli_indicators_long_rows_for_pandas(seed_build):
    import csv
    import io

    out, _ = seed_build
    result = CliRunner().invoke(
        app, ["indicators", "--out", str(out), "--only", "行政复议", "--long", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    received = {
        r["government"]: (r["value"], r["unit"], r["year"])
        for r in rows
        if r["indicator"] == "行政复议案件 受理"
    }
    # 受理行政复议案件215件 (固安), 收到行政复议申请12起 (无极), 受理41件 (甘谷).
    assert received == {
        "固安县人民政府": ("215", "件", "2022"),
        "无极县人民政府": ("12", "起", "2021"),
        "甘谷县人民政府": ("41", "件", "2024"),
    }
    wuji = next(r for r in rows if r["government"] == "无极县人民政府" and r["value"] == "12")
    assert (wuji["object"], wuji["action"], wuji["in_scheme"]) == ("行政复议申请", "收到", "true")
