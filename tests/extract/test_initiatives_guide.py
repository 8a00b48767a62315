"""Initiatives against the annotation guide (docs/annotation-guide.md, "Initiative").

Each case is a short sentence of a report and the mentions the guide asks for,
as (span, label). The guide's own examples come first in each group, then
sentences that apply the same rule to other programmes, places and verbs, so
that a case checks the rule and not one phrase.
"""

from __future__ import annotations

import pytest

from kg.extract import split_sentences
from kg.extract.initiatives import extract_initiatives
from kg.model import Document


def _found(text: str, lexicons, resources, year: int = 2023) -> list[tuple[str, str]]:
    """(span as written, concept label) of every initiative in ``text``, in order."""
    doc = Document(path="t", name="t", text=text, sha1="0" * 40, fmt="txt", encoding="utf-8")
    return [
        (m.surface, resources.initiatives.entity(m.attr("term") or m.surface, year).label)
        for m in extract_initiatives(doc, split_sentences(text), lexicons)
    ]


def _check(text: str, expected: list[tuple[str, str]], lexicons, resources) -> None:
    assert _found(text, lexicons, resources) == expected


# Named programmes, quoted or not: the span and the standard label.
NAMED = [
    ("坚持和发展新时代“枫桥经验”，化解矛盾纠纷。", [("枫桥经验", "枫桥经验")]),
    ("坚持发展新时代枫桥经验。", [("枫桥经验", "枫桥经验")]),
    ("持续深化“放管服”改革，优化营商环境。", [("“放管服”改革", "放管服改革")]),
    ("深化放管服改革，优化营商环境。", [("放管服改革", "放管服改革")]),
    ("全面完成“八五”普法中期评估。", [("“八五”普法", "八五普法")]),
    ("深入开展七五普法总结验收。", [("七五普法", "七五普法")]),
    ("严格落实行政执法三项制度。", [("行政执法三项制度", "行政执法三项制度")]),
    (
        "推行“最多跑一次”，实现“一网通办”。",
        [("最多跑一次", "最多跑一次"), ("一网通办", "一网通办")],
    ),
    ("全面推行一网通办，推进跨省通办。", [("一网通办", "一网通办"), ("跨省通办", "跨省通办")]),
    ("全面推行“双随机、一公开”监管。", [("双随机、一公开", "双随机、一公开")]),
    ("全面实行双随机一公开监管。", [("双随机一公开", "双随机、一公开")]),
    ("推进“互联网+监管”系统建设。", [("互联网+监管", "互联网+监管")]),
    ("深入推进互联网+政务服务。", [("互联网+政务服务", "互联网+政务服务")]),
    ("推行政务服务“好差评”制度。", [("好差评", "好差评")]),
    ("全面推行证明事项告知承诺制。", [("证明事项告知承诺制", "证明事项告知承诺制")]),
    ("持续深化证照分离改革。", [("证照分离改革", "证照分离")]),
    ("全面推行接诉即办改革。", [("接诉即办改革", "接诉即办")]),
    ("开展法治宣传教育月活动。", [("法治宣传教育月", "法治宣传教育月")]),
    ("组织宪法宣传周系列活动。", [("宪法宣传周", "宪法宣传周")]),
    (
        "深入开展民主法治示范村（社区）创建，新增3个。",
        [("民主法治示范村（社区）创建", "民主法治示范村（社区）创建")],
    ),
    ("积极开展法治政府建设示范创建。", [("法治政府建设示范创建", "法治政府建设示范创建")]),
    ("积极参与单项示范创建。", [("单项示范创建", "法治政府建设示范创建")]),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_programmes(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# 谁执法谁普法: 普法责任制 and each of its three parts alone are this one programme, and the
# three-part name is one mention.
PUFA = [
    ("落实“谁执法谁普法”普法责任制。", [("“谁执法谁普法”普法责任制", "谁执法谁普法")]),
    ("全面落实国家机关普法责任制。", [("国家机关普法责任制", "谁执法谁普法")]),
    ("推行“普法责任制”。", [("普法责任制", "谁执法谁普法")]),
    ("落实“谁管理谁普法”责任。", [("谁管理谁普法", "谁执法谁普法")]),
    (
        "落实谁执法谁普法、谁管理谁普法、谁服务谁普法的普法责任制。",
        [
            ("谁执法谁普法、谁管理谁普法、谁服务谁普法", "谁执法谁普法"),
            ("普法责任制", "谁执法谁普法"),
        ],
    ),
    (
        "落实“谁执法谁普法、谁管理谁普法、谁服务谁普法”普法责任制。",
        [("“谁执法谁普法、谁管理谁普法、谁服务谁普法”普法责任制", "谁执法谁普法")],
    ),
    (
        "推进谁执法谁普法、谁管理谁普法、谁服务谁普法普法责任制。",
        [("谁执法谁普法、谁管理谁普法、谁服务谁普法普法责任制", "谁执法谁普法")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PUFA)
def test_the_three_parts_of_pufa_responsibility_are_one_programme(
    text, expected, lexicons, resources
):
    _check(text, expected, lexicons, resources)


# National programmes kept apart by name.
APART = [
    ("推进“一件事一次办”改革。", [("“一件事一次办”改革", "一件事一次办")]),
    ("推动“高效办成一件事”落地见效。", [("高效办成一件事", "高效办成一件事")]),
    ("推进高效办成一件事重点事项落地。", [("高效办成一件事", "高效办成一件事")]),
    (
        "推进“一件事一次办”和“高效办成一件事”。",
        [("一件事一次办", "一件事一次办"), ("高效办成一件事", "高效办成一件事")],
    ),
    ("推行“一窗受理”，推进“一窗通办”。", [("一窗受理", "一窗受理"), ("一窗通办", "一窗通办")]),
]


@pytest.mark.parametrize(("text", "expected"), APART)
def test_national_programmes_are_kept_apart_by_name(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# 多证合一: 35证合一, 39证合一 … (any count, in figures or words) are this one.
MERGERS = [
    ("推行“多证合一”。", [("多证合一", "多证合一")]),
    ("实施“35证合一”。", [("35证合一", "多证合一")]),
    ("实现“三十五证合一”。", [("三十五证合一", "多证合一")]),
    ("推行“五证合一”登记制度。", [("五证合一", "多证合一")]),
    ("推进35证合一改革。", [("35证合一", "多证合一")]),
    ("全面实施三证合一、一照一码。", [("三证合一", "多证合一"), ("一照一码", "一照一码")]),
    # text is kept verbatim: traditional script reads as simplified
    ("推行“三證合一”。", [("三證合一", "多证合一")]),
]


@pytest.mark.parametrize(("text", "expected"), MERGERS)
def test_any_count_of_merged_licences_is_duozheng_heyi(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# Span: a brand keeps its head noun; wrapping quotation marks are outside, inner ones inside.
HEADS = [
    ("推出“1+3+X”学法清单。", [("“1+3+X”学法清单", "1+3+X学法清单")]),
    ("创新“短视频”述法模式，提升述法实效。", [("“短视频”述法模式", "短视频述法模式")]),
    ("推行“1+2+N”督察调研工作法。", [("“1+2+N”督察调研工作法", "1+2+N督察调研工作法")]),
    ("推广“板凳夜话”群众工作法。", [("“板凳夜话”群众工作法", "板凳夜话群众工作法")]),
    ("创新“小院议事”工作法。", [("“小院议事”工作法", "小院议事工作法")]),
    ("建立“阳光执法”监督机制。", [("“阳光执法”监督机制", "阳光执法监督机制")]),
    ("推行“企业安静期”制度。", [("“企业安静期”制度", "企业安静期制度")]),
    ("实施“法治护航”工程。", [("“法治护航”工程", "法治护航工程")]),
    (
        "构建“1+6+N”矛盾纠纷调解体系。",
        [("“1+6+N”矛盾纠纷调解体系", "1+6+N矛盾纠纷调解体系")],
    ),
    ("推行“543”工作法。", [("“543”工作法", "543工作法")]),
]


@pytest.mark.parametrize(("text", "expected"), HEADS)
def test_a_brand_keeps_its_head_noun(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# Words after a name that say what the report did with it are outside its span.
DONE_WITH = [
    ("开展“红顶中介”专项整治活动。", [("红顶中介", "红顶中介")]),
    ("开展“综合查一次”联合监管。", [("综合查一次", "综合查一次")]),
    ("开展“作风建设年”主题活动。", [("作风建设年", "作风建设年")]),
    ("开展“利剑护蕾”专项行动。", [("利剑护蕾", "利剑护蕾")]),
    ("开展“法律进乡村”主题活动。", [("法律进乡村", "法律进乡村")]),
    ("开展“法律进企业”行动。", [("法律进企业", "法律进企业")]),
    ("开展“无证明城市”试点。", [("无证明城市", "无证明城市")]),
    ("打造“莲乡调解”品牌。", [("莲乡调解", "莲乡调解")]),
    ("开展“双随机、一公开”联合监管。", [("双随机、一公开", "双随机、一公开")]),
    # … unless the quoted name itself ends in 行动.
    ("开展“蓝盾行动”。", [("蓝盾行动", "蓝盾行动")]),
    ("开展“雷霆行动”。", [("雷霆行动", "雷霆行动")]),
]


@pytest.mark.parametrize(("text", "expected"), DONE_WITH)
def test_what_was_done_with_a_name_is_outside_its_span(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# Lists inside one pair of quotation marks: one mention per name.
LISTS = [
    ("推行“多证合一、一照一码”。", [("多证合一", "多证合一"), ("一照一码", "一照一码")]),
    ("推行“一网通办、一窗通办”。", [("一网通办", "一网通办"), ("一窗通办", "一窗通办")]),
    ("推进“证照分离和多证合一”。", [("证照分离", "证照分离"), ("多证合一", "多证合一")]),
    ("推进“多证合一和证照分离”。", [("多证合一", "多证合一"), ("证照分离", "证照分离")]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_names_listed_in_one_quote_are_one_mention_each(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# Modifiers of place, level or era before a national programme are outside the span.
MODIFIERS = [
    ("积极开展省级法治政府示范创建。", [("法治政府示范创建", "法治政府建设示范创建")]),
    ("推进全国法治政府建设示范创建。", [("法治政府建设示范创建", "法治政府建设示范创建")]),
    ("深化省级法治政府建设示范创建。", [("法治政府建设示范创建", "法治政府建设示范创建")]),
    (
        "开展市级民主法治示范村（社区）创建。",
        [("民主法治示范村（社区）创建", "民主法治示范村（社区）创建")],
    ),
    (
        "深入开展全国民主法治示范村（社区）创建。",
        [("民主法治示范村（社区）创建", "民主法治示范村（社区）创建")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODIFIERS)
def test_level_and_era_modifiers_are_outside_the_span(text, expected, lexicons, resources):
    _check(text, expected, lexicons, resources)


# Not initiatives, however they are quoted or cued.
NOT_INITIATIVES = [
    # doctrines, slogans and formulas
    "坚持“四个全面”战略布局，统筹推进“五位一体”总体布局。",
    "深刻领悟“两个确立”，坚决做到“两个维护”。",
    "增强“四个意识”、坚定“四个自信”。",
    "坚决做到两个维护，树牢四个意识。",
    "深入学习贯彻习近平法治思想。",
    "落实“三个联动”工作要求。",
    "推行“三个联动”机制。",
    "坚持“一个中心、两个基本点”。",
    "深入实施“八八战略”。",
    "践行“八八战略”。",
    "坚持党的领导。",
    "坚持“党的领导”。",
    "践行“两山”理念。",
    # metaphors and figures of speech
    "打通服务群众“最后一公里”。",
    "抓住领导干部这个“关键少数”，发挥“头雁”作用。",
    "落实“一把手”责任，变“软任务”为“硬指标”。",
    "实现村（社区）法律顾问“全覆盖”。",
    "当好“头雁”。",
    # party-internal routines and education campaigns
    "落实“第一议题”制度，坚持“三会一课”。",
    "严格落实“三会一课”制度。",
    "深入开展“两学一做”学习教育和主题教育。",
    "扎实开展党纪学习教育。",
    "实施“青年马克思主义者培养工程”。",
    # sector development strategies
    "全面推进乡村振兴，推动高质量发展，促进共同富裕。",
    "深入开展“美丽乡村建设”。",
    "推动“高质量发展”。",
    # legal systems every government must have, named generically
    "全面落实行政执法责任制，严格执行行政裁量权基准制度。",
    "健全政府法律顾问制度和公职律师制度。",
    "落实“行政首长出庭应诉制度”。",
    "完善重大行政决策程序制度和规范性文件备案审查制度。",
    "推行“公职律师制度”。",
    # generic activities without a name
    "加强法治宣传教育，强化行政执法监督。",
    "开展“法治宣传教育”。",
    "强化“行政执法监督”。",
    # document titles, honours, meetings, quoted speech, a number inside a name
    "印发《关于开展“八五”普法的规划》。",
    "我市被命名为全国法治政府建设示范市。",
    "被评为“全国法治政府建设示范市”。",
    "荣获“全国民主法治示范社区”。",
    "获评“省级法治政府建设示范县”。",
    "召开“法治政府建设推进会”。",
    "群众说“办事更方便了”。",
    "畅通12345热线。",
    # a 中队 is a body (an institution), not a practice
    "组建“蒲公英”普法志愿者中队。",
]


@pytest.mark.parametrize("text", NOT_INITIATIVES)
def test_not_initiatives(text, lexicons, resources):
    assert _found(text, lexicons, resources) == []
