"""CSV written for spreadsheets never carries a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.export.spreadsheet import plain_cell, safe_cell


def test_formula_cells_are_prefixed_and_can_be_read_back():
    for value in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"):
        assert safe_cell(value) == "'" + value
        assert plain_cell(safe_cell(value)) == value
    for value in ("法治", "2022", "'quoted", "a=b"):
        assert safe_cell(value) == value and plain_cell(value) == value


def test_mentions_csv_and_query_csv_are_safe(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = '固安县人民政府\n认真贯彻《=HYPERLINK("http://x")》和《中华人民共和国行政处罚法》。\n'
    (inputs / "=cmd.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    kg.build([inputs], out=out)
    rows = list(csv.DictReader(io.StringIO((out / "mentions.csv").read_text(encoding="utf-8"))))
    assert rows and all(r["doc"] == "'=cmd.txt" for r in rows)
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), row
    labels = [r["label"] for r in rows if r["type"] == "regulation"]
    assert any(label.startswith("'=HYPERLINK") for label in labels)
    shown = CliRunner().invoke(
        app,
        ["query", "SELECT ?doc WHERE { ?r kg:sourceFile ?doc }", "-f", "csv", "--out", str(out)],
    )
    assert shown.output.splitlines()[1] == "'=cmd.txt"
