"""Named queries filter by year, province and level of the reporting government."""

from __future__ import annotations

from conftest import GANGU, LUANCHUAN, WUJI

from kg.query import cited_across, named_queries, run_named


def test_filters_are_optional_parameters():
    nq = named_queries()["cited-across"]
    assert nq.parameters == ("min",)
    assert set(nq.optional) == {"year", "province", "level"}


def test_cited_across_by_province_year_and_level(seed_build):
    out = seed_build[0]
    everywhere = {r["title"]: r["cited_by"] for r in cited_across(out, 1).values()}
    hebei = {r["title"]: r["cited_by"] for r in cited_across(out, 1, province="河北省").values()}
    assert hebei and set(hebei) < set(everywhere)
    assert all(set(by.split("、")) <= {"固安县", "无极县"} for by in hebei.values())
    towns = cited_across(out, 1, level="township").values()
    assert towns and {r["cited_by"] for r in towns} == {"大盛镇"}
    in_2024 = cited_across(out, 1, year=2024).values()
    assert in_2024 and {r["cited_by"] for r in in_2024} == {"甘谷县"}
    # a filter that nothing passes gives nothing, not everything
    assert cited_across(out, 1, province="广东省").values() == []


def test_reports_and_citations_take_the_same_filters(seed_build):
    out = seed_build[0]
    henan = run_named(out, "reports", {"province": "河南省"}).values()
    assert [r["doc"] for r in henan] == [LUANCHUAN]
    gansu_2024 = run_named(out, "reports", {"year": 2024}).values()
    assert [r["doc"] for r in gansu_2024] == [GANGU]
    cites = run_named(out, "citations-of", {"title": "宪法", "year": 2021}).values()
    assert cites and {r["doc"] for r in cites} == {WUJI}
