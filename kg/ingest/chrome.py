"""Web-page chrome: navigation, footers and banners that are not content.

Chrome lines are blanked with spaces rather than removed so that every
offset into the text stays an offset into the decoded file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from kg.ingest.script import to_simplified


@cache
def chrome_pattern() -> re.Pattern[str]:
    """One regex of every chrome line pattern in ``kg/data/chrome_lines.txt``."""
    lines = files("kg.data").joinpath("chrome_lines.txt").read_text(encoding="utf-8").splitlines()
    parts = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in parts))


# A navigation trail (首页 > 政务公开 > …) and what stands after its last separator.
_TRAIL = re.compile(r"^.*[>＞»]")
# A dated report title (2022年法治政府建设情况的报告): report text, never a site's section name.
_DATED_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?[^>＞»]{0,40}?(?:报告|总结)")


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of lines that are page chrome.

    A navigation trail run together with the report's dated title (首页 > 政务公开 > X县人民
    政府关于2022年…报告 2022年，我县…) is chrome only up to its last separator: the title and
    the sentence after it are the report's own text (the annotation guide reads the author
    off such a title).
    """
    pattern = chrome_pattern()
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        # a page in traditional script has the same chrome (無障礙閱讀, 當前位置): read it folded
        if (
            line
            and len(line) <= 120
            and (pattern.search(line) or pattern.search(to_simplified(line)))
        ):
            trail = _TRAIL.match(m.group())
            if trail is not None and _DATED_TITLE.search(m.group(), trail.end()):
                spans.append((m.start(), m.start() + trail.end()))
            else:
                spans.append((m.start(), m.end()))
    return spans


def blank_chrome(text: str) -> str:
    """``text`` with every chrome line replaced by spaces of equal length."""
    spans = chrome_lines(text)
    if not spans:
        return text
    out = []
    last = 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)
