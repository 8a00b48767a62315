"""Canonical labels of institutions named without their place (kg/resolve/institutions.py):
rule-of-law bodies belong to the party committee of the place they govern, a department's
leading groups and divisions to the department, short forms take the catalogue's name.  The
snippets follow the shapes of real report openings (docs/annotation-guide.md)."""

from __future__ import annotations

from kg.extract import extract_all
from kg.model import Document, DocumentMeta
from kg.resolve.document import resolve_document


def _institutions(text: str, resources, lexicons, year: int = 2023) -> dict[str, str]:
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=year))
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    return {
        r.mention.surface: r.entity.label for r in rd.mentions if r.mention.type == "institution"
    }


def test_a_rule_of_law_office_belongs_to_the_committee_of_the_place_it_governs(
    resources, lexicons
) -> None:
    # a town's report names its district's office: 依法治区办 is 开州区's, not 义和镇's
    text = (
        "2025年,重庆市开州区义和镇在区委、区政府的坚强领导和依法治区办的有力指导下,推进法治建设。\n"
    )
    assert _institutions(text, resources, lexicons, 2025) == {
        "依法治区办": "中共开州区委全面依法治区委员会办公室"
    }


def test_a_party_committee_body_is_written_with_wei(resources, lexicons) -> None:
    # 自治区党委全面依法治藏委员会 -> 中共西藏自治区委全面依法治藏委员会 (the guide's form);
    # 依法治理 is no place: not read as one
    text = (
        "2023年,西藏自治区人民政府坚持依法行政。自治区党委全面依法治藏委员会召开会议。"
        "全面依法治藏委员会办公室督察落实。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["自治区党委全面依法治藏委员会"] == "中共西藏自治区委全面依法治藏委员会"
    assert got["全面依法治藏委员会办公室"] == "中共西藏自治区委全面依法治藏委员会办公室"


def test_a_departments_leading_group_and_divisions_are_its_own(resources, lexicons) -> None:
    text = (
        "呼中区教育局2025年度法治政府建设工作报告\n"
        "2025年,呼中区教育局在区政府的正确领导下推进依法治教。成立了由局长任组长、相关科室"
        "负责人为成员的法治工作领导小组,政策法规科负责日常工作。\n"
    )
    got = _institutions(text, resources, lexicons, 2025)
    assert got["法治工作领导小组"] == "呼中区教育局法治工作领导小组"
    assert got["政策法规科"] == "呼中区教育局政策法规科"


def test_short_forms_take_the_catalogues_names(resources, lexicons) -> None:
    text = (
        "2023年,北京市西城区坚持依法行政。调整组建区国动办、区疾控局。县政府办下设法律顾问室。"
        "学习贯彻习近平总书记在中央深改委第二十五次会议上的讲话。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["区国动办"] == "西城区国防动员办公室"
    assert got["区疾控局"] == "西城区疾病预防控制局"
    assert got["中央深改委"] == "中央全面深化改革委员会"


def test_a_department_after_a_places_full_name_is_read_whole(resources, lexicons) -> None:
    # jieba cuts 呼中 off 区教育局; the place name before the level word is taken in
    text = "【打印文本】   呼中区教育局在区政府的正确领导下推进依法治教。\n"
    assert _institutions(text, resources, lexicons, 2025) == {"呼中区教育局": "呼中区教育局"}


def test_institutions_of_a_town_the_text_does_not_place(resources, lexicons) -> None:
    # 大顺镇's report names no county: the county's bodies keep their level word, the town's
    # own take its name, and none is put in a county the text does not name
    text = (
        "2025年,大顺镇人民政府在县委、县政府的坚强领导和县司法局的精心指导下推进法治建设。"
        "全年召开镇党委全面依法治镇委员会会议2次,邀请司法所对土地征收开展合法性审查。\n"
    )
    assert _institutions(text, resources, lexicons, 2025) == {
        "县司法局": "县司法局",
        "镇党委全面依法治镇委员会": "中共大顺镇委全面依法治镇委员会",
        "司法所": "大顺镇司法所",
    }


def test_without_an_author_a_department_keeps_its_level_word(resources, lexicons) -> None:
    text = (
        "按照市委依法治市办相关工作安排,市发展改革委对2022年推进法治政府建设进展情况进行了"
        "认真总结。\n2022年,市发展改革委坚持以习近平法治思想为指导。\n"
    )
    got = _institutions(text, resources, lexicons, 2022)
    assert got == {
        "市委依法治市办": "中共市委全面依法治市委员会办公室",
        "市发展改革委": "市发展和改革委员会",
    }


def test_a_bare_sifasuo_is_the_towns_own_in_a_towns_report_only(resources, lexicons) -> None:
    town = "2025年,重庆市开州区义和镇坚持依法行政,落实司法所长列席镇党政会议制度。\n"
    assert _institutions(town, resources, lexicons, 2025) == {"司法所": "义和镇司法所"}
    county = "2025年,重庆市巫山县坚持依法行政,落实司法所长列席乡镇党政会议制度。\n"
    assert _institutions(county, resources, lexicons, 2025) == {}


def test_an_unplaced_departments_divisions_are_its_own(resources, lexicons) -> None:
    text = (
        "2024年,市水利局坚持以习近平法治思想为指导,推进依法行政。"
        "我局设立了政策法规处,明确了水利政策法规工作职责。\n"
    )
    got = _institutions(text, resources, lexicons, 2024)
    assert got == {
        "市水利局": "市水利局",
        "我局": "市水利局",
        "政策法规处": "市水利局政策法规处",
    }


def test_a_body_after_the_departments_kind_word_is_the_departments(resources, lexicons) -> None:
    # 厅法治建设领导小组, 局法规科: the kind word names the report's own department, as 我局 does;
    # a kind word that is not the author's (委 in a 厅's report) does not name it
    text = (
        "湖南省交通运输厅2024年法治政府建设年度报告\n"
        "2024年,湖南省交通运输厅坚持依法行政。充分发挥厅法治建设领导小组的统筹作用,"
        "由厅法制处牵头推进,委法治建设领导小组另有部署。\n"
    )
    got = _institutions(text, resources, lexicons, 2024)
    assert got["厅法治建设领导小组"] == "湖南省交通运输厅法治建设领导小组"
    assert got["厅法制处"] == "湖南省交通运输厅法制处"
    assert not got.get("委法治建设领导小组", "").startswith("湖南省交通运输厅")


def test_a_ministrys_own_leading_group_is_national(resources, lexicons) -> None:
    text = (
        "水利部2023年法治政府建设年度报告\n"
        "2023年,水利部深入学习贯彻习近平法治思想。部法治建设领导小组定期召开会议,"
        "法治政府建设工作领导小组办公室抓好落实。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["部法治建设领导小组"] == "水利部法治建设领导小组"


def test_a_relative_department_after_a_verb_is_read(resources, lexicons) -> None:
    # 依托市政务服务办: a verb before the level word; 全市司法局系统: a word with it, no name
    text = (
        "2023年,天津市文化和旅游局坚持依法行政,依托市政务服务办开发的新事项库推进清单管理,"
        "全市司法局系统协同推进。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["市政务服务办"] == "天津市政务服务办公室"
    assert "市司法局" not in got


def test_xian_ju_in_a_county_bureaus_report_is_the_bureau(resources, lexicons) -> None:
    text = (
        "石柱土家族自治县公安局2025年法治政府建设情况报告\n"
        "2025年,石柱土家族自治县公安局坚持依法行政。同时,县局深入推进“放管服”改革。\n"
    )
    got = _institutions(text, resources, lexicons, 2025)
    assert got["县局"] == "石柱土家族自治县公安局"


def test_without_an_author_a_department_takes_the_one_city_named(resources, lexicons) -> None:
    text = (
        "2022年,全市司法行政系统在市委、市政府的正确领导下,深入践行习近平法治思想。"
        "配合市发展改革委承办遂宁市法治政府建设工作推进会。\n"
    )
    assert _institutions(text, resources, lexicons, 2022) == {
        "市发展改革委": "遂宁市发展和改革委员会"
    }


def test_a_bare_department_is_the_authors_places(resources, lexicons) -> None:
    # 应急局、数据局 written without place or level in 盐都区's report are 盐都区's; a 厅 is the
    # province's; a town's report means its county's (towns have no 局)
    text = (
        "2023年,江苏省盐城市盐都区坚持依法行政。区委政法委、应急局、数据局主要负责同志参加。"
        "配合法院、司法厅建立联动机制。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["应急局"] == "盐都区应急管理局"
    assert got["数据局"] == "盐都区数据局"
    assert got["司法厅"] == "江苏省司法厅"
    town = "2023年,江苏省盐城市盐都区郭猛镇坚持依法行政,会同人社局开展检查。\n"
    assert _institutions(town, resources, lexicons)["人社局"] == "盐都区人力资源和社会保障局"


def test_a_bare_department_inside_a_word_or_quote_or_unplaced_is_not_one(
    resources, lexicons
) -> None:
    text = (
        "2023年,江苏省盐城市盐都区坚持依法行政。打造“流动的司法局”,采用“单位+法律顾问+司法局”"
        "联动审查模式,应急局栏目发布信息,司法局长带头讲法。\n"
    )
    assert _institutions(text, resources, lexicons) == {}
    # a town the text does not place: whose 人社局 is not said
    assert _institutions("2023年,西仓镇会同人社局开展检查。\n", resources, lexicons) == {}


def test_catalogue_names_replace_the_pieces_cut_from_them(resources, lexicons) -> None:
    # jieba cuts 市政务服务和数据管理局 at 和; 县外办 is a two-character short form after a level
    # word; 我市综治中心: 我市 is one word to jieba but the level word belongs to the name
    text = (
        "2023年,四川省泸州市合江县坚持依法行政。市政务服务和数据管理局、县外办参加。"
        "依托我县综治中心化解矛盾纠纷。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["市政务服务和数据管理局"] == "泸州市政务服务和数据管理局"
    assert got["县外办"] == "合江县外事办公室"
    assert got["县综治中心"] == "合江县综治中心"


def test_a_departments_party_group_is_a_body_of_its_own(resources, lexicons) -> None:
    # 自然资源部党组 is the ministry's leading party group: one body, 中共自然资源部党组 (not
    # the ministry, not 党组织); in 县司法局党组书记 the group is named, the post word is not;
    # 局党组 alone is the author's own department's, and a county government is no department
    text = (
        "2023年,固安县人民政府坚持依法行政。自然资源部党组高度重视法治建设,"
        "市交通运输局党组织开展学习。局党组书记带头学法。县司法局党组书记讲法治课。"
        "县应急管理局党委部署工作。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["自然资源部党组"] == "中共自然资源部党组"
    assert "市交通运输局" in got and "局党组" not in got
    assert got["县司法局党组"] == "中共固安县司法局党组"
    assert got["县应急管理局党委"] == "中共固安县应急管理局委员会"


def test_a_departments_own_party_group_by_its_kind_word(resources, lexicons) -> None:
    # 局党组, 厅党委 in a bureau's report: the bureau's own party group or committee
    text = (
        "固安县司法局2023年法治政府建设情况报告\n"
        "2023年,县司法局坚持依法行政。局党组高度重视法治建设,局党委书记带头学法,"
        "厅党组的部署得到落实。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["局党组"] == "中共固安县司法局党组"
    assert got["局党委"] == "中共固安县司法局委员会"
    assert "厅党组" not in got  # a 局's report: 厅 is not its kind


def test_a_long_place_name_before_a_rule_of_law_office_is_its_own(resources, lexicons) -> None:
    # 入选滨海新区依法治区办: 滨海新区 is the district whatever word stands before it
    text = "2025年,天津市滨海新区坚持依法行政。相关案例成功入选滨海新区依法治区办的优秀案例。\n"
    got = _institutions(text, resources, lexicons, 2025)
    assert got == {"滨海新区依法治区办": "中共滨海新区委全面依法治区委员会办公室"}


def test_a_department_after_the_short_name_of_the_authors_place(resources, lexicons) -> None:
    # 呼中教育局 in 呼中区教育局's report is 呼中区教育局 (a short name, then a department)
    text = (
        "呼中区教育局2025年度法治政府建设工作报告\n"
        "2025年,呼中区教育局推进依法治教。现将呼中教育局2025年度法治政府建设工作报告如下。\n"
    )
    got = _institutions(text, resources, lexicons, 2025)
    assert got["呼中教育局"] == "呼中区教育局"


def test_legal_affairs_and_staffing_offices_take_their_full_names(resources, lexicons) -> None:
    # 法制办 is the government's 法制办公室 whether written with 政府 or not; 编办 the party
    # committee's 机构编制委员会办公室
    text = (
        "固安县人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年,县法制办、市政府法制办、县委编办共同推进依法行政。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["县法制办"] == "固安县人民政府法制办公室"
    assert got["市政府法制办"] == "廊坊市人民政府法制办公室"
    assert got["县委编办"] == "中共固安县委机构编制委员会办公室"


def test_a_task_group_without_a_place_is_the_authors(resources, lexicons) -> None:
    # whatever words name its task; a group named with a place keeps it
    text = (
        "2023年,四川省大英县坚持依法行政。县政府成立优化营商环境攻坚领导小组,"
        "组建乡村振兴法律服务工作专班,蓬莱镇成立蓬莱镇纠纷排查领导小组。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["优化营商环境攻坚领导小组"] == "大英县优化营商环境攻坚领导小组"
    assert got["乡村振兴法律服务工作专班"] == "大英县乡村振兴法律服务工作专班"
    assert not got.get("蓬莱镇纠纷排查领导小组", "").startswith("大英县")


def test_a_word_starting_with_a_level_character_names_no_level(resources, lexicons) -> None:
    # 市场监管所 is no city's 场监管所; 乡村振兴… names no township
    text = (
        "2023年,河北省固安县坚持依法行政。柳泉市场监管所开展检查,"
        "市场监管所落实双随机抽查。县政府组建乡村振兴法律服务工作专班。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["市场监管所"] == "固安县市场监管所"
    assert got["乡村振兴法律服务工作专班"] == "固安县乡村振兴法律服务工作专班"


def test_a_bureau_unknown_to_the_lists_takes_the_full_place_before_it(resources, lexicons) -> None:
    # 局 after a place's full name names a bureau of that place, whatever its field
    text = "2023年,河北省坚持依法行政。组建河北省数据和政务服务局,成立廊坊市营商环境监督局。\n"
    got = _institutions(text, resources, lexicons)
    assert got["河北省数据和政务服务局"] == "河北省数据和政务服务局"
    assert got["廊坊市营商环境监督局"] == "廊坊市营商环境监督局"


def test_a_body_after_wo_ju_is_the_departments(resources, lexicons) -> None:
    text = (
        "泸州市生态环境局2024年法治政府建设年度报告\n"
        "2024年,泸州市生态环境局坚持依法行政。本局法规科审核规范性文件,"
        "我局法治建设领导小组定期研究法治工作。\n"
    )
    got = _institutions(text, resources, lexicons, 2024)
    assert got["本局法规科"] == "泸州市生态环境局法规科"
    assert got["我局法治建设领导小组"] == "泸州市生态环境局法治建设领导小组"


def test_without_an_author_a_body_named_with_an_uncertain_place_keeps_its_name(
    resources, lexicons
) -> None:
    # No author: 朝阳区 is Beijing's or Changchun's, 济南高新技术产业开发区 a zone no gazetteer
    # holds.  The text names each body whole, so it is kept, named as written (the department's
    # part in its standard form); a body with no place at all still names nothing certain.
    text = (
        "为推进依法行政,朝阳区人社局与济南高新技术产业开发区管理委员会签订合作协议,"
        "并邀请信访局参加。\n"
    )
    got = _institutions(text, resources, lexicons)
    assert got["朝阳区人社局"] == "朝阳区人力资源和社会保障局"
    assert got["济南高新技术产业开发区管理委员会"] == "济南高新技术产业开发区管理委员会"
    assert "信访局" not in got


def test_a_zones_committees_keep_the_zones_name_in_an_unplaced_report(resources, lexicons) -> None:
    # the author is a street no gazetteer places: the zone's committees are still named
    text = "2024年,城南街道在长沙高新区党工委(管委会)的坚强领导下推进法治建设。\n"
    got = _institutions(text, resources, lexicons, 2024)
    assert got["长沙高新区党工委"] == "长沙高新区党工委"
    assert got["管委会"] == "长沙高新区管委会"


def test_the_party_group_of_a_department_the_text_does_not_place(resources, lexicons) -> None:
    # 省卫生健康委 with no province named: its 委党组 is that unplaced commission's group
    text = "2022年,省卫生健康委坚持依法行政。委党组高度重视法治建设,党组书记带头学法。\n"
    got = _institutions(text, resources, lexicons, 2022)
    assert got["委党组"] == "中共省卫生健康委员会党组"
    assert got["党组"] == "中共省卫生健康委员会党组"


def test_a_place_inside_an_institutions_name_is_no_government_mention(resources, lexicons) -> None:
    # spans do not nest (the annotation guide): 山西省 opens the bureau's name, it is not a
    # mention of the province of its own; a partner place in an agreement stays one
    text = "2024年,山西省人民政府坚持依法行政。山西省民营经济发展局开展涉企执法检查。\n"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2024))
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    found = [(r.mention.type, r.mention.surface) for r in rd.mentions]
    assert ("institution", "山西省民营经济发展局") in found
    assert ("government", "山西省") not in found


def test_a_governments_party_group_alone_is_the_reporting_governments(resources, lexicons) -> None:
    text = (
        "新市区人民政府关于2022年度法治政府建设情况的报告\n"
        "2022年，新市区坚持依法行政，全年组织政府党组理论学习12次。市委办公厅印发通知。\n"
    )
    got = _institutions(text, resources, lexicons, 2022)
    assert got["政府党组"] == "中共新市区人民政府党组"
    assert got["市委办公厅"] == "中共乌鲁木齐市委办公厅"


def test_a_bureaus_organ_committee_is_labelled_as_its_committee(resources, lexicons) -> None:
    text = (
        "大足区城市管理局2024年度法治政府建设情况报告\n"
        "2024年，我局坚持依法行政。局机关党委组织党员学习，局党组召开会议。\n"
    )
    got = _institutions(text, resources, lexicons, 2024)
    assert got["局机关党委"] == "中共大足区城市管理局机关委员会"
    assert got["局党组"] == "中共大足区城市管理局党组"


def test_a_police_station_named_bare_is_the_towns_own(resources, lexicons) -> None:
    town = (
        "大盛镇2023年法治政府建设工作情况报告\n2023年，大盛镇坚持依法行政。派出所民警参加培训。\n"
    )
    assert _institutions(town, resources, lexicons)["派出所"] == "大盛镇派出所"
    county = "固安县人民政府关于2022年度法治政府建设情况的报告\n派出所民警参加培训。\n"
    assert "派出所" not in _institutions(county, resources, lexicons, 2022)


def test_a_name_that_names_its_place_or_department_is_not_prefixed_again(
    resources, lexicons
) -> None:
    # 法治石家庄 already says whose group it is; so does 交通运输部 in the ministry's report.
    city = (
        "石家庄市人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年,石家庄市坚持依法行政。法治石家庄建设领导小组办公室统筹推进。\n"
    )
    assert _institutions(city, resources, lexicons)["法治石家庄建设领导小组办公室"] == (
        "法治石家庄建设领导小组办公室"
    )
    ministry = (
        "交通运输部2023年法治政府部门建设年度报告\n"
        "2023年,交通运输部坚持依法行政。交通运输部法治政府部门建设领导小组召开会议。\n"
    )
    got = _institutions(ministry, resources, lexicons)
    assert got["交通运输部法治政府部门建设领导小组"] == "交通运输部法治政府部门建设领导小组"


def test_education_commissions_and_a_place_written_with_its_city(resources, lexicons) -> None:
    # 重庆's districts have an 教育委员会 (区教委) and a party 教育工作委员会 (区委教育工委);
    # 重庆市荣昌区司法局 is one name over the city, the district and the bureau.
    text = (
        "2024年,重庆市荣昌区人民政府推进法治建设。区教委加强学校法治教育,"
        "区委教育工委统筹部署,经重庆市荣昌区司法局审核。\n"
    )
    assert _institutions(text, resources, lexicons, 2024) == {
        "区教委": "荣昌区教育委员会",
        "区委教育工委": "中共荣昌区委教育工作委员会",
        "重庆市荣昌区司法局": "荣昌区司法局",
    }


def test_a_group_for_governing_by_law_is_read_whole(resources, lexicons) -> None:
    # 依法治理 (to govern by law) is no 依法治X of a place: 普法依法治理工作领导小组 is one
    # name, the street's, read by its suffix; 依法治区办 still is the district's office.
    text = (
        "2024年,七里街道成立了街道普法依法治理工作领导小组,由街道党工委书记任组长。"
        "在区委依法治区办的指导下推进。\n"
    )
    got = _institutions(text, resources, lexicons, 2024)
    assert got["街道普法依法治理工作领导小组"].endswith("街道普法依法治理工作领导小组")
    assert "依法治理工作领导小组" not in got


def test_market_regulation_after_a_city_and_the_departments_of_before_2018(
    resources, lexicons
) -> None:
    # 上海市 + 市场监督管理局 is no 市 written twice; 质监局 and 食品药品监管局 are the
    # departments of the years before their merger, named in full
    text = (
        "2017年,上海市市场监督管理局、省质监局、省食品药品监管局和中央依法治国委员会"
        "联合部署,山东省坚持依法行政。\n"
    )
    found = _institutions(text, resources, lexicons, 2017)
    assert found["上海市市场监督管理局"] == "上海市市场监督管理局"
    assert found["省质监局"] == "山东省质量技术监督局"
    assert found["省食品药品监管局"] == "山东省食品药品监督管理局"
    assert found["中央依法治国委员会"] == "中央全面依法治国委员会"


def test_a_committee_body_of_an_uncertain_place_keeps_its_party_prefix(resources, lexicons):
    # 城中区 is in several cities and 人民街街道 in several places: the body is named as
    # written, as a body of the district's party committee
    text = (
        "城中区委全面依法治区委员会:\n在全面建设社会主义现代化国家新征程上,人民街街道办事处坚持"
        "以习近平法治思想为根本遵循,深入推进法治建设。\n"
    )
    found = _institutions(text, resources, lexicons, 2025)
    assert found["城中区委全面依法治区委员会"] == "中共城中区委全面依法治区委员会"
