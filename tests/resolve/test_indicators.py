"""Indicator concepts: the same count in two reports is one indicator."""

from __future__ import annotations

from kg.resolve.indicators import indicator_entity


def test_review_cases_received_across_phrasings():
    # 受理行政复议案件215件 (固安), 收到行政复议申请12起 (无极), 受理41件 (甘谷, 行政复议案件).
    a = indicator_entity("行政复议案件", "受理", "count", "件")
    b = indicator_entity("行政复议申请", "收到", "count", "起")
    assert a.iri == b.iri and a.label == "行政复议案件 受理"


def test_review_cases_closed_is_another_indicator():
    closed = indicator_entity("行政复议案件", "办结", "count", "件")
    assert closed.iri != indicator_entity("行政复议案件", "受理", "count", "件").iri


def test_rate_and_count_never_meet():
    assert indicator_entity("调解成功率", "", "percent", "%").label == "调解成功率"
    assert indicator_entity("各类纠纷", "调解", "count", "起").label == "矛盾纠纷 调解"


def test_fallback_concept_is_keyed_by_object_and_verb():
    a = indicator_entity("各类“法治小院”", "建成", "count", "个")
    b = indicator_entity("法治小院", "建成", "count", "个")
    assert a.iri == b.iri and a.attr("in_scheme") is None


def test_one_concept_has_one_label_however_a_report_spells_it():
    # 市(州) in one report and 市州 in another: one concept, so one skos:prefLabel in the
    # shared indicator graph (two failed `kg validate` on the dev corpus's test part).
    a = indicator_entity("市(州)", "", "count", "个")
    b = indicator_entity("市州", "", "count", "个")
    assert (a.iri, a.label) == (b.iri, b.label) == (a.iri, "市州")


def test_the_curated_scheme_has_sixty_concepts_or_more():
    from kg.resolve.indicators import indicator_concepts

    keys = [c.key for c in indicator_concepts()]
    assert len(keys) >= 60 and len(set(keys)) == len(keys)


def test_mapped_only_when_object_and_action_match():
    # 组织行政复议培训班2期 counts classes, not review cases.
    assert indicator_entity("行政复议培训班", "举办", "count", "期").label != "行政复议案件 受理"
    # 审查规范性文件32件 and 备案规范性文件12件 are two measures.
    reviewed = indicator_entity("规范性文件", "审查", "count", "件")
    filed = indicator_entity("规范性文件", "备案", "count", "件")
    assert (reviewed.label, filed.label) == ("规范性文件 审查", "规范性文件 备案")
    # A list's size is not the items cleared from it.
    unmapped = indicator_entity("不符合政策要求执法证", "清理", "count", "个")
    assert unmapped.attr("in_scheme") is None


def test_training_classes_and_trained_people_stay_apart():
    classes = indicator_entity("执法人员培训班", "举办", "count", "期")
    people = indicator_entity("执法人员", "培训", "person", "人")
    assert classes.iri != people.iri
    assert classes.label == "行政执法培训 举办" and people.label == "人员 培训"


def test_traditional_script_maps_like_simplified():
    # 受理行政復議案件 in a report written in traditional characters.
    assert indicator_entity("行政復議案件", "受理", "count", "件").label == "行政复议案件 受理"


def test_an_object_ending_in_its_action_maps_on_that_action():
    # 完成县政府规范性文件备案6件, 开展镇村合同审查1077件: the action is the object's last word.
    filed = indicator_entity("县政府规范性文件备案", "完成", "count", "件")
    contracts = indicator_entity("镇村合同审查", "", "count", "件")
    assert (filed.label, contracts.label) == ("规范性文件 备案", "合同 合法性审查")
    # 规范性文件印刷 names no action of the scheme: left unmapped.
    assert indicator_entity("规范性文件印刷", "完成", "count", "件").attr("in_scheme") is None


def test_campaigns_repeals_and_approvals_are_measures_of_their_own():
    assert indicator_entity("专项执法行动", "开展", "count", "次").label == "专项执法行动 开展"
    assert indicator_entity("政府规章", "废止", "count", "件").label == "法规规章 修改废止"
    assert indicator_entity("政府规章", "起草", "count", "件").label == "法规规章草案"
    approvals = indicator_entity("行政许可审批事项", "办理", "count", "件")
    assert approvals.label == "审批事项 办理"
    # Items moved into a service hall are no approvals handled.
    assert indicator_entity("政务服务事项", "进驻", "count", "项").label != "审批事项 办理"


def test_stocks_written_without_a_verb_and_study_sessions_of_a_topic():
    assert indicator_entity("会议", "", "count", "次").label == "会议 召开"
    assert indicator_entity("县政府行政应诉案件", "", "count", "件").label == "行政诉讼案件 应诉"
    study = indicator_entity("区委理论学习中心组集体学习研讨习近平法治思想", "", "count", "次")
    assert study.label == "理论学习中心组学习"
    assert indicator_entity("行政执法记录仪", "配备", "count", "台").label == "执法记录仪 配备"
    # A verbless review case count stays open: received, closed or handled?
    assert indicator_entity("行政复议案件", "", "count", "件").attr("in_scheme") is None


def test_object_and_act_read_together_and_reports_heard():
    # 学习二十大精神4次: a topic study, whatever verb the report uses.
    assert indicator_entity("二十大精神", "学习", "count", "次").label == "专题学习 开展"
    # Hearing reports 7 times counts sessions, not topics.
    heard = indicator_entity("法治工作汇报", "听取", "count", "次")
    assert heard.label == "法治建设 专题研究 次数"
    assert indicator_entity("权威读物", "发放", "count", "册").label == "普法宣传资料 发放"
    # A count of received review cases is never read as a study.
    assert indicator_entity("行政复议案件", "受理", "count", "件").label == "行政复议案件 受理"


def test_a_frame_verb_maps_by_the_act_inside_its_object():
    # 召开党委会专题研究法治建设4次: meetings that studied rule-of-law work.
    held = indicator_entity("党委会专题研究法治建设", "召开", "count", "次")
    assert held.label == indicator_entity("法治建设", "研究", "count", "次").label
    # 接受区属部门备案行政规范性文件12件: filings received are filings.
    filed = indicator_entity("区属部门备案行政规范性文件", "接受", "count", "件")
    assert filed.label == "规范性文件 备案"
    # A verb that is the act itself is not a frame: 清理 counts no filings.
    cleared = indicator_entity("区属部门备案行政规范性文件", "清理", "count", "件")
    assert cleared.label != "规范性文件 备案"


def test_oaths_and_places_inspected_are_shared_measures():
    oath = indicator_entity("新任命的国家工作人员", "宪法宣誓", "person", "名")
    assert oath.label == "宪法宣誓" and oath.attr("in_scheme") == "1"
    inspected = indicator_entity("市县", "实地督察", "count", "个")
    assert inspected.label == indicator_entity("乡镇", "考核", "count", "个").label
    # The same places named as a number of their own, with no check, are no inspection.
    assert indicator_entity("乡镇", "覆盖", "count", "个").label != inspected.label


def test_duty_lists_first_agenda_study_and_checks_of_businesses_are_shared():
    assert indicator_entity("基本履职事项清单", "梳理编制", "count", "项").label == "履职事项"
    assert indicator_entity("党组第一议题学习", "组织", "count", "次").attr("in_scheme") == "1"
    checked = indicator_entity("经营主体", "抽查", "count", "户次")
    assert checked.label == "经营主体 抽查"
    # New businesses registered are another measure than businesses checked.
    assert indicator_entity("经营主体", "新增", "count", "户").label != checked.label


def test_a_new_level_is_the_stock_not_the_count_cut():
    # 权责事项压减至2656项 is how many remain; 取消68项 how many were cut.
    level = indicator_entity("权责事项", "压减至", "count", "项")
    assert level.label == "权责事项"
    cut = indicator_entity("审批事项", "取消", "count", "项")
    assert cut.label == "审批事项 取消下放" and cut.iri != level.iri


def test_asides_quotes_and_scope_words_do_not_hide_a_concept():
    assert (
        indicator_entity("民主法治示范村（社区）", "", "count", "个").label == "民主法治示范村 创建"
    )
    assert indicator_entity("机关干部法治讲座(培训、报告会)", "举办", "count", "场").label == (
        "法治培训 举办"
    )
    assert indicator_entity("区级行政许可事项", "", "count", "项").label == "行政许可事项"
    assert indicator_entity("考试通过率达", "", "percent", "%").label == "学法考试 合格率"


def test_measures_these_reports_share_are_in_the_scheme():
    cases = {
        ("一件事一次办事项", "推出", "count"): "一件事 集成办理事项",
        ("双随机抽查", "开展", "count"): "双随机抽查",
        ("旁听庭审", "组织", "count"): "旁听庭审",
        ("听证会", "举行", "count"): "听证会 举行",
        ("公证文书", "办理", "count"): "公证 办理",
        ("工作机制", "健全", "count"): "制度机制 建立健全",
        ("法治文化公园", "建成", "count"): "法治文化阵地",
        ("重大执法决定", "法制审核", "count"): "重大行政执法决定 法制审核",
        ("执法人员", "参加培训", "person"): "人员 培训",
        ("受众", "发放宣传资料", "person"): "普法 受众",
        ("稿件", "刊发", "count"): "宣传稿件 刊发",
    }
    for (obj, verb, dimension), label in cases.items():
        assert indicator_entity(obj, verb, dimension, "").label == label, (obj, verb)


def test_unlike_quantities_stay_apart():
    # Meetings that heard reports on 述法 are no units that reported; news items are no
    # government information disclosed; a rate of mediation no count of disputes.
    assert indicator_entity("大会", "开办述法", "count", "场").attr("in_scheme") is None
    assert indicator_entity("政府信息", "发布", "count", "条").label == "政府信息 主动公开"
    assert indicator_entity("调解率", "", "percent", "%").label == "调解成功率"
    assert indicator_entity("行政复议培训班", "举办", "count", "期").label == "法治培训 举办"


def test_times_an_act_happened_are_not_the_things_it_dealt_with():
    # 研究法治议题12次 (sessions) and 研究法治议题79项 (topics) are two quantities.
    times = indicator_entity("法治建设议题", "专题研究", "count", "次")
    topics = indicator_entity("法治建设议题", "专题研究", "count", "项")
    assert times.attr("in_scheme") and topics.attr("in_scheme") and times.iri != topics.iri
    # Reviewing documents 2 times is no count of documents reviewed.
    assert indicator_entity("规范性文件", "清理", "count", "次").attr("in_scheme") is None
    assert indicator_entity("规范性文件", "清理", "count", "件").label == "规范性文件 清理"


def test_a_list_of_unlike_things_is_none_of_them():
    # Decisions, documents and contracts reviewed together are no count of contracts.
    reviewed = "重大行政决策、规范性文件、行政执法决定及镇村合同"
    mixed = indicator_entity(reviewed, "审查", "count", "件")
    assert mixed.attr("in_scheme") is None
    # ... but an act counted whatever it reviewed still is, and a list of like things too.
    listed = indicator_entity("重大合同、规范性文件、重大行政决策等", "合法性审核", "count", "件")
    assert listed.label == "合法性审查 件数"
    assert indicator_entity("民事、行政公益诉讼案件", "办理", "count", "件").label == "公益诉讼案件"
    events = indicator_entity("习近平法治思想研讨班、专题讲座", "举办", "count", "场")
    assert events.label == "法治培训 举办"


def test_a_list_of_items_is_no_list_of_tasks_and_a_kind_of_power_no_case():
    # 梳理行政许可事项586项 counts licensing items, not the tasks a plan set.
    assert indicator_entity("行政许可事项", "梳理", "count", "项").label == "行政许可事项"
    assert indicator_entity("政务服务事项", "梳理", "count", "项").label == "政务服务事项"
    assert indicator_entity("重点任务", "部署落实", "count", "项").label == "重点任务 部署"
    # 权责清单…其中：行政处罚2045项 is a kind of power listed; 查处…行政处罚案件 are cases.
    assert indicator_entity("行政处罚", "", "count", "项").attr("in_scheme") is None
    assert indicator_entity("行政处罚案件", "办理", "count", "件").label == "行政处罚案件"
    # Publishing a list of items is no cutting of them.
    assert indicator_entity("责任清单事项", "梳理公布", "count", "项").attr("in_scheme") is None


def test_who_did_an_act_is_no_reason_to_lump_it_with_other_acts():
    # Leaders who reported on law, sat an exam or swore the oath are three measures, not
    # one of "participants".
    assert indicator_entity("领导干部", "参加年度述法", "person", "名").label == "述法"
    assert indicator_entity("新任领导干部", "参加任前法律知识考试", "person", "名").label == (
        "学法考试"
    )
    assert indicator_entity("国家工作人员", "宪法宣誓", "person", "名").label == "宪法宣誓"
    # Units named for an honour or that repealed documents are no count of units involved.
    assert indicator_entity("单位", "涉及", "count", "家").label == "部门单位 数"
    assert indicator_entity("县政府部门", "废止", "count", "件").attr("in_scheme") is None
    # Candidates recommended are not places named.
    named = indicator_entity("示范地区", "命名", "count", "个")
    recommended = indicator_entity("候选项目", "推荐", "count", "个")
    assert named.label == "示范地区项目 命名" and recommended.label == "示范地区项目 推荐"
    # Certificates cut and certificates listed are two measures.
    cut = indicator_entity("证明事项", "取消", "count", "项")
    listed = indicator_entity("证明事项", "梳理", "count", "项")
    assert cut.iri != listed.iri and listed.label == "证明事项"


def test_more_measures_these_reports_share():
    cases = {
        ("轻微违法行为", "不予处罚", "count", "件"): "不予处罚案件",
        ("行政执法信息", "公示", "count", "条"): "行政执法信息 公示",
        ("执业律师", "", "person", "名"): "执业律师",
        ("法治副校长", "配备", "person", "名"): "法治副校长",
        ("投诉举报", "受理", "count", "件"): "投诉举报 受理",
        ("综合治理类司法建议", "制发", "count", "件"): "司法建议",
        ("以案释法典型案例", "发布", "count", "个"): "以案释法案例",
    }
    for (obj, verb, dimension, unit), label in cases.items():
        assert indicator_entity(obj, verb, dimension, unit).label == label, (obj, verb)


def test_party_supervision_is_no_enforcement_inspection():
    # 无极县 2021: 开展监督检查8182次 is the party's supervision, not law enforcement.
    assert indicator_entity("监督检查", "开展", "count", "次").attr("in_scheme") is None
    assert indicator_entity("执法检查", "开展", "count", "次").label == "执法检查 开展"
    # A unit named in a list with 信访 is no petition handled.
    assert indicator_entity("单位", "信访", "count", "个").attr("in_scheme") is None


def test_how_much_a_rate_moved_is_not_the_rate():
    assert indicator_entity("参学率", "", "percent", "%").label == "学法 参学率"
    moved = indicator_entity("参学率", "增长", "percent", "%")
    assert moved.attr("in_scheme") is None
    assert indicator_entity("办理时限", "压缩", "percent", "%").label == "审批时限 压缩率"


def test_measures_many_reports_share_are_concepts_of_the_scheme():
    # Other words for the same act: 新收 is 受理, 年审 of permits is a count of permits held.
    assert indicator_entity("行政复议案件", "新收", "count", "件").label == "行政复议案件 受理"
    assert indicator_entity("行政复议决定", "作出", "count", "件").label == "行政复议案件 办结"
    assert indicator_entity("执法证", "年审", "count", "个").label == "行政执法人员 持证"
    assert indicator_entity("行政强制措施", "实施", "count", "件").label == "行政强制"
    assert indicator_entity("规范性文件备案审查率", "", "percent", "%").attr("in_scheme") == "1"
    # Leaders in court counted as people are not the times they appeared.
    people = indicator_entity("出庭应诉", "", "person", "人次")
    assert people.label != indicator_entity("出庭应诉", "", "count", "次").label
    # A library built is a venue; a library visited is not.
    assert indicator_entity("农家书屋", "建成", "count", "个").label == "文化设施 建成"
    assert indicator_entity("图书馆", "参观", "count", "次").attr("in_scheme") is None


def test_the_size_of_a_thing_is_a_count_of_it():
    # 受理行政复议案件数12件, 法律援助案件数量86件: "number of" adds no other quantity.
    assert indicator_entity("行政复议案件数", "受理", "count", "件").label == "行政复议案件 受理"
    assert indicator_entity("法律援助案件数量", "", "count", "件").label == "法律援助案件"
    # …but a rate stays a rate, and a word that only ends in 量 is kept whole.
    assert indicator_entity("阅读量", "", "count", "次").attr("in_scheme") is None


def test_training_sessions_held_whatever_the_kind_of_training():
    # 举办培训12次, 开展专题培训5场: sessions held, not people trained.
    held = indicator_entity("培训", "举办", "count", "次")
    special = indicator_entity("专题培训", "开展", "count", "场")
    assert held.label == special.label == "法治培训 举办"
    assert indicator_entity("人员", "培训", "person", "人").label == "人员 培训"


def test_measures_many_reports_share_are_scheme_concepts():
    # Each with its object and act; unlike quantities (people, times, items) stay apart.
    assert indicator_entity("行政争议", "实质性化解", "count", "件").label == "行政争议 化解"
    people = indicator_entity("法律咨询", "解答", "person", "人次")
    assert people.label == "法律咨询 解答 人次" and people.attr("in_scheme") == "1"
    assert indicator_entity("法律咨询", "解答", "count", "次").label == "法律咨询 解答"
    visitors = indicator_entity("群众", "接待来访", "person", "人次")
    batches = indicator_entity("群众来访", "接待", "count", "批次")
    assert (visitors.label, batches.label) == ("信访 接待来访 人次", "信访 接待来访 批次")
    assert indicator_entity("宪法进万家活动", "开展", "count", "场").label == "普法宣传活动 开展"
    assert indicator_entity("宣传册", "发放", "count", "册").label == "普法宣传资料 发放"
    assert indicator_entity("涉法事务", "参与处理", "count", "件").label == "涉法事务 办理"
    # 报送备案规范性文件: filing them, whoever it is filed with.
    filed = indicator_entity("市政府备案规范性文件", "报送", "count", "件")
    assert filed.label == "规范性文件 备案"


def test_a_new_scheme_concept_still_needs_its_act():
    # 行政争议 counted without an act of settling it (发生, 涉及) is no settled dispute.
    assert indicator_entity("行政争议", "发生", "count", "件").attr("in_scheme") is None
    # Training people is no visit by them.
    assert indicator_entity("群众", "培训", "person", "人次").label != "信访 接待来访 人次"


def test_decision_procedures_lawyers_and_materials_are_scheme_concepts():
    assert indicator_entity("风险评估", "开展", "count", "次").label == "风险评估 开展"
    assert indicator_entity("专家论证", "组织", "count", "次").label == "专家论证 开展"
    # Cases a lawyer represents; legal-aid cases stay legal-aid cases.
    assert indicator_entity("各类诉讼案件", "代理", "count", "件").label == "律师 代理案件"
    assert indicator_entity("法律援助案件", "代理", "count", "件").label == "法律援助案件"
    assert indicator_entity("民法典单行本", "发放", "count", "册").label == "普法宣传资料 发放"
    # A stock of legal advisers is the advisers; lawyers without a verb are not.
    assert indicator_entity("村（社区）法律顾问", "", "person", "名").label == "法律顾问 聘请"
    assert indicator_entity("律师", "", "person", "名").label != "法律顾问 聘请"


def test_a_negated_act_is_not_the_act():
    # 不予受理8件 are applications turned away, not received.
    refused = indicator_entity("行政复议案件", "不予受理", "count", "件")
    assert refused.label != "行政复议案件 受理"
    # …while a concept that names the negation keeps it.
    assert indicator_entity("违法行为", "不予处罚", "count", "件").label == "不予处罚案件"


def test_rounds_of_screening_and_disputes_screened_stay_apart():
    rounds = indicator_entity("矛盾纠纷", "排查", "count", "次")
    disputes = indicator_entity("矛盾纠纷", "排查", "count", "件")
    assert (rounds.label, disputes.label) == ("矛盾纠纷排查 次数", "矛盾纠纷 排查")
    assert indicator_entity("送法下乡活动", "开展", "count", "次").label == "普法宣传活动 开展"
    assert indicator_entity("行政规范性文件", "制发", "count", "件").label == "规范性文件 制定"
    assert indicator_entity("受教育师生", "", "person", "人").label == "普法 受众"


def test_a_verb_in_other_words_maps_to_the_scheme_act():
    # 审定合同, 续聘法律顾问, 依法予以废止规范性文件: the scheme's 审查, 聘请, 废止.
    assert indicator_entity("政府合同", "审定", "count", "份").label == "合同 合法性审查"
    assert indicator_entity("村法律顾问", "续聘", "person", "名").label == "法律顾问 聘请"
    assert indicator_entity("规范性文件", "依法予以废止", "count", "件").label == "规范性文件 废止"
    # 梳理并公示: each verb of a joined pair is read.
    assert indicator_entity("政府信息", "梳理并公示", "count", "条").label == "政府信息 主动公开"


def test_other_words_never_merge_unlike_acts():
    assert indicator_entity("行政复议申请", "不予受理", "count", "件").attr("in_scheme") is None
    assert indicator_entity("规范性文件", "公示", "count", "件").attr("in_scheme") is None
    received = indicator_entity("人民调解案件", "受理", "count", "件")
    mediated = indicator_entity("矛盾纠纷", "调处", "count", "件")
    assert (received.label, mediated.label) == ("矛盾纠纷 受理", "矛盾纠纷 调解")


def test_a_verb_run_into_its_object_is_split():
    # 办结复议案件 read as 案件 + 办结复议; 重大行政执法决定审查 as 重大行政 + 执法决定审查.
    assert indicator_entity("案件", "办结复议", "count", "件").label == "行政复议案件 办结"
    decided = indicator_entity("重大行政", "执法决定审查", "count", "件")
    assert decided.label == "重大行政执法决定 法制审核"


def test_owners_in_a_list_are_not_its_items():
    owned = indicator_entity("县政府及部门规范性文件", "审核", "count", "件")
    assert owned.label == "规范性文件 审查"
    mixed = indicator_entity("重大行政决策、规范性文件及镇村合同", "审查", "count", "件")
    assert mixed.label != "规范性文件 审查"


def test_general_measures_of_the_widened_scheme():
    assert indicator_entity("批示", "作出", "count", "次").label == "领导批示"
    assert indicator_entity("具体工作举措", "细化", "count", "条").label == "重点任务 部署"
    assert indicator_entity("重大行政执法决定", "作出", "count", "件").label == (
        "重大行政执法决定 作出"
    )
    rounds = indicator_entity("案卷评查", "开展", "count", "次")
    files = indicator_entity("执法案卷", "评查", "count", "卷")
    assert rounds.label == "行政执法案卷评查 次数" and files.label == "行政执法案卷 评查"
    # The stock of 行政审批事项 is not the stock of 行政许可事项.
    approvals = indicator_entity("行政审批事项", "", "count", "项")
    licences = indicator_entity("行政许可事项", "", "count", "项")
    assert approvals.label == "行政审批事项" and licences.label == "行政许可事项"
