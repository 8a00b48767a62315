"""Authorship from every source (kg/resolve/authors.py): relative and abbreviated department
names, national bodies, self-references placed by the text, unplaced towns, traditional
script.  The reports are composed from the shapes of real report openings; the expected
authors were read off them by hand (docs/annotation-guide.md)."""

from __future__ import annotations

from kg.extract.departments import load_catalogue
from kg.model import Document, DocumentMeta
from kg.resolve.authors import fold, read_name, resolve_authorship


def _doc(text: str, year: int = 2023, title: str = "", byline: str = "") -> Document:
    meta = DocumentMeta(title=title, year=year, byline=byline)
    return Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", meta)


def _author(text: str, resources, **kw) -> tuple[list[str], list[str], str]:
    a = resolve_authorship(_doc(text, **kw), resources)
    gz = resources.gazetteer
    labels = [o.unit or o.label or o.division.name for o in a.organs]
    chain = [d.name for d in gz.chain(a.division.code, 2023)] if a.division else []
    return labels, chain, a.evidence


def test_the_catalogue_knows_short_forms_and_national_bodies() -> None:
    cat = load_catalogue()
    assert cat.standard("卫健委") == "卫生健康委员会"
    assert cat.standard("人力社保局") == "人力资源和社会保障局"
    assert cat.standard("市场监管局") == "市场监督管理局"
    assert cat.national("原环境保护部").name == "环境保护部"
    assert cat.national("司法局") is None


def test_a_department_subject_is_placed_by_the_place_the_text_names(resources) -> None:
    text = (
        "2022年，市卫健委坚持以习近平法治思想为指导，推进卫生健康法治建设。现将2022年我委法治"
        "政府建设工作情况报告如下：\n一、工作情况\n我委制定《三明市卫生健康行政处罚裁量基准》，"
        "在三明市医疗机构开展执法检查。\n"
    )
    labels, chain, evidence = _author(text, resources)
    assert labels == ["三明市卫生健康委员会"]
    assert chain == ["三明市", "福建省"]
    assert evidence == "first-sentence"


def test_wo_ju_takes_the_department_the_text_names_in_full(resources) -> None:
    text = (
        "按照有关要求，现将我局法治政府建设工作开展情况总结如下：\n一、主要举措\n我局研究制定了"
        "《2024年度霍邱县应急管理局学法计划》，我局全年组织学法12次。\n"
    )
    labels, chain, _ = _author(text, resources, year=2024)
    assert labels == ["霍邱县应急管理局"]
    assert chain[:2] == ["霍邱县", "六安市"]


def test_a_ministry_is_a_national_body_never_a_local_unit(resources) -> None:
    a = resolve_authorship(
        _doc("2021年，自然资源部坚持以习近平新时代中国特色社会主义思想为指导，推进法治建设。\n"),
        resources,
    )
    assert [(o.unit, o.national, o.division) for o in a.organs] == [("自然资源部", True, None)]


def test_a_province_named_only_by_self_reference_and_abbreviation(resources) -> None:
    text = (
        "2023年，省政府全面贯彻党的二十大精神，贯通落实习近平总书记历次来陕考察重要讲话重要指示精神，"
        "在省委坚强领导下，深入推进法治政府建设。\n一、主要工作\n全省各级行政机关依法行政。\n"
    )
    labels, chain, _ = _author(text, resources)
    assert labels == ["陕西省"] and chain == ["陕西省"]


def test_a_town_the_text_does_not_place_keeps_its_name_and_no_code(resources) -> None:
    # two towns are called 大顺镇 and nothing in the text tells which
    text = (
        "2023年，大顺镇坚持以习近平法治思想为指导，在县委、县政府正确领导下推进法治建设。\n"
        "一、工作情况\n我镇全年开展普法活动12次，我镇调解纠纷30件。\n"
    )
    a = resolve_authorship(_doc(text, title="大顺镇人民政府2023年法治政府建设情况"), resources)
    assert a.division is None
    assert [(o.label, o.candidates) for o in a.organs] == [
        ("大顺镇人民政府", ("340422120", "500102117"))
    ]


def test_a_town_no_other_division_is_named_after_is_placed(resources) -> None:
    # the annotation guide: a town name that only one current division bears is placed by
    # the official list of divisions (通城镇 of 巫溪县) even when the text names no county
    text = "2023年，通城镇坚持以习近平法治思想为指导，在县委、县政府正确领导下推进法治建设。\n"
    labels, chain, _ = _author(text, resources, title="通城镇人民政府2023年法治政府建设情况")
    assert labels == ["通城镇"] and chain == ["通城镇", "巫溪县", "重庆市"]


def test_a_town_whose_county_is_named_is_placed(resources) -> None:
    text = (
        "2023年，通城镇在巫溪县委、县政府的正确领导下，坚持以习近平法治思想为指导推进法治建设。\n"
    )
    labels, chain, _ = _author(text, resources, title="通城镇人民政府2023年法治政府建设情况")
    assert labels == ["通城镇"] and chain == ["通城镇", "巫溪县", "重庆市"]


def test_traditional_script_is_folded_but_simplified_place_names_are_kept(resources) -> None:
    assert fold("河東區人民政府2022年法治政府建設情況報告").startswith("河东区人民政府")
    assert fold("吉首市乾州街道办事处 2023年12月28日") == "吉首市乾州街道办事处 2023年12月28日"
    _, chain, evidence = _author(
        "2024年，東城區堅持以習近平新時代中國特色社會主義思想為指導，深入學習貫徹習近平法治思想。\n",
        resources,
        year=2024,
    )
    assert chain == ["东城区", "北京市"] and evidence == "first-sentence"


def test_a_byline_publisher_is_not_the_author_when_the_title_names_one(resources) -> None:
    a = resolve_authorship(
        _doc(
            "2023年，全县坚持依法行政。\n",
            title="固安县人民政府关于2023年度法治政府建设情况的报告",
            byline="固安县司法局",
        ),
        resources,
    )
    assert a.evidence == "title" and a.publisher == "固安县司法局"
    assert [(o.division.name, o.organ) for o in a.organs] == [("固安县", "government")]


def test_relative_names_read_as_relative() -> None:
    from kg.resolve.context import Resources

    gz = Resources.load().gazetteer
    organ = read_name("市卫健委", gz, 2023)
    assert (organ.division, organ.unit, organ.level) == (None, "卫生健康委员会", "市")
    organ = read_name("我局", gz, 2023)
    assert organ.division is None and organ.level == "我局"


def test_a_bureaus_party_group_is_its_author(resources) -> None:
    # the report of 青岛市交通运输局's leading party group, its title set on two lines
    text = (
        "中共青岛市交通运输局党组\n2022年度法治政府建设报告\n"
        "2022年,市交通运输局党组坚持以习近平新时代中国特色社会主义思想为指导,全面落实市委、"
        "市政府的部署要求。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2022)
    assert evidence == "title"
    assert labels == ["中共青岛市交通运输局党组"]
    assert chain == ["青岛市", "山东省"]


def test_a_department_of_a_city_the_text_never_names_keeps_its_name_unplaced(resources) -> None:
    text = (
        "2022年,市发展改革委坚持以习近平法治思想为指导,推进发展改革法治机关建设。"
        "确定我委2022年推进法治政府建设的31项具体工作。\n"
    )
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert [(o.label, o.division) for o in a.organs] == [("市发展和改革委员会", None)]
    # a text that names its city places the department there instead
    placed = resolve_authorship(_doc(text + "在三明市开展执法检查。\n", year=2022), resources)
    assert [o.unit for o in placed.organs] == ["三明市发展和改革委员会"]


def test_a_subject_after_a_guidance_clause_and_then_the_year(resources) -> None:
    # the 根据…部署 clause comes before the year, and 今年以来 is a time word, not a subject
    text = (
        "根据中共中央《全面深化法治领域改革纲要(2023—2027年)》提出“实行法治建设年度报告制度”,"
        "以及市、区对法治建设工作的具体部署,2023年,清波街道以深入学习贯彻习近平法治思想为核心,"
        "推进浙江省法治建设。\n今年以来,清波街道党工委将法治学习纳入年度学习计划。\n"
    )
    labels, chain, evidence = _author(text, resources)
    assert labels == ["清波街道"]
    assert chain == ["清波街道", "上城区", "杭州市", "浙江省"]
    assert evidence == "first-sentence"


def test_wo_shi_is_not_placed_at_a_county_level_city_named_once(resources) -> None:
    # 青岛's report speaks of 我市 and once of 平度市, a county-level city it hands powers to:
    # the count does not make 平度市 the author (left open rather than asserted wrongly)
    text = (
        "2017年,我市认真贯彻党的十九大精神,推进法治政府建设。我市在全部评估的100个城市中位居第一。"
        "在全省率先启动相对集中行政许可权改革工作,将平度市25个政府部门的审批事项划转。\n"
    )
    _, chain, _ = _author(text, resources, year=2017)
    assert chain == []
    twice = text + "平度市加快推进审批改革,平度市群众满意度提升。\n"
    _, chain, _ = _author(twice, resources, year=2017)
    assert chain[:1] == ["平度市"]


def test_a_title_run_together_with_site_chrome_names_its_author(resources) -> None:
    # 网站首页 政务公开 run into the title: the name is the tail that starts with a full place
    # name (南皮县人民政府), not a town read from a word of the chrome (公开南 -> 开南街道).
    text = (
        "网站首页 政务公开 南皮县人民政府关于2023年度法治政府建设情况的报告2023年,县政府坚持"
        "以习近平法治思想为指导,全县法治政府建设取得新成效。\n"
    )
    labels, chain, evidence = _author(text, resources)
    assert labels == ["南皮县"]
    assert chain == ["南皮县", "沧州市", "河北省"]
    assert evidence == "title"


def test_wo_ju_is_never_the_department_named_as_its_guide(resources) -> None:
    # A county bureau's report thanks the city bureau that guides it: 沧州市司法局 is a
    # superior, not the 我局 of the report (which the text never names: no author).
    text = (
        "2023年,在县委、县政府的坚强领导和沧州市司法局的精心指导下,我局坚持以习近平法治思想"
        "为指导,推进法治南皮建设。我局全年开展普法活动。\n"
    )
    labels, _, _ = _author(text, resources)
    assert "沧州市司法局" not in labels
    # named in full as itself, the bureau is its report's 我局
    named = text + "南皮县司法局被评为全省司法行政系统先进集体。\n"
    assert _author(named, resources)[0] == ["南皮县司法局"]


def test_a_province_level_city_named_by_its_short_name_is_the_subject(resources) -> None:
    # 重庆 is also a street of 长春 (重庆街道); a report whose subject is 重庆 alone is the
    # municipality's, as 广东 is the province's.
    labels, chain, evidence = _author(
        "2022年,重庆坚持以习近平法治思想为指导,深入推进法治政府建设。全市法治政府建设取得新成效。\n",
        resources,
    )
    assert (labels, chain, evidence) == (["重庆市"], ["重庆市"], "first-sentence")
    # a town of that name written with its level word stays a town
    labels, chain, _ = _author(
        "2022年,河北镇坚持以习近平法治思想为指导,推进法治建设。\n", resources
    )
    assert chain[:1] != ["河北省"]


def test_a_cover_letter_names_the_organs_the_report_is_submitted_in_the_name_of(
    resources,
) -> None:
    # A 司法局's cover letter above the report: the report is the district's joint one, not
    # the bureau's (its signature) nor the government's alone (the first sentence's subject).
    text = (
        "中共长宁区委:\n根据要求,区司法局提请以中共长宁区委、区政府名义将《2023年长宁区法治政府"
        "建设情况报告》报送市委、市政府。\n以上请示妥否,请批示。\n上海市长宁区司法局\n2024年1月4日\n"
        "2023年长宁区法治政府建设情况报告\n2023年,长宁区坚持以习近平新时代中国特色社会主义思想为"
        "指导,深入学习贯彻习近平法治思想。\n"
    )
    a = resolve_authorship(_doc(text), resources)
    assert [(o.division.name, o.organ) for o in a.organs] == [
        ("长宁区", "party"),
        ("长宁区", "government"),
    ]
    assert a.evidence == "in-name"


def test_the_line_a_department_heads_as_subject_is_that_departments_report(resources) -> None:
    # 全市司法行政系统 opens the 司法局's own report; the city is the one its titles name.
    text = (
        "2022年,全市司法行政系统在市委、市政府的正确领导下,始终坚持以习近平新时代中国特色社会主义"
        "思想为指导,深入践行习近平法治思想。\n我局制定《遂宁市地方性法规(规章)立法工作流程》,"
        "推动《遂宁市城区农贸市场管理条例》出台,完成《遂宁市政府合同管理办法》修订,我局全年办理"
        "涉法事务57件。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2022)
    assert labels == ["遂宁市司法局"]
    assert chain == ["遂宁市", "四川省"]
    assert evidence == "first-sentence"


def test_a_line_no_department_heads_names_no_author(resources) -> None:
    text = "2022年,全市统计系统在市委、市政府的正确领导下,坚持依法统计。\n"
    assert resolve_authorship(_doc(text, year=2022), resources).organs == ()


def test_a_meeting_held_in_the_name_of_two_organs_is_no_authorship(resources) -> None:
    # only a report submitted in their name (以…名义将《…报告》报送) names its authors
    text = (
        "固安县人民政府关于2022年度法治政府建设情况的报告\n2022年,固安县坚持依法行政。"
        "以县委、县政府名义召开法治工作会议,听取县司法局工作报告。\n"
    )
    a = resolve_authorship(_doc(text, year=2022, title=text.splitlines()[0]), resources)
    assert [(o.division.name, o.organ) for o in a.organs] == [("固安县", "government")]
    assert a.evidence == "title"


def test_a_province_the_report_ranks_itself_in_is_not_its_self_reference(resources) -> None:
    # a city's report measures itself against its province (在全省率先, 获评全省第二批…示范,
    # 全省首个): 全省 names the superior, so it does not outvote the city's own 我市/全市
    text = (
        "法治政府建设工作取得明显成效。行政执法“三项制度”在全省率先推行,"
        "全省首个行政复议咨询服务中心落户我市,西陵区获评全省第二批法治政府建设示范地区。"
        "行政复议案件纠错率在全市范围下降,宜昌市法治政府建设考核结果位居前列。"
        "宜昌市持续优化营商环境。\n"
    )
    labels, chain, _ = _author(text, resources, year=2021)
    assert chain == ["宜昌市", "湖北省"]
    assert labels == ["宜昌市"]


def test_a_party_committee_alone_as_first_subject_is_not_the_author(resources) -> None:
    # 县委坚持把党的领导贯穿…: the committee leads the work the government reports; a
    # committee is an author only where a title, a signature or a joint subject names it
    text = (
        "县委坚持把党的领导贯穿法治政府建设全过程,定期听取法治建设工作汇报。"
        "全县各级行政机关依法履职,凤凰县行政执法水平持续提升,全县法治宣传覆盖各村。"
        "凤凰县获评法治政府建设先进县。\n"
    )
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert all(o.organ != "party" for o in a.organs)
    assert [o.division.name for o in a.organs if o.division] in ([], ["凤凰县"])


def test_wo_ju_is_placed_by_its_leaders_and_its_lines_superior(resources) -> None:
    # 在县委、县政府的领导下，在市市场监督管理局的指导下，我局…: the county's organs lead it and
    # the city's bureau of the same line guides it, so 我局 is that county's bureau of the line;
    # bureaus of its towns named in full (狗街镇市场监管所) do not outvote it
    text = (
        "2023年,在县委、县政府的坚强领导下,在市市场监督管理局的精心指导下,我局坚持依法行政,"
        "全县市场主体持续增长。宜良县营商环境持续优化,宜良县获评省级法治政府建设示范县。\n"
    )
    labels, chain, _ = _author(text, resources)
    assert labels == ["宜良县市场监督管理局"]
    assert chain == ["宜良县", "昆明市", "云南省"]
    # a guide of its own level (县司法局) is no superior of its line: no line, no author
    same_level = text.replace("市市场监督管理局", "县司法局")
    assert _author(same_level, resources)[0] != ["宜良县司法局"]
    # without its leaders the level is not given: 我局 is left open
    unled = text.replace("在县委、县政府的坚强领导下,", "")
    assert _author(unled, resources)[0] == []


def test_wo_ju_is_named_by_its_level_and_the_line_it_speaks_of(resources) -> None:
    # 我局 with no superior and no full name: its leaders give its government's level (县委、
    # 县政府) and its own words the line (全县交通运输事业, 我县交通运输行业): 县交通运输局,
    # kept without a place while the text names no county
    text = (
        "2022年,我局在县委、县政府的坚强领导下,围绕全县交通运输事业发展大局,推进依法行政。"
        "现将有关情况报告如下:\n一、主要工作\n我局严格落实重大行政决策程序,"
        "我县交通运输行业执法规范化水平不断提升。\n"
    )
    labels, chain, _ = _author(text, resources, year=2022)
    assert labels == ["县交通运输局"]
    assert chain == []
    # the county the text keeps naming is its place
    named = text.replace("我县交通运输行业", "巫溪县交通运输行业") + "巫溪县公路养护稳步推进。\n"
    labels, chain, _ = _author(named, resources, year=2022)
    assert labels == ["巫溪县交通运输局"]
    assert chain == ["巫溪县", "重庆市"]


def test_wo_wei_is_named_by_its_own_place_words_and_line(resources) -> None:
    # no leaders named: 全州 said twice is its government's level; 卫生健康 its line
    text = (
        "2023年,我委坚持将法治建设与卫生健康核心业务深度融合,全州卫生健康法治建设稳步推进。"
        "我委全年组织集中学法10次,全州医疗机构依法执业水平持续提升。\n"
    )
    labels, chain, _ = _author(text, resources)
    assert labels == ["州卫生健康委员会"]
    assert chain == []


def test_wo_ju_line_words_that_do_not_decide_leave_it_open(resources) -> None:
    base = (
        "2023年,在市委、市政府的正确领导下,我局坚持依法行政,{}。"
        "我局全年组织集中学法12次,干部法治意识明显增强。\n"
    )
    # 法治教育工作, 警示教育: words of every report, no 教育 line
    assert _author(base.format("深入开展法治教育工作和警示教育"), resources)[0] == []
    # two lines spoken of alike: no clear line
    two = base.format("推动全市水利事业和全市农业农村工作协调发展")
    assert _author(two, resources)[0] == []
    # a line whose department is a 委 is no 我局's line
    assert _author(base.format("推动全市卫生健康事业发展"), resources)[0] == []
    # a 我局 that calls itself 分局 is a branch: its name is not 市水利局
    branch = base.format("推动全市水利事业发展,分局被评为先进单位,分局法律顾问全程参与")
    assert _author(branch, resources)[0] == []
    # the line alone, without a level, leaves it open
    unled = base.format("推动水利事业发展").replace("在市委、市政府的正确领导下,", "")
    assert _author(unled, resources)[0] == []


def test_wo_ju_line_named_once_counts_only_as_its_places_own(resources) -> None:
    base = (
        "2023年,在区委、区政府的正确领导下,我局坚持依法行政,{}。"
        "我局全年组织集中学法12次,干部法治意识明显增强。\n"
    )
    # 我区应急管理工作: the district's own line, said once, names it
    assert _author(base.format("推动我区应急管理工作提质增效"), resources)[0] == ["区应急管理局"]
    # 与财政部门: a line it works with, said once, does not
    assert _author(base.format("加强与财政部门协作"), resources)[0] == []


def test_a_report_that_speaks_as_a_department_is_not_its_citys(resources) -> None:
    # 局党组, 局机关: a bureau's own organs; its 全市/本市 is the city it serves, so the city
    # government is not the author (no bureau is named: none is)
    text = (
        "2023年,局党组坚持把法治建设摆在突出位置,全市法治政府建设稳步推进。"
        "局党组全年专题研究法治工作4次,局机关干部参加学法考试合格率100%。"
        "全市行政执法水平持续提升,本市营商环境不断优化,绵阳市获评省级示范。\n"
    )
    labels, _, _ = _author(text, resources)
    assert labels == []
    # the same words of a government report (no 局党组) make it the city's
    government = text.replace("局党组", "市政府党组").replace("局机关", "市级机关")
    assert _author(government, resources)[0] == ["绵阳市"]


def test_a_title_set_on_two_lines_names_its_department(resources) -> None:
    # The organ's name on one line, 2025年…报告 on the next, then a body that announces its
    # report (现将…报告如下), which is no title.
    text = (
        "发文机关: 东安县应急管理局\n东安县应急管理局\n2025年法治政府建设报告\n"
        "东安县应急管理局坚持以习近平法治思想为统揽，在县委县政府的坚强领导下依法履职。"
        "现将2025年法治政府建设情况报告如下：\n一、主要举措\n"
    )
    labels, chain, evidence = _author(text, resources, year=2025)
    assert labels == ["东安县应急管理局"]
    assert chain == ["东安县", "永州市", "湖南省"]
    assert evidence == "title"


def test_a_subject_after_two_guidance_clauses(resources) -> None:
    text = (
        "2021年，在市委、市政府的坚强领导下，省农业农村厅的正确指导下，六安市农业农村局全面贯彻"
        "落实法治政府建设各项工作要求。\n一、主要举措和成效\n"
    )
    labels, chain, _ = _author(text, resources, year=2021)
    assert labels == ["六安市农业农村局"]
    assert chain == ["六安市", "安徽省"]


def test_a_ministrys_party_group_as_subject_is_the_ministry(resources) -> None:
    text = (
        "2022年，民政部党组坚持以习近平新时代中国特色社会主义思想为指导，推动法治政府建设取得"
        "新成效。现将有关情况报告如下：\n一、深入学习贯彻习近平法治思想\n"
    )
    labels, _, evidence = _author(text, resources, year=2022)
    assert labels == ["民政部"]
    assert evidence == "first-sentence"


def test_a_section_heading_is_no_title(resources) -> None:
    text = (
        "2022年，我县坚持依法行政。\n一、2022年度法治政府建设工作的基本情况\n"
        "结合固安实际，我县制定了工作要点。\n"
    )
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert a.evidence != "title"
    assert [o.division.name for o in a.organs if o.division] == ["固安县"]


def test_a_regions_party_committee_and_government_as_subject_are_joint_authors(resources) -> None:
    text = (
        "一、深入学习践行习近平法治思想,全力谋划推进我区法治政府建设\n"
        "自治区党委、政府自觉将习近平法治思想作为全面依法治区的根本遵循,坚持法治广西、法治政府、"
        "法治社会一体建设。\n"
    )
    labels, _, evidence = _author(text, resources, year=2022)
    assert labels == ["广西壮族自治区", "广西壮族自治区"]
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert [o.organ for o in a.organs] == ["party", "government"]
    assert evidence == "first-sentence"


def test_every_body_of_a_province_is_the_provinces_own_work(resources) -> None:
    text = "2017年，四川省各地各部门坚持以习近平新时代中国特色社会主义思想为指导，建设法治政府。\n"
    _, chain, evidence = _author(text, resources, year=2017)
    assert chain == ["四川省"] and evidence == "first-sentence"


def test_a_street_that_adapts_to_its_own_circumstances_is_kept_unplaced_when_ambiguous(
    resources,
) -> None:
    # Three 荷城街道 exist and nothing else in the text tells which: named, never placed.
    text = (
        "为全面推进依法行政，街道各项工作法治化水平进一步提升。结合荷城街道实际，"
        "现就2022年法治政府建设工作开展情况报告如下：\n一、主要工作\n"
    )
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert [o.label for o in a.organs] == ["荷城街道办事处"]
    assert a.division is None


def test_a_bureau_written_with_a_variant_short_form_keeps_its_standard_name(resources) -> None:
    text = (
        "2025年，在市委、市政府的正确领导下，市人力资源保障局坚持以习近平新时代中国特色社会主义"
        "思想为指导，提高依法行政能力。\n"
    )
    labels, chain, _ = _author(text, resources, year=2025)
    assert labels == ["市人力资源和社会保障局"] and chain == []


def test_a_district_addressed_to_its_city_is_placed_by_the_town_it_names(
    resources, tmp_path
) -> None:
    from kg.ingest import read_document

    text = (
        "中共景德镇市委、景德镇市人民政府:\n2022年,我区坚持以习近平新时代中国特色社会主义思想为"
        "指导,全面推进依法行政。现将2022年法治政府建设工作情况报告如下:\n一、主要举措\n"
        "我区在鲇鱼山镇建成公共法律服务工作站,区政府常务会议学法4次。\n"
    )
    (tmp_path / "r.txt").write_text(text, "utf-8")  # the addressee line is read on ingest
    a = resolve_authorship(read_document(tmp_path / "r.txt"), resources)
    assert a.division is not None
    assert [d.name for d in resources.gazetteer.chain(a.division.code, 2022)] == [
        "昌江区",
        "景德镇市",
        "江西省",
    ]


def test_a_city_bureaus_branch_named_relatively_is_the_branch_of_the_named_city(
    resources,
) -> None:
    text = (
        "2025年度,市交通运输局龙岗管理局深入贯彻落实市交通运输局、龙岗区委区政府决策部署,"
        "扎实推进法治建设各项工作。学习贯彻习近平总书记对广东、深圳系列重要讲话精神。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2025)
    assert labels == ["深圳市交通运输局龙岗管理局"]
    assert chain == ["深圳市", "广东省"] and evidence == "first-sentence"


def test_a_title_set_on_three_lines_names_both_organs(resources) -> None:
    text = (
        "中共重庆市荣昌区广顺街道工作委员会\n重庆市荣昌区人民政府广顺街道办事处\n"
        "关于2025年度法治政府建设情况的报告\n区委、区政府:\n"
        "2025年,广顺街道法治政府建设工作在党工委、办事处的正确指导下扎实推进。\n"
    )
    a = resolve_authorship(_doc(text, year=2025), resources)
    assert [o.organ for o in a.organs] == ["unit", "government"]
    assert a.organs[0].unit == "中共广顺街道工作委员会"
    assert {o.division.name for o in a.organs} == {"广顺街道"}


def test_wo_ju_once_in_the_opening_is_a_departments_report_not_its_places(resources) -> None:
    # 我区 twice and 我局 once, in the first sentence: the bureau reports, the district's
    # government does not (the bureau's own name is not given: no author, rather than a wrong one)
    text = (
        "2022年,在区委、区政府的坚强领导下,为全面准确贯彻《荣昌区法治政府建设实施方案》,我局切实"
        "加强领导,持续深入推进依法行政。现将有关情况报告如下。\n一、推进法治政府建设的主要措施\n"
        "(一)深入学习贯彻习近平法治思想\n一是加强学习宣传引领,助力我区生态文明建设,"
        "我区空气质量持续改善。\n"
    )
    a = resolve_authorship(_doc(text, year=2022), resources)
    assert all(o.organ != "government" for o in a.organs)


def test_a_culture_sports_and_tourism_bureau_by_its_short_name(resources) -> None:
    assert fold("鼓楼区文体旅局") == "鼓楼区文体旅局"
    organ = read_name("福州市鼓楼区文体旅局", resources.gazetteer, 2024)
    assert organ is not None and organ.unit == "鼓楼区文化体育和旅游局"


def test_ba_zhou_is_the_autonomous_prefectures_standard_abbreviation(resources) -> None:
    # 巴州 is also the short name of 巴中's 巴州区; followed by 党委 it names a 州.
    text = (
        "2023年,巴州党委、政府坚持以习近平新时代中国特色社会主义思想为指导,认真落实自治区党委、"
        "政府工作要求,加快推进法治政府建设。现就法治政府建设工作报告如下:\n"
    )
    labels, chain, evidence = _author(text, resources)
    assert chain == ["巴音郭楞蒙古自治州", "新疆维吾尔自治区"] and evidence == "first-sentence"
    assert len(labels) == 2  # the party committee and the government, as the subject says


def test_a_bare_department_subject_takes_its_level_from_its_leaders(resources) -> None:
    # 农业农村局 alone, led by 市委、市政府: the bureau of the city the text names.
    text = (
        "2024年,在市委、市政府的正确领导下,农业农村局认真贯彻《海安市贯彻落实〈法治政府建设实施"
        "纲要(2021-2025年)〉实施方案》,着力规范行政执法行为,护航海安市乡村振兴。现将2024年的工作"
        "情况报告如下:\n"
    )
    labels, chain, _ = _author(text, resources, year=2024)
    assert labels == ["海安市农业农村局"] and chain[0] == "海安市"


def test_a_town_first_seen_by_a_later_snapshot_is_found_in_an_earlier_report(resources) -> None:
    # 大涌镇 (中山市) is in the township lists from 2021 on; its 2020 report names it, after
    # a lead the first sentence writes 2020年来.
    text = (
        "2020年来,大涌镇坚持以习近平新时代中国特色社会主义思想为指导,贯彻实施《广东省法治政府"
        "建设实施纲要(2016—2020年)》,结合我镇实际,推进依法行政。\n"
    )
    _, chain, _ = _author(text, resources, year=2020)
    assert chain[:2] == ["大涌镇", "中山市"]
    # A new county-level district is still not read into years before it existed.
    assert resources.gazetteer.get("500157", 2023) is None


def test_a_party_organ_and_its_department_written_without_a_break_are_joint(resources) -> None:
    # 海关总署党委 海关总署, 中共…民政厅党组西藏自治区民政厅: the department's party organ and
    # the department submit the report together.
    customs = (
        "海关总署党委 海关总署关于2022年度推进法治政府建设情况的报告\n"
        "2022年,海关总署在党中央、国务院的坚强领导下,深入学习宣传贯彻习近平法治思想。\n"
    )
    assert _author(customs, resources, year=2022)[0] == ["中共海关总署委员会", "海关总署"]
    civil = (
        "中共西藏自治区民政厅党组西藏自治区民政厅关于2025年度法治政府建设情况报告\n"
        "自治区党委、自治区人民政府:\n2025年,民政厅党组坚持以习近平新时代中国特色社会主义思想为"
        "指导,推进民政法治建设。\n"
    )
    labels, chain, _ = _author(civil, resources, year=2025)
    assert labels == ["中共西藏自治区民政厅党组", "西藏自治区民政厅"] and chain == ["西藏自治区"]


def test_the_three_line_title_wins_over_its_last_two_lines(resources) -> None:
    text = (
        "中共云阳县凤鸣镇委员会\n云阳县凤鸣镇人民政府\n关于2025年法治政府建设情况的报告\n县委、县政府:\n"
        "2025年,凤鸣镇坚持以习近平新时代中国特色社会主义思想为指导,推进法治建设。\n"
    )
    meta_title = "云阳县凤鸣镇人民政府关于2025年法治政府建设情况的报告"
    labels, _, evidence = _author(text, resources, year=2025, title=meta_title)
    assert len(labels) == 2 and evidence == "title"


def test_a_first_sentence_that_places_the_year_in_a_plan_before_its_subject(resources) -> None:
    text = (
        "区委、区政府:\n2025年是贯彻实施《法治政府建设实施纲要(2021-2025年)》《西城区法治政府建设"
        "规划(2021-2025年)》的收官之年,区司法局坚持以习近平新时代中国特色社会主义思想为指导,"
        "推进全面依法治区。我区各部门依法行政。全区法治建设。\n"
    )
    labels, _, evidence = _author(text, resources, year=2025)
    assert labels == ["西城区司法局"] and evidence == "first-sentence"


def test_a_subject_of_two_organs_named_in_full(resources) -> None:
    text = (
        "2025年,中共姚安县委、姚安县人民政府坚持以习近平新时代中国特色社会主义思想为指导,深入推进"
        "法治政府建设,现将工作开展情况报告如下:\n"
    )
    labels, chain, _ = _author(text, resources, year=2025)
    assert len(labels) == 2 and chain[0] == "姚安县"


def test_a_countys_own_document_cited_places_its_department(resources) -> None:
    # 华蓥市 is named once, opening a cited title: the county-level city whose bureau this is
    # (南通市 or another city named once in passing does not outweigh it).
    text = (
        "市委、市政府:\n市文化广电旅游局在市委、市政府的领导下,在市司法局的指导下,切实推进依法行政"
        "工作。按照《华蓥市法治政府建设工作领导小组办公室关于落实2024年工作要点的通知》要求,"
        "我局推进执法。\n"
    )
    labels, chain, _ = _author(text, resources, year=2024)
    assert labels == ["华蓥市文化广电旅游局"] and chain[0] == "华蓥市"


def test_an_organs_other_names_in_brackets_are_left_out(resources) -> None:
    # 一个机构两块牌子: the subject is the first name; its others, bracketed, are no subject.
    text = (
        "关于2025年法治政府建设情况的报告\n2025年,市数据局(市营商环境建设局、市行政审批局)在市委、"
        "市政府的坚强领导下,深入学习贯彻习近平法治思想。鞍山市推进数据工作,鞍山市政务服务。\n"
    )
    labels, chain, _ = _author(text, resources, year=2025)
    assert labels == ["鞍山市数据局"] and chain[0] == "鞍山市"


def test_a_zones_management_committee_is_the_author_of_its_report(resources) -> None:
    text = (
        "河北唐山芦台经济开发区管委会2022年度法治政府建设工作报告\n唐山市人民政府:\n"
        "2022年,芦台经济开发区坚持以习近平新时代中国特色社会主义思想为指导,推进法治建设。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2022)
    assert labels == ["河北唐山芦台经济开发区管理委员会"] and evidence == "title"
    assert chain[:2] == ["河北唐山芦台经济开发区", "唐山市"]


def test_a_title_below_a_pages_metadata_block_is_read(resources) -> None:
    # Government pages list 索引号, 发文字号, 主题分类 … one item a line before the title.
    items = "".join(f"  • [ 项目{i} ]\n  • 内容{i}\n" for i in range(14))
    text = (
        f"当前位置:部门 > 区卫健委 > 政务公开\n{items}\n"
        "重庆市大足区卫生健康委员会\n\n关于2024年法治政府建设情况的报告\n\n"
        "2024年,我委坚持以习近平法治思想为指导,推进依法行政。\n"
    )
    labels, _, evidence = _author(text, resources, year=2024)
    assert labels == ["大足区卫生健康委员会"] and evidence == "title"


def test_a_party_committees_work_organ_is_one_author_beside_its_department(resources) -> None:
    # 中共重庆市荣昌区委教育工作委员会 is the district committee's education work committee,
    # one organ; the district committee itself did not write the report.
    text = (
        "中共重庆市荣昌区委教育工作委员会 重庆市荣昌区教育委员会\n"
        "关于2023年法治政府建设情况的报告\n"
        "2023年,区教委坚持以习近平法治思想为指导,认真落实区委、区政府工作部署。\n"
    )
    labels, chain, evidence = _author(text, resources)
    assert labels == ["中共荣昌区委教育工作委员会", "荣昌区教育委员会"]
    assert chain == ["荣昌区", "重庆市"] and evidence == "title"


def test_a_zones_management_committee_is_its_places_unit_as_written(resources) -> None:
    # 天津经济技术开发区 is no division; its committee, named after 天津 and bracketed with its
    # short name, is the subject of the first sentence and a unit of 天津市.
    text = (
        "当前位置: 首页 > 政务公开 > 通知公告\n\n2025年天津经济技术开发区法治政府建设情况报告\n\n"
        "2025年,天津经济技术开发区管理委员会(简称经开区管委会)坚持以习近平新时代中国特色社会主义"
        "思想为指导,深入学习贯彻习近平法治思想。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2025)
    assert labels == ["天津经济技术开发区管理委员会"]
    assert chain == ["天津市"] and evidence == "first-sentence"


def test_a_page_on_one_line_names_its_joint_authors_in_its_title(resources) -> None:
    # title, addressee and body run together on one line; the party committee is written
    # in full (中共黄湾镇委员会) before the town's government
    text = (
        "中共黄湾镇委员会黄湾镇人民政府关于报送2024年度法治政府建设的报告 中共海宁市委、海宁市"
        "人民政府: 2024年,在市委市政府的坚强领导下,黄湾镇扎实开展法治政府建设,深入贯彻习近平"
        "法治思想,将法治理念融入政府工作的每一个环节。全镇上下以扎实的工作作风,全力推进法治政府"
        "建设,持续夯实法治根基,不断探索创新,使法治政府建设迈向新的高度。\n"
    )
    a = resolve_authorship(_doc(text, year=2024), resources)
    assert [o.organ for o in a.organs] == ["party", "government"]
    assert {o.division.name for o in a.organs} == {"黄湾镇"} and a.evidence == "title"


def test_a_sites_name_atop_the_page_places_the_town_that_reports(resources) -> None:
    # 咸安区人民政府 is the site; the report is the town's, a town whose name Anhui has too
    text = (
        "咸安区人民政府\n热门搜索:\n\n     2022年,官埠桥镇在区委、区政府的正确领导下,贯彻落实党的"
        "二十大精神及习近平法治思想,有力推进依法行政工作深入开展。\n"
    )
    labels, chain, evidence = _author(text, resources, year=2022)
    assert labels == ["官埠桥镇"] and chain[:2] == ["官埠桥镇", "咸安区"]
    assert evidence == "first-sentence"


def test_a_bare_ting_is_a_provinces_department(resources) -> None:
    text = (
        "2021年,司法厅坚持以习近平新时代中国特色社会主义思想为指导,深入践行习近平法治思想,"
        "为建设更高水平的平安四川、法治四川提供有力法治保障。\n"
    )
    labels, chain, _ = _author(text, resources, year=2021)
    assert labels == ["四川省司法厅"] and chain == ["四川省"]
