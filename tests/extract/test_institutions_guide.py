"""The annotation guide's rules for institutions (docs/annotation-guide.md, "## Institution"),
each applied to the guide's own examples and to other places, levels and bodies.  The
reports are short openings in the shape of real ones; the labels are the guide's form:
the place's name + the standard full name of the body."""

from __future__ import annotations

import pytest

from kg.extract import extract_all
from kg.model import Document, DocumentMeta
from kg.resolve.document import resolve_document

COUNTY = "固安县司法局2023年法治政府建设情况报告\n2023年,固安县司法局坚持依法行政。"
DISTRICT = "南岸区人民政府2023年法治政府建设情况报告\n2023年,南岸区坚持依法行政。"
TOWN = "大盛镇2023年法治政府建设工作报告\n2023年,重庆市渝北区大盛镇坚持依法行政。"


def _institutions(opening: str, sentence: str, resources, lexicons) -> list[tuple[str, str]]:
    """(surface, label) of every institution named in ``sentence`` after the opening."""
    text = opening + sentence + "\n"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2023))
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    return [
        (r.mention.surface, r.entity.label)
        for r in rd.mentions
        if r.mention.type == "institution" and r.mention.start >= len(opening)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the guide's departments, relative forms resolved to the author's place
        (
            "县司法局、县市场监管局、县发改委联合检查。",
            [
                ("县司法局", "固安县司法局"),
                ("县市场监管局", "固安县市场监督管理局"),
                ("县发改委", "固安县发展和改革委员会"),
            ],
        ),
        ("县委政法委召开会议。", [("县委政法委", "中共固安县委政法委员会")]),
        ("依法治县办督促落实。", [("依法治县办", "中共固安县委全面依法治县委员会办公室")]),
        ("县级公共法律服务中心建成运行。", [("县级公共法律服务中心", "固安县公共法律服务中心")]),
        ("我局全年办理案件50件。", [("我局", "固安县司法局")]),
        # national bodies belong to the state
        (
            "中央依法治国办、全国普法办发布通知。",
            [
                ("中央依法治国办", "中央全面依法治国委员会办公室"),
                ("全国普法办", "全国普法办公室"),
            ],
        ),
        # the place prefix, when written, is part of the span; the label has the body's own place
        (
            "固安县委依法治县办、河北省固安县司法局开展督查。",
            [
                ("固安县委依法治县办", "中共固安县委全面依法治县委员会办公室"),
                ("河北省固安县司法局", "固安县司法局"),
            ],
        ),
        # trailing words are not part of the span: 司法局局长 -> 司法局
        ("县司法局局长带队检查。", [("县司法局", "固安县司法局")]),
    ],
)
def test_the_guides_examples(sentence, expected, resources, lexicons) -> None:
    assert _institutions(COUNTY, sentence, resources, lexicons) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # offices named X办 after a level word: a party committee's offices take 中共…委
        (
            "县平安办、县综治办、县网信办联合发文。",
            [
                ("县平安办", "中共固安县委平安固安建设领导小组办公室"),
                ("县综治办", "中共固安县委社会治安综合治理委员会办公室"),
                ("县网信办", "中共固安县委网络安全和信息化委员会办公室"),
            ],
        ),
        (
            "市委网信办、县委办、县党政办督促落实。",
            [
                ("市委网信办", "中共廊坊市委网络安全和信息化委员会办公室"),
                ("县委办", "中共固安县委办公室"),
                ("县党政办", "固安县党政办公室"),
            ],
        ),
        # an office the catalogue does not know keeps its short name, with its place
        ("县防汛办开展检查。", [("县防汛办", "固安县防汛办")]),
    ],
)
def test_offices_written_with_ban_are_institutions(sentence, expected, resources, lexicons) -> None:
    assert _institutions(COUNTY, sentence, resources, lexicons) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "省委督办的事项和县领导交办的案件全部办结。",  # 办 as a verb
        "实现全市通办、跨省通办。",  # 通办: a service, not an office
        "为市民办实事,县里办好民生事。",  # the level character inside another word
        "县乡联办事项全部办结。",  # two levels handling a matter together
    ],
)
def test_ban_as_a_verb_names_no_office(sentence, resources, lexicons) -> None:
    assert _institutions(COUNTY, sentence, resources, lexicons) == []


def test_a_towns_office_written_bare_is_the_towns(resources, lexicons) -> None:
    assert _institutions(TOWN, "党政办负责日常工作。", resources, lexicons) == [
        ("党政办", "大盛镇党政办公室")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 和 joins two fields of one body's name
        (
            "区城市管理和综合执法局开展执法。",
            [("区城市管理和综合执法局", "南岸区城市管理和综合执法局")],
        ),
        (
            "区数字化城市运行和治理中心投入运行。",
            [("区数字化城市运行和治理中心", "南岸区数字化城市运行和治理中心")],
        ),
        (
            "区统计和审计局、区应急管理和消防救援局开展工作。",
            [
                ("区统计和审计局", "南岸区统计和审计局"),
                ("区应急管理和消防救援局", "南岸区应急管理和消防救援局"),
            ],
        ),
        # …but joins two bodies when the first name is whole or names people
        (
            "区司法局和综合执法局联合检查。",
            [("区司法局", "南岸区司法局"), ("综合执法局", "南岸区综合行政执法局")],
        ),
        ("区领导和区司法局负责人座谈。", [("区司法局", "南岸区司法局")]),
    ],
)
def test_names_with_he_are_one_body_when_he_joins_fields(
    sentence, expected, resources, lexicons
) -> None:
    assert _institutions(DISTRICT, sentence, resources, lexicons) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # generic classes and plurals are not institutions
        "各部门、行政机关、执法部门要依法履职。",
        "各乡镇司法所、13个调委会参与调解。",
        "各村公共法律服务工作站运行良好。",
        "各乡镇(街道)综治中心、各村(社区)调委会运行。",
        "各县司法局、各个派出所参加。",
        # work, meetings, zones and site menus
        "围绕中心工作,召开县政府常务会议。",
        "建设城市副中心。",
        "点击新闻中心、信息公开栏目。",
        # leading organs are governments
        "县人大常委会、县政协、县监委开展监督。",
    ],
)
def test_what_is_not_an_institution(sentence, resources, lexicons) -> None:
    assert _institutions(COUNTY, sentence, resources, lexicons) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bureau or centre of any field after a level word, not only those the lists know
        (
            "县营商环境监督局、县投资促进局开展工作。",
            [
                ("县营商环境监督局", "固安县营商环境监督局"),
                ("县投资促进局", "固安县投资促进局"),
            ],
        ),
        ("县委老干部局组织学习。", [("县委老干部局", "中共固安县委老干部局")]),
        (
            "县新时代文明实践中心、县不动产登记中心运行。",
            [
                ("县新时代文明实践中心", "固安县新时代文明实践中心"),
                ("县不动产登记中心", "固安县不动产登记中心"),
            ],
        ),
        # 和/与 joining two fields of one bureau's name
        (
            "县行政审批与政务服务局、县市场监督管理和知识产权局开展工作。",
            [
                ("县行政审批与政务服务局", "固安县行政审批与政务服务局"),
                ("县市场监督管理和知识产权局", "固安县市场监督管理和知识产权局"),
            ],
        ),
        # 局 inside another word is no bureau
        ("形成全县工作格局,服务发展大局,优化县域布局。", []),
    ],
)
def test_bodies_of_any_field_after_a_level_word(sentence, expected, resources, lexicons) -> None:
    assert _institutions(COUNTY, sentence, resources, lexicons) == expected


def test_a_level_word_after_words_that_are_no_place_starts_the_name(resources, lexicons) -> None:
    # 生动实践 is no place: the name is 市司法局; 大盛镇 is one, and stays in the name
    sentence = "成为生动实践市司法局的典型,大盛镇司法所参与,创建示范市领导小组成立。"
    got = _institutions(COUNTY, sentence, resources, lexicons)
    assert got[0] == ("市司法局", "廊坊市司法局")
    assert got[1][0] == "大盛镇司法所"
    assert got[2][0] == "创建示范市领导小组"  # no department after 市: one name


@pytest.mark.parametrize(
    ("opening", "sentence", "expected"),
    [
        # a base named by its kind alone is a site where work is done, not a body
        (DISTRICT, "依托挂牌设立的红色教育基地开展学习。", []),
        (COUNTY, "建立法治文化研究基地,编写法治蓝皮书。", []),
        # with its place written before it, one body
        (
            TOWN,
            "区青少年法治教育基地接待学生2000人次。",
            [("区青少年法治教育基地", "渝北区青少年法治教育基地")],
        ),
        (
            COUNTY,
            "成立河北省习近平法治思想研究基地,举办研讨班。",
            [("河北省习近平法治思想研究基地", "河北省习近平法治思想研究基地")],
        ),
    ],
)
def test_a_base_is_a_body_only_with_its_place(
    opening: str, sentence: str, expected, resources, lexicons
) -> None:
    assert _institutions(opening, sentence, resources, lexicons) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "(2024年5月20日在市第七届人民代表大会常务委员会第十二次会议上)",
        "政协南岸区第十届委员会第三次会议听取报告。",
        "在区十八届人大常委会第五次会议上作报告。",
    ],
)
def test_a_congress_of_a_term_is_no_institution(sentence: str, resources, lexicons) -> None:
    # a leading organ is a government mention (the guide), also when its term is written
    assert _institutions(DISTRICT, sentence, resources, lexicons) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a group set up for a task is named by the task, its verbs included
        (
            "区政府成立统筹推进法治乡村建设领导小组,统一部署。",
            [("统筹推进法治乡村建设领导小组", "南岸区统筹推进法治乡村建设领导小组")],
        ),
        (
            "组建推进法治政府建设示范创建领导专班,挂图作战。",
            [("推进法治政府建设示范创建领导专班", "南岸区推进法治政府建设示范创建领导专班")],
        ),
        # who leads it is no part of its name; two groups are two
        (
            "成立了以区长为组长的依法行政工作领导小组。",
            [("依法行政工作领导小组", "南岸区依法行政工作领导小组")],
        ),
        ("组建领导小组和工作专班,对照清单推进。", []),
    ],
)
def test_a_founded_group_is_named_whole(sentence: str, expected, resources, lexicons) -> None:
    assert _institutions(DISTRICT, sentence, resources, lexicons) == expected
