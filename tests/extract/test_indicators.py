"""Numbers in the seed reports: value, unit, approximate flag and what they count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import split_sentences
from kg.extract.indicators import chinese_number, extract_indicators
from kg.extract.lexicons import empty_lexicons
from kg.model import Document, Mention
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, WUJI, seed_text

HELDOUT = Path(__file__).parent / "heldout_initiatives" / "cases.json"


def _numbers(text: str) -> list[Mention]:
    doc = Document(path="t", name="t", text=text, sha1="0" * 40, fmt="txt", encoding="utf-8")
    return extract_indicators(doc, split_sentences(text), empty_lexicons())


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[Mention]]:
    return {n: _numbers(seed_text(n)) for n in (GUAN, DASHENG, WUJI, LUANCHUAN, GANGU)}


# (report, value, unit, approximate, words the subject must contain), each read in the text.
# Units are normalised as the annotation guide says: 场次 -> 场, 名 kept as written.
SEED_NUMBERS = [
    # 固安县 2022
    (GUAN, "4", "件", "0", ("规范性文件", "废止")),  # 废止规范性文件4件
    (GUAN, "185", "本", "0", ("案卷", "评查")),  # 累计评查案卷185本
    (GUAN, "197", "个", "0", ("执法证", "清理")),
    (GUAN, "300", "次", "1", ("宣讲",)),  # 累计深入群众宣讲300余次
    (GUAN, "180000", "册页", "1", ("普法宣传资料", "发放")),  # 18万余册页
    (GUAN, "360000000", "元", "1", ("总投资",)),  # 总投资约3.6亿元
    (GUAN, "79166", "件", "0", ("说事", "受理")),  # 累计受理群众说事79166件
    (GUAN, "79136", "件", "0", ("说事", "办结")),  # 办结79136件
    (GUAN, "99", "%", "0", ("办结率",)),
    (GUAN, "479", "个", "0", ("调解组织",)),
    (GUAN, "1600", "名", "1", ("调解员", "培养")),  # 培养各级调解员1600多名
    (GUAN, "97", "%", "0", ("调解成功率",)),
    (GUAN, "215", "件", "0", ("行政复议案件", "受理")),
    (GUAN, "198", "件", "0", ("行政应诉案件",)),
    (GUAN, "172", "件", "0", ("规范性文件", "审查")),
    (GUAN, "102", "次", "0", ("法律咨询", "接待")),
    (GUAN, "6263", "份", "0", ("合同", "审查")),
    (GUAN, "36000", "亩", "0", ("集体土地",)),  # 涉及集体土地3.6万亩
    (GUAN, "37000000", "元", "1", ("集体经济损失", "挽回")),  # 挽回…3700余万元
    (GUAN, "100", "%", "0", ("覆盖率",)),
    # 大盛镇 2023
    (DASHENG, "500", "次", "1", ("执法检查", "开展")),
    (DASHENG, "80", "处", "1", ("风险隐患",)),
    (DASHENG, "100", "%", "0", ("办复率",)),
    (DASHENG, "97", "件", "0", ("信访事项", "处理")),
    (DASHENG, "65", "条", "0", ("政务信息", "公开")),
    (DASHENG, "90", "名", "0", ("法律明白人", "培训")),
    (DASHENG, "172", "起", "0", ("纠纷", "调解")),
    (DASHENG, "16", "名", "0", ("行政执法人员",)),
    # 无极县 2021
    (WUJI, "12", "起", "0", ("行政复议申请", "收到")),  # 收到行政复议申请12起
    (WUJI, "3", "起", "0", ("立案",)),  # 立案3起
    (WUJI, "6020", "人", "0", ("考试", "参加")),  # 共计6020人参加了考试
    (WUJI, "2815", "项", "0", ("权力事项",)),
    (WUJI, "2045", "项", "0", ("行政处罚",)),
    (WUJI, "586", "项", "0", ("行政许可事项",)),
    (WUJI, "305000000", "元", "0", ("减税降费",)),  # 减税降费金额累计3.05亿元
    (WUJI, "618", "件", "0", ("案件", "受理")),
    (WUJI, "4100", "条", "1", ("政府信息", "公开")),
    (WUJI, "8182", "次", "0", ("监督检查",)),
    (WUJI, "98", "%", "0", ("备案审查率",)),
    (WUJI, "1000", "名", "1", ("人民调解员",)),  # 达到近1000名
    (WUJI, "2", "次", "0", ("实施",)),  # 共组织实施两次跨部门…联合抽查
    (WUJI, "800", "人次", "1", ("培训",)),  # 约有800多人次参加
    # 栾川县 2022
    (LUANCHUAN, "471", "件", "0", ("矛盾纠纷", "化解")),
    (LUANCHUAN, "27685000", "元", "0", ("集体资产",)),  # 2768.5万元
    (LUANCHUAN, "27086.99", "亩", "0", ("集体土地", "收回")),
    (LUANCHUAN, "59.8", "%", "0", ("创成率",)),
    # 甘谷县 2024
    (GANGU, "68", "件", "0", ("行政复议案件", "办理")),  # 办理行政复议案件68件
    (GANGU, "41", "件", "0", ("行政复议案件", "受理")),  # 受理41件
    (GANGU, "32", "件", "0", ("行政复议案件", "办结")),  # 办结32件
    (GANGU, "1400", "人", "1", ("培训",)),  # 培训1400余人
    (GANGU, "415", "个", "0", ("公共法律服务工作室",)),
    (GANGU, "169", "名", "0", ("社区矫正对象",)),
    (GANGU, "1216", "名", "0", ("刑满释放人员",)),
    (GANGU, "98", "%", "0", ("合格率",)),
    (GANGU, "80", "场", "1", ("普法宣传教育活动",)),
    (GANGU, "97", "户", "0", ("农村学法用法示范户", "培育")),
    (GANGU, "2", "期", "0", ("县长法治讲座", "举办")),
]


@pytest.mark.parametrize(("doc", "value", "unit", "approx", "words"), SEED_NUMBERS)
def test_seed_number(seeds, doc, value, unit, approx, words):
    hits = [m for m in seeds[doc] if m.attr("value") == value and m.attr("unit") == unit]
    assert hits, f"{value} {unit} not found"
    assert any(
        m.attr("approximate") == approx and all(w in (m.attr("subject") or "") for w in words)
        for m in hits
    ), [(m.surface, m.attr("subject"), m.attr("approximate")) for m in hits]


def test_at_least_thirty_seed_numbers_are_asserted():
    assert len(SEED_NUMBERS) >= 30


@pytest.mark.parametrize(
    "text",
    [
        "2022年1月31日",  # dates
        "县委第3次常委会议",  # ordinals
        "无依法治县委〔2021〕3号",  # document numbers
        "掌上12348开设专栏",  # phone numbers
        "建设24小时自助服务厅，做到“7×24小时”不打烊",
        "省委十届三次全会精神",
        "制定印发“1+8”系列制度性文件",
        "严格执行行政执法“三项制度”，创新推行“四个零”政务服务模式",
        "一是抓组织领导。二是抓思想引领。",
        # The annotation guide's non-measurements: ordinals, programme names, rules, ranks.
        "入选第二、三批全省法治政府建设示范项目",
        "开展百名法学家百场报告会活动",
        "常务会议会前学法每季度不少于1次，每年至少2次",
        "综合考评位列全省前10名",
    ],
)
def test_not_numbers(text):
    assert _numbers(text) == []


def test_number_in_a_title_is_not_an_indicator():
    assert _numbers("印发《关于实现95%事项网上可办的通知》") == []


def test_chinese_numerals_count_events():
    (m,) = _numbers("今年以来组织开展法治讲座十余场。")
    assert (m.attr("value"), m.attr("unit"), m.attr("approximate")) == ("10", "场", "1")
    assert chinese_number("二十三") == 23


def test_heldout_precision_and_recall():
    """Numbers in passages from other places, hand-annotated (value, unit, approximate)."""
    tp = fp = fn = 0
    for case in json.loads(HELDOUT.read_text(encoding="utf-8")):
        found = {
            (m.attr("value"), m.attr("unit"), int(m.attr("approximate") or 0))
            for m in _numbers(case["text"])
        }
        gold = {(v, u, a) for v, u, a in case["indicators"]}
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    assert tp / (tp + fp) >= 0.85
    assert tp / (tp + fn) >= 0.85


def test_thousands_separators_are_read_as_one_number(lexicons):
    from kg.extract import split_sentences
    from kg.extract.indicators import extract_indicators
    from kg.model import Document

    text = "2023年，市司法局办理行政复议案件1,586件，调解纠纷12,345,678件，名单见附件1,2。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = {m.attr("value"): m for m in extract_indicators(doc, split_sentences(text), lexicons)}
    assert set(found) == {"1586", "12345678"}
    assert found["1586"].surface.endswith("1,586件")
    assert "行政复议案件" in (found["1586"].attr("subject") or "")


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.attr("value"), m.attr("object") or "", m.attr("verb") or "") for m in _numbers(text)]


def test_a_noun_phrase_keeps_its_inner_verb_and_the_action_its_manner():
    # 建设 in 法治政府建设相关议题 is part of what was studied; 专题 says how it was studied.
    assert _read("市政府常务会议研究法治政府建设相关议题12次。") == [
        ("12", "法治政府建设相关议题", "研究")
    ]
    assert _read("全年专题研究法治建设工作4次，立项督办上级工作任务364项。") == [
        ("4", "法治建设工作", "专题研究"),
        ("364", "上级工作任务", "立项督办"),
    ]


def test_the_first_verb_governs_a_noun_phrase_with_verbs_inside():
    # 建设, 研究 and 宣讲 sit inside what was named, held or done; the first verb acts on it.
    assert _read("命名第二批法治政府建设示范地区8个。") == [
        ("8", "第二批法治政府建设示范地区", "命名")
    ]
    assert _read("全年召开党委会专题研究法治建设4次。") == [("4", "党委会专题研究法治建设", "召开")]
    assert _read("全年开展主题学习宣讲活动35场。") == [("35", "主题学习宣讲活动", "开展")]
    # A verb that only sets others to act yields to theirs.
    assert _read("组织干部开展法治培训3次。")[0][2] == "开展"


def test_the_act_after_the_counted_noun_is_read_past_adverbs_and_lists():
    # 已全部 says how far it went; the act is 落实.
    assert _read("制定整改方案，178项整改措施清单已全部落实。") == [("178", "整改措施清单", "落实")]
    assert _read("召开述法评议会，15名党政主要负责人现场述法。")[0][2] == "述法"
    # The act ends a clause that lists several counted nouns.
    assert _read("对19个市县、35个省级国家机关进行考核，考核结果纳入绩效。") == [
        ("19", "市县", "考核"),
        ("35", "省级国家机关", "考核"),
    ]
    # Past the first 16 characters after the number.
    found = _read("对60件区政府重大行政决策事项草案、行政规范性文件进行合法性审核。")
    assert found == [("60", "区政府重大行政决策事项草案", "合法性审核")]


def test_a_short_aside_in_brackets_belongs_to_the_name_and_one_after_the_number_not():
    assert _read("全年召开党工委(扩大)会议26次，以专题研讨推动学习。") == [
        ("26", "党工委(扩大)会议", "召开")
    ]
    found = _read("开展各级党委(党组)理论学习中心组学习5045次。")
    assert found == [("5045", "各级党委(党组)理论学习中心组学习", "开展")]
    # 1个(二级): a remark on the number names nothing; the list's verb goes on.
    assert _read("全区已建成文化馆1个(二级),图书馆1个。") == [
        ("1", "文化馆", "建成"),
        ("1", "图书馆", "建成"),
    ]


def test_items_of_a_list_take_its_verb_when_the_verb_is_read():
    found = _read("2024年制发综合治理类司法建议2件，各类检察建议53件、复议意见书2件。")
    assert [verb for _, _, verb in found] == ["制发", "制发", "制发"]


def test_a_quoted_name_after_the_number_is_what_was_counted():
    assert _read("在政府网站上线112个“一件事”集成服务，全面推行一业一证。") == [
        ("112", "一件事集成服务", "上线")
    ]


def test_a_verb_carried_from_the_sentence_yields_to_the_one_after_the_noun():
    found = _read("举办领导干部法治能力提升培训班，94名新任领导干部参加任前法律知识考试。")
    assert found == [("94", "新任领导干部", "参加任前法律知识考试")]
    # Traditional script: 推動 sets others to act, as 推动 does.
    found = _read("推動全鎮126名干部職工完成線上學法考法。")
    assert found[0][2].startswith("完成")


def test_after_a_preposition_the_act_follows_the_counted_noun():
    # 全市 between 对 and the number is scope; 联合 names a partner, not the act.
    assert _read("联合社会第三方对全市69家党政机关进行分类考核。") == [
        ("69", "党政机关", "分类考核")
    ]
    assert _read("完成全区1280项政务服务事项的标准化梳理。")[0][2] != "完成"


def test_a_noun_after_the_number_is_counted_and_one_before_it_is_scope():
    # Number, classifier, noun: 1110名党政主要负责同志; 市县乡三级 says where they are.
    (found,) = _read("市县乡三级1110名党政主要负责同志书面述法全覆盖。")
    assert found[1].startswith("党政主要负责同志") and "述法" in found[1] + found[2]
    # After a count of times the words that follow are no item (会议26次，以…).
    assert _read("全年召开党工委会议26次，以专题研讨形式开展学习。")[0][1] == "党工委会议"


def test_after_a_count_of_times_a_verbal_noun_starts_the_act():
    found = _read("区委主要负责同志先后18次调研法治建设工作，区委常委会定期听取汇报。")
    assert found[0] == ("18", "法治建设工作", "调研")


def test_traditional_script_is_cut_as_its_simplified_form():
    assert _read("全年專題研究法治建設工作4次。") == [("4", "法治建設工作", "專題研究")]


def test_the_verb_before_a_list_with_deng_is_the_action():
    assert _read("开展违法建设、环境整治、安全生产等专项执法行动12次。") == [
        ("12", "专项执法行动", "开展")
    ]


def test_counts_after_a_comma_continue_the_verb_of_the_list():
    found = _read("全区已建成文化馆1个,图书馆1个,农家书屋18个。受理案件20件,办结率100%。")
    assert found[:3] == [
        ("1", "文化馆", "建成"),
        ("1", "图书馆", "建成"),
        ("18", "农家书屋", "建成"),
    ]
    assert found[-1] == ("100", "办结率", "")  # a rate is a statement of its own


def test_who_acted_before_the_number_and_what_they_did_after_it():
    # The times of an act: the act and its object follow the number.
    assert _read("主要负责人6次主持召开专题会议。") == [("6", "专题会议", "主持召开")]
    # People made to act: they are counted, their act follows.
    (found,) = _read("组织各级党政主要负责人共887人完成年度述法。")
    assert found[:2] == ("887", "各级党政主要负责人") and "述法" in found[2]


def test_words_after_a_count_of_times_are_not_what_was_counted():
    assert _read("全年召开专题会议4次研究部署法治建设重大事项。") == [("4", "专题会议", "召开")]


def test_words_from_the_number_to_the_next_verb_name_what_was_counted():
    assert _read("推出61个“一件事一次办”事项。") == [("61", "一件事一次办事项", "推出")]


def test_a_preposition_opens_a_statement_of_its_own():
    found = _read("组织52名区管领导干部参加学法考试和旁听庭审,对105名党政主要负责人开展述法测评。")
    assert found[1] == ("105", "党政主要负责人", "述法测评")


def test_an_item_of_a_list_takes_the_lists_verb_when_its_own_is_part_of_its_name():
    found = _read("印发行政复议决定书12件、复议意见书2件。")
    assert found == [("12", "行政复议决定书", "印发"), ("2", "复议意见书", "印发")]


def test_counts_of_times_written_with_their_items_are_one_unit():
    found = [
        (m.surface, m.attr("value"), m.attr("unit"))
        for m in _numbers(
            "年商事登记办理31715件次,开展42批次“双随机”抽查,抽查主体2497户次,"
            "全县各级各部门会前学法698场(次)。"
        )
    ]
    assert [f[1:] for f in found] == [
        ("31715", "件次"),
        ("42", "批次"),
        ("2497", "户次"),
        ("698", "场"),
    ]
    assert found[-1][0].endswith("698场(次)")


def test_durations_are_no_counts_and_written_numerals_count_people():
    assert _numbers("基本形成主城区15分钟、一般村(社区)20分钟的公共文化服务圈。") == []
    found = _numbers("集中培训一百名处级领导干部、一万名村居园区法律明白人。")
    assert [(m.attr("value"), m.attr("unit")) for m in found] == [("100", "名"), ("10000", "名")]


def test_the_size_of_a_ranking_and_party_sessions_are_no_counts():
    assert _numbers("政府透明度在全国106个城市中排名第3。") == []
    assert _numbers("是全国唯一连续8次在中国法治政府评估中排名稳居前五。") == []
    assert _numbers("全面落实十二届市委五次、六次全会精神。") == []


def test_a_comma_after_a_word_ends_a_clause_and_traditional_units_are_read():
    found = [
        (m.attr("value"), m.attr("unit"))
        for m in _numbers(
            "涉及38家单位,321项行政许可事项;党组召开8次会议。研究法治政府建設議題79項。"
        )
    ]
    assert found == [("38", "家"), ("321", "项"), ("8", "次"), ("79", "项")]
    # A session is no count of meetings.
    assert _numbers("市人大二次会议审议通过。") == []


def test_a_title_inside_a_clause_does_not_cut_it():
    assert _read("中心组组织《习近平法治思想学习纲要》等专题学习3次。") == [
        ("3", "专题学习", "组织")
    ]


def test_a_new_level_counts_the_noun_before_its_verb():
    # 压减至192项 is the new size of 行政许可事项; the old level (从799项, 由40%) is no part
    # of what was counted, and the action keeps 至 as written.
    assert _read("省级行政许可事项压减至192项。") == [("192", "省级行政许可事项", "压减至")]
    assert _read("审批事项从799项削减至326项。")[-1] == ("326", "审批事项", "削减至")
    # the old level is the same measure before the same act (annotators read it so)
    assert _read("报告书类项目由40%降低至38%。") == [
        ("40", "报告书类项目", "降低至"),
        ("38", "报告书类项目", "降低至"),
    ]


def test_a_connector_is_a_word_of_its_own_and_a_set_phrase_a_verb_and_object():
    # 涉及 ends in 及 and 及时 starts with it: neither is the connector of a list.
    assert _read("编制清单，涉及38家单位。") == [("38", "单位", "涉及")]
    # jieba reads 调解纠纷 and 化解矛盾 as set phrases; they are an act and what it dealt with.
    assert _read("调解纠纷12件、及时化解矛盾3件。") == [
        ("12", "纠纷", "调解"),
        ("3", "矛盾", "化解"),
    ]


def test_common_administrative_verbs_are_actions():
    # jieba tags 细化, 部署 and 指导 as nouns; in these reports they are acts.
    assert _read("细化274项任务分工。") == [("274", "任务分工", "细化")]
    assert _read("部署落实25项工作。") == [("25", "工作", "部署落实")]
    assert _read("全年听取、指导法治建设工作2次。") == [("2", "法治建设工作", "听取、指导")]


def test_what_a_clause_with_dui_acts_on_is_the_noun_after_dui():
    # 对 X (开展/进行) ACT N件: X was reviewed, whatever manner words sit before the act.
    assert _read("2024年对重大合同、规范性文件、重大行政决策等合法性审核98件。") == [
        ("98", "重大合同、规范性文件、重大行政决策等", "合法性审核")
    ]
    assert _read("全年对区属部门规范性文件进行备案审查12件。") == [
        ("12", "区属部门规范性文件", "备案审查")
    ]


def test_a_state_word_after_a_modifier_still_qualifies_the_counted_noun():
    # 新提拔 qualifies 领导干部; what the 971 did is what follows them.
    assert _read("组织971名新提拔领导干部参加任职前法律知识考试。") == [
        ("971", "新提拔领导干部", "参加任职前法律知识考试")
    ]


def test_a_manner_word_set_with_its_verb_is_cut_from_it():
    # 依法办理 is one word to jieba: the act is 办理, what was handled the requests (无极县 2021).
    assert _read("依法办理县政府信息公开申请9件，未引发行政诉讼。") == [
        ("9", "县政府信息公开申请", "办理")
    ]


def test_after_dui_and_a_number_the_act_follows_the_light_verb():
    # What was acted on runs to 进行/开展 even when it opens with a verb (涉及…); the
    # next counts of the sentence act on it too, and 宣布失效 is one act.
    assert _read("2022年对6件涉及计划生育规范性文件进行清理，废止3件，宣布失效3件。") == [
        ("6", "涉及计划生育规范性文件", "清理"),
        ("3", "涉及计划生育规范性文件", "废止"),
        ("3", "涉及计划生育规范性文件", "宣布失效"),
    ]


def test_words_of_a_title_are_no_act_of_the_clause():
    # 甘谷县 2024: 组建 sits inside a title; the 18 decisions were reviewed.
    text = (
        "对《甘谷县县级储备粮管理办法》《关于组建国有文化传媒公司的实施方案》"
        "等18件重大决策和协议进行审查。"
    )
    ((value, obj, verb),) = _read(text)
    assert (value, verb) == ("18", "审查") and obj.startswith("重大决策")


def test_meetings_listed_after_a_verb_were_held_and_did_what_follows():
    # 召开15次常务会议、2次党组会议研究…: both counts are meetings held.
    assert _read("召开15次常务会议、2次党组会议研究审议法治政府建设工作。") == [
        ("15", "常务会议", "召开"),
        ("2", "党组会议", "召开"),
    ]


def test_targets_and_weights_are_rules_not_measurements():
    # The annotation guide: rules and targets stated as norms are no indicators.
    assert _read("确保行政执法人员100%持证上岗，全年培训执法人员300人次。") == [
        ("300", "执法人员", "培训")
    ]
    assert _read("法治政府建设列入部门考核标准，分值权重20分。") == []


def test_the_verb_of_a_relative_clause_and_the_kind_after_deng():
    # 重点落实的5项保障措施: what was done to the measures is the verb before 的, unless
    # a verb of the clause acts on them (整改…发现的193个问题).
    assert _read("提出17项主要任务和重点落实的5项保障措施。")[-1] == ("5", "保障措施", "落实")
    assert _read("有力整改区市两级法治督察发现的193个问题。") == [("193", "问题", "整改")]
    # …等培训6次: 培训 names the kind of what was listed; 举办 is the act.
    assert _read("举办法治建设大讲堂、法治建设培训班等培训6次。") == [("6", "培训", "举办")]


def test_a_level_and_yishang_belong_to_the_counted_noun():
    ((value, obj, _),) = _read("组织完成3.76万名县处级以上领导干部全覆盖集中轮训。")
    assert (value, obj) == ("37600", "县处级以上领导干部")


def test_a_standard_checked_against_is_no_measurement():
    assert _read("组织全市各县区对照100项指标开展自查。") == []


def test_yue_that_ends_a_word_is_no_approximate_word():
    # 村规民约2项: 约 ends 村规民约; 约有800多人次 is approximate.
    ((value, obj, verb),) = _read("指导修订村规民约2项。")
    assert (value, obj, verb) == ("2", "村规民约", "指导修订")
    (m,) = _numbers("指导修订村规民约2项。")
    assert m.attr("approximate") == "0"


def test_a_rate_of_change_measures_the_noun_before_its_verb():
    assert _read("法治培训参学率同比增长12.2%，行政诉讼案件较上年下降15%。") == [
        ("12.2", "法治培训参学率", "增长"),
        ("15", "行政诉讼案件", "下降"),
    ]


def test_a_word_that_says_which_ones_opens_the_counted_noun():
    # 各级 before the people counted is part of them; the act follows (进行了现场述法).
    ((value, obj, verb),) = _read("全县129名各级党政主要负责人进行了现场述法。")
    assert (value, obj, verb) == ("129", "各级党政主要负责人", "现场述法")


def test_an_adverb_before_the_number_is_no_part_of_the_noun():
    ((value, obj, _),) = _read("市政府常务会议先后4次对《信访工作条例》进行学习。")
    assert (value, obj) == ("4", "市政府常务会议")


def test_what_was_completed_is_the_act_that_closes_the_list():
    read = _read("完成18件规范性文件、68件上会文件合法性审查。")
    assert read[0] == ("18", "规范性文件", "合法性审查")
    # Without an act closing the list, 完成 stays the act.
    assert _read("完成5件规范性文件、3件合同。")[0] == ("5", "规范性文件", "完成")


def test_a_clause_of_only_a_manner_and_an_act_counts_what_the_sentence_counted():
    # 依法受理, 新确定: the first word says how the act was done, it names nothing counted.
    assert _read("收到行政复议申请56件，依法受理48件，审结45件。") == [
        ("56", "行政复议申请", "收到"),
        ("48", "行政复议申请", "受理"),
        ("45", "行政复议申请", "审结"),
    ]
    assert _read("新确定12个政府立法基层联系点。") == [("12", "政府立法基层联系点", "新确定")]


def test_trying_a_case_is_an_act_and_the_next_clause_keeps_its_cases():
    # 审理 is a verbal noun to jieba; in reports it is what was done to the cases.
    assert _read("审理行政复议案件88件，纠错12件。") == [
        ("88", "行政复议案件", "审理"),
        ("12", "行政复议案件", "纠错"),
    ]


def test_a_field_or_a_kind_of_act_inside_a_noun_is_no_act():
    # 人民调解委员会 is a body; 行政强制案件, 行政裁决案件 are kinds of case.
    assert _read("全县现有人民调解委员会256个。") == [("256", "人民调解委员会", "")]
    assert _read("办结行政裁决案件12件。") == [("12", "行政裁决案件", "办结")]
    assert _read("办理行政处罚案件3520件，行政强制案件42件。")[1][1] == "行政强制案件"


def test_an_act_brought_to_success_keeps_what_the_sentence_counted():
    found = _read("调解各类矛盾纠纷2365件，调解成功2311件。")
    assert found[1] == ("2311", "各类矛盾纠纷", "调解成功")


def test_a_verb_before_opinions_says_which_opinions():
    # 提出修改意见: opinions of the kind 修改; 公开征集意见: the act is soliciting them.
    assert _read("提出审查意见45条。") == [("45", "审查意见", "提出")]
    assert _read("向社会公开征集意见21件。")[0][2].endswith("征集")


def test_a_kind_word_before_a_noun_belongs_to_the_noun():
    # 宣传资料, 执法信息: which materials, which information, not a second act.
    assert _read("发放宣传资料3万余份。") == [("30000", "宣传资料", "发放")]
    assert _read("公示执法信息2.3万条。") == [("23000", "执法信息", "公示")]
    # …but two acts stay two acts (研究学习法治议题).
    assert _read("研究学习法治议题6个。") == [("6", "法治议题", "研究学习")]


def test_a_village_election_is_no_session_of_a_congress():
    # 换届 is no 十二届…全会: a number after it is a count.
    assert _read("完成村（社区）“两委”换届法律审查120个。")[0][0] == "120"
    assert _read("十二届市委五次全会召开。") == []


def test_a_rate_keeps_the_words_of_its_name():
    # 通过率 is no filler 通过 and a 率; 网上办理率 is read whole.
    assert _read("组织执法人员参加执法资格考试，通过率92%。") == [("92", "通过率", "")]
    assert _read("网上办理率95%。") == [("95", "网上办理率", "")]


def test_a_stock_after_gongyou_has_no_verb():
    assert _read("全县共有村（社区）法律顾问256名。") == [("256", "村（社区）法律顾问", "")]


def test_outcomes_of_reviews_keep_the_cases_of_the_sentence():
    # 确认违法, 不予受理: acts on the review cases counted before them.
    found = _read("全年办理行政复议案件86件，其中维持52件、撤销9件、确认违法3件。")
    assert found[3] == ("3", "行政复议案件", "确认违法")
    assert _read("新收行政复议案件125件，其中不予受理8件。")[1] == ("8", "行政复议案件", "不予受理")


def test_people_after_events_are_no_item_of_the_events_list():
    # 开展活动32次，受众群众4000余人: the people reached were not 开展-ed.
    assert _read("组织开展普法活动32次，受众群众4000余人。")[1] == ("4000", "受众群众", "")
    # A list of the same kind still shares its verb (建成文化馆1个，图书馆1个).
    assert _read("已建成文化馆1个，图书馆1个。")[1] == ("1", "图书馆", "建成")


def test_after_a_relative_clause_the_predicate_of_the_counted_noun_is_the_act():
    # 实施方案中明确的86项任务全部完成: 明确 says which tasks, 完成 what was done.
    found = _read("全县法治政府建设实施方案中明确的86项任务全部完成。")
    assert found == [("86", "任务", "完成")]
    # …also across a list of the things counted.
    assert _read("督察反馈的12个问题、30项整改措施全部落实。")[0] == ("12", "问题", "落实")
    # What came of them (落地见效) is no act of the lexicon: the relative verb stays.
    assert _read("推动年初确定的15项重点任务落地见效。")[0][2] != "见效"


def test_the_verb_of_a_relative_clause_before_the_noun_is_the_act():
    # 保留的政务服务事项: what was kept is counted, and the list after it shares the act.
    assert _read("现区级保留的政务服务事项515项、行政许可事项218项。") == [
        ("515", "政务服务事项", "保留"),
        ("218", "行政许可事项", "保留"),
    ]
    # …unless a verb of the clause acts on the noun: 组织 is what was done to the activities.
    assert _read("组织全系统干部职工参加的大型学法活动4次。") == [("4", "大型学法活动", "组织")]


def test_verbs_that_say_what_kind_of_thing_open_the_counted_noun():
    # 集中 and 宣传 say what kind of activity; 开展 is what was done to it.
    assert _read("全年开展12场集中宣传活动。") == [("12", "集中宣传活动", "开展")]
    assert _read("悬挂12条宣传横幅。") == [("12", "宣传横幅", "悬挂")]
    # A verb before no noun is what the people counted did, not a kind of them.
    assert _read("配备工作人员2人负责具体业务工作。") == [("2", "工作人员", "配备")]


def test_a_list_closed_by_deng_before_the_number_is_what_was_counted():
    # 等 right before the number closes the list of things the verb acted on.
    assert _read("全年审查行政规范性文件、政府合同、会议纪要等270份。") == [
        ("270", "行政规范性文件、政府合同、会议纪要", "审查")
    ]
    # …but a kind word after 等 names what the listed things were (培训).
    assert _read("举办大讲堂、培训班等培训6次。") == [("6", "培训", "举办")]


def test_a_word_that_says_how_the_act_went_is_not_what_was_counted():
    # 成功, 按时 say how it went: the verb after them is the act, the noun before it the object.
    assert _read("政务服务事项按时办结12件。") == [("12", "政务服务事项", "办结")]
    assert _read("成功调解372件。")[0][2] == "调解"
    assert _read("开展法治培训3次。") == [("3", "法治培训", "开展")]


def test_a_year_between_the_number_and_its_noun_names_which_ones():
    assert _read("成功举办3期2025年度依法治区暨依法行政法治人才培训班。") == [
        ("3", "依法治区暨依法行政法治人才培训班", "举办")
    ]


def test_what_was_put_to_an_organ_is_counted_and_putting_it_is_the_act():
    assert _read("其中提请市人大常委会审议地方性法规草案2件。") == [
        ("2", "地方性法规草案", "提请审议")
    ]


def test_after_a_measure_word_of_things_a_verb_before_a_noun_says_which_ones():
    assert _read("明确212家检查企业。") == [("212", "检查企业", "明确")]
    assert _read("新增12个受理窗口。") == [("12", "受理窗口", "新增")]


def test_a_change_written_with_wei_and_its_old_level_count_the_stock_before():
    # 由…缩短为, 从…扩充至: both numbers measure the noun phrase before 由/从
    assert _read("审批时限由原来的30个工作日缩短为3个工作日。") == [
        ("30", "审批时限", "缩短为"),
        ("3", "审批时限", "缩短为"),
    ]
    assert _read("权力和责任清单的事项从2021版的10项扩充至31项。")[0] == (
        "10",
        "权力和责任清单的事项",
        "扩充至",
    )
    assert _read("考核指标精简优化为13项。") == [("13", "考核指标", "精简优化为")]


def test_the_old_level_of_a_time_cut_is_a_measured_time():
    # no word of time before 由20个工作日, but the change after it makes it a time measured
    assert _read("政府投资审批项目由20个工作日压缩至2个工作日。") == [
        ("20", "政府投资审批项目", "压缩至"),
        ("2", "政府投资审批项目", "压缩至"),
    ]
