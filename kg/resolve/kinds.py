"""Kind of a cited document guessed from the form of its title.

Used for titles the catalogue does not know. The rules are an ordered table in
``kg/data/title_kinds.tsv`` (pattern, kind, note): the first pattern found in
the title's :func:`~kg.resolve.titles.title_form` wins. Rows whose kind starts
with ``@`` define macros: ``{NAME}`` in later patterns expands to the row's
pattern. Lines starting with ``#`` are comments.

The place-based rules are heuristics: 省/市 + 条例 is taken for a local
people's congress regulation (地方性法规) and 省/市 + 办法/规定/细则 without
关于 for a local government rule (地方政府规章), though many such titles are in
fact normative documents (规范性文件) issued by a government office.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from kg.resolve.titles import title_form

__all__ = ["KINDS", "classify_title", "load_rules"]

KINDS: tuple[str, ...] = (
    "宪法",
    "法律",
    "行政法规",
    "司法解释",
    "部门规章",
    "地方性法规",
    "地方政府规章",
    "党内法规",
    "规范性文件",
    "规划纲要",
    "工作要点计划",
    "报告",
    "协议",
    "出版物作品",
)
DEFAULT_KIND = "规范性文件"


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The compiled rule table: (pattern, kind, note), in order."""
    text = (files("kg.data") / "title_kinds.tsv").read_text(encoding="utf-8")
    macros: dict[str, str] = {}
    rules: list[tuple[re.Pattern[str], str, str]] = []
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        pattern, kind, note = [*line.split("\t"), "", ""][:3]
        for name, body in macros.items():
            pattern = pattern.replace("{" + name + "}", f"(?:{body})")
        if kind.startswith("@"):
            macros[kind[1:]] = pattern
            continue
        if kind not in KINDS:
            raise ValueError(f"title_kinds.tsv line {number}: unknown kind {kind!r}")
        rules.append((re.compile(pattern), kind, note))
    return tuple(rules)


@lru_cache(maxsize=65536)
def classify_title(title: str) -> str:
    """A kind from :data:`KINDS` for a title, by the first matching rule.

    >>> classify_title("2021年无极县法治政府建设工作要点")
    '工作要点计划'
    """
    form = title_form(title)
    for pattern, kind, _note in load_rules():
        if pattern.search(form):
            return kind
    return DEFAULT_KIND
