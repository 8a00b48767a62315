"""Implementation families: local documents that implement a national one by their title.

``kg/data/implementation_families.tsv`` lists, in order, a pattern searched in
a local title's :func:`~kg.resolve.titles.title_form` and the title of the
national document it implements: 《重庆市重大行政决策程序规定》 and
《渝北区重大行政决策程序实施办法》 implement 《重大行政决策程序暂行条例》; a
county's 法治政府建设实施方案（2021—2025年） implements the 2021 纲要.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from kg.resolve.titles import title_form

__all__ = ["implemented_by_family", "load_families"]


@lru_cache(maxsize=1)
def load_families() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The compiled family table: (pattern, national title), in order."""
    text = (files("kg.data") / "implementation_families.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        pattern, target = line.split("\t")[:2]
        rows.append((re.compile(pattern), target))
    return tuple(rows)


@lru_cache(maxsize=65536)
def implemented_by_family(title: str) -> str | None:
    """The national title a local ``title`` implements by its family, or ``None``.

    >>> implemented_by_family("渝北区重大行政决策程序实施办法")
    '重大行政决策程序暂行条例'
    """
    form = title_form(title)
    for pattern, target in load_families():
        if pattern.search(form):
            return target
    return None
