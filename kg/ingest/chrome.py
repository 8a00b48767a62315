"""Web-page chrome: navigation, footers and banners that are not content.

Chrome lines are blanked with spaces rather than removed so that every
offset into the text stays an offset into the decoded file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def chrome_pattern() -> re.Pattern[str]:
    """One regex of every chrome line pattern in ``kg/data/chrome_lines.txt``."""
    lines = files("kg.data").joinpath("chrome_lines.txt").read_text(encoding="utf-8").splitlines()
    parts = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of lines that are page chrome."""
    pattern = chrome_pattern()
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if line and len(line) <= 120 and pattern.search(line):
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
