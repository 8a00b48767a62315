"""Governments named in the seeds and the roles the text gives them
(kg/extract/governments.py, kg/resolve/places.py)."""

from __future__ import annotations

from kg.extract.governments import extract_governments
from kg.extract.sentences import split_sentences
from kg.model import Document, DocumentMeta
from tests.conftest import DASHENG, GANGU, GUAN, WUJI, seed_text

GOV = "https://w3id.org/fazhi-kg/gov/"


def _doc(seed_build, seed: str):
    _, result = seed_build
    (rd,) = [d for d in result.documents if d.document.name == seed]
    return rd


def test_huimin_is_found_in_wuji_with_its_province_and_city(seed_build, resources) -> None:
    rd = _doc(seed_build, WUJI)
    (huimin,) = [r for r in rd.mentions if r.mention.surface == "山东省滨州市惠民县"]
    assert huimin.entity.iri == GOV + "371621"
    chain = [d.name for d in resources.gazetteer.chain("371621", 2021)]
    assert chain == ["惠民县", "滨州市", "山东省"]
    assert huimin.mention.attr("role") == "partner"


def test_huimin_is_wujis_partner_and_shijiazhuang_its_superior(seed_build) -> None:
    rd = _doc(seed_build, WUJI)
    rels = {(r.subject, r.predicate.rsplit("#", 1)[-1], r.object) for r in rd.relations}
    assert (GOV + "130130", "partner", GOV + "371621") in rels
    assert (GOV + "130130", "superior", GOV + "130100") in rels  # 在市委、市政府正确领导下
    assert (GOV + "130130", "superior", GOV + "130100-party") in rels


def test_short_organ_names_are_read_on_the_authors_chain(seed_build) -> None:
    rd = _doc(seed_build, DASHENG)
    got = {r.mention.surface: r.entity.iri for r in rd.mentions if r.mention.type == "government"}
    assert got["区委"] == GOV + "500112-party"  # 在区委、区政府的坚强领导下
    assert got["区政府"] == GOV + "500112"
    assert got["我镇"] == GOV + "500112143"


def test_all_province_is_the_province_not_the_author(seed_build) -> None:
    rd = _doc(seed_build, GUAN)
    got = {r.mention.surface: r.entity.iri for r in rd.mentions if r.mention.type == "government"}
    assert got["全省"] == GOV + "130000"  # 在全省率先探索
    assert got["我县"] == got["全县"] == GOV + "131022"
    assert got["省委"] == GOV + "130000-party"  # 省委十届三次全会精神


def test_place_names_inside_words_are_not_governments(seed_build) -> None:
    rd = _doc(seed_build, WUJI)
    labels = {r.entity.label for r in rd.mentions if r.mention.type == "government"}
    assert not any("分乡镇" in label for label in labels)  # 部分乡镇
    assert not any(r.mention.surface == "分乡镇" for r in rd.mentions)


def test_names_in_cited_titles_belong_to_the_title(lexicons) -> None:
    # docs/annotation-guide.md: a place inside a regulation's name is not a government mention
    text = seed_text(GUAN)[:0] + "严格执行《河北省重大行政决策程序暂行办法》，河北省政府督办。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    (m,) = extract_governments(doc, split_sentences(text), lexicons)
    assert m.surface == "河北省政府" and m.start == text.index("，") + 1


def _surfaces(text: str, lexicons) -> list[tuple[str, str | None]]:
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    return [
        (m.surface, m.attr("national"))
        for m in extract_governments(doc, split_sentences(text), lexicons)
    ]


def test_national_organs_are_mentions_and_their_offices_are_not(lexicons) -> None:
    text = (
        "坚决贯彻党中央、国务院决策部署，认真落实中央、国务院关于法治建设的要求。"
        "根据中共中央办公厅、国务院办公厅印发的通知，市委全面依法治市委员会召开会议。"
    )
    assert _surfaces(text, lexicons) == [
        ("党中央", "中共中央"),
        ("国务院", "国务院"),
        ("中央", "中共中央"),
        ("国务院", "国务院"),
    ]


def test_short_organs_inside_sentences_and_town_party_committees(lexicons) -> None:
    # 镇党委书记 names the committee (its secretary is no body of its own); 依法治县委 does not
    text = "县政府通过召开县政府常务会学法；镇党委书记带头，镇党委研究法治工作，依法治县委部署。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["县政府", "县政府", "镇党委", "镇党委"]


def test_an_organ_is_named_in_its_secretary_not_in_its_party_group(lexicons) -> None:
    # 省委常委、市委书记安伟 (郑州's report): the organ is named in its members' posts;
    # 县政府党组 (郎溪's), 市委党校 and 市委依法治市办 are bodies of their own (institutions)
    text = (
        "省委常委、市委书记安伟主持会议。县政府党组理论学习中心组带头学。市委党校、市委依法治市办。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["省委", "市委"]


def test_a_standing_committee_and_bare_zhongyang_name_the_party(lexicons) -> None:
    # the annotation guide: 市委常委会 is one mention of the party committee; 中央 alone beside
    # other levels (中央和省委) is the party centre, not as the first word of a name (中央督察)
    text = "召开市委常委会会议。贯彻中央和省委部署，落实中央督察反馈意见，中央宣讲团来县宣讲。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["市委常委会", "中央", "省委"]


def test_a_rating_a_count_or_an_act_of_the_place_is_not_an_honours_name(lexicons) -> None:
    # 获评全市优秀 rates the place, 全市首批43个 counts its own, 全县争创… makes the county act;
    # 被评为全省…优秀单位 and 全省第二批“…”创建典型单位 are honours' names
    text = (
        "报告获评全市优秀。建立全市首批43个观测点。全县争创安徽省第三批法治政府建设示范县。"
        "分局被评为全省自然资源系统法治建设优秀单位。被评为全省第二批“信用交通市”创建典型单位。"
        "坚决贯彻中央全面依法治国决策部署。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["全市", "全市", "全县", "中央"]


def test_zhuansheng_opening_an_honours_name_is_part_of_it(lexicons) -> None:
    # 全省 in a ranking (在全省率先) is the province; opening an honour's or a batch's name
    # (获评全省法治政府建设示范县, 全省首批…示范县) it belongs to the name
    text = "在全省率先建成平台，获评全省法治政府建设示范县，入选全省首批法治政府建设示范县。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["全省"]


def test_traditional_characters_are_read_with_their_own_offsets(lexicons) -> None:
    text = "2024年，東城區堅持依法行政，在黨中央、國務院領導下，全區推進法治政府建設。"
    got = _surfaces(text, lexicons)
    assert got == [("東城區", None), ("黨中央", "中共中央"), ("國務院", "国务院"), ("全區", None)]


def test_short_province_names_and_paired_governments(lexicons) -> None:
    text = "深入贯彻习近平总书记视察重庆重要讲话精神，重庆路改造完成。自治区党委和政府高度重视。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["重庆", "自治区党委", "政府"]


def test_places_inside_department_names_and_organ_bodies_are_not_mentions(lexicons) -> None:
    text = (
        "浙江省卫生健康委组织学法，市政府办公室研究法治议题，市人大视察，区政协调研。"
        "被营口市委法治建设委员会办公室通报表扬。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["市人大", "区政协"]


def test_people_s_congress_and_cppcc_labels(seed_build, resources) -> None:
    from kg.resolve.places import organ_label

    county = resources.gazetteer.parse_path("河北省廊坊市固安县", 2022)[-1]
    assert organ_label(county, "assembly") == "固安县人民代表大会"
    assert organ_label(county, "cppcc") == "政协固安县委员会"


def test_courts_and_procuratorates_are_organs_of_their_place(seed_build) -> None:
    # 加强与县法院工作联系 (无极县), 联合县检察院 (甘谷县): governments, not institutions; the bare
    # 法院 of 自觉履行法院生效裁判 (大盛镇) names no court
    mentions = _doc(seed_build, WUJI).mentions
    wuji = {(r.mention.surface, r.mention.type): r.entity.label for r in mentions}
    assert wuji[("县法院", "government")] == "无极县人民法院"
    assert ("县法院", "institution") not in wuji
    gangu = _doc(seed_build, GANGU).mentions
    assert ("县检察院", "甘谷县人民检察院") in {
        (r.mention.surface, r.entity.label) for r in gangu if r.mention.type == "government"
    }
    dasheng = _doc(seed_build, DASHENG).mentions
    assert not [r for r in dasheng if r.mention.surface == "法院"]


def test_a_provinces_court_is_its_high_court(lexicons) -> None:
    text = "会同省高级人民法院、省人民检察院建立联动机制，入选最高检典型案例。"
    assert _surfaces(text, lexicons) == [
        ("省高级人民法院", None),
        ("省人民检察院", None),
        ("最高检", "最高人民检察院"),
    ]


def test_a_place_that_begins_another_name_is_not_a_mention(lexicons) -> None:
    # a law firm, a quoted project and a title cut by the line end are named after a place;
    # a quotation that is the place alone (“重庆”) still names it
    text = (
        "专门聘请江苏承匠律师事务所律师担任法律顾问。“广州市小微企业劳动关系事务托管服务试点项目”"
        "获一等奖。发布《荆州市政务服务\n事项清单。打造“重庆”样板。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["重庆"]


def test_a_government_written_right_after_its_committee(lexicons) -> None:
    # 区委政府, 乡党委政府: the committee and the government of one place, two mentions
    text = "2025年,我镇在区委政府的坚强领导下,围绕乡党委政府中心工作推进法治建设。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["我镇", "区委", "政府", "乡党委", "政府"]


def test_pinyin_glosses_of_a_mirror_site_are_read_through(lexicons) -> None:
    # 自治區(qū)人民政府 as some mirror sites print it: one mention, its surface as written
    text = (
        "會議研究部署重點工作。自治區(qū)黨委和政府印發(fā)方案。"
        "自治區(qū)人民政府常務會議專題研究。"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = extract_governments(doc, split_sentences(text), lexicons)
    assert [(m.surface, text[m.start : m.end]) for m in found] == [
        ("自治區(qū)黨委", "自治區(qū)黨委"),
        ("政府", "政府"),
        ("自治區(qū)人民政府", "自治區(qū)人民政府"),
    ]


def test_a_place_that_opens_an_honour_a_session_or_a_base_is_part_of_that_name(lexicons) -> None:
    # 安徽省第三批…示范县 (an honour sought), 杭州市第十四届人民代表大会常务委员会 (a session),
    # 湖南省习近平法治思想研究实践基地 (a body): the place is a word of the longer name; a place
    # that acts (湖南省坚持) is a mention; 全省 opening a batch's name (全省第二批示范地区) is
    # not (the annotation guide).
    text = (
        "全县争创安徽省第三批法治政府建设示范县。在杭州市第十四届人民代表大会常务委员会会议上报告。"
        "成立湖南省习近平法治思想研究实践基地。湖南省坚持依法行政，济阳区获评全省第二批示范地区。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["全县", "湖南省", "济阳区"]


def test_a_place_with_its_organ_by_level_word_and_words_that_hold_a_level_word(lexicons) -> None:
    # 南昌市市政府 is one mention of the city's government; 社区党委 (a community's committee),
    # 团区委 and 共青团南皮县委 (the Youth League's) are no organs of a place.
    text = (
        "参照南昌市市政府常务会议学法主题安排。在机关支部、社区党委中持续推进学习,"
        "团区委开展青年普法,共青团南皮县委组织志愿服务。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["南昌市市政府"]


def test_short_names_side_by_side_are_two_places_and_full_names_one_chain(lexicons) -> None:
    # 考察湖北武汉: the province and the city, two mentions; 重庆市渝北区大盛镇: one chain.
    text = "贯彻习近平总书记考察湖北武汉重要讲话精神。重庆市渝北区大盛镇推进法治建设。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["湖北", "武汉", "重庆市渝北区大盛镇"]


def test_a_province_before_a_path_and_a_province_opening_a_programmes_name(lexicons) -> None:
    # 路径 is no road (山西路径); 全省 opening a batch's or an award's name (第一批全省…示范创建,
    # 全省…示范地区) belongs to that name (the annotation guide).
    text = (
        "积极探索法治建设山西路径。统筹做好第一批全省法治政府建设示范创建活动，"
        "推荐5家单位参评全省法治政府建设示范地区。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["山西"]


def test_a_zone_named_after_its_place_is_not_the_place(lexicons) -> None:
    # 南岸区's report: the 经开区 of 重庆 and the 高新区 of 成都 are zones, not divisions
    text = "与成都市高新区、成都市龙泉驿区签署协议。重庆经开区推进改革。为海南自贸港建设提供保障。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["成都市龙泉驿区"]


def test_a_title_line_in_traditional_script_is_left_out_like_a_simplified_one(lexicons) -> None:
    # the text is read in simplified characters: its title line must be too, or the places of
    # a traditional page's title (江西曬出…成績單) become mentions the guide leaves out
    title = "江西曬出2021年法治政府建設成績單"
    text = (
        title + "\n2021年，江西省堅持依法行政，全省行政執法水平不斷提升，省政府持續推進法治建設。\n"
    )
    meta = DocumentMeta(title=title, year=2021)
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", meta)
    found = [
        (m.surface, m.start) for m in extract_governments(doc, split_sentences(text), lexicons)
    ]
    assert all(start > len(title) for _, start in found)
    assert ("江西省", len(title) + 7) in found  # the body's places are still read


def test_a_forum_platform_or_website_named_after_its_place_is_not_the_place(lexicons) -> None:
    # the place opens the name of a forum, a lecture series, a platform or a website
    text = (
        "承办第三届广州国际法治论坛。依托湖北政务服务网公开清单。"
        "开展杭州市法治大讲堂12期。全县完成甘肃省国家工作人员学法考法平台注册。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["全县"]


def test_a_place_that_builds_a_platform_is_still_the_place(lexicons) -> None:
    # a verb between the place and the platform makes the place the clause's subject
    text = "宜昌市建成全省首个行政执法监督平台。云南举办法治论坛。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["宜昌市", "全省", "云南"]


def test_a_self_reference_before_a_word_with_chang_is_read(lexicons) -> None:
    # 我区长足发展, 全市长效机制: 长 starts a word; 全县长 is no county head
    text = "为推动我区长足发展提供保障。建立全市长效机制。本县长期坚持依法行政。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["我区", "全市", "本县"]


def test_spaced_out_page_fields_are_chrome(lexicons) -> None:
    # 发 布 机 构: a disclosure page's field spaced out to line up its table
    text = "发 布 机 构: 浙江省人民政府 发 文 日 期: 2024-03-30\n2023年，全省推进法治建设。\n"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2023))
    found = extract_governments(doc, split_sentences(text), lexicons)
    assert [m.surface for m in found] == ["全省"]


def test_a_self_reference_inside_a_short_quoted_slogan_is_not_a_mention(lexicons) -> None:
    # “全县通办”, “一号受理、全镇联动”: slogans and programme names, not the place
    text = "实现“全县通办”。建成“一号受理、全镇联动”服务机制。全县推进“放管服”改革。"
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8")
    found = extract_governments(doc, split_sentences(text), lexicons)
    assert [(m.surface, m.start) for m in found] == [("全县", text.index("全县推进"))]


def test_a_place_the_writer_adapts_to_and_words_that_only_look_like_self_references(
    lexicons,
) -> None:
    text = (
        "密切结合长春实际，制定出台办法。成功创成国家农产品质量安全市。健全市级统筹机制。"
        "以深化党委依法执政、政府依法行政为重点。完成全市各级党政主要负责人述法。"
    )
    got = [s for s, _ in _surfaces(text, lexicons)]
    assert got == ["长春", "全市"]  # 全市 after 完成, not inside 安全市 or 健全市级


def test_a_sites_dated_header_breadcrumb_and_issuer_field_are_chrome(lexicons) -> None:
    # The site's name with the day's date, its breadcrumb, 发文机构 and a title misspelt 2025度.
    text = (
        "天津市河东区人民政府 2019年12月3日星期二\n"
        "政务公开  >  政策文件  >  河东区文件  >  区政府文件\n"
        "  • 发文机构:革吉县民政和退役军人事务局\n"
        "东方山街道2025度法治政府建设年度报告\n"
        "2025年度,全区推进法治建设。\n"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2025))
    found = extract_governments(doc, split_sentences(text), lexicons)
    assert [m.surface for m in found] == ["全区"]


def test_a_streets_party_working_committee_written_without_dang(lexicons) -> None:
    # 街道工委 is the street's 党工委; 人大工委 and 团工委 are other bodies' committees.
    text = (
        "2023年,垡头街道工委办事处在区委、区政府的坚强领导下推进法治建设。街道工委书记、办事处主任"
        "履行第一责任人职责。召开第四次工委(扩大)会议。发挥人大工委和团工委作用。\n"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == [
        "垡头街道工委",
        "办事处",
        "区委",
        "区政府",
        "街道工委",
        "办事处",
        "工委",
    ]


def test_a_place_named_for_an_honour_acts_and_and_county_is_no_county(lexicons) -> None:
    # 龙陵县增补为…示范创建候选县: the county is added to a list, it opens no honour's name;
    # 在省、市和县委领导下: "and the county committee", not the committee of 和县 (安徽).
    text = "龙陵县增补为省级法治政府建设示范创建候选县。2024年,在省、市和县委坚强领导下推进。"
    assert [s for s, _ in _surfaces(text, lexicons)] == ["龙陵县", "县委"]


def test_bare_zizhiqu_is_the_region_but_not_its_organs_levels_or_posts(lexicons) -> None:
    text = (
        "承接自治区下放的5项审批事项，积极参加自治区“法治讲堂”，超过自治区规定的比例。"
        "自治区党委、政府部署，自治区级权责清单，自治区主席履职，写入自治区第十次党代会报告。"
        "广西壮族自治区人民政府印发通知。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == [
        "自治区",
        "自治区",
        "自治区",
        "自治区党委",
        "政府",
        "广西壮族自治区人民政府",
    ]


def test_a_place_opening_each_honour_of_a_list_or_a_dated_honour_is_no_mention(lexicons) -> None:
    text = (
        "先后荣获全省卫生乡镇、全省森林乡镇、全市创文工作突出单位等荣誉称号。"
        "2项案例获评2024年上海市“一网通办”经典案例。在全省推广经验，全市共有3个。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == ["全省", "全市"]


def test_a_standing_committee_after_its_committee_and_a_province_by_its_abbreviation(
    lexicons,
) -> None:
    text = (
        "市委召开常委会扩大会议。在县委十二届第56次常委会会议上部署。"
        "贯彻总书记历次来陕和来宝考察重要讲话。全省率先实现省级食品安全示范区全覆盖。"
    )
    assert [s for s, _ in _surfaces(text, lexicons)] == [
        "市委",
        "常委会",
        "县委",
        "常委会",
        "陕",
        "全省",
    ]
