"""Government mention spans as docs/annotation-guide.md ("## Government") defines them:
places in full or short form, their leading organs, self-references, joint forms, and what
is not a government.  The guide's examples and the same rules applied to other places,
levels and organs."""

from __future__ import annotations

import pytest

from kg.extract.governments import extract_governments
from kg.extract.sentences import split_sentences
from kg.model import Document


def _spans(text: str, lexicons) -> list[str]:
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    return [m.surface for m in extract_governments(doc, split_sentences(text), lexicons)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # places in full and short form
        ("固安县推进依法行政。", ["固安县"]),
        ("廊坊各县区推进依法行政。", ["廊坊"]),
        ("湘西州推进依法行政，黔东南州开展执法检查。", ["湘西州", "黔东南州"]),
        ("内蒙古各地推进依法行政。", ["内蒙古"]),
        ("在河北率先推行。", ["河北"]),
        # 法治X / 平安X: the span is the place part
        ("奋力建设法治河北。", ["河北"]),
        ("全力打造平安四川。", ["四川"]),
        ("加快建设法治甘肃。", ["甘肃"]),
    ],
)
def test_places_in_full_and_short_form(lexicons, text, spans) -> None:
    assert _spans(text, lexicons) == spans


@pytest.mark.parametrize(
    "text",
    [
        "重庆路改造工程完工。",
        "与北京大学法学院合作。",
        "邀请南京大学教授授课。",
        "在天津路沿线开展宣传。",
    ],
)
def test_a_road_or_school_named_after_a_place_is_no_government(lexicons, text) -> None:
    assert _spans(text, lexicons) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("固安县人民政府常务会议学法。", ["固安县人民政府"]),
        ("县政府常务会议学法，市政府督查，省政府通报。", ["县政府", "市政府", "省政府"]),
        ("区政府、镇政府联合开展执法。", ["区政府", "镇政府"]),
        ("国务院印发通知。", ["国务院"]),
        ("中共临泉县委召开会议。", ["中共临泉县委"]),
        ("党中央决策部署，中共中央印发意见。", ["党中央", "中共中央"]),
        ("县人大常委会审议报告，全国人大常委会通过决定。", ["县人大常委会", "全国人大常委会"]),
        ("市政协开展民主监督。", ["市政协"]),
        ("县人民法院、县人民检察院联合开展宣传。", ["县人民法院", "县人民检察院"]),
        ("最高人民法院、最高人民检察院发布指导性案例。", ["最高人民法院", "最高人民检察院"]),
    ],
)
def test_leading_organs(lexicons, text, spans) -> None:
    assert _spans(text, lexicons) == spans


@pytest.mark.parametrize(
    "word",
    [
        "我县",
        "本县",
        "全县",
        "我市",
        "全市",
        "本区",
        "全区",
        "我省",
        "全省",
        "我镇",
        "全镇",
        "全乡",
        "全街道",
        "全州",
        "全旗",
        "全盟",
    ],
)
def test_self_references(lexicons, word) -> None:
    assert _spans(f"2023年，{word}推进依法行政。", lexicons) == [word]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("在县委、县政府的坚强领导下。", ["县委", "县政府"]),
        ("在县委县政府的坚强领导下。", ["县委", "县政府"]),
        ("在市委、市政府的坚强领导下。", ["市委", "市政府"]),
        ("在区委区政府的坚强领导下。", ["区委", "区政府"]),
    ],
)
def test_a_joint_form_is_two_mentions(lexicons, text, spans) -> None:
    assert _spans(text, lexicons) == spans


@pytest.mark.parametrize(
    "text",
    [
        "各级政府要依法行政。",
        "各乡镇、各部门要加强学习。",
        "推动执法力量向基层倾斜。",
        "在全国各地推广。",
        "排名全国第一。",
        "李家村、幸福社区开展普法。",
    ],
)
def test_generic_plurals_villages_and_the_country_as_an_extent(lexicons, text) -> None:
    assert _spans(text, lexicons) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在中国式现代化中推动了博乐高质量发展。", "博乐"),
        ("为社会主义现代化新朔城提供法治保障。", "朔城"),
        ("奋力建设法治嘉定。", "嘉定"),
    ],
)
def test_a_county_short_name_in_a_compound_is_a_candidate(lexicons, text, name) -> None:
    # the resolver keeps it only when it lies on the author's own chain
    assert _spans(text, lexicons) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "县人大常委会办公室开展调研。",
        "市人大常委会法制工作委员会征求意见。",
        "全国人大常委会法工委调研。",
    ],
)
def test_a_body_of_the_congress_is_one_longer_mention_not_the_congress(lexicons, text) -> None:
    # spans do not nest: the office (an institution) is the longer mention, and the
    # congress is not read out of it as 县人大
    assert _spans(text, lexicons) == []


def test_the_national_congress_is_named_by_quanguo(lexicons) -> None:
    assert _spans("全国人大代表视察。", lexicons) == ["全国人大"]


def test_places_inside_a_cited_title_belong_to_the_title(lexicons) -> None:
    assert _spans("贯彻《四川省依法行政条例》，省政府督办。", lexicons) == ["省政府"]
