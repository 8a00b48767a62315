"""Building a ``Mention`` from a span, shared by every extractor."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.sentences import Sentences
from kg.ingest.script import to_simplified
from kg.model import Attrs, Mention


def make_mention(
    kind: str, text: str, start: int, end: int, sentences: Sentences, facts: Attrs = ()
) -> Mention:
    """A mention of ``text[start:end]`` with its sentence span."""
    s, e = sentences.around(start, end)
    return Mention(
        type=kind,
        surface=text[start:end],
        start=start,
        end=end,
        sentence_start=s,
        sentence_end=e,
        attrs=facts,
    )


# Lines of page chrome the annotation guide leaves out (bylines, navigation, index fields).
# Field names are spaced out on some pages to line up a table (发 布 机 构: 江苏省人民政府).
_CHROME_LINE = re.compile(
    r"来源\s*[:：]|发\s*布\s*(?:机\s*构|单\s*位)|发\s*文\s*机\s*[关构]|当前位置|您的位置|索\s*引\s*号|信\s*息\s*来\s*源|"
    r"发\s*布\s*时\s*间|发\s*布\s*日\s*期|"
    r"标\s*题\s*[:：]|内\s*容\s*概\s*述"
)
# Fields of an information-disclosure page (责任部门 塘栖镇 公开形式 主动公开) and the rows of
# sister sites (中国政府网 | 重庆市人民政府网): chrome when the line holds no sentence.
_FIELD_LINE = re.compile(
    r"责任部门|责任科室|签发人|效力状态|成文日期|公开方式|公开范围|政府网|索\s*引\s*号|首页\s*[>＞]|"
    r"\d{1,2}:\d{2}|"  # a publishing time (2023-12-29 09:36)
    r"星期[一二三四五六日天]|"  # a site's date beside its name (…人民政府 2019年12月3日星期二)
    r"[>＞»][^>＞»]+[>＞»]"  # a breadcrumb (政务公开 > 政策文件 > 河东区文件 > 区政府文件)
)
# A title as it opens a line of the page (重庆市开州区义和镇人民政府 关于2025年度…的报告,
# 福建省2017年法治政府建设情况报告), however often the page repeats it; a line whose text
# before the title holds a clause mark (现将…报告如下, 根据《…》) is a sentence, not a title.
_TITLE_AT_START = re.compile(
    r"(?:(?:19|20)\d{2}\s*(?:年度?|度)|关于)[^。；;，,、《》]{0,40}?(?:报告|总结|建设情况(?=\s*$))"
    r"(?:[(（](?:19|20)\d{2}年度?[)）])?"
)
# The end of a title that a page breaks over two lines (…关于2023年度法治政府建设 / 工作的报告).
_TITLE_END_LINE = re.compile(r"^[^。；;，,、《》“]{1,12}(?:报告|总结)\s*$")
# A numbered heading of the report's body: (二)…, 一、…, 3.…
_HEADING = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]")
# A line that is nothing but the name of an organ or a department.
_NAME_LINE = re.compile(
    r"^[^,，。；;:：、“”《》\d]{2,}(?:人民政府|政府|办事处|委员会|委|局|厅|部|办公室|办公厅|管委会)$"
)
_NOT_A_TITLE = re.compile(r"[,，。；;、《》“]|现将|如下|特此")
_TITLE_LINES = 20  # titles stand in the opening lines of a page
_LONGEST_TITLE = 80
_LONGEST_NAME_LINE = 30
_LONGEST_FIELDS = 150


def not_annotated(text: str, title: str) -> bytearray:
    """A mask of the characters no mention may start in: the report's own title line (the
    annotation guide leaves it out: it names the author), also where a page repeats it or runs
    it together with the first sentence (only the title part is masked), and page-chrome lines
    (来源: …, 责任部门 …)."""
    mask = bytearray(len(text) + 1)
    pos = 0
    name_line: tuple[int, int] | None = None  # a short line that may be a title's first part
    body = False  # whether the line before is a sentence or a heading (a name line is not)
    for i, line in enumerate(text.splitlines(keepends=True)):
        stripped = line.strip()
        if stripped and (_CHROME_LINE.search(stripped) or (title and stripped == title.strip())):
            mask[pos : pos + len(line)] = b"\x01" * len(line)
            if name_line is not None and i < _TITLE_LINES and stripped == title.strip():
                # 通城镇人民政府 / 2025年法治政府建设情况: the name above the title is its start
                mask[name_line[0] : name_line[1]] = b"\x01" * (name_line[1] - name_line[0])
        elif i < _TITLE_LINES and stripped:
            if _NAME_LINE.search(stripped) and len(stripped) <= _LONGEST_NAME_LINE and not body:
                # 杭州市人民政府, 中共海南省委 海南省人民政府 alone on a line at the top (not
                # after a sentence or a heading): the report's or the site's name, like its title
                mask[pos : pos + len(line)] = b"\x01" * len(line)
            if _FIELD_LINE.search(line) and len(line) <= _LONGEST_FIELDS and "。" not in line:
                mask[pos : pos + len(line)] = b"\x01" * len(line)
            m = _TITLE_AT_START.search(line)
            if m is None and name_line is not None and _TITLE_END_LINE.match(stripped):
                joined = text[name_line[0] : name_line[1]].strip() + stripped
                whole = _TITLE_AT_START.search(joined)
                if whole and whole.end() == len(joined) and not _NOT_A_TITLE.search(joined):
                    mask[name_line[0] : pos + len(line)] = b"\x01" * (
                        pos + len(line) - name_line[0]
                    )
            if m and m.end() <= _LONGEST_TITLE and not _NOT_A_TITLE.search(line, 0, m.end()):
                mask[pos : pos + m.end()] = b"\x01" * m.end()
                if name_line is not None and not line[: m.start()].strip():
                    # 四川省交通运输厅 / 2025年法治政府建设情况报告: the title's first line
                    mask[name_line[0] : name_line[1]] = b"\x01" * (name_line[1] - name_line[0])
        if stripped:
            body = "。" in stripped or bool(_HEADING.match(stripped))  # of the next line
            short = len(stripped) <= _LONGEST_NAME_LINE and not _NOT_A_TITLE.search(stripped)
            name_line = (pos, pos + len(line)) if short else None
        pos += len(line)
    return mask


# Pinyin glosses some mirror sites print after rare characters: 自治區(qū), 應(yīng)急管理部.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def unglossed(text: str) -> tuple[str, list[int] | None]:
    """``text`` without pinyin glosses, and where each remaining character stands in
    ``text`` (``None`` when there is no gloss: the text is returned as it is)."""
    if "(" not in text or not _GLOSS.search(text):
        return text, None
    pieces: list[str] = []
    where: list[int] = []
    last = 0
    for m in _GLOSS.finditer(text):
        pieces.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        last = m.end()
    pieces.append(text[last:])
    where.extend(range(last, len(text)))
    return "".join(pieces), where


def reglossed(m: Mention, where: list[int], original: str, sentences: Sentences) -> Mention:
    """A mention found in the unglossed text, put back at its place in ``original`` (its
    surface as written, glosses inside; ``name`` the name as read)."""
    start, end = where[m.start], where[m.end - 1] + 1
    s, e = sentences.around(start, end)
    facts = m.attrs if m.attr("name") else tuple(sorted((*m.attrs, ("name", m.surface))))
    return Mention(m.type, original[start:end], start, end, s, e, facts)


@lru_cache(maxsize=8)  # a document's text, asked for by more than one extractor
def simplified(text: str) -> str:
    """A text written in traditional characters in simplified ones, offset for offset.

    Simplified text is left alone (the conversion would also turn 乾州 into 干州), and so is
    a text the conversion would lengthen or shorten.
    """
    out = to_simplified(text)
    if out is text or len(out) != len(text):
        return text
    changed = sum(map(str.__ne__, text, out))
    return out if changed > max(3, len(text) // 50) else text
