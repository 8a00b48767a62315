"""Traditional characters folded to simplified ones (OpenCC ``t2s``), at no cost when absent.

The pure-Python OpenCC converter costs microseconds a character, and most
reports hold no traditional character at all: converting every text, title
and note of a large build took a sixth of its time. The converter changes a
text only where it holds a character that ``t2s`` maps to another one, or one
of the few phrases it rewrites although each of their characters maps to
itself (反覆 -> 反复); a text with neither is returned as it is, which is
exactly what the converter would give.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

import opencc

CONFIG = "t2s"


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(CONFIG)


@cache
def _dictionaries() -> tuple[dict[str, str], ...]:
    """The ``t2s`` dictionaries (key -> first value), as the configuration lists them."""
    package = files("opencc")
    config = json.loads(package.joinpath("config", f"{CONFIG}.json").read_text("utf-8"))
    names: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "txt" and "file" in node:
                names.append(str(node["file"]))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(config)
    out = []
    for name in sorted(set(names)):
        table = {}
        for line in package.joinpath("dictionary", name).read_text("utf-8").splitlines():
            key, _, values = line.partition("\t")
            if key and values:
                table[key] = values.split(" ")[0]
        out.append(table)
    return tuple(out)


@cache
def changed_characters() -> frozenset[str]:
    """The characters ``t2s`` maps to another one on their own."""
    return frozenset(
        k for table in _dictionaries() for k, v in table.items() if len(k) == 1 and v != k
    )


@cache
def _phrases() -> re.Pattern[str] | None:
    # Phrases rewritten although none of their characters is changed on its own.
    changed = changed_characters()
    keys = sorted(
        {
            k
            for table in _dictionaries()
            for k, v in table.items()
            if len(k) > 1 and v != k and changed.isdisjoint(k)
        }
    )
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def to_simplified(text: str) -> str:
    """``text`` converted by OpenCC ``t2s``; returned as it is when nothing can change."""
    phrases = _phrases()
    if changed_characters().isdisjoint(text) and not (phrases and phrases.search(text)):
        return text
    return _converter().convert(text)
