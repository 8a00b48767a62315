"""Cited documents on the seeds: one entity per document, kinds, issuers, implementation links."""

from __future__ import annotations

import pytest

from kg.query import cited_across, query, run_named
from kg.resolve.families import implemented_by_family
from kg.resolve.titles import canonical_title
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, WUJI


@pytest.fixture(scope="module")
def cited(seed_build):
    """(doc, surface) -> resolved regulation entity, over the five seeds."""
    _out, result = seed_build
    table = {}
    for rd in result.documents:
        for r in rd.mentions:
            if r.mention.type == "regulation":
                table.setdefault((rd.document.name, r.mention.surface), r)
    return table


def entity(cited, doc, surface):
    return cited[(doc, surface)].entity


def test_three_spellings_of_the_2021_outline_are_one(cited) -> None:
    spellings = [
        (DASHENG, "《法治政府建设实施纲要(2021—2025年)》"),
        (WUJI, "《法治政府建设实施纲要（2021-2025年）》"),
        (LUANCHUAN, "《法治政府建设实施纲要(2021—2025)》"),
    ]
    entities = {entity(cited, d, s).iri for d, s in spellings}
    assert len(entities) == 1
    e = entity(cited, *spellings[0])
    assert (e.label, e.attr("kind"), e.attr("issuer")) == (
        "法治政府建设实施纲要（2021—2025年）",
        "规划纲要",
        "中共中央、国务院",
    )


def test_prc_prefix_and_unquoted_form_are_one(cited) -> None:
    quoted = entity(cited, DASHENG, "《行政处罚法》")
    assert quoted.label == "中华人民共和国行政处罚法"
    assert entity(cited, WUJI, "行政处罚法").iri == quoted.iri
    assert cited[(WUJI, "行政处罚法")].mention.attr("quoted") == "0"
    assert entity(cited, WUJI, "《中华人民共和国宪法》").iri == entity(cited, WUJI, "宪法").iri


def test_short_form_in_001(cited) -> None:
    e = entity(cited, DASHENG, "《实施办法》")
    assert e.label == "党政主要负责人履行推进法治建设第一责任人职责实施办法"
    assert (
        e.iri
        == entity(cited, DASHENG, "《党政主要负责人履行推进法治建设第一责任人职责实施办法》").iri
    )


def test_revised_safety_law_is_the_national_law(cited) -> None:
    r = cited[(WUJI, "《安全生产法》")]
    assert r.mention.attr("version") == "2021年修订版"
    assert (r.entity.label, r.entity.attr("kind"), r.entity.attr("scope")) == (
        "中华人民共和国安全生产法",
        "法律",
        "national",
    )


def test_nested_titles_are_entities(cited) -> None:
    inner = entity(cited, DASHENG, "〈重庆市法治政府建设实施方案(2021-2025年)〉")
    assert inner.iri == entity(cited, DASHENG, "《重庆市法治政府建设实施方案(2021—2025年)》").iri
    assert entity(cited, WUJI, "<行政执法事项清单>").label == "行政执法事项清单"
    assert entity(cited, GANGU, "〈甘肃省新时代法治人才培养实施方案〉").attr("kind") == "规范性文件"


def test_misquoted_editions_of_catalogued_plans(cited) -> None:
    # 003 writes 法治社会建设实施纲要(2021—2025); the only edition is 2020—2025.
    e = entity(cited, LUANCHUAN, "《法治社会建设实施纲要(2021—2025)》")
    assert e.label == "法治社会建设实施纲要（2020—2025年）"
    # 001 writes 推进法治政府建设第一责任人; the 2016 规定 says 推进法治建设.
    e = entity(cited, DASHENG, "《党政主要负责人履行推进法治政府建设第一责任人职责规定》")
    assert e.label == "党政主要负责人履行推进法治建设第一责任人职责规定"


GOV = "https://w3id.org/fazhi-kg/gov/"

# (doc, surface, kind, issuing organ IRI or None for national / unknown)
SEED_KINDS = [
    (GUAN, "《法治固安建设规划(2021-2025年)》", "规划纲要", None),
    (GUAN, "《固安县法治政府建设实施方案(2022-2025年)》", "规划纲要", GOV + "131022"),
    (GUAN, "《固安县重大行政决策程序暂行规定》", "规范性文件", GOV + "131022"),
    (GUAN, "《固安县行政执法监督实施办法》", "规范性文件", GOV + "131022"),
    (DASHENG, "《重庆市法治政府建设实施方案(2021—2025年)》", "规划纲要", GOV + "500000"),
    (DASHENG, "《重庆市重大行政决策程序规定》", "地方政府规章", GOV + "500000"),
    (DASHENG, "《渝北区重大行政决策程序实施办法》", "规范性文件", GOV + "500112"),
    (DASHENG, "《优化营商环境条例》", "行政法规", None),
    (DASHENG, "《行政复议法实施条例》", "行政法规", None),
    (DASHENG, "《信访条例》", "行政法规", None),
    (DASHENG, "《中华人民共和国政府信息公开条例》", "行政法规", None),
    (WUJI, "《2021年无极县法治政府建设工作要点》", "工作要点计划", GOV + "130130"),
    (WUJI, "《河北省有限空间作业安全管理规定》", "地方政府规章", GOV + "130000"),
    (WUJI, "《中国共产党组织工作条例》", "党内法规", None),
    (WUJI, "《中国共产党纪律处分条例》", "党内法规", None),
    (WUJI, "《政务服务“跨省通办”联动机制合作框架协议》", "协议", None),
    (WUJI, "《重大行政决策程序暂行条例》", "行政法规", None),
    (WUJI, "《河北省重大行政决策程序暂行办法》", "地方政府规章", GOV + "130000"),
    (WUJI, "《石家庄市行政机关负责人出庭应诉规定》", "地方政府规章", GOV + "130100"),
    (WUJI, "《中华人民共和国宪法》", "宪法", None),
    (LUANCHUAN, "《“八五”普法规划(2021—2025)》", "规划纲要", None),
    (GANGU, "《天水市海绵城市建设管理条例》", "地方性法规", GOV + "620500-congress"),
    (GANGU, "《中华人民共和国黄河保护法》", "法律", None),
    (GANGU, "《2024年县政府领导干部学法计划》", "工作要点计划", GOV + "620523"),
    (GANGU, "《全县2024年普法依法治理工作要点》", "工作要点计划", GOV + "620523"),
    (GANGU, "《甘谷县县级储备粮管理办法》", "规范性文件", GOV + "620523"),
]


@pytest.mark.parametrize(("doc", "surface", "kind", "issuer"), SEED_KINDS)
def test_seed_kinds_and_issuers(cited, doc, surface, kind, issuer) -> None:
    e = entity(cited, doc, surface)
    assert e.attr("kind") == kind
    assert e.attr("issuer_iri") == issuer


def test_national_documents_name_their_issuer(cited) -> None:
    assert entity(cited, DASHENG, "《优化营商环境条例》").attr("issuer") == "国务院"
    assert entity(cited, WUJI, "《中国共产党组织工作条例》").attr("issuer") == "中共中央"


def test_local_generic_titles_are_scoped_to_their_government(cited) -> None:
    e = entity(cited, GANGU, "《全县2024年普法依法治理工作要点》")
    assert e.key.startswith("620523|") and e.attr("scoped_to") == "620523"
    # Titles that name their place are not scoped: another report may cite them too.
    assert "|" not in entity(cited, WUJI, "《2021年无极县法治政府建设工作要点》").key


def test_families() -> None:
    assert implemented_by_family("渝北区重大行政决策程序实施办法") == "重大行政决策程序暂行条例"
    assert implemented_by_family("固安县法治政府建设实施方案(2022-2025年)") == (
        "法治政府建设实施纲要（2021—2025年）"
    )
    assert implemented_by_family("法治政府建设实施纲要（2021—2025年）") is None
    assert implemented_by_family("固安县行政执法监督实施办法") is None


def test_places_that_localised_the_decision_regulation(seed_build) -> None:
    out, _ = seed_build
    rows = run_named(out, "localised", {"title": "重大行政决策程序暂行条例"}).values()
    assert {(r["place"], r["localTitle"]) for r in rows} == {
        ("河北省", "河北省重大行政决策程序暂行办法"),
        ("重庆市", "重庆市重大行政决策程序规定"),
        ("渝北区", "渝北区重大行政决策程序实施办法"),
        ("固安县", "固安县重大行政决策程序暂行规定"),
        ("无极县", "无极县重大行政决策程序制度"),
    }


def test_places_that_localised_the_outline(seed_build) -> None:
    out, _ = seed_build
    # Any spelling of the canonical key works as the parameter.
    key = canonical_title("法治政府建设实施纲要(2021-2025年)")
    rows = run_named(out, "localised", {"title": key}).values()
    places = {r["place"] for r in rows}
    assert {"重庆市", "渝北区", "固安县", "无极县"} <= places
    # The 渝北区 task table implements the 重庆市 plan, which implements the 纲要.
    assert any(r["localTitle"].startswith("渝北区贯彻落实") for r in rows)


def test_cited_across_laws_and_regulations(seed_build) -> None:
    out, _ = seed_build
    rows = cited_across(out, 2, ["法律", "行政法规"]).values()
    titles = {r["title"]: r for r in rows}
    assert set(titles) == {"中华人民共和国民法典", "中华人民共和国行政处罚法"}
    assert titles["中华人民共和国行政处罚法"]["kind"] == "法律"
    assert set(titles["中华人民共和国行政处罚法"]["cited_by"].split("、")) == {"无极县", "大盛镇"}


def test_issuer_is_a_government_in_the_graph(seed_build) -> None:
    out, _ = seed_build
    rows = query(
        out,
        "SELECT DISTINCT ?gov WHERE { ?r schema:name ?n ; eli:passed_by ?gov . "
        "?gov a kg:Government "
        'FILTER(STR(?n) = "河北省重大行政决策程序暂行办法") }',
    ).values()
    assert rows == [{"gov": GOV + "130000"}]
