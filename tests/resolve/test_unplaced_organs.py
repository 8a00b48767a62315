"""Organs named by their level alone (县委, 县政府, 全市) in reports whose author has no place,
and the places a text names that tell whose report it is (kg/resolve/places.py,
kg/resolve/authors.py).  The snippets follow the shapes of real report openings."""

from __future__ import annotations

from kg.extract import extract_all
from kg.model import Document, DocumentMeta
from kg.resolve.authors import resolve_authorship, text_places
from kg.resolve.document import resolve_document


def _doc(text: str, sha1: str = "0" * 40, year: int = 2023) -> Document:
    return Document("x.txt", "x.txt", text, sha1, "txt", "utf-8", DocumentMeta(year=year))


def _governments(doc: Document, resources, lexicons) -> list[tuple[str, str]]:
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    return [
        (r.mention.surface, r.entity.label) for r in rd.mentions if r.mention.type == "government"
    ]


def test_a_town_the_text_does_not_place_keeps_its_superiors_unnamed(resources, lexicons) -> None:
    # 七里乡's report names neither its county nor its province: the county's organs are
    # labelled by their level alone, the township's own by its name, none is guessed.
    text = (
        "2023年,七里乡在县委、县政府正确领导下,深入推进法治政府建设。\n"
        "乡党委、政府始终把法治政府建设工作摆在重要位置,全乡法治意识不断提升。\n"
    )
    assert _governments(_doc(text), resources, lexicons) == [
        ("七里乡", "七里乡人民政府"),
        ("县委", "中共县委员会"),
        ("县政府", "县人民政府"),
        ("乡党委", "中共七里乡委员会"),
        ("政府", "七里乡人民政府"),
        ("全乡", "七里乡人民政府"),
    ]


def test_without_an_author_relative_organs_belong_to_their_report_only(resources, lexicons) -> None:
    text = "2024年,我局在市委市政府的正确领导下,紧紧围绕全市水利改革发展目标,推进依法行政。\n"
    one = _doc(text, "1" * 40)
    rd = resolve_document(one, extract_all(one, lexicons), resources)
    assert rd.author == ()
    labels = {r.mention.surface: r.entity for r in rd.mentions if r.mention.type == "government"}
    assert labels["市委"].label == "中共市委员会"
    assert labels["市政府"].label == labels["全市"].label == "市人民政府"
    # two reports' 市政府 may be two cities: one entity per report, never merged
    two = _doc(text, "2" * 40)
    other = resolve_document(two, extract_all(two, lexicons), resources)
    iris = {r.entity.iri for r in other.mentions if r.mention.surface == "市政府"}
    assert iris and iris.isdisjoint({labels["市政府"].iri})


def test_a_homonym_town_is_read_by_the_city_the_text_names(resources) -> None:
    # 洪梅镇 is a town of 东莞 and one of 福建: 法治东莞 tells which
    text = "2022年,我镇紧扣《法治东莞建设规划》的要求推进法治建设,洪梅镇委全面依法治镇委员会统筹。"
    gz = resources.gazetteer
    counts = text_places(text, gz, 2022).counts
    assert {gz.get(c).name for c in counts} == {"东莞市", "洪梅镇"}
    assert [gz.get(c).parent for c in counts if gz.get(c).name == "洪梅镇"] == ["441900"]


def test_a_province_named_bare_tells_whose_report_it_is(resources) -> None:
    # no title, 全省 and 省政府 only; the province is named in its paper and TV station
    text = (
        "2023年,全省法治政府建设工作坚持以习近平法治思想为指导,全省法治政府建设取得新成效。"
        "省政府党组带头学法。在《甘肃日报》开设专栏,在甘肃卫视播出节目。\n"
    )
    a = resolve_authorship(_doc(text), resources)
    assert [o.division.name for o in a.organs] == ["甘肃省"]


def test_a_department_that_says_we_is_not_its_province(resources) -> None:
    # 我局 without its name: the report is a department's, so 全省 (twice) must not make the
    # province its author; the report is left without author rather than given a wrong one
    text = (
        "2024年,我局认真贯彻落实市局党组和区委、区政府法治建设部署要求。2024年,分局被省"
        "自然资源厅评为全省自然资源系统法治建设优秀单位、全省主题宣传优秀组织单位,江苏承匠"
        "律师事务所担任法律顾问。\n"
    )
    assert resolve_authorship(_doc(text, year=2024), resources).organs == ()


def test_a_county_named_by_its_short_name_in_a_compound(resources, lexicons) -> None:
    # 法治嘉定 in 嘉定区's report is the district; 法治思想 names no place, and the short name
    # of a place off the author's chain (法治西兴 here) is not read
    text = (
        "2023年,嘉定区坚持以习近平法治思想为指导,加快建设更高水平法治嘉定。学习借鉴法治西兴经验。\n"
    )
    assert _governments(_doc(text), resources, lexicons) == [
        ("嘉定区", "嘉定区人民政府"),
        ("嘉定", "嘉定区人民政府"),
    ]


def test_a_province_short_name_that_towns_share_means_the_province(resources, lexicons) -> None:
    # 上海 is also a street of 福州 and 江西 a town and a street: bare, they are the province
    # (a town is named by its short name only in its own report); 河北 is also 天津's 河北区,
    # so bare 河北 outside 河北省's own reports stays unresolved
    text = "2023年,长宁区贯彻落实习近平总书记考察上海重要讲话精神,学习借鉴江西、河北经验。\n"
    assert _governments(_doc(text), resources, lexicons) == [
        ("长宁区", "长宁区人民政府"),
        ("上海", "上海市人民政府"),
        ("江西", "江西省人民政府"),
    ]


def test_a_repeated_title_line_and_sister_site_rows_are_not_mentions(resources, lexicons) -> None:
    # the page repeats the title under its chrome; the guide annotates neither
    text = (
        "中国政府网 | 重庆市人民政府网 | 重庆市万州区人民政府网\n"
        "重庆市万州区余家镇人民政府关于2025年法治政府建设情况的报告\n"
        "重庆市万州区余家镇人民政府  关于2025年法治政府建设情况的报告\n"
        "2025年,余家镇在区委、区政府的坚强领导下,推进法治政府建设。\n"
    )
    assert [s for s, _ in _governments(_doc(text, year=2025), resources, lexicons)] == [
        "余家镇",
        "区委",
        "区政府",
    ]


def test_we_district_is_the_district_its_named_towns_lie_in(resources) -> None:
    # no title and no district name: 我区, and two of its towns named in the text
    text = (
        "2024年,在市委、市政府正确领导下,我区坚持以习近平法治思想为指导,推进依法行政。"
        "全区各级党委(党组)专题学法。组织盐渎街道、郭猛镇主要负责人开展专题述法。\n"
    )
    a = resolve_authorship(_doc(text, year=2024), resources)
    gz = resources.gazetteer
    assert [d.name for d in gz.chain(a.division.code, 2024)] == ["盐都区", "盐城市", "江苏省"]


def test_towns_of_two_districts_name_no_author(resources) -> None:
    # 郭猛镇 (盐都区) and 伍佑街道 (亭湖区): the towns do not agree, so no district is guessed
    text = (
        "2024年,在市委、市政府正确领导下,我区坚持以习近平法治思想为指导,推进依法行政。"
        "全区各级党委(党组)专题学法。组织郭猛镇、伍佑街道主要负责人开展专题述法。\n"
    )
    assert resolve_authorship(_doc(text, year=2024), resources).organs == ()


def test_a_title_split_over_two_lines_and_a_dated_byline_are_not_mentions(
    resources, lexicons
) -> None:
    text = (
        "四川省交通运输厅\n"
        "2025年法治政府建设情况报告\n"
        "2023-12-29 09:36    四川省人民政府    浏览次数:\n"
        "2025年,四川省交通运输厅会同省高级人民法院开展执法监督。\n"
    )
    assert [s for s, _ in _governments(_doc(text, year=2025), resources, lexicons)] == [
        "省高级人民法院"
    ]


def test_an_index_number_places_a_town_the_text_does_not(resources) -> None:
    # 羊庄镇 is one town, but the text names none of its parents; the disclosure page's index
    # number begins with 370481, the code of 滕州市 that published it
    text = (
        "- 索 引 号:370481/2026-00158\n- 发布机构:羊庄镇\n羊庄镇2025年法治政府建设报告\n"
        "2025年以来,羊庄镇坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政。\n"
    )
    a = resolve_authorship(_doc(text, year=2025), resources)
    gz = resources.gazetteer
    assert [d.name for d in gz.chain(a.division.code, 2025)] == [
        "羊庄镇",
        "滕州市",
        "枣庄市",
        "山东省",
    ]


def test_a_short_name_on_the_authors_chain_is_the_authors_place(resources, lexicons) -> None:
    # 天水 is also a town of 天水市 itself; in the city's report 法治天水 is the city
    text = "2025年,天水市坚持依法行政,开展“建设更高水平法治天水”主题征文活动。\n"
    assert _governments(_doc(text, year=2025), resources, lexicons) == [
        ("天水市", "天水市人民政府"),
        ("天水", "天水市人民政府"),
    ]


def test_without_an_author_a_relative_organ_takes_the_one_place_of_its_level_named(
    resources, lexicons
) -> None:
    # the author (我局) stays unknown, but the text names 遂宁市 and no other city
    text = (
        "2022年,我局在市委、市政府的正确领导下,深入践行习近平法治思想。"
        "我局承办了遂宁市法治政府建设工作推进会。\n"
    )
    got = dict(_governments(_doc(text, year=2022), resources, lexicons))
    assert got["市委"] == "中共遂宁市委员会"
    assert got["市政府"] == "遂宁市人民政府"


def test_without_an_author_a_province_holding_every_place_named_is_the_provinces(
    resources, lexicons
) -> None:
    # 我局 stays unknown; the text names no province but 遂宁市 and 射洪市, both Sichuan's:
    # 省委 is 四川's.  A city elsewhere (遵义市) leaves it open.
    text = (
        "2022年,我局在省委、市委的正确领导下,深入践行习近平法治思想。"
        "我局承办了遂宁市法治政府建设工作推进会,指导射洪市开展示范创建。\n"
    )
    got = dict(_governments(_doc(text, year=2022), resources, lexicons))
    assert got["省委"] == "中共四川省委员会"
    elsewhere = text.replace("射洪市", "遵义市")
    got = dict(_governments(_doc(elsewhere, year=2022), resources, lexicons))
    assert got["省委"] == "中共省委员会"


def test_a_county_whose_text_names_only_its_province_is_placed_that_far(
    resources, lexicons
) -> None:
    # 我县 in a report that never names its county and names 安徽 only: the author is a county
    # government within 安徽省 — certain that far and no further, never a guessed county.
    text = (
        "2020年,在市委市政府的坚强领导下,我县坚持以习近平新时代中国特色社会主义思想为指导,"
        "深入贯彻落实习近平总书记考察安徽重要讲话和指示精神,全县法治政府建设取得了新成效。\n"
        "一、主要做法\n我县制定了法治政府建设实施方案,县政府常务会议专题研究法治工作。\n"
    )
    doc = _doc(text, year=2020)
    a = resolve_authorship(doc, resources)
    assert a.division is None
    assert [(o.label, o.within) for o in a.organs] == [("县人民政府", "340000")]
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    assert [e.label for e in rd.author] == ["县人民政府"]
    assert rd.author[0].attr("within") == "340000"
    # the 我县 of this report and of another such report are two counties, not one entity
    other = resolve_document(_doc(text, sha1="1" * 40, year=2020), [], resources)
    assert other.author[0].iri != rd.author[0].iri


def test_a_county_is_not_left_at_its_province_when_the_text_names_a_city_too(resources) -> None:
    # 我县 with 安徽 and 六安市 named: the province is not all the text says, so no
    # province-only author is made from it (the county is still unknown).
    text = (
        "2020年,在市委市政府的坚强领导下,我县坚持以习近平新时代中国特色社会主义思想为指导,"
        "深入贯彻落实习近平总书记考察安徽重要讲话精神,积极参与六安市法治政府建设示范创建。\n"
        "我县制定了法治政府建设实施方案。\n"
    )
    a = resolve_authorship(_doc(text, year=2020), resources)
    assert all(not o.within for o in a.organs)


def test_without_an_author_a_department_named_after_its_district_is_that_districts(
    resources, lexicons
) -> None:
    # A city bureau's report that says only 我局: the district bureaus it names with their
    # district's full name belong to those districts (海珠区人社局 -> 海珠区人力资源和社会保障局).
    text = (
        "2023年,在市委、市政府的正确领导下,我局坚持以习近平新时代中国特色社会主义思想为指导,"
        "扎实推进法治人社建设。积极支持各区人社部门创先争优,海珠区人社局获评全国先进集体,"
        "黄埔区人社局获评省级先进单位。\n"
    )
    doc = _doc(text)
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    found = [
        (r.mention.surface, r.entity.label) for r in rd.mentions if r.mention.type == "institution"
    ]
    assert ("海珠区人社局", "海珠区人力资源和社会保障局") in found
    assert ("黄埔区人社局", "黄埔区人力资源和社会保障局") in found


def test_a_title_broken_inside_its_words_is_not_a_mention(resources, lexicons) -> None:
    # Pages break a long title anywhere (…关于2023年度法治政府建设 / 工作的报告); the title
    # still names its author and is left out, as a title on one line is.
    text = (
        "上海市宝山区人民政府关于法治政府\n"
        "建设情况报告\n"
        "2023年,宝山区政府在市委、市政府的坚强领导下,推进法治政府建设。\n"
    )
    found = [s for s, _ in _governments(_doc(text), resources, lexicons)]
    assert found == ["宝山区政府", "市委", "市政府"]


def test_a_name_line_above_a_title_that_ends_in_qingkuang_is_part_of_the_title(
    resources, lexicons
) -> None:
    text = (
        "通城镇人民政府\n"
        "2025年法治政府建设情况\n"
        "2025年,通城镇坚持以习近平法治思想为指导,全镇法治建设稳步推进。\n"
    )
    doc = Document(
        "x.txt",
        "x.txt",
        text,
        "0" * 40,
        "txt",
        "utf-8",
        DocumentMeta(title="2025年法治政府建设情况", year=2025),
    )
    assert [s for s, _ in _governments(doc, resources, lexicons)] == ["通城镇", "全镇"]


def test_the_short_name_of_an_unplaced_town_author_is_the_author(resources, lexicons) -> None:
    # 大顺镇 is one town but the text names none of its parents: the author keeps its name
    # unplaced, and 法治大顺 names that same author (not a guessed town elsewhere).
    text = (
        "2025年,大顺镇人民政府在县委、县政府的坚强领导下,深入学习贯彻习近平法治思想,"
        "以建设法治大顺为目标,将法治政府建设贯穿全镇工作各领域。\n"
    )
    found = _governments(_doc(text, year=2025), resources, lexicons)
    assert ("大顺", "大顺镇人民政府") in found
    assert resolve_authorship(_doc(text, year=2025), resources).division is None


def test_a_city_whose_name_holds_a_level_character_is_counted_after_any_word(resources) -> None:
    # 沧州市, 镇江市, 贵州省 hold a level character inside their names (州, 镇): after a word
    # (与沧州市, 在镇江市) the place is still the whole name, counted once.
    gz = resources.gazetteer
    text = "与沧州市签订协议,在镇江市交流,赴贵州省考察,学习广州市经验。"
    counts = text_places(text, gz, 2023).counts
    assert sorted(gz.get(c).name for c in counts) == ["广州市", "沧州市", "贵州省", "镇江市"]
    assert set(counts.values()) == {1}


def test_two_partner_cities_named_once_each_do_not_make_wo_shi_either(resources) -> None:
    # 我市 with 沧州市 and 衡水市 named once each (agreements): which city wrote is not said.
    text = (
        "2023年,我市坚持以习近平法治思想为指导,与沧州市、衡水市签订合作协议。我市被评为示范市。\n"
    )
    assert resolve_authorship(_doc(text), resources).organs == ()


def test_an_organ_name_alone_on_a_line_above_the_body_is_not_a_mention(resources, lexicons) -> None:
    # A speech to the congress opens with the speaker's name line (杭州市人民政府), like a
    # title; the same name in the body is a mention.
    text = (
        "关于杭州市2022年度法治政府建设情况的报告\n"
        "杭州市人民政府\n"
        "主任、副主任、秘书长、各位委员:\n"
        "2022年,杭州市人民政府坚持以习近平法治思想为指导,推进法治政府建设。\n"
    )
    found = [s for s, _ in _governments(_doc(text, year=2022), resources, lexicons)]
    assert found == ["杭州市人民政府"]
    start = text.index("2022年,杭州市")
    doc = _doc(text, year=2022)
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    assert [r.mention.start for r in rd.mentions if r.mention.type == "government"] == [start + 6]


def test_qu_dangwei_in_a_county_of_a_diqu_is_the_autonomous_regions(resources, lexicons) -> None:
    # A 地区 has its 地委 and 行署: 区党委 in 日土县's report is 西藏自治区's committee.
    text = (
        "日土县人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年,日土县认真贯彻落实党中央、区党委、地委关于法治建设的决策部署。\n"
    )
    found = dict(_governments(_doc(text), resources, lexicons))
    assert found["区党委"] == "中共西藏自治区委员会"
    assert found["地委"] == "中共阿里地区委员会"


def test_a_district_named_x_cheng_is_called_x_cheng(resources, lexicons) -> None:
    # 西城区 is no generic 城区: 西城 in 中国式现代化西城实践 is the district; 古城 (古城区 of
    # 丽江) is an ordinary word and names no district.
    gz = resources.gazetteer
    assert [d.code for d in gz.lookup("西城", 2024) if d.level == "county"] == ["110102"]
    assert not [d for d in gz.lookup("古城", 2024) if d.level == "county"]
    # 海城 stays 海城市's: 北海's 海城区 is not called so
    assert [d.name for d in gz.lookup("海城", 2024) if d.level == "county"] == ["海城市"]
    text = "2024年,西城区坚持依法行政,与居民共话中国式现代化西城实践。\n"
    assert _governments(_doc(text, year=2024), resources, lexicons) == [
        ("西城区", "西城区人民政府"),
        ("西城", "西城区人民政府"),
    ]


def test_a_streets_party_working_committee_named_alone_is_the_streets(resources, lexicons) -> None:
    # 党工委 alone in 七一路街道's report is its own committee; a zone's (开发区党工委) is not.
    text = "2023年,七一路街道坚持依法行政。全年组织党工委专题学习4次,开发区党工委参加。\n"
    assert _governments(_doc(text), resources, lexicons) == [
        ("七一路街道", "七一路街道办事处"),
        ("党工委", "中共七一路街道工作委员会"),
    ]
    # in a town's report 党工委 alone is nobody's the text makes certain
    town = "2023年,大盛镇坚持依法行政。全年组织党工委专题学习4次。\n"
    assert ("党工委", "中共大盛镇委员会") not in _governments(_doc(town), resources, lexicons)
    assert [s for s, _ in _governments(_doc(town), resources, lexicons)] == ["大盛镇"]


def test_an_unplaced_town_named_in_its_own_report_is_the_author(resources, lexicons) -> None:
    # 大顺镇 is a town of two provinces and the text names neither: its name is still its own.
    text = (
        "2025年,大顺镇坚持依法行政,推进法治政府建设。现将大顺镇2025年法治政府建设情况报告如下。\n"
        "大顺镇党委研究法治工作。\n"
    )
    assert _governments(_doc(text, year=2025), resources, lexicons) == [
        ("大顺镇", "大顺镇人民政府"),
        ("大顺镇", "大顺镇人民政府"),
        ("大顺镇党委", "中共大顺镇委员会"),
    ]


def test_a_two_character_county_is_named_in_its_own_report(resources, lexicons) -> None:
    # 赵县 stands as a word after punctuation, with its organ (赵县县委); 示范县 holds no 范县
    # and 市委和县委 no 和县; 黟县 is no place on 赵县's chain: nothing is guessed for it.
    text = (
        "2023年,赵县坚持依法行政。赵县县委研究部署,创建示范县,市委和县委高度重视。"
        "蒙城县、黟县入选。\n"
    )
    assert _governments(_doc(text), resources, lexicons) == [
        ("赵县", "赵县人民政府"),
        ("赵县县委", "中共赵县委员会"),
        ("市委", "中共石家庄市委员会"),
        ("县委", "中共赵县委员会"),
        ("蒙城县", "蒙城县人民政府"),
    ]


def test_a_joint_town_author_the_text_does_not_place_keeps_its_own_organs(
    resources, lexicons
) -> None:
    # 大顺镇党委、政府 report together and the text names no county: 全镇 and 镇党委 are still
    # the town's own (its government and its committee), not organs of an unnamed town
    text = (
        "2023年,在县委、县政府的正确领导下,大顺镇党委、政府坚持以习近平法治思想为指导,"
        "深入推进法治政府建设。\n全镇法治意识不断提升,镇党委定期研究法治建设工作。\n"
    )
    doc = _doc(text)
    authors = [o.label for o in resolve_authorship(doc, resources).organs]
    assert authors == ["中共大顺镇委员会", "大顺镇人民政府"]
    got = dict(_governments(doc, resources, lexicons))
    assert got["全镇"] == "大顺镇人民政府"
    assert got["镇党委"] == "中共大顺镇委员会"


def test_organs_named_without_their_place_are_the_authors_own(resources, lexicons) -> None:
    # the annotation guide: 党委 alone (召开党委会议), 人大 alone (自觉接受人大监督), 人大及其常委会
    # and 市委 before 巡察 (an activity, not a body) are organs of the author's place; the
    # formula 党委领导、人大监督、政府负责 names none
    text = (
        "2023年,固安县人民政府坚持依法行政。全年召开党委会议4次,自觉接受人大监督,"
        "依法接受县人大及其常委会监督,纳入县委巡察范围,形成党委领导、人大监督、政府负责的格局。\n"
    )
    assert _governments(_doc(text), resources, lexicons) == [
        ("固安县人民政府", "固安县人民政府"),
        ("党委", "中共固安县委员会"),
        ("人大", "固安县人民代表大会"),
        ("县人大", "固安县人民代表大会"),
        ("常委会", "固安县人民代表大会常务委员会"),
        ("县委", "中共固安县委员会"),
    ]


def test_a_region_named_alone_beside_other_organs_is_its_government(resources, lexicons) -> None:
    # 中央、自治区关于… in a county of 新疆: the autonomous region's government
    text = "2023年,博乐市人民政府全面落实中央、自治区关于法治政府建设的各项部署。\n"
    assert ("自治区", "新疆维吾尔自治区人民政府") in _governments(_doc(text), resources, lexicons)


def test_a_streets_office_named_after_its_party_committee(resources, lexicons) -> None:
    text = "2023年,田村路街道党工委办事处高度重视法治建设,街道党工委书记、办事处主任任组长。\n"
    found = _governments(_doc(text), resources, lexicons)
    assert [s for s, _ in found].count("办事处") == 2
