"""The catalogue of cited documents and the title-form classifier."""

from __future__ import annotations

import re

import pytest

from kg.resolve.catalog import Catalog, classify_title
from kg.resolve.kinds import KINDS, load_rules


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_national_law_gets_prefix(catalog: Catalog) -> None:
    entry = catalog.lookup("行政处罚法")
    assert entry is not None
    assert entry.kind == "法律"
    assert entry.name == "中华人民共和国行政处罚法"
    assert entry.issuer == "全国人民代表大会常务委员会"
    assert catalog.lookup("中华人民共和国行政处罚法") == entry
    assert catalog.lookup("《中華人民共和國行政處罰法》") == entry


def test_constitution(catalog: Catalog) -> None:
    entry = catalog.lookup("中华人民共和国宪法")
    assert entry is not None
    assert (entry.kind, entry.name, entry.issuer) == (
        "宪法",
        "中华人民共和国宪法",
        "全国人民代表大会",
    )


def test_xinfang_regulation_2023_is_the_expired_2005_one(catalog: Catalog) -> None:
    # 信访条例 (国务院, 2005) was replaced by the 2022 信访工作条例, a different title.
    entry = catalog.lookup("信访条例", year=2023)
    assert entry is not None
    assert entry.kind == "行政法规"
    assert entry.published == "2005-01-10"
    assert entry.expired is True
    newer = catalog.lookup("信访工作条例", year=2023)
    assert newer is not None and newer.key != entry.key
    assert (newer.kind, newer.issuer, newer.valid_from) == (
        "党内法规",
        "中共中央、国务院",
        "2022-05-01",
    )


def test_versions_by_year(catalog: Catalog) -> None:
    old = catalog.lookup("行政复议法", year=2020)
    new = catalog.lookup("行政复议法", year=2024)
    assert old is not None and new is not None
    assert old.published == "2017-09-01" and new.published == "2023-09-01"
    assert catalog.lookup("行政复议法") == new
    rule = catalog.lookup("中国共产党纪律处分条例", year=2021)
    assert rule is not None and rule.published.startswith("2018")
    assert catalog.lookup("中国共产党纪律处分条例", year=2024).published.startswith("2023")


def test_party_regulation(catalog: Catalog) -> None:
    entry = catalog.lookup("中国共产党纪律处分条例")
    assert entry is not None
    assert entry.kind == "党内法规"
    assert entry.issuer == "中共中央"


def test_outline_2021_edition(catalog: Catalog) -> None:
    entry = catalog.lookup("法治政府建设实施纲要（2021-2025年）")
    assert entry is not None
    assert entry.kind == "规划纲要"
    assert entry.issuer == "中共中央、国务院"
    assert entry.published == "2021-08-11"
    older = catalog.lookup("法治政府建设实施纲要(2015—2020年)")
    assert older is not None and older.key != entry.key
    # Cited without edition years: the edition whose range covers the year.
    assert catalog.lookup("法治政府建设实施纲要", year=2023) == entry
    assert catalog.lookup("法治政府建设实施纲要", year=2017) == older
    assert catalog.lookup("法治政府建设实施纲要") is None


def test_short_names_resolve(catalog: Catalog) -> None:
    entry = catalog.lookup("“八五”普法规划")
    assert entry is not None
    assert entry.name.startswith("中央宣传部、司法部关于开展法治宣传教育的第八个五年规划")
    assert catalog.lookup("“八五”普法规划(2021—2025)") == entry
    assert catalog.lookup("八五普法规划") == entry
    assert catalog.lookup("七五普法规划") != entry


def test_policy_rows_are_valid(catalog: Catalog) -> None:
    assert all(e.kind in KINDS for e in catalog.entries)
    assert catalog.lookup("习近平法治思想学习纲要").kind == "出版物作品"
    assert catalog.lookup("法治社会建设实施纲要(2020—2025年)").issuer == "中共中央"
    assert catalog.lookup("重大行政决策程序暂行条例").kind == "行政法规"
    assert catalog.lookup("民法典").issuer == "全国人民代表大会"


def test_local_regulation_issuer(catalog: Catalog) -> None:
    local = [e for e in catalog.entries if e.kind == "地方性法规" and e.name.startswith("上海市")]
    assert local
    assert all(e.scope == "上海市" for e in local)
    assert all(e.issuer.startswith("上海市人民代表大会") for e in local)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2021年无极县法治政府建设工作要点", "工作要点计划"),
        ("无极县2021年政务公开工作要点", "工作要点计划"),
        ("全县2024年普法依法治理工作要点", "工作要点计划"),
        ("2024年县政府领导干部学法计划", "工作要点计划"),
        ("渝北区贯彻落实〈重庆市法治政府建设实施方案(2021-2025年)〉任务分工表", "工作要点计划"),
        ("政务服务“跨省通办”联动机制合作框架协议", "协议"),
        (
            "始终尊崇法治厉行法治 一以贯之坚持依法办事依法治理--习近平法治思想正定溯源",
            "出版物作品",
        ),
        ("无极县保留证明事项基本目录", "规范性文件"),
        ("无极县第一批实行告知承诺制证明事项目录", "规范性文件"),
        ("甘谷县党政主要负责人履行推进法治建设第一责任人职责清单", "规范性文件"),
        ("市场监督管理领域首次轻微违法行为免罚清单", "规范性文件"),
        ("关于开展“1名法律顾问”+N名“法律明白人”行动的通知", "规范性文件"),
        ("加强全县乡镇法治建设的意见(试行)", "规范性文件"),
        ("无极县重大行政决策实施后评估制度", "规范性文件"),
        ("固安县重大行政决策程序暂行规定", "规范性文件"),
        ("甘谷县县级储备粮管理办法", "规范性文件"),
        ("关于规范提升乡镇执法工作的实施方案", "规范性文件"),
        ("天水市海绵城市建设管理条例", "地方性法规"),
        ("河北省重大行政决策程序暂行办法", "地方政府规章"),
        ("重庆市重大行政决策程序规定", "地方政府规章"),
        ("河北省有限空间作业安全管理规定", "地方政府规章"),
        ("固安县法治政府建设实施方案(2022-2025年)", "规划纲要"),
        ("无极县法治政府建设实施方案（2021—2025年）", "规划纲要"),
        ("法治固安建设规划(2021-2025年)", "规划纲要"),
        ("中国共产党宣传工作条例", "党内法规"),
        ("2023年法治政府建设情况报告", "报告"),
    ],
)
def test_classify_seed_titles(title: str, kind: str) -> None:
    assert classify_title(title) == kind


def test_rule_table_loads() -> None:
    rules = load_rules()
    assert len(rules) > 10
    assert all(kind in KINDS for _pattern, kind, _note in rules)
    # Every {MACRO} was expanded.
    assert not any(re.search(r"\{[A-Z]+\}", p.pattern) for p, _kind, _note in rules)


def test_unquoted_terms(catalog: Catalog) -> None:
    terms = catalog.unquoted_terms()
    assert terms["行政处罚法"] == "行政处罚法"
    assert terms["中华人民共和国行政处罚法"] == "行政处罚法"
    assert terms["民法典"] == "民法典"
    assert terms["宪法"] == "宪法"
    assert terms["“八五”普法规划"] == catalog.lookup("八五普法规划").key
    assert "条例" not in terms
    assert "实施办法" not in terms
    assert all(len(t) >= 3 or t in {"宪法", "党章"} for t in terms)


def test_common_misquotes_resolve(catalog: Catalog) -> None:
    # Seen in the seeds: a wrong edition range and an inserted 政府.
    assert (
        catalog.lookup("法治社会建设实施纲要(2021—2025)").name
        == "法治社会建设实施纲要（2020—2025年）"
    )
    assert catalog.lookup("党政主要负责人履行推进法治政府建设第一责任人职责规定").name == (
        "党政主要负责人履行推进法治建设第一责任人职责规定"
    )


def test_central_office_documents(catalog: Catalog) -> None:
    entry = catalog.lookup("关于全面推行行政规范性文件合法性审核机制的指导意见")
    assert entry is not None and entry.issuer == "国务院办公厅"
    assert catalog.lookup("关于加强社会主义法治文化建设的意见").kind == "规范性文件"
