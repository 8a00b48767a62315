"""The report's author and year as docs/annotation-guide.md ("## Author and year") defines
them: which source wins (title, signature, addressee with self-reference, first sentence,
byline last), department and joint reports, towns, and abstention when the text does not
make the place certain.

Each report is a short text written for the rule (other places, levels and departments
than the guide's own examples), read through the whole ingest stage like a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.resolve.authors import resolve_authorship
from kg.resolve.places import organ_label

BODY = (
    "一、主要工作\n深入学习贯彻习近平法治思想，推进严格规范公正文明执法，全年办理行政复议案件"
    "12件。\n二、存在的问题\n法治宣传的针对性还不够强。\n"
)


def _read(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def _author(tmp_path: Path, text: str, resources) -> tuple[list[str], list[str], str]:
    """Author labels, the first author's place chain from the province down, evidence."""
    doc = _read(tmp_path, text)
    a = resolve_authorship(doc, resources)
    gz = resources.gazetteer
    labels = [
        o.unit or o.label or (organ_label(o.division, o.organ) if o.division else "")
        for o in a.organs
    ]
    div = a.division
    chain = [d.name for d in reversed(gz.chain(div.code, doc.meta.year))] if div else []
    return labels, chain, a.evidence


# ------------------------------------------------------------------ 1. the title line


@pytest.mark.parametrize(
    ("title", "label", "chain"),
    [
        (
            "固安县人民政府关于2023年度法治政府建设情况的报告",
            "固安县人民政府",
            ["河北省", "廊坊市", "固安县"],
        ),
        ("巫山县司法局2022年法治政府建设工作报告", "巫山县司法局", ["重庆市", "巫山县"]),
        ("江西省人民政府关于2022年法治政府建设情况的报告", "江西省人民政府", ["江西省"]),
        (
            "宝山区友谊路街道办事处2023年法治政府建设情况报告",
            "友谊路街道办事处",
            ["上海市", "宝山区", "友谊路街道"],
        ),
        (
            "德清县市场监督管理局关于2023年度法治政府建设工作情况的报告",
            "德清县市场监督管理局",
            ["浙江省", "湖州市", "德清县"],
        ),
    ],
)
def test_the_title_line_names_the_author(tmp_path, resources, title, label, chain) -> None:
    labels, got, evidence = _author(tmp_path, title + "\n" + BODY, resources)
    assert labels == [label]
    assert got == chain
    assert evidence == "title"


def test_a_title_run_together_with_site_chrome_and_first_sentence(tmp_path, resources) -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设 南皮县人民政府关于2022年法治政府建设情况的报告 "
        "2022年，我县坚持以习近平法治思想为指导，全面推进依法行政。\n" + BODY
    )
    labels, chain, evidence = _author(tmp_path, text, resources)
    assert labels == ["南皮县人民政府"]
    assert chain == ["河北省", "沧州市", "南皮县"]
    assert evidence == "title"


def test_a_navigation_trail_alone_stays_chrome(tmp_path) -> None:
    # the trail is blanked (offsets kept); the dated title after it is report text
    text = "首页 > 政务公开 > 临泉县人民政府关于2022年法治政府建设情况的报告\n" + BODY
    doc = _read(tmp_path, text)
    assert "政务公开" not in doc.text and len(doc.text) == len(text)
    assert "临泉县人民政府关于2022年" in doc.text
    trail_only = _read(tmp_path, "当前位置：首页 > 政务公开 > 法治政府建设年度报告\n" + BODY)
    assert "法治政府建设年度报告" not in trail_only.text


def test_the_title_wins_over_a_first_sentence_naming_a_department(tmp_path, resources) -> None:
    text = (
        "临海市人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年，市司法局坚持以习近平法治思想为指导，统筹推进法治政府建设。\n" + BODY
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["临海市人民政府"]
    assert chain == ["浙江省", "台州市", "临海市"]


@pytest.mark.parametrize(
    "cited",
    ["丰县人民政府关于2023年度法治政府建设情况的报告", "桐乡市司法局2023年法治政府建设工作报告"],
)
def test_a_report_cited_in_a_sentence_is_not_the_title_line(tmp_path, resources, cited) -> None:
    text = (
        f"会议听取了《{cited}》，研究部署下一步工作。\n"
        "2023年，平湖市坚持以习近平法治思想为指导，全面推进法治政府建设。\n" + BODY
    )
    labels, _, evidence = _author(tmp_path, text, resources)
    assert labels == ["平湖市人民政府"]
    assert evidence == "first-sentence"


# ------------------------------------------------------------------ 2. the signature


def test_the_signature_names_the_author_of_an_untitled_report(tmp_path, resources) -> None:
    text = "2023年法治政府建设情况\n" + BODY + "\n新沂市人民政府\n2024年1月15日\n"
    labels, chain, evidence = _author(tmp_path, text, resources)
    assert labels == ["新沂市人民政府"]
    assert chain == ["江苏省", "徐州市", "新沂市"]
    assert evidence == "signature"


def test_a_department_signature_makes_a_department_report(tmp_path, resources) -> None:
    text = "关于2023年度法治政府建设工作情况的报告\n" + BODY + "\n三明市生态环境局\n2024年2月1日\n"
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["三明市生态环境局"]
    assert chain == ["福建省", "三明市"]


@pytest.mark.parametrize(
    ("signature", "label"),
    [
        ("平湖市市场监督管理局", "平湖市市场监督管理局"),
        ("义乌市市场监管局", "义乌市市场监督管理局"),
        ("瑞安市市司法局", "瑞安市司法局"),
    ],
)
def test_a_department_whose_name_starts_with_a_level_word_keeps_it(
    tmp_path, resources, signature, label
) -> None:
    text = "市司法局：\n现将我局2023年度法治政府建设情况报告如下：\n" + BODY
    labels, _, _ = _author(tmp_path, text + f"\n{signature}\n2024年1月5日\n", resources)
    assert labels == [label]


# ------------------------------------------------------------------ 3. addressee + self-reference


def test_addressee_and_self_reference_with_the_place_named_elsewhere(tmp_path, resources) -> None:
    text = (
        "市人大常委会：\n2023年，市政府坚持以习近平法治思想为指导，加快建设法治重庆，"
        "全市法治政府建设取得新成效。\n一、主要工作\n全市行政复议案件办结率100%。\n"
        "二、下一步打算\n持续推进法治重庆建设。\n"
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["重庆市人民政府"]
    assert chain == ["重庆市"]


@pytest.mark.parametrize(("word", "place"), [("全县", "固安"), ("全区", "嘉定"), ("我县", "安吉")])
def test_a_self_reference_placed_by_a_fazhi_compound(tmp_path, resources, word, place) -> None:
    text = (
        f"2023年，{word}坚持以习近平法治思想为指导，奋力建设法治{place}，"
        f"{word}法治政府建设取得新成效。\n" + BODY
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert len(labels) == 1 and labels[0].startswith(place)
    assert chain[-1].startswith(place)


# ------------------------------------------------------------------ 4. the first sentence


@pytest.mark.parametrize(
    ("subject", "label", "chain"),
    [
        ("嘉定区", "嘉定区人民政府", ["上海市", "嘉定区"]),
        ("栾川县", "栾川县人民政府", ["河南省", "洛阳市", "栾川县"]),
        ("湖州市", "湖州市人民政府", ["浙江省", "湖州市"]),
    ],
)
def test_the_first_sentence_subject_when_there_is_no_title(
    tmp_path, resources, subject, label, chain
) -> None:
    text = f"2023年，{subject}坚持以习近平法治思想为指导，全面推进法治政府建设。\n" + BODY
    labels, got, evidence = _author(tmp_path, text, resources)
    assert labels == [label]
    assert got == chain
    assert evidence == "first-sentence"


def test_a_subject_below_a_section_heading_is_not_the_first_sentence(tmp_path, resources) -> None:
    # 临海市 is a county-level city of 台州市 whose work the city's report tells
    text = (
        "2023年，全市坚持以习近平法治思想为指导，推进法治政府建设。\n一、主要工作\n"
        "临海市推进行政复议，临海市开展执法检查。台州市部署，台州市督查，台州市推进，台州市考核。\n"
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["台州市人民政府"]
    assert chain == ["浙江省", "台州市"]


def test_self_reference_with_two_places_of_its_level_named_alike_abstains(
    tmp_path, resources
) -> None:
    # 全市 with 临海市 named three times and 台州市 twice: either could be the reporter
    text = (
        "2023年，全市坚持以习近平法治思想为指导，推进法治政府建设。\n一、主要工作\n"
        "临海市推进行政复议，临海市开展执法检查，临海市完成培训。台州市部署工作，台州市督查。"
        "全市办结案件。\n"
    )
    assert resolve_authorship(_read(tmp_path, text), resources).division is None


@pytest.mark.parametrize(("own", "other", "placed"), [(4, 1, True), (3, 2, False)])
def test_wo_ju_takes_a_department_named_in_full_only_with_a_clear_lead(
    tmp_path, resources, own, other, placed
) -> None:
    text = (
        "现将我局2023年度法治政府建设情况报告如下：\n一、主要工作\n"
        + "我局推进执法，安吉县司法局开展培训。" * own
        + "参加湖州市司法局组织的比武。" * other
        + "\n"
    )
    a = resolve_authorship(_read(tmp_path, text), resources)
    if placed:
        assert [o.unit for o in a.organs] == ["安吉县司法局"]
    else:
        assert a.division is None


# ------------------------------------------------------------------ 5. the byline, last


def test_a_byline_is_the_author_only_when_nothing_else_names_one(tmp_path, resources) -> None:
    text = "来源：固安县司法局 发布时间：2023-12-20\n推进法治建设 守护百姓平安\n" + BODY
    labels, chain, evidence = _author(tmp_path, text, resources)
    assert labels == ["固安县司法局"]
    assert chain == ["河北省", "廊坊市", "固安县"]
    assert evidence == "byline"


def test_a_byline_loses_to_the_title_and_is_kept_as_publisher(tmp_path, resources) -> None:
    text = (
        "来源：固安县司法局 发布时间：2024-03-20\n"
        "固安县人民政府关于2023年度法治政府建设情况的报告\n" + BODY
    )
    doc = _read(tmp_path, text)
    a = resolve_authorship(doc, resources)
    assert [organ_label(o.division, o.organ) for o in a.organs] == ["固安县人民政府"]
    assert a.publisher == "固安县司法局"


@pytest.mark.parametrize(("lead", "verb"), [("近日", "召开"), ("日前", "举办"), ("2023年", "开展")])
def test_a_news_opening_subject_wins_over_a_closing_byline(tmp_path, resources, lead, verb) -> None:
    text = (
        "推进依法行政 建设法治政府\n"
        f"{lead}，长兴县{verb}法治政府建设推进会，总结全年工作，部署下一步任务。\n"
        + BODY
        + "（来源：湖州市司法局）\n"
    )
    doc = _read(tmp_path, text)
    a = resolve_authorship(doc, resources)
    assert [organ_label(o.division, o.organ) for o in a.organs] == ["长兴县人民政府"]
    assert a.evidence == "first-sentence"
    assert a.publisher == "湖州市司法局"  # the name stops at the bracket


@pytest.mark.parametrize(
    ("office", "label"),
    [("平谷区人民政府办公室", "平谷区人民政府"), ("海南省人民政府办公厅", "海南省人民政府")],
)
def test_a_government_office_publishing_makes_its_government_the_author(
    tmp_path, resources, office, label
) -> None:
    text = f"发布机构：{office} 发布日期：2023-12-28\n推进依法行政 建设法治政府\n" + BODY
    labels, _, _ = _author(tmp_path, text, resources)
    assert labels == [label]


# ------------------------------------------------------------------ department and joint reports


def test_a_national_ministry_is_its_own_author(tmp_path, resources) -> None:
    text = "司法部关于2022年法治政府建设年度情况的报告\n" + BODY
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert [(o.unit or o.label, o.national) for o in a.organs] == [("司法部", True)]


def test_a_joint_report_lists_the_party_committee_first(tmp_path, resources) -> None:
    text = "中共临泉县委 临泉县人民政府关于2022年度法治政府建设情况的报告\n" + BODY
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["中共临泉县委员会", "临泉县人民政府"]
    assert chain == ["安徽省", "阜阳市", "临泉县"]


def test_speaking_of_the_party_committee_does_not_make_a_joint_report(tmp_path, resources) -> None:
    text = (
        "临泉县人民政府关于2022年度法治政府建设情况的报告\n"
        "2022年，在县委、县政府的坚强领导下，县委、县政府统筹推进法治政府建设。\n" + BODY
    )
    labels, _, _ = _author(tmp_path, text, resources)
    assert labels == ["临泉县人民政府"]


# ------------------------------------------------------------------ towns; the place not certain


def test_a_town_report_is_by_the_towns_government_placed_by_the_title(tmp_path, resources) -> None:
    text = "武义县柳城畲族镇人民政府2023年法治政府建设工作总结\n" + BODY
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["柳城畲族镇人民政府"]
    assert chain == ["浙江省", "金华市", "武义县", "柳城畲族镇"]


def test_a_town_name_held_in_several_provinces_is_never_guessed(tmp_path, resources) -> None:
    gz = resources.gazetteer
    towns = [d for d in gz.lookup("城关镇", 2023) if d.level == "township"]
    assert len(towns) > 1  # the premise: the name does not say where
    text = "城关镇人民政府2023年法治政府建设情况报告\n" + BODY
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert a.division is None  # unplaced or abstained: no guessed place


@pytest.mark.parametrize("district", ["鼓楼区", "西湖区", "宝山区"])
def test_a_district_name_several_cities_hold_is_not_placed_by_guess(
    tmp_path, resources, district
) -> None:
    text = f"2023年，{district}坚持以习近平法治思想为指导，全面推进法治政府建设。\n" + BODY
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert a.division is None


def test_a_district_name_several_cities_hold_is_placed_by_its_city(tmp_path, resources) -> None:
    text = "福州市鼓楼区人民政府关于2023年度法治政府建设情况的报告\n" + BODY
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["鼓楼区人民政府"]
    assert chain == ["福建省", "福州市", "鼓楼区"]


def test_a_relative_government_with_no_place_named_gives_no_author(tmp_path, resources) -> None:
    text = "2023年，县政府坚持以习近平法治思想为指导，推进法治政府建设。\n" + BODY
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert a.division is None


def test_self_reference_alone_gives_no_place(tmp_path, resources) -> None:
    text = "2023年，我县坚持以习近平法治思想为指导，全县法治政府建设取得新成效。\n" + BODY
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert a.division is None


def test_a_superior_quoted_in_the_first_sentence_is_not_the_author(tmp_path, resources) -> None:
    # 市委、市政府 lead; the report is the county's (its signature).
    text = (
        "2023年，在市委、市政府的坚强领导下，我县坚持以习近平法治思想为指导，推进法治建设。\n"
        + BODY
        + "\n云和县人民政府\n2024年1月20日\n"
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["云和县人民政府"]
    assert chain == ["浙江省", "丽水市", "云和县"]


# ------------------------------------------------------------------ year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "固安县人民政府关于2023年法治政府建设情况的报告\n"
            + BODY
            + "\n固安县人民政府\n2024年2月5日\n",
            2023,
        ),
        (
            "关于法治政府建设工作的总结\n今年以来，我局认真贯彻落实。\n"
            + BODY
            + "\n德清县司法局\n2023年12月20日\n",
            2023,
        ),
        (
            "关于法治政府建设工作情况的报告\n今年以来，我局认真贯彻落实。\n"
            + BODY
            + "\n德清县司法局\n2024年1月10日\n",
            2023,
        ),
    ],
)
def test_the_year_is_the_year_reported_on(tmp_path, text, year) -> None:
    assert _read(tmp_path, text).meta.year == year


@pytest.mark.parametrize(
    "organs",
    ["省生态环境厅机关", "市自然资源局党组", "县交通运输局党政主要负责人", "区教育局领导班子"],
)
def test_a_text_that_names_its_bureaus_own_organs_is_no_governments_self_reference(
    tmp_path, resources, organs
) -> None:
    # no title and no subject: 法治浙江 and 全省 alone would make it 浙江省人民政府's, but a
    # bureau named with its own 机关, 党组 or leaders speaks as that bureau: not the government
    text = (
        "一、主要工作\n全省深入推进法治浙江建设。"
        f"{organs}认真履行推进法治建设第一责任人职责，全省行政复议案件办结率100%。\n"
        "二、下一步打算\n持续推进法治浙江建设。\n"
    )
    a = resolve_authorship(_read(tmp_path, text), resources)
    assert not any(o.organ == "government" for o in a.organs)


def test_a_text_that_names_bureaus_at_work_is_still_its_governments(tmp_path, resources) -> None:
    # a government's report names its bureaus' work (市司法局开展…), not their own organs
    text = (
        "一、主要工作\n全省深入推进法治浙江建设。省司法厅开展行政执法检查，"
        "全省行政复议案件办结率100%。\n二、下一步打算\n持续推进法治浙江建设。\n"
    )
    labels, chain, _ = _author(tmp_path, text, resources)
    assert labels == ["浙江省人民政府"]
    assert chain == ["浙江省"]
