"""Institutions named in the seeds, with their place (kg/extract/institutions.py and
kg/resolve/institutions.py).  Expectations were read off the seed texts by hand."""

from __future__ import annotations

import pytest

from kg.extract.institutions import extract_institutions
from kg.extract.lexicons import empty_lexicons
from kg.extract.sentences import split_sentences
from kg.model import Document
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, WUJI


def _surfaces(text: str) -> list[str]:
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    return [m.surface for m in extract_institutions(doc, split_sentences(text), empty_lexicons())]


def _institutions(seed_build, seed: str) -> dict[str, str]:
    """label -> code of the place of every institution (or court/procuratorate) mentioned."""
    _, result = seed_build
    (rd,) = [d for d in result.documents if d.document.name == seed]
    return {
        r.entity.label: r.entity.attr("code") or ""
        for r in rd.mentions
        if r.mention.type == "institution"
    }


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        (
            GUAN,
            {
                "固安县司法局": "131022",  # 专业律师常驻县司法局
                "固安县公共法律服务中心": "131022",  # 组建县级公共法律服务中心
                "政府法务中心": "131022",
                "京南·固安高新区调委会": "131022",
                "医疗纠纷调委会": "131022",
                "固安县创建工作领导小组": "131022",  # a leading group is the author's own
            },
        ),
        (
            DASHENG,
            {
                "渝北区司法局": "500112",  # 区司法局 in a town's report: the district's bureau
                "大盛镇法治建设工作领导小组": "500112143",
                "青龙村法治教育示范基地": "500112143",
                "大盛镇人民调解室": "500112143",
                "大盛镇公共法律服务工作站": "500112143",
            },
        ),
        (
            WUJI,
            {
                "无极县矛盾纠纷多元化解中心": "130130",
                "无极县司法局": "130130",
                "中共无极县委组织部": "130130",  # party bodies: 中共 + the committee + the body
                "无极县人民政府办公室": "130130",
                "惠民县行政审批服务局": "371621",  # 山东省滨州市惠民县行政审批服务局
                "石家庄市信用办": "130100",  # 市信用办 in a county's report: its city's
            },
        ),
        (
            LUANCHUAN,
            {
                "栾川县融媒体中心": "410324",
                "栾川县调解中心": "410324",
                "洛阳市创建办": "410300",
                # bodies every county has, named without a place: the author's (the guide's
                # labels: the place's name and the body's name)
                "栾川县政务服务中心": "410324",
                "栾川县法治政府建设领导小组": "410324",
            },
        ),
        (
            GANGU,
            {
                "甘谷县残疾人法律援助工作站": "620523",
                "甘谷县水务局": "620523",
                "中共甘谷县委党校": "620523",
                "甘谷县残联": "620523",
                "天水市电视台": "620500",
            },
        ),
    ],
)
def test_seed_institutions_with_their_place(seed_build, seed: str, expected: dict) -> None:
    found = _institutions(seed_build, seed)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("seed", "absent"),
    [
        (GUAN, ["县委常委会", "固安县委常委会", "政府网站", "专业律师常驻县司法局", "工作专班"]),
        (GANGU, ["县委常委会", "县政府常务会", "依法治县委办公室主任"]),
        (WUJI, ["我县税务局", "全力推进司法所", "和县法治宣传教育领导小组办公室"]),
        (DASHENG, ["细化领导小组", "自觉履行法院"]),
    ],
)
def test_phrases_that_are_not_institutions(seed_build, seed: str, absent: list[str]) -> None:
    found = _institutions(seed_build, seed)
    assert not set(absent) & set(found)


def test_counted_institutions_are_a_class(seed_build) -> None:
    _, result = seed_build
    (rd,) = [d for d in result.documents if d.document.name == GUAN]
    (marriage,) = [r for r in rd.mentions if r.mention.surface == "婚姻家庭调委会"]
    assert marriage.mention.attr("count") == "13"
    assert marriage.entity.attr("kind") == "class"


def test_established_institutions_link_to_the_government(seed_build) -> None:
    _, result = seed_build
    (rd,) = [d for d in result.documents if d.document.name == GUAN]
    established = {r.mention.surface for r in rd.mentions if r.mention.attr("established") == "1"}
    assert {"京南·固安高新区调委会", "幸福广场调委会", "县级公共法律服务中心"} <= established
    subjects = {rel.subject for rel in rd.relations if rel.predicate.endswith("establishedBy")}
    objects = {rel.object for rel in rd.relations if rel.predicate.endswith("establishedBy")}
    assert objects == {"https://w3id.org/fazhi-kg/gov/131022"}
    assert len(subjects) >= 4


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("聘请专业律师常驻县司法局，", ["县司法局"]),
        ("2021年，我县税务局减税降费。", ["县税务局"]),
        ("在县残联建立“甘谷县残疾人法律援助工作站”", ["县残联", "甘谷县残疾人法律援助工作站"]),
        ("建设青龙村法治教育示范基地，", ["青龙村法治教育示范基地"]),
        (
            "充分发挥县委全面依法治县委员会和法治政府建设领导小组作用",
            ["县委全面依法治县委员会", "法治政府建设领导小组"],
        ),
        (
            "县委组织部、县委宣传部、县司法局和县法治宣传教育领导小组办公室联合组织",
            ["县委组织部", "县委宣传部", "县司法局", "县法治宣传教育领导小组办公室"],
        ),
        # (党委 alone is read as a department's own committee, kept only in a department's
        # report: see tests/resolve/test_institution_labels.py)
        ("坚持以人民为中心，党委中心组理论学习", ["党委"]),
        # a bracket left open before the name opens it; 暨 joins a meeting to a body
        ("直属单位(省卫生监督所)获评先进集体", ["省卫生监督所"]),
        ("召开区法治政府建设工作会议暨执法协调小组(扩大)会议", ["执法协调小组"]),
        ("持续推进行政复议规范化建设,区行政复议接待中心硬件建设升级", ["区行政复议接待中心"]),
        # a university's school and a cadre college are no government bodies; 中心学习组 a
        # study group
        ("与新疆大学法学院签订协议,利用陕西干部网络学院学习,镇党委中心学习组学法", []),
        # 按照/关于 end a word: the department after them is named whole
        ("按照政务服务办下发的清单,落实关于市司法局的意见", ["政务服务办", "市司法局"]),
    ],
)
def test_left_boundary(text: str, names: list[str]) -> None:
    assert _surfaces(text) == names


def test_catalogue_bodies_and_relative_departments_are_found(lexicons) -> None:
    from kg.extract.institutions import extract_institutions
    from kg.extract.sentences import split_sentences
    from kg.model import Document

    text = (
        "典型案例受到中央依法治国办肯定。我局会同市发展改革委、县人力社保局开展检查，"
        "全市发展改革委系统紧紧围绕中心工作。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [
        (m.surface, m.attr("relative"))
        for m in extract_institutions(doc, split_sentences(text), lexicons)
    ]
    assert got == [
        ("中央依法治国办", None),
        ("我局", "1"),
        ("市发展改革委", None),
        ("县人力社保局", None),
    ]


def test_rule_of_law_bodies_are_whole_and_titles_hold_no_institutions(lexicons) -> None:
    from kg.extract.institutions import extract_institutions
    from kg.extract.sentences import split_sentences
    from kg.model import Document

    text = (
        "在自治区党委全面依法治藏委员会指导下，学习中央全面依法治国委员会会议精神，"
        "召开依法治县工作领导小组会议，印发《中共垫江县委全面依法治县委员会2025年工作要点》，"
        "各部门认真组织部署，加强行政执法队伍建设，服务中心大局。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == ["自治区党委全面依法治藏委员会", "中央全面依法治国委员会", "依法治县工作领导小组"]


def test_one_word_before_a_short_ending_is_a_kind_not_a_body() -> None:
    # 研究基地, 干部学院, 治理中心 alone name no body; a longer name with the same ending does
    text = "发挥研究基地作用,组织干部学院培训,建成县数字化治理中心、县综治中心。"
    assert _surfaces(text) == ["县数字化治理中心", "县综治中心"]


def test_set_up_verbs_and_zones_are_no_part_of_a_name() -> None:
    # 优化设置 is what the sentence does; 副中心 alone is a zone; 管委会 ends a name
    text = "优化设置副中心党工委管委会内设机构。建设城市副中心。\n"
    assert _surfaces(text) == ["副中心党工委管委会"]


def test_an_issuer_right_after_an_unclosed_title_mark_is_the_titles() -> None:
    # the page cut the title before its 》: the office is the issuer, inside a regulation
    text = "(二)强化统筹推进。印发《江西省人民政府办公厅关于印发\n"
    assert _surfaces(text) == []


def test_a_rank_is_no_part_of_a_name() -> None:
    # 二级中心 is a grade of centre (jieba tags 二级 as a 区别词), not a body's name
    text = "执法办案管理中心已建成市级二级中心、执法办案区实现全覆盖。\n"
    assert _surfaces(text) == ["执法办案管理中心"]


def test_a_level_character_inside_a_word_starts_no_office() -> None:
    # 乡村代办, 市场办: 乡村 and 市场 are words, not a township's or a city's office
    assert _surfaces("推行“乡村代办”“市场办”服务,县委网信办牵头。") == ["县委网信办"]


def test_the_civilisation_practice_network_named_bare_is_no_body() -> None:
    # every county runs one: named bare it is a kind of site; with its place, one centre
    assert _surfaces("依托新时代文明实践中心开展普法宣讲。") == []
    assert _surfaces("区新时代文明实践中心开展普法宣讲。") == ["区新时代文明实践中心"]


def test_the_issuer_code_of_a_document_number_is_no_mention() -> None:
    # 县委依法治县办〔2024〕3号, 市司法局发[2022]5号: a citation's number, not the body; the same
    # body named in the sentence is a mention
    text = (
        "印发《关于加强法治督察的通知》(县委依法治县办〔2024〕3号)和市司法局发[2022]5号文件,"
        "由县司法局牵头落实。\n"
    )
    assert _surfaces(text) == ["县司法局"]


def test_a_zones_committees_are_bodies_the_zone_is_not() -> None:
    # 高新区党工委(管委会): the zone's party working committee and its administrative committee,
    # the latter named by the zone; a street's 党工委 is its organ (a government mention)
    text = (
        "2024年,城南街道在长沙高新区党工委(管委会)的坚强领导下推进法治建设,"
        "街道党工委书记履行第一责任人职责。两江新区工委部署普法工作。\n"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = extract_institutions(doc, split_sentences(text), empty_lexicons())
    got = [(m.surface, m.attr("name")) for m in found]
    assert got == [
        ("长沙高新区党工委", None),
        ("管委会", "长沙高新区管委会"),
        ("两江新区工委", None),
    ]


def test_a_party_committees_standing_committee_is_no_institution() -> None:
    # 县委常务委员会 (and the 常委委员会 some write) is the committee itself, a leading organ
    text = "经中共宁县县委常务委员会审议,推进十二届市委常委委员会第5次会议精神落实,县司法局牵头。\n"
    assert _surfaces(text) == ["县司法局"]


def test_two_bodies_side_by_side_and_a_year_before_a_name_are_cut_apart(lexicons) -> None:
    text = (
        "截至目前,政务服务中心城管局窗口共办理业务。本年度综合行政执法局开展理论学习。"
        "委托广东省农业农村厅开展工作。市委办公厅、市政府办公厅联合印发通知。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert "政务服务中心" in got and "城管局" in got and "政务服务中心城管局" not in got
    assert "综合行政执法局" in got and "本年度综合行政执法局" not in got
    assert "广东省农业农村厅" in got
    assert "市委办公厅" in got and "市政府办公厅" in got


def test_a_governments_own_party_group_written_alone(lexicons) -> None:
    text = "全年组织政府党组理论学习12次。各级政府党组要加强学习。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [
        (m.surface, m.attr("government_group"))
        for m in extract_institutions(doc, split_sentences(text), lexicons)
    ]
    assert got == [("政府党组", "党组")]


def test_a_group_for_two_fields_is_one_name_and_a_bureaus_organ_committee_is_found(
    lexicons,
) -> None:
    text = (
        "调整充实了普法和依法行政工作领导小组、法治建设领导小组。县领导和工作领导小组成员参加。"
        "局机关党委组织党员学习。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == ["普法和依法行政工作领导小组", "法治建设领导小组", "局机关党委"]


def test_what_may_not_follow_a_suffix_yields_to_a_department_named_after_it(lexicons) -> None:
    # 中心城区, 中心大局 are no centres; 中心 + 城管局 is a centre and a bureau.
    text = "推进中心城区建设。二是聚力服务中心大局。依托便民服务中心城管局窗口办理。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == ["便民服务中心", "城管局"]


def test_a_bureaus_branch_named_by_its_place_is_one_name(lexicons) -> None:
    # The whole name as written: the bureau, then the place the branch serves and its kind.
    text = "市交通运输局龙岗管理局开展执法。深圳市公安局龙岗分局联合执法。市司法局法律援助中心。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == ["市交通运输局龙岗管理局", "深圳市公安局龙岗分局", "市司法局法律援助中心"]


def test_a_departments_group_and_party_group_named_with_it_are_one_name(lexicons) -> None:
    # 以民政局党组书记…: the bureau's party group after 以; its leading group right after its
    # name is named whole, as is a merged bureau (民政和退役军人事务局) and a district branch.
    text = (
        "成立了以民政局党组书记、局长担任组长的县民政局法治建设工作领导小组。"
        "2025年,革吉县民政和退役军人事务局深入学习。今年以来,相山区生态环境分局推进执法。"
        "县司法局和县公安局联合执法。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == [
        "民政局党组",
        "县民政局法治建设工作领导小组",
        "革吉县民政和退役军人事务局",
        "相山区生态环境分局",
        "县司法局",
        "县公安局",
    ]


def test_words_before_a_name_a_count_after_it_and_bu_men_are_no_body(lexicons) -> None:
    # 特邀, 首次 open no name; 涉外 is part of one; 便民服务站1726个 counts a kind of body;
    # 本部门 is any department, not 本部 (the report's own ministry).
    text = (
        "特邀县委党校专家开展专题辅导。完成全区首次司法所高质量发展创建评估工作。"
        "全市建成便民服务站1726个。试点搭建“徐闻县涉外法治服务中心、民商事涉外调解工作站”。"
        "督促本部门工作人员完成学法。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == ["县委党校", "司法所", "徐闻县涉外法治服务中心", "民商事涉外调解工作站"]


def test_a_disclosure_pages_issuer_field_is_chrome(lexicons) -> None:
    text = "发布单位 湖南省交通运输厅 来源 厅法制处\n2023年,湖南省交通运输厅推进法治建设。\n"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    got = [m.start for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert got == [text.index("湖南省交通运输厅推进")]


def test_party_group_in_brackets_after_party_committee_is_a_class() -> None:
    # 党委（党组）理论学习中心组: every committee or group, not the report's own
    text = "将习近平法治思想纳入各级党委(党组)理论学习中心组学习内容，局党组召开会议3次。"
    assert _surfaces(text) == ["局党组"]


def test_a_name_starts_after_a_verb_before_its_place_and_never_with_a_count(lexicons) -> None:
    # 调整 is a word of its own before the town's name; 联合 runs into no place (联合镇); 两轮
    # counts the meetings
    text = (
        "及时调整海安镇依法治镇工作领导小组。经过两轮县机构改革领导小组组长会议研究审定。"
        "镇综治中心联合镇司法所开展调解。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert found == ["海安镇依法治镇工作领导小组", "县机构改革领导小组", "镇综治中心", "镇司法所"]


def test_guoban_and_zhongban_as_bodies_but_not_in_document_numbers_or_words(lexicons) -> None:
    text = (
        "根据中办、国办印发的意见，承接国办“高效办成一件事”套餐。"
        "依据国办发〔2019〕5号，全国办理案件。落实国办42个重点事项，建成便民服务站1726个。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert found == ["中办", "国办", "国办", "国办"]


def test_a_leading_groups_name_holds_the_verb_of_its_task_after_its_level(lexicons) -> None:
    text = "省推进依法行政工作领导小组召开会议，市全面推进依法行政工作领导小组办公室印发通知。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = [m.surface for m in extract_institutions(doc, split_sentences(text), lexicons)]
    assert found == ["省推进依法行政工作领导小组", "市全面推进依法行政工作领导小组办公室"]
