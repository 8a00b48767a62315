"""The annotation guide's rules for indicators (docs/annotation-guide.md, "## Indicator").

Each test states one rule of the guide: its own examples first, then sentences of
other places, bodies and counted things that apply the same rule.
"""

from __future__ import annotations

import pytest

from kg.extract import split_sentences
from kg.extract.indicators import extract_indicators
from kg.extract.lexicons import empty_lexicons
from kg.model import Document, Mention


def _numbers(text: str) -> list[Mention]:
    doc = Document(path="t", name="t", text=text, sha1="0" * 40, fmt="txt", encoding="utf-8")
    return extract_indicators(doc, split_sentences(text), empty_lexicons())


def _one(text: str, number: str) -> Mention:
    """The one indicator of ``text`` whose span holds ``number`` (the number and its unit)."""
    at = text.index(number)
    found = [m for m in _numbers(text) if m.start <= at and at + len(number) <= m.end]
    assert len(found) == 1, [text[m.start : m.end] for m in _numbers(text)]
    return found[0]


def _what(m: Mention) -> str:
    return (m.attr("object") or "") + (m.attr("verb") or "")


# The guide's examples and others like them: (sentence, number and unit as written,
# value, unit, object, action). The object and action must both be read.
GUIDE_CASES = [
    ("全年受理行政复议案件215件。", "215件", "215", "件", "行政复议案件", "受理"),
    ("调解成功率97%。", "97%", "97", "%", "调解成功率", ""),
    ("领导干部年终述法1096人次。", "1096人次", "1096", "人次", "述法", "述法"),
    ("举办宣传宣讲10万余场次。", "10万余场次", "100000", "场", "宣传宣讲", "举办"),
    ("审查规范性文件32件。", "32件", "32", "件", "规范性文件", "审查"),
    # the same rules on other counted things and acts
    ("乡镇司法所调处各类矛盾纠纷超过300起。", "300起", "300", "起", "矛盾纠纷", "调处"),
    ("区法律援助中心办结法律援助案件1,586件。", "1,586件", "1586", "件", "法律援助案件", "办结"),
    ("开展宣传咨询20余次。", "20余次", "20", "次", "宣传咨询", "开展"),
    ("发放普法宣传资料2.3万份。", "2.3万份", "23000", "份", "普法宣传资料", "发放"),
    ("为农民工挽回经济损失860万元。", "860万元", "8600000", "元", "经济损失", "挽回"),
    ("举办法治讲座近40场。", "近40场", "40", "场", "法治讲座", "举办"),
]


@pytest.mark.parametrize(("text", "number", "value", "unit", "obj", "action"), GUIDE_CASES)
def test_value_unit_and_what_was_counted(text, number, value, unit, obj, action):
    m = _one(text, number)
    assert (m.attr("value"), m.attr("unit")) == (value, unit)
    assert obj in _what(m) and action in _what(m)


@pytest.mark.parametrize(
    ("text", "number", "approximate"),
    [
        ("举办宣传宣讲10万余场次。", "10万余场次", "1"),
        ("覆盖群众50余万人。", "50余万人", "1"),  # 余 before 万 as well as after it
        ("接待来访群众近400人。", "近400人", "1"),
        ("开展执法检查约200次。", "约200次", "1"),
        ("培训网格员1000人左右。", "1000人左右", "1"),
        ("审查规范性文件32件。", "32件", "0"),
    ],
)
def test_approximate_words_attached_to_the_number(text, number, approximate):
    assert _one(text, number).attr("approximate") == approximate


def test_a_percentage_in_words_is_a_rate():
    # The guide's span `百分之百`: the number and its unit written in words.
    m = _one("群众满意率达到百分之百。", "百分之百")
    assert (m.attr("value"), m.attr("unit"), m.attr("object")) == ("100", "%", "群众满意率")
    assert _one("案件办结率百分之九十五。", "百分之九十五").attr("value") == "95"


def test_fifty_ten_thousands_and_more_is_multiplied_out():
    m = _one("开展法律进乡村活动50余万人次。", "50余万人次")
    assert (m.attr("value"), m.attr("unit")) == ("500000", "人次")


@pytest.mark.parametrize(
    ("text", "number", "value", "unit"),
    [
        # the guide's units 小时 天 km: a time a piece of work took, a length built
        ("企业开办时间压缩至1个工作日。", "1个工作日", "1", "工作日"),
        ("不动产登记办理时限压缩至3天。", "3天", "3", "天"),
        ("项目审批平均用时仅45天。", "45天", "45", "天"),
        ("建成法治文化长廊5公里。", "5公里", "5", "km"),
        ("配备录音笔1只。", "1只", "1", "只"),
    ],
)
def test_units_of_time_and_length(text, number, value, unit):
    m = _one(text, number)
    assert (m.attr("value"), m.attr("unit")) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        # durations of a plan or in a name, and time limits set by a rule
        "打造15分钟公共法律服务圈。",
        "建成24小时自助服务区。",
        "收到申请后10日内作出答复。",
        "2023年3月5日召开全县法治工作会议。",
        # ordinals and batches, list markers
        "入选第三批全国法治政府建设示范项目。",
        "三是强化执法监督。",
        "召开第二次全体会议。",
        # numbers inside names and titles
        "深入实施八五普法规划。",
        "组织开展百名法学家百场报告会。",
        "推广“1+3+X”学法清单。",
        "畅通12345政务服务热线。",
        "印发《关于实现95%事项网上可办的通知》。",
        # rules and targets stated as norms
        "各部门每季度不少于1次集中学法。",
        "确保行政执法人员持证率达到100%。",
        "力争群众满意率达到95%以上。",
        # rankings and scores in assessments
        "在全市法治政府建设考核中排名第3。",
        "法治建设考核获得全市第一名。",
        "全省依法行政考核得分96.5分。",
        "综合考评位列全省前10名。",
        # article numbers, document numbers, phone numbers, years
        "依据《行政处罚法》第32条作出决定。",
        "印发县政办发〔2023〕5号文件。",
        "法律援助热线0931-1234567。",
    ],
)
def test_not_indicators(text):
    assert _numbers(text) == []
