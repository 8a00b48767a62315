"""Governments: named places with their organs, and 我县/全县 self-references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kg.extract.departments import department_after
from kg.extract.lexicons import Lexicons, data_lines, province_abbreviations
from kg.extract.mention import make_mention, not_annotated, reglossed, simplified, unglossed
from kg.extract.sentences import Sentences, split_sentences
from kg.ingest.script import to_simplified
from kg.model import Document, Mention, attrs

# Organ suffixes that make a place name a government organ; longest first.
ORGANS = (
    "人民代表大会常务委员会",
    "人大常委会",
    "人民政府",
    "街道办事处",
    "办事处",
    "行政公署",
    "高级人民法院",
    "中级人民法院",
    "人民法院",
    "法院",
    "人民检察院",
    "检察院",
    "政府",
    "人民代表大会",
    "人大",
    "政协",
    "委员会",
    "党委",
    "县委",
    "市委",
    "区委",
    "镇委",
    "乡委",
    "省委",
    "州委",
    "地委",
    "党工委",
    "工委",  # 垡头街道工委: a street's party working committee, written without 党
    "委",
)
# 长 after it is the head's title (县长, 镇长) unless it starts a word of its own (我区长足发展,
# 全市长效机制, 本县长期); 全 ending a word (质量安全市, 健全市级) is no 全市.  全省 opening an
# honour's name is read by _opens_a_name.
_SELF = re.compile(
    r"(?<!批)(?:我|本|(?<![安健])全)(省|市|区|县|旗|州|盟|镇|乡|街道|地区)(?![委级直属])"
    r"(?!长(?!足|期|效|远|治久安|江|三角))"
)
# What makes 全省 the first word of the name of an honour, a batch or a programme
# (获评全省法治政府建设示范县, 全省首批“…示范市”, 第二批全省…示范创建, 被评为全省…优秀单位):
# a verb of awarding before it, a batch after it, or an honour's head within the name.
# (获评全省优秀 is a rating of the place; 全市首批43个观测点 a count of the place's own.)
_AWARD_VERB = r"(?:评为|获评|荣获|参评|评选为|授予|命名为|入选|获得|争创)"
# 获评2024年上海市…案例, 获评“2023年上海市…优秀案例”: the year of the honour may come first
_AWARDED = re.compile(_AWARD_VERB + r"[“\"]?(?:(?:19|20)\d{2}年度?)?$")
# 荣获全省卫生乡镇、全省森林城镇、全市创文工作突出单位: each honour of a list the verb opens
_AWARDED_LIST = re.compile(_AWARD_VERB + r"[^，,。；;：:]*、$")
_AWARD_NAME = re.compile(
    r"[“\"]|[\u4e00-\u9fff“”\"\d]{2,24}?"
    r"(?:单位|案例|称号|地区|城市|集体|典型|示范|达标|乡镇|城镇|村镇|个人)"
)
_BATCH = re.compile(
    r"[“\"]?(?:首批|第[一二三四五六七八九十\d]+批)(?![\d一二三四五六七八九十百]+个)"
)
_HONOUR_NAME = re.compile(
    r"[\u4e00-\u9fff“”\"]{0,14}?示范(?:县|市|区|地区|城市|项目|单位|乡镇|街道|点|基地|村|社区|创建)"
)
# 全县争创…示范县, 江陵县被推荐申报…, 天河区入选示范地区: the place acts, it opens no name
_DOING = re.compile(
    r"争创|推广|开展|推进|学习|申报|推荐|获评|获|入选|被|评为|荣获|成功|增补|列为|确定为|认定为|率先"
    r"|[、，,。；;“”\"]"
)


def _opens_a_name(text: str, start: int, end: int) -> bool:
    """Whether the self-reference at ``text[start:end]`` (全省) opens the name of an honour,
    a batch or a programme; 在全省推广…示范创建经验 is the province, where the work is done."""
    awarded = _AWARDED.search(text, max(0, start - 12), start) or _AWARDED_LIST.search(
        text, max(0, start - 60), start
    )
    if awarded and _AWARD_NAME.match(text, end):
        return True
    if _BATCH.match(text, end):
        return True
    name = _HONOUR_NAME.match(text, end)
    return (
        name is not None
        and text[start - 1 : start] not in ("在", "于")
        and _DOING.search(name.group()) is None
    )


# A 地区's organs by their short names (地委、行署 in 阿里地区's counties): not inside a word
# (当地委托, 属地委员).
_PREFECTURE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[、和及与在]))地委(?![托员会])|行署(?![长专])"
)
_PARTY = "中共"
# 市委、市政府 / 县人大常委会 / 镇党委: an organ of the author's own or a superior level, named
# by its level word alone; not inside a word (依法治县委, 全县政府, 乡镇政府) nor when the words
# after it name one of its bodies (市委依法治市办).
_SHORT_PATTERN = (
    r"(?<![治全本我各该两多乡镇区县市省州旗盟级村社园景辖郊团])"
    r"(?P<level>自治区|街道|[省市区县州旗镇乡])"
    r"(?P<organ>人大常委会|人民政府|政府|人大(?!常委会|常务委员会)|政协|党工委|党委|委|高级人民法院|中级人民法院|"
    r"人民法院|法院|人民检察院|检察院)"
    r"(?![员会])(?!办(?!事处))(?!{body})"
)
# What follows an organ when the words name a body of that organ (市委全面依法治市委员会,
# 国务院办公厅, 市委党校): an institution, not a mention of the organ.  Its secretary and
# its secretary (市委书记) is no body of its own: the organ is named.  Its leading party
# group (县政府党组, 市政府机关党组) is a body, like a department's.
_BODY_OF = (
    "(?:全面)?依法治.(?:委员会|委|办|工作领导小组|领导小组)|法工委|法制工作委员会|法治建设委员会|党校|平安办|办公厅|办公室|政治局|审改办|宣传部|组织部|政法委|"
    "统战部|巡察(?:办|组|机构)|编办|网信办|财经委|深改委|改革办|督查室|研究室|法制办|直属|各部门|工作部门|"
    "组成部门|部门|系统|秘书长|副秘书长|机关|党组(?!织)"
)
_SHORT = re.compile(_SHORT_PATTERN.replace("{body}", _BODY_OF))
# 党工委 alone (组织党工委专题学习) in a 街道's report: the street's own party working committee.
# Not a zone's (开发区党工委, 园区党工委) nor one with its place written (街道党工委, read above).
# 工委 alone is the same committee (垡头街道工委办事处, 第四次工委(扩大)会议), but not
# another body's working committee (人大工委, 纪工委, 团工委, 机关工委, 法工委).
_WORK_COMMITTEE = re.compile(
    r"(?<![区园道委共团中会])党工委(?![员会])(?!" + _BODY_OF + ")|"
    r"(?<![区园委共团中会法党大纪侨妇关青科教])(?:街道)?工委(?![员会])(?!" + _BODY_OF + ")"
)
_BODY_RE = re.compile(_BODY_OF)
# 党委 alone (镇党委 is read above): in a government's report its own party committee
# (召开4次党委会议, 在党委的领导下, 主动向党委报告); the resolver keeps it only there.  Not in a
# plural or a class (各级党委, 上级党委, 党委（党组）, 党委政府), not in the formula 党委领导、
# 政府负责 or 党委依法执政, nor as the end of a body's name (局党委, 村党委, 公司党委).
_OWN_COMMITTEE = re.compile(
    r"(?<![各级上下该村组支总分机关局厅部委办队所院校会司团企业乡镇区县市省州旗盟道共])党委"
    r"(?![（(、和]?党组|员|领导、(?:人大|政府)|依法执政)(?!" + _BODY_OF + ")"
)
# 人大常委会 / 人大 alone (自觉接受人大监督, 镇长和人大主席): the congress of the author's own
# place; 人大及其常委会: the standing committee of the congress just named.  Not inside a
# body's name (全国人大, 市人大常委会 are read above) nor in a plural (各级人大).
_OWN_CONGRESS = re.compile(
    r"(?:(?<![\u4e00-\u9fff])(?P<organ>人大常委会|人大)|"
    r"(?<=[和及与受对向在由、])(?<!领导、)(?P<organ2>人大常委会|人大)|"
    r"(?<=人大及其)(?P<organ3>常委会))(?![代])(?!监督、|、政府)"
)  # not in the formula 党委领导、人大监督、政府负责
# 自治区 / 自治州 alone (中央、自治区关于…, 承接自治区下放的…, 参加自治区“法治讲堂”,
# 自治区认真落实…): that level's government of the author's chain. Not the end of a region's
# own name (广西壮族自治区, 巴音郭楞蒙古自治州: those are named governments), not an organ's
# first word (自治区党委, 自治区人民政府, 自治区高级人民法院: read as organs), nor a level
# (自治区级, 自治区各级, 自治区直属), its party congress (自治区第十次党代会) or a post
# (自治区主席, 自治区分管负责同志).
_REGION = re.compile(
    r"(?<![族尔古藏克孜全本我])(?P<level>自治区|自治州|自治區)"
    r"(?![级級各直属屬党黨人政委纪紀高监監第分主]|负责|負責)"
)
# 办事处 alone after its street's party working committee (街道党工委办事处, 党工委书记、
# 办事处主任): the street's office.
_STREET_OFFICE = re.compile(r"(?:(?<=工委)|(?<=[、和与]))办事处")
# Organs of the whole country (党中央, 国务院, 全国人大常委会 …) and their labels; 中央 alone
# only where it stands for the party centre: beside other organs or levels (中央、国务院,
# 中央和省委, 中央、省、市) or as the one who decides (中央关于…, 中央决策部署), not as the first
# word of a name (中央宣讲团, 中央督察, 中央政治局) nor in 中央和国家机关 (a class of bodies).
NATIONAL = re.compile(
    r"(?:(?:中共)?中央政治局|党中央|中共中央|国务院|全国人民代表大会常务委员会|全国人大常委会|全国人大(?!常委会|常务委员会)|最高人民法院|"
    r"最高人民检察院|最高检|最高法(?!律)|全国政协|"
    r"(?<![党共])中央(?=[、和及与](?!国家机关)[\u4e00-\u9fff]|关于|《|(?:的|全面依法治国)?(?:重大|重要)?(?:决策|部署|要求|精神))"
    r")(?!" + _BODY_OF + r")"
)
NATIONAL_LABELS = {
    "中共中央政治局": "中共中央",  # its collective study (集体学习) is the centre's
    "中央政治局": "中共中央",
    "党中央": "中共中央",
    "中央": "中共中央",
    "全国人大常委会": "全国人民代表大会常务委员会",
    "全国人大": "全国人民代表大会",
    "全国政协": "中国人民政治协商会议全国委员会",
    "最高检": "最高人民检察院",
    "最高法": "最高人民法院",
}
_LEVEL_ENDS = "省市县区旗州盟镇乡道"
_NOT_THE_PLACE = re.compile(
    r"路(?![径线子])|街|大道|大学|学院|银行|日报|卫视|电视台|广播|广场|公园|医院|机场|港|大厦|集团|公司|火车站|"
    r"高铁|时报|晚报|商报|在线|网"
)
# A zone named after its place (海南自贸港, 重庆经开区, 天津经济技术开发区, 成都市高新区): an area
# with its own management committee, not the division.
_ZONE = re.compile(
    r"自贸港|自贸区|自由贸易(?:试验区|港)|经开区|高新区|经济技术开发区|高新技术产业开发区|"
    r"经济开发区|保税区|综保区|综合保税区"
)
# What makes a place the first word of a longer proper name rather than the division: a
# batch or session (安徽省第三批法治政府建设示范县, 杭州市第十四届人民代表大会常务委员会) or a
# doctrine's name (湖南省习近平法治思想研究实践基地, 上海市习近平法治思想学习实践宣讲团).
_NAME_GOES_ON = re.compile(r"第[一二三四五六七八九十百\d]+[批届]|习近平")
# Compounds that name a place itself (法治嘉定, 平安西兴, 现代化西城实践, 推动博乐高质量发展,
# 结合长春实际):
# after them a county's or town's short name is a mention of the place.
_PLACE_COMPOUND = re.compile(
    r"(?:法治|平安|新时代|现代化的?新?|(?:打造|推动|推进|考察|视察)了?|模范|展示|守护|美丽|幸福|结合)"
    r"(?=[\u4e00-\u9fff]{2})"
)  # 推动了博乐高质量发展, 现代化新朔城: an aspect word or 新 between them changes nothing
_LONGEST_SHORT = 5  # 桐木漯 (瑶族乡), 广安门内 (街道)
# A firm, school or hospital named after its place (江苏承匠律师事务所, 陕西干部网络学院).
_FIRM = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:律师事务所|公司|集团|医院|学院|大学|银行|报社|电视台|广播电视台)"
)
# A place that opens a quoted name or a title (“广州市小微企业…项目”, 《荆州市…》 cut by a line
# end): it belongs to that name, unless the quotation is the place alone (“东城”).
_INSIDE_A_NAME = re.compile(r"[“《〈]")
# Words that make the place before them the subject of a clause (浮梁县建成…平台, 上海举办…论坛):
# a name that opens with a place holds none of them.
_CLAUSE_WORD = re.compile(
    r"[在是为由被把将对向与和及、，,。；;：:\s]|建|推|打造|搭建|依托|利用|通过|上线|启用|开通|开发|构建|创|"
    r"成立|举办|承办|主办|召开|印发|出台|发布|设立|制定|实现|运用|获|入选|完善|升级|优化"
)
# name characters between the place and the head (司法行政大, 国家工作人员学法考法)
_NAME_REACH = 12


@cache
def _named_thing() -> re.Pattern[str]:
    """A run of name characters ending in a head of :file:`place_named_heads.txt`."""
    heads = sorted(data_lines("place_named_heads.txt"), key=len, reverse=True)
    alternation = "|".join(map(re.escape, heads))
    return re.compile(rf"[“”\"‘’A-Za-z0-9\u4e00-\u9fff]{{0,{_NAME_REACH}}}?(?:{alternation})")


def names_a_thing(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` opens the name of a forum, a lecture series, a
    platform or a website (第五届上海国际仲裁高峰论坛, 通过贵州政务服务网站公示): the words up to
    the name's head hold no verb or clause mark that would make the place their subject."""
    m = _named_thing().match(text, end)
    return m is not None and _CLAUSE_WORD.search(m.group()) is None


# A cited title (《…》) is one mention: the places inside it are not governments.
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
# Sentence words that make a named government a partner of the author.
PARTNER_CUES = re.compile(r"签署|签订|合作|协议|联动|结对|共建|通办|协作|对口|互认|联盟")


def extract_governments(doc: Document, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Place names (with an organ suffix when present), short organ names (市委、市政府),
    national organs (党中央, 国务院) and self-references (我县, 全县); not inside cited titles
    nor in the report's own title line.  Traditional characters are read as simplified."""
    original = doc.text
    clean, where = unglossed(original)  # 自治區(qū)人民政府 is read as 自治區人民政府
    text = simplified(clean)
    found = _mentions(text, sentences if where is None else split_sentences(text), lexicons)
    # the title is read as the text is: 福建省人民政府關於… is the title line of 福建省人民政府关于…
    title = unglossed(doc.meta.title)[0]
    if text is not clean:
        folded = to_simplified(title)
        title = folded if len(folded) == len(title) else title
    inside = not_annotated(text, title)
    for m in _TITLE.finditer(text):
        inside[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    kept = [m for m in found if not inside[m.start]]
    if where is not None:
        kept = [reglossed(m, where, original, sentences) for m in kept]
    elif text is not original:
        kept = [replace(m, surface=original[m.start : m.end]) for m in kept]
    return kept


def _mentions(text: str, sentences: Sentences, lexicons: Lexicons) -> list[Mention]:
    """Every government mention of ``text`` (see :func:`extract_governments`)."""
    found: list[Mention] = []
    league: list[tuple[int, int]] = []  # names of the Youth League's committees
    matcher = lexicons.place_names
    for start, end, _ in matcher.find(text):
        # Chains such as 重庆市渝北区大盛镇 are matched piece by piece; join them.
        # (湖北武汉 are two short names, two mentions: only a full name is joined to the next)
        if (
            found
            and found[-1].end == start
            and found[-1].attr("organ") is None
            and text[start - 1] in _LEVEL_ENDS
        ):
            prev = found.pop()
            start = prev.start
        organ = next((o for o in ORGANS if text.startswith(o, end)), None)
        stop = end + len(organ) if organ else end
        if organ is None and text[end : end + 1] == text[end - 1] and text[end - 1] in _LEVEL_ENDS:
            # 南昌市市政府, 大盛镇镇政府: the place and its organ by its level word, one mention
            organ = next((o for o in ORGANS if text.startswith(o, end + 1)), None)
            stop = end + 1 + len(organ) if organ else end
        if not organ and text[end - 1] not in _LEVEL_ENDS and _NOT_THE_PLACE.match(text, end):
            continue  # 重庆路, 北京大学, 浙江日报: a road, school or paper named after it
        inside = start and _INSIDE_A_NAME.match(text, start - 1) and text[end : end + 1] != "”"
        if not organ and (_ZONE.match(text, end) or _ZONE.fullmatch(text, start, end)):
            continue  # 重庆经开区, 海南自贸港: a zone named after the place, or a zone alone
        if not organ and (
            _NAME_GOES_ON.match(text, end)
            or text[start - 1 : start] == "批"
            or _opens_a_name(text, start, end)
        ):
            continue  # 安徽省第三批…示范县, 第二批吉林省…示范地区: an honour's name
        if not organ and (_FIRM.match(text, end) or inside or names_a_thing(text, end)):
            continue  # 江苏承匠律师事务所, “济南律师宣讲团”, 上海司法行政大讲堂: another name
        if not organ and department_after(text, end) and not _partner_sentence(text, start):
            continue  # 浙江省卫生健康委: the place is part of the department's name
        if organ and _BODY_RE.match(text, stop):
            continue  # 广州市委全面依法治市委员会: one institution, no government mention
        if organ and start and text[start - 1] == "团":
            league.append((start, stop))
            continue  # 共青团南皮县委: the Youth League's committee, no organ of the place
        if start >= len(_PARTY) and text[start - len(_PARTY) : start] == _PARTY:
            start -= len(_PARTY)
            organ = organ or "委"
        found.append(
            make_mention(
                "government",
                text,
                start,
                stop,
                sentences,
                attrs(place=text[start:end].removeprefix(_PARTY), organ=organ),
            )
        )
    taken = bytearray(len(text) + 1)  # characters already inside a named government
    for a, b in [(m.start, m.end) for m in found] + league:
        taken[a:b] = b"\x01" * (b - a)
    counties = [
        (m, attrs(place=m.group()[:2], bare="1", organ=organ))
        for m, organ in _two_character_counties(text, lexicons.local_names, taken)
    ]
    for m, _ in counties:
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    shorts = (
        (m, attrs(short="1", level=m.group("level"), organ=m.group("organ")))
        for m in _free(_SHORT, text, taken)
    )
    selves = (
        (m, attrs(self="1", level=m.group(1)))
        for m in _SELF.finditer(text)
        if not _in_short_quote(text, m.start(), m.end())
        and not _opens_a_name(text, m.start(), m.end())
    )
    committees = (
        (m, attrs(short="1", level="街道", organ="党工委", own="1"))
        for m in _free(_WORK_COMMITTEE, text, taken)
    )
    own_committees = (
        (m, attrs(short="1", level="本", organ="党委", own="1"))
        for m in _free(_OWN_COMMITTEE, text, taken)
    )
    congresses = (
        (m, attrs(short="1", level="本", organ=_congress(m), own="1"))
        for m in _free(_OWN_CONGRESS, text, taken)
    )
    regions = (
        (m, attrs(short="1", level=m.group("level").replace("區", "区"), organ="政府"))
        for m in _free(_REGION, text, taken)
    )
    street_offices = (
        (m, attrs(short="1", level="街道", organ="政府", own="1"))
        for m in _free(_STREET_OFFICE, text, taken)
    )
    prefectures = (
        (m, attrs(short="1", level="地区", organ="委" if m.group() == "地委" else "政府"))
        for m in _free(_PREFECTURE, text, taken)
    )
    nationals = (
        (m, attrs(national=NATIONAL_LABELS.get(m.group(), m.group())))
        for m in _free(NATIONAL, text, taken)
    )
    abbreviated = (
        (m, attrs(place=province_abbreviations()[m.group()]))
        for m in _free(_abbreviation_re(), text, taken)
    )
    bare = (
        (name, attrs(place=name.group(), bare="1"))
        for name in _compound_names(text, lexicons.local_names, taken)
    )
    listed = (
        (name, attrs(place=name.group(), listed="1"))
        for name in _listed_names(text, lexicons.local_names, taken)
    )

    for m, facts in (
        *shorts,
        *selves,
        *committees,
        *own_committees,
        *congresses,
        *regions,
        *street_offices,
        *prefectures,
        *nationals,
        *bare,
        *listed,
        *counties,
        *abbreviated,
    ):
        found.append(make_mention("government", text, m.start(), m.end(), sentences, facts))
    found.sort(key=lambda m: (m.start, m.end))
    found = _with_standing_committees(text, found, sentences)
    found = _with_paired_governments(text, found, sentences)
    return [_with_role(text, m) for m in found]


def _congress(m: re.Match[str]) -> str:
    """The organ word of an :data:`_OWN_CONGRESS` match (常委会 after 人大及其 is the congress's
    standing committee)."""
    return m.group("organ") or m.group("organ2") or "人大常委会"


@cache
def _abbreviation_re() -> re.Pattern[str]:
    """A province by its abbreviation where it can mean nothing else: after a verb of coming
    (来陕, 赴闽, 在湘) and before a visit or work (考察, 视察, 调研, 工作)."""
    chars = "".join(sorted(province_abbreviations()))
    return re.compile(rf"(?<=[来赴到在驻])[{chars}](?=考察|视察|调研|工作|指导|重要讲话|和来)")


def _free(pattern: re.Pattern[str], text: str, taken: bytearray) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that touch no character already inside a named government."""
    return (m for m in pattern.finditer(text) if not any(taken[m.start() : m.end()]))


_QUOTE_REACH = 16  # characters of a quoted slogan or title on each side of the self-reference


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a short quotation (“全市通办”, “一键呼叫、全区响应”):
    a slogan or a programme's name, whose words are no mention of the place."""
    before = text[max(0, start - _QUOTE_REACH) : start]
    after = text[end : end + _QUOTE_REACH]
    opened = before.rfind("“")
    closed = after.find("”")
    return (
        opened >= 0
        and "”" not in before[opened:]
        and closed >= 0
        and "“" not in after[:closed]
        and not re.search(r"[。；;\n]", before[opened:] + after[:closed])
    )


def _compound_names(text: str, names: frozenset[str], taken: bytearray) -> list[re.Match[str]]:
    """Short county and town names right after a compound word (法治嘉定): the longest name
    that starts there, unless a named government already covers it or a level word follows
    (嘉定区 is read whole).  The resolver keeps only those on the author's own chain, so a
    word that happens to be a town's name (法治思想) goes nowhere."""
    out: list[re.Match[str]] = []
    for m in _PLACE_COMPOUND.finditer(text):
        start = m.end()
        if taken[start] or _PLACE_COMPOUND.match(text, start):
            continue  # 打造平安四川: 平安 is the compound's word, the place comes after it
        for k in range(_LONGEST_SHORT, 1, -1):
            word = text[start : start + k]
            if len(word) == k and word in names:
                if names_a_thing(text, start + k):
                    break  # “法治南宁讲堂”: a lecture series named after the place
                if text[start + k : start + k + 1] not in _LEVEL_ENDS or start + k == len(text):
                    found = re.compile(re.escape(word)).match(text, start)
                    if found is not None:
                        out.append(found)
                break
    return out


# Short names listed and then counted by their level (东城、通州、延庆3个区): each is a place.
_LISTED = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+)"
    r"(?:等)?(?:\d+|[两三四五六七八九十]+)个(?:区|县|市|县区|区县|镇|乡镇)"
)


def _listed_names(text: str, names: frozenset[str], taken: bytearray) -> list[re.Match[str]]:
    """Short county and town names in a list its count closes (东城、通州、延庆3个区), all of
    them names; the resolver keeps those it finds under the author's chain."""
    out: list[re.Match[str]] = []
    for m in _LISTED.finditer(text):
        items = m.group("names").split("、")
        if not all(item in names for item in items):
            continue  # 教育、卫生3个区: not a list of places
        pos = m.start("names")
        for item in items:
            if not any(taken[pos : pos + len(item)]):
                found = re.compile(re.escape(item)).match(text, pos)
                if found is not None:
                    out.append(found)
            pos += len(item) + 1
    return out


# Where a two-character county name stands as a word: after punctuation, a list mark or a
# superior's name (、黟县, 安徽省歙县), never inside one (示范县 is no 范县, 市委和县委 no 和县).
_WORD_BEFORE = re.compile(r"[^\u4e00-\u9fff]|[省市州盟]")


def _two_character_counties(
    text: str, names: frozenset[str], taken: bytearray
) -> list[tuple[re.Match[str], str | None]]:
    """赵县, 黟县 (with their organ: 赵县人民政府, 赵县县委): two-character county names standing
    as a word, not inside a named government; the resolver keeps only those on the author's
    own chain."""
    out: list[tuple[re.Match[str], str | None]] = []
    for m in re.finditer(r"[\u4e00-\u9fff]县", text):
        if m.group() not in names or any(taken[m.start() : m.end()]):
            continue
        if m.start() and not _WORD_BEFORE.match(text, m.start() - 1):
            continue
        if m.group()[0] in "和及与" and m.start() and text[m.start() - 1] in _LEVEL_ENDS:
            continue  # 在省、市和县委领导下: "and the county's committee", not 和县's
        end = m.end() + (text[m.end() : m.end() + 1] == "县")  # 赵县县委: its level word again
        organ = next((o for o in ORGANS if text.startswith(o, end)), None)
        if organ is None:
            end = m.end()
        elif _BODY_RE.match(text, end + len(organ)):
            continue  # 赵县县委依法治县办: an institution
        else:
            end += len(organ)
        found = re.compile(re.escape(text[m.start() : end])).match(text, m.start())
        if found is not None:
            out.append((found, organ))
    return out


def _with_standing_committees(
    text: str, found: list[Mention], sentences: Sentences
) -> list[Mention]:
    """市委常委会, 自治区党委常委会: the party committee's standing committee is named by one
    mention over the whole name (a member's post, 市委常委, is not: the committee is named)."""
    out: list[Mention] = []
    for m in found:
        if m.surface.endswith("委") and not m.attr("national") and text.startswith("常委会", m.end):
            m = make_mention("government", text, m.start, m.end + 3, sentences, m.attrs)
        out.append(m)
        later = _LATER_STANDING.match(text, m.end) if m.surface.endswith("委") else None
        if later is not None and not m.attr("national"):
            # 市委召开常委会扩大会议, 县委十二届第56次常委会会议: the committee just named
            start = later.end() - 3
            out.append(make_mention("government", text, start, later.end(), sentences, m.attrs))
    return out


_LATER_STANDING = re.compile(
    r"(?:召开了?|主持召开|[\d一二三四五六七八九十]+届(?:第?[\d一二三四五六七八九十百]+次)?"
    r"|第[\d一二三四五六七八九十百]+次)常委会"
)


# 党委、政府 / 党委和政府 / 区委政府: the government of the place whose party committee was just
# named.
_PAIRED = re.compile(r"[、和及与]?政府(?!办|部门|机关|工作部门|各部门|网站|规章|信息)")


def _with_paired_governments(
    text: str, found: list[Mention], sentences: Sentences
) -> list[Mention]:
    """Add the bare 政府 of 自治区党委和政府, 镇党委、政府: an organ of the place just named."""
    out: list[Mention] = []
    for m in found:
        out.append(m)
        if not m.surface.endswith(("党委", "党工委", "委")) or m.attr("national"):
            continue
        paired = _PAIRED.match(text, m.end)
        if paired is None:
            continue
        facts = tuple((k, v) for k, v in m.attrs if k in ("place", "short", "level", "own"))
        out.append(
            make_mention(
                "government",
                text,
                paired.end() - 2,
                paired.end(),
                sentences,
                tuple(sorted((*facts, ("organ", "政府")))),
            )
        )
    return out


_SENTENCE_REACH = 300  # characters looked at on each side: a real sentence is shorter


def _partner_sentence(text: str, pos: int) -> bool:
    """Whether the sentence around ``pos`` speaks of an agreement or cooperation: a place
    named there (与…惠民县行政审批服务局签署协议) is the author's partner, kept as a mention.

    Only ``_SENTENCE_REACH`` characters each side are searched, so that a text with no
    sentence end (a dump on one line) costs the same per place as a report.
    """
    low = max(0, pos - _SENTENCE_REACH)
    high = min(len(text), pos + _SENTENCE_REACH)
    start = max(text.rfind("。", low, pos), text.rfind("\n", low, pos), low - 1) + 1
    ends = [i for i in (text.find("。", pos, high), text.find("\n", pos, high)) if i >= 0]
    end = min(ends) if ends else high
    return PARTNER_CUES.search(text, start, end) is not None


def _with_role(text: str, m: Mention) -> Mention:
    """Mark the role the text gives a named government: ``partner`` when the sentence speaks
    of an agreement or cooperation (与山东省滨州市惠民县…签署了《…合作框架协议》)."""
    if m.attr("self") == "1" or m.attr("national"):
        return m
    if not PARTNER_CUES.search(text, m.sentence_start, m.sentence_end):
        return m
    return replace(m, attrs=tuple(sorted((*m.attrs, ("role", "partner")))))
