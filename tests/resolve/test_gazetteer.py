"""Tests of the offline gazetteer (kg/resolve/gazetteer.py, kg/data/divisions.tsv).

Expected codes and parents are the official GB/T 2260 / 民政部 ones; the Chongqing history follows
the 2025-11-06 adjustment (江北区 and 渝北区 abolished, 两江新区 set up, five northern 渝北 towns
moved to 北碚区).
"""

from __future__ import annotations

import pytest

from kg.resolve.gazetteer import Division, Gazetteer, _load_default


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def codes(divs: list[Division]) -> list[str]:
    return [d.code for d in divs]


@pytest.mark.parametrize(
    ("name", "chain"),
    [
        ("固安县", ["131022", "131000", "130000"]),
        ("无极县", ["130130", "130100", "130000"]),
        ("栾川县", ["410324", "410300", "410000"]),
        ("甘谷县", ["620523", "620500", "620000"]),
        ("惠民县", ["371621", "371600", "370000"]),
    ],
)
def test_county_chains(gaz: Gazetteer, name: str, chain: list[str]) -> None:
    (d,) = gaz.lookup(name)
    assert d.code == chain[0] and d.level == "county"
    assert codes(gaz.chain(d.code)) == chain
    assert gaz.resolve(name) == d


def test_chain_names(gaz: Gazetteer) -> None:
    assert [d.name for d in gaz.chain("131022")] == ["固安县", "廊坊市", "河北省"]
    assert [d.level for d in gaz.chain("131022")] == ["county", "prefecture", "province"]


def test_municipality_districts_sit_under_the_city(gaz: Gazetteer) -> None:
    assert codes(gaz.chain("110105")) == ["110105", "110000"]  # 朝阳区, 北京市
    assert gaz.get("500109").parent == "500000"  # 北碚区 under 重庆市
    assert codes(gaz.chain("500112", 2023)) == ["500112", "500000"]


def test_yubei_history(gaz: Gazetteer) -> None:
    yubei = gaz.get("500112", 2023)
    assert yubei is not None and yubei.name == "渝北区"
    assert yubei.valid_to == 2025
    assert gaz.get("500112", 2026) is None
    assert gaz.lookup("渝北区", 2026) == []
    assert gaz.get("500157", 2023) is None  # 两江新区 did not exist yet
    assert gaz.get("500157", 2026).name == "两江新区"


def test_parse_path_dasheng_2023(gaz: Gazetteer) -> None:
    path = gaz.parse_path("重庆市渝北区大盛镇", year=2023)
    assert [d.name for d in path] == ["重庆市", "渝北区", "大盛镇"]
    assert path[0].code == "500000"
    assert path[1].code == "500112"
    assert path[2].parent == "500112" and path[2].code.startswith("500112")


def test_parse_path_dasheng_now(gaz: Gazetteer) -> None:
    # without a year the former parent still leads to the former town
    assert codes(gaz.parse_path("重庆市渝北区大盛镇"))[1] == "500112"
    assert codes(gaz.parse_path("重庆市北碚区大盛镇")) == ["500000", "500109", "500109125"]


def test_resolve_dasheng(gaz: Gazetteer) -> None:
    d = gaz.resolve("大盛镇", year=2023, context=["渝北区"])
    assert d is not None
    assert d.parent == "500112"
    assert d.code not in {"370784107", "431122111", "500109125"}
    assert gaz.resolve("大盛镇", year=2023, context=["500112"]) == d
    assert gaz.resolve("大盛镇") is None
    assert gaz.resolve("大盛镇", year=2023) is None
    assert gaz.resolve("大盛镇", context=["北碚区"]).code == "500109125"
    assert gaz.resolve("大盛镇", context=["370784"]).code == "370784107"
    assert gaz.resolve("大盛镇", context=["431122"]).code == "431122111"


def test_dasheng_lookup_by_year(gaz: Gazetteer) -> None:
    now = set(codes(gaz.lookup("大盛镇")))
    assert now == {"370784107", "431122111", "500109125"}
    then = set(codes(gaz.lookup("大盛镇", 2023)))
    assert {"370784107", "431122111"} <= then
    assert "500109125" not in then
    assert any(c.startswith("500112") for c in then)


def test_chengguan_needs_context(gaz: Gazetteer) -> None:
    cands = gaz.lookup("城关镇")
    assert len(cands) > 50
    assert gaz.resolve("城关镇") is None
    for town in cands[:: max(1, len(cands) // 10)]:
        county = gaz.get(town.parent)
        assert county is not None
        picked = gaz.resolve("城关镇", context=[county.name, "人民政府"])
        if len(gaz.lookup(county.name)) == 1:
            assert picked == town
        assert gaz.resolve("城关镇", context=[county.code]) == town


def test_chengguan_province_context_is_not_enough(gaz: Gazetteer) -> None:
    henan = [t for t in gaz.lookup("城关镇") if t.code.startswith("41")]
    assert len(henan) > 1
    assert gaz.resolve("城关镇", context=["河南省"]) is None


def test_homonym_counties(gaz: Gazetteer) -> None:
    assert set(codes(gaz.lookup("朝阳区"))) == {"110105", "220104"}
    assert gaz.resolve("朝阳区") is None
    assert gaz.resolve("朝阳区", context=["北京市"]).code == "110105"
    assert gaz.resolve("朝阳区", context=["长春市"]).code == "220104"
    assert codes(gaz.parse_path("吉林省长春市朝阳区")) == ["220000", "220100", "220104"]


def test_parse_paths(gaz: Gazetteer) -> None:
    assert codes(gaz.parse_path("河北省廊坊市固安县")) == ["130000", "131000", "131022"]
    assert codes(gaz.parse_path("山东省滨州市惠民县")) == ["370000", "371600", "371621"]
    assert codes(gaz.parse_path("河北廊坊固安")) == ["130000", "131000", "131022"]
    assert codes(gaz.parse_path("固安县人民政府")) == ["131022"]
    assert codes(gaz.parse_path("中共无极县委")) == ["130130"]
    assert codes(gaz.parse_path("吉林省吉林市")) == ["220000", "220200"]
    assert gaz.parse_path("人民政府") == []


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("固安县", "固安"),
        ("廊坊市", "廊坊"),
        ("内蒙古自治区", "内蒙古"),
        ("宁夏回族自治区", "宁夏"),
        ("广西壮族自治区", "广西"),
        ("新疆维吾尔自治区", "新疆"),
        ("西藏自治区", "西藏"),
        ("石柱土家族自治县", "石柱"),
        ("恩施土家族苗族自治州", "恩施"),
        ("北京市", "北京"),
        ("香港特别行政区", "香港"),
        ("神农架林区", "神农架"),
        ("锡林郭勒盟", "锡林郭勒"),
    ],
)
def test_short_names(gaz: Gazetteer, name: str, short: str) -> None:
    (d,) = [x for x in gaz.lookup(name) if x.name == name]
    assert short in gaz.short_names(d)
    assert d in gaz.lookup(short)


def test_short_names_never_one_character(gaz: Gazetteer) -> None:
    for d in gaz:
        for s in gaz.short_names(d):
            assert len(s) >= 2, (d, s)
    assert all(len(n) >= 2 for n in gaz.names())
    for generic in ("城区", "郊区", "矿区"):
        full = [d for d in gaz.lookup(generic) if d.name == generic]
        assert full
        for d in full:
            assert gaz.short_names(d) == []


def test_short_name_lookup_returns_all(gaz: Gazetteer) -> None:
    jilin = set(codes(gaz.lookup("吉林")))
    assert {"220000", "220200"} <= jilin
    assert gaz.resolve("吉林") is None


def test_names_and_get(gaz: Gazetteer) -> None:
    names = set(gaz.names())
    assert {"固安县", "固安", "渝北区", "大盛镇", "宁夏"} <= names
    assert gaz.get("nonexistent") is None
    assert gaz.chain("nonexistent") == []
    assert gaz.get("131022").name == "固安县"
    assert gaz.resolve("131022").name == "固安县"


def test_table_shape(gaz: Gazetteer) -> None:
    levels = {d.level for d in gaz}
    assert levels == {"province", "prefecture", "county", "township"}
    current = [d for d in gaz if d.current]
    assert sum(d.level == "province" for d in current) == 34  # 33 + 台湾省
    assert sum(d.level == "prefecture" for d in current) == 333
    for d in current:
        if d.parent:
            p = gaz.get(d.parent)
            assert p is not None, d
            assert p.current, d


def test_load_is_cached() -> None:
    # Its speed is a benchmark figure (benchmarks/), not a timed unit test.
    assert Gazetteer.load() is Gazetteer.load()
    _load_default.cache_clear()
    gaz = Gazetteer.load()
    assert len(gaz) > 40_000 and gaz is Gazetteer.load()


def test_stored_short_names_follow_the_rule() -> None:
    """The table's precomputed short_names column is what short_names_of derives."""
    from importlib import resources

    from kg.resolve.gazetteer import short_names_of

    text = resources.files("kg").joinpath("data/divisions.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].split("\t")[-1] == "short_names"
    for line in lines[1:]:
        f = line.split("\t")
        assert f[8] == ";".join(short_names_of(f[2], f[3])), f


def test_organ_words_are_not_read_as_short_place_names() -> None:
    # 人民 is the short name of 广州's 人民街道, and the first word of 人民政府.
    g = Gazetteer.load()
    assert [d.name for d in g.parse_path("广东省人民政府", 2023)] == ["广东省"]
    assert [d.name for d in g.parse_path("广州市人民法院", 2023)] == ["广州市"]
    assert g.parse_path("广州市越秀区人民街道", 2023)[-1].code == "440104010"


def test_no_name_is_a_bare_level_word_or_a_common_word(gaz) -> None:
    # A row named just 街道 made every 街道司法所 a township of 唐山高新区 (issue 11).
    bare = set("省 市 区 县 州 盟 旗 镇 乡 街道 地区 苏木 办事处 街道办事处".split())
    common = {"人民", "政府", "社区", "中心", "委员会", "法治", "建设", "司法所", "部门"}
    names = set(gaz.names())
    assert not names & bare
    assert not names & common


def test_the_wuji_seed_names_no_township_of_tangshan(seed_build) -> None:
    out, _ = seed_build
    graph = (out / "graph.nt").read_text(encoding="utf-8")
    assert "division/130273" not in graph  # 唐山高新技术产业开发区 and its towns


def test_autonomous_prefectures_and_counties_by_their_standard_abbreviations(gaz) -> None:
    assert codes(gaz.lookup("黔东南州")) == ["522600"]
    assert codes(gaz.lookup("湘西州")) == ["433100"]
    assert codes(gaz.lookup("镇宁自治县")) == ["520423"]


def test_rows_named_only_by_a_kind_of_zone_are_not_looked_up_by_name(gaz: Gazetteer) -> None:
    # The statistics tables' 经济开发区, 工业园区管委会 … of many counties: common words,
    # not places; a zone named with its place (河北唐山芦台经济开发区) still is one.
    zones = ("经济开发区", "经济开发区管委会", "工业园区", "开发区", "高新区")
    for word in (*zones, "林业局", "种畜场"):
        assert gaz.lookup(word, 2023) == [], word
    assert [d.code for d in gaz.lookup("河北唐山芦台经济开发区", 2023)] == ["130271"]
