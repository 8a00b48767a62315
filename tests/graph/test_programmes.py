"""Initiatives and observations in the graph: kinds of initiative, whose number it is."""

from __future__ import annotations

import pytest

from kg.compare import observation_rows
from kg.query import query

# A department's report: its numbers belong to its place (annotation guide, `whose`).
REPORT = (
    "固安县司法局2023年法治政府建设工作报告\n\n"
    "2023年，县司法局受理行政复议案件35件，办结30件；深入推进“放管服”改革，"
    "创新“石榴籽”调解工作法。\n"
)


@pytest.fixture(scope="module")
def department_build(tmp_path_factory: pytest.TempPathFactory):
    from kg import build

    folder = tmp_path_factory.mktemp("department")
    source = folder / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    out = folder / "output"
    build([str(source)], out=str(out))
    return out


def test_a_department_reports_the_numbers_of_its_place(department_build):
    rows = observation_rows(department_build)
    cells = {(r[0].value, r[2].value, r[4].value, r[5].value) for r in rows.rows}
    assert cells == {
        ("行政复议案件 受理", "固安县人民政府", "35", "件"),
        ("行政复议案件 办结", "固安县人民政府", "30", "件"),
    }


def test_national_programme_and_local_practice(department_build):
    rows = query(
        department_build,
        "SELECT ?label ?kind ?place WHERE { ?c a ?kind ; skos:prefLabel ?label . "
        "FILTER(?kind IN (kg:NationalProgramme, kg:LocalPractice)) "
        "OPTIONAL { ?c dcterms:spatial ?g . ?g skos:prefLabel ?place } }",
    ).values()
    found = {r["label"]: (r["kind"].rsplit("#", 1)[-1], r["place"]) for r in rows}
    assert found == {
        "放管服改革": ("NationalProgramme", None),
        "石榴籽调解工作法": ("LocalPractice", "固安县人民政府"),
    }


def test_a_national_body_reports_the_numbers_of_the_whole_country(tmp_path):
    from kg import build

    source = tmp_path / "report.txt"
    source.write_text(
        "应急管理部2023年法治政府建设年度报告\n\n"
        "2023年，部行政审批窗口共受理行政许可事项157件，发布典型案例12个。\n",
        encoding="utf-8",
    )
    build([str(source)], out=str(tmp_path / "output"))
    rows = observation_rows(tmp_path / "output")
    assert {(r[2].value, r[4].value) for r in rows.rows} == {("国务院", "157"), ("国务院", "12")}
