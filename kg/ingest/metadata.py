"""What a report says about itself: title, author, date, year and kind.

Only the text is read here; the author's name strings are resolved to
governments later, against the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.ingest.organs import OrganShape, is_organ_list, list_end
from kg.model import DocumentMeta

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

# An organ name as it stands in a title before 关于 or alone on a signature line.
# Lists of organ names are matched by kg.ingest.organs (linear time; the equivalent
# regex ORGAN(?:[、\s]*ORGAN)* backtracks exponentially on lines like 局局局…局x).
_ORGAN_SHAPE = OrganShape(
    ("中共", "中国共产党"),
    r"[\u4e00-\u9fff（）()]",
    2,
    30,
    (
        *("人民政府", "委员会", "党委", "党工委", "工委", "县委", "市委", "区委", "镇委"),
        *("乡委", "州委", "省委", "旗委", "盟委", "政府", "办公室", "办事处", "管委会"),
        *("局", "委", "厅", "院", "所", "中心"),
    ),
)
_ORGAN = _ORGAN_SHAPE.regex
# Short forms of a superior's organs in an addressee line: 区委、区政府：
_SHORT_SHAPE = OrganShape(("中共",), "[省市区县州旗盟]", 1, 1, ("委", "人民政府", "政府"))
# Author before 关于, or before the year of a title without 关于 (XX市司法局2023年度…).
_AFTER_TITLE_AUTHOR = re.compile(r"\s*(?:关于|(?=(?:19|20)\d{2}\s*年))")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CN = re.compile(
    r"([二〇○一二三四五六七八九零]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")
_SELF = re.compile(r"(?:我|全|本)(省|市|区|县|旗|州|盟|镇|乡|街道)")
# The name stops at a bracket: （来源：X县司法局） closes after the name.
_BYLINE = re.compile(
    r"(?:作者|来源|信息来源|发布机构|发文机关)[:：]\s*([^\s:：()（）【】\[\]]{2,40})"
)
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|成文日期|发文日期)[:：]\s*([0-9年月日\-/. ]{8,14})")
_TITLE_WORDS = ("报告", "总结", "情况", "工作", "建设", "经验", "做法", "成效", "举措", "法治")


def _cn_number(s: str) -> int:
    if len(s) == 4 and all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1], 0)
    if s.endswith("十"):
        return _CN_DIGITS.get(s[0], 0) * 10
    if "十" in s:
        return _CN_DIGITS.get(s[0], 0) * 10 + _CN_DIGITS.get(s[-1], 0)
    return _CN_DIGITS.get(s, 0)


def parse_date(text: str) -> str:
    """First date in ``text`` as ISO ``YYYY-MM-DD``, or ""."""
    for pattern, cn in ((_DATE, False), (_DATE_CN, True), (_DATE_ISO, False)):
        m = pattern.search(text)
        if m:
            y, mo, d = (_cn_number(g) if cn else int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _looks_like_title(line: str) -> bool:
    if len(line) > 80 or len(line) < 4:
        return False
    if line[-1] in "。；;，,：:" or line.count("，") + line.count(",") > 1:
        return False
    return any(w in line for w in _TITLE_WORDS)


def _is_organ_line(line: str) -> bool:
    """Whether ``line`` is nothing but one or more organ names (a signature or heading line)."""
    if len(line) > 60 or line[0] in "（(" or "、" in line[:3]:  # a numbered heading
        return False
    return is_organ_list(line, _ORGAN_SHAPE.ends)


def find_title(content: str, page_title: str = "") -> str:
    """The document title: the first title-like line, joined with a continuation line.

    An organ line standing just above a title that starts with 关于 is part of the title
    (重庆市渝北区大盛镇人民政府 / 关于2023年度法治政府建设情况的报告).
    """
    lines = _lines(content)[:8]
    for i, line in enumerate(lines):
        if not _looks_like_title(line):
            # A body paragraph before any title line: the report has no title.
            if len(line) > 80 or line[-1] in "。；;：:":
                break
            continue
        title = line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and len(nxt) <= 20 and re.fullmatch(r"[\u4e00-\u9fff（）()]*(报告|总结|汇报)", nxt):
            title += nxt
        if title.startswith("关于") and i > 0 and _is_organ_line(lines[i - 1]):
            title = re.sub(r"\s+", "", lines[i - 1]) + title
        return title
    if page_title and _looks_like_title(page_title):
        return page_title
    return ""


def _split_organs(name: str) -> tuple[str, ...]:
    """``中共无极县委无极县人民政府`` -> ``("中共无极县委", "无极县人民政府")``."""
    # 和/及/与 join two organs only between whole names: 人力资源和社会保障局, 文化和旅游局,
    # 住房和城乡建设局 are one department each.
    parts = [
        p
        for p in re.split(
            r"[、\s,，]+|(?<=[委府会院局厅])[和及与](?=中共|[\u4e00-\u9fff]{2})", name
        )
        if p
    ]
    out: list[str] = []
    for part in parts:
        m = _PARTY_COMMITTEE.match(part)
        if m and len(m.group(2)) >= 3:
            organ = _WORK_ORGAN.match(m.group(2))
            if organ is None:
                out.extend([m.group(1), m.group(2)])
                continue
            # 中共重庆市荣昌区委教育工作委员会: a work organ of the committee, one name
            out.append(m.group(1) + organ.group())
            rest = m.group(2)[organ.end() :]
            out.extend([rest] if len(rest) >= 3 else [])
        else:
            out.append(part)
    return tuple(out)


_PARTY_COMMITTEE = re.compile(
    r"(中共[\u4e00-\u9fff]{2,20}?(?:[省市区县州旗盟镇乡]委(?:员会)?|党委|党工委|工委))(.+)"
)
# The work organs of a party committee that reports under its own name (党委工作机关):
# written after the committee they belong to, they are part of its name, not a second author.
_WORK_ORGAN = re.compile(
    r"(?:教育|机关|政法|社会|企业|农村|城市)?工作委员会|政法委员会|宣传部|组织部|统战部"
    r"|统一战线工作部|社会工作部|机构编制委员会办公室|全面依法治[省市区县州旗]委员会(?:办公室)?"
)


@dataclass(frozen=True)
class AuthorClue:
    """Organ names a report gives for its author, with the kind and text of the line."""

    names: tuple[str, ...]
    evidence: str  # title | signature | opening | byline | title-place
    line: str


def author_clues(title: str, content: str, raw: str) -> list[AuthorClue]:
    """Every place the text names its author, best evidence first.

    title: organ names before 关于 or before the year (XX市司法局2023年法治政府建设…);
    signature: organ lines just above (or below) the closing date; opening: an organ line
    among the first lines that is not the addressee (which ends in a colon); byline: 来源/作者/
    发布机构 of a web page; title-place: the title itself, read later for a place name.
    """
    out: list[AuthorClue] = []
    end = list_end(title, _ORGAN_SHAPE.ends, lambda i: bool(_AFTER_TITLE_AUTHOR.match(title, i)))
    if end is not None:
        out.append(AuthorClue(_split_organs(title[:end]), "title", title))
    lines = _lines(content)
    tail = lines[-8:]
    for i in range(len(tail) - 1, -1, -1):
        if not (parse_date(tail[i]) and len(tail[i]) <= 24):
            continue
        above = []
        for j in (i - 1, i - 2, i - 3):
            if j >= 0 and _is_organ_line(tail[j]) and not tail[j].endswith(("：", ":")):
                above.insert(0, tail[j])
            elif above or j < i - 1:
                break
        below = tail[i + 1] if i + 1 < len(tail) else ""
        if not above and below and _is_organ_line(below):
            above = [below]
        if above:
            names = tuple(n for line in above for n in _split_organs(line))
            out.append(AuthorClue(names, "signature", " ".join(above)))
            break
    for line in lines[:4]:
        if _is_organ_line(line) and len(line) <= 40:
            out.append(AuthorClue(_split_organs(line), "opening", line))
            break
    name, line = find_byline(raw)
    if name:
        out.append(AuthorClue((name,), "byline", line))
    if title:
        out.append(AuthorClue((title,), "title-place", title))
    return out


def find_byline(raw: str) -> tuple[str, str]:
    """The publisher a web page's byline names (来源/发布机构/作者) and the byline itself."""
    b = _BYLINE.search(raw[:3000])
    if not b:
        return "", ""
    # 来源: 河北省人民政府网 is the government's web site: the organ is 河北省人民政府.
    name = re.sub(r"(门户网站|网站|网|融媒体中心|发布)$", "", b.group(1))
    return (name, b.group(0).strip()) if len(name) >= 2 else ("", "")


def find_author_names(title: str, content: str, raw: str) -> tuple[tuple[str, ...], str]:
    """Author organ names and the evidence that gave them, best evidence first."""
    clues = author_clues(title, content, raw)
    return (clues[0].names, clues[0].evidence) if clues else ((), "")


def _organ_or_short(text: str, pos: int) -> Iterator[int]:
    yield from _ORGAN_SHAPE.ends(text, pos)
    yield from _SHORT_SHAPE.ends(text, pos)


def find_addressees(content: str) -> tuple[str, ...]:
    """The addressee line at the top: ``中共石家庄市委、石家庄市人民政府：``, ``区委、区政府：``.

    Short forms name the author's superiors and are resolved against its chain.
    """
    for line in _lines(content)[:5]:
        if line[-1] in ":：" and is_organ_list(line[:-1], _organ_or_short):
            return _split_organs(line[:-1])
    return ()


def find_kind(title: str, content: str) -> str:
    """``report`` (情况报告), ``summary`` (工作总结) or ``article`` (经验材料, news)."""
    if "总结" in title:
        return "summary"
    if "报告" in title or re.search(r"现(将|就).{0,30}(报告|汇报)如下", content[:3000]):
        return "report"
    return "article"


def find_year(title: str, content: str, date: str, kind: str) -> int | None:
    """The year reported on, not the year signed."""
    m = _YEAR_IN_TITLE.search(title)
    if m:
        return int(m.group(1))
    head = content[:400]
    m = re.search(r"((?:19|20)\d{2})\s*年(?:度)?(?:以来|，|,|全|我)", head)
    if m:
        return int(m.group(1))
    if date:
        year, month = int(date[:4]), int(date[5:7])
        # Annual reports are due early in the following year (by 4月1日 under the 督察规定).
        if kind in ("report", "summary") and month <= 4:
            return year - 1
        return year
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", content)]
    # Ties go to the first seen: never to the iteration order of a set (PYTHONHASHSEED).
    return Counter(years).most_common(1)[0][0] if years else None


def extract_metadata(content: str, raw: str, page_title: str = "") -> DocumentMeta:
    """Metadata of a document from its content (chrome blanked) and raw decoded text."""
    title = find_title(content, page_title)
    clues = author_clues(title, content, raw)
    best = clues[0] if clues else AuthorClue((), "", "")
    lines = _lines(content)
    date = ""
    for line in reversed(lines[-4:]):
        if len(line) <= 20:
            date = parse_date(line)
            if date:
                break
    if not date:
        p = _PUBLISHED.search(raw[:3000])
        if p:
            date = parse_date(p.group(1))
    kind = find_kind(title, content)
    selfref = _SELF.findall(content)
    self_level = Counter(selfref).most_common(1)[0][0] if selfref else ""
    return DocumentMeta(
        title=title,
        author_names=best.names,
        author_evidence=best.evidence,
        author_line=best.line,
        self_level=self_level,
        addressees=find_addressees(content),
        byline=find_byline(raw)[0],
        date=date,
        year=find_year(title, content, date, kind),
        kind=kind,
    )
