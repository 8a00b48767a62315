"""Fill in and check the character offsets of gold annotation files.

    python tools/gold_offsets.py TEXTS_DIR GOLD.json [GOLD.json ...]

Each gold file (schema in docs/annotation-guide.md) lists its mentions in
reading order. A mention without ``start``/``end`` gets the first occurrence of
its ``surface`` after the previous mention's start (a repeated surface thus
finds its next occurrence; a title nested in the previous one is found inside it); a mention with
offsets is checked (``text[start:end] == surface``). Files are rewritten in
place (sorted keys, two-space indent) only when every mention is found; any
problem is printed with the file and the mention, and the exit code is 1.
Stand-alone on purpose: annotators use it without reading the project's code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = {"regulation", "government", "institution", "initiative", "indicator"}


def fill(text: str, gold: dict) -> list[str]:
    """Fill missing offsets in ``gold`` (in place); return the problems found."""
    problems: list[str] = []
    cursor = 0
    for i, m in enumerate(gold.get("mentions", [])):
        where = f"mention {i} ({m.get('type')} {m.get('surface')!r})"
        if m.get("type") not in TYPES:
            problems.append(f"{where}: type must be one of {sorted(TYPES)}")
        surface = m.get("surface") or ""
        if not surface:
            problems.append(f"{where}: empty surface")
            continue
        if "start" in m and "end" in m:
            if text[m["start"] : m["end"]] != surface:
                problems.append(
                    f"{where}: text[{m['start']}:{m['end']}] is "
                    f"{text[m['start'] : m['end']]!r}, not the surface"
                )
                continue
        else:
            found = text.find(surface, cursor)
            if found < 0:
                before = text.find(surface)
                hint = (
                    f" (it occurs earlier, at {before}: is the order right?)" if before >= 0 else ""
                )
                problems.append(f"{where}: not found after offset {cursor - 1}{hint}")
                continue
            m["start"], m["end"] = found, found + len(surface)
        cursor = m["start"] + 1
        if m.get("type") != "indicator" and not m.get("label"):
            problems.append(f"{where}: no label")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    texts = Path(argv[0])
    status = 0
    for name in argv[1:]:
        path = Path(name)
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read: {error}")
            status = 1
            continue
        text = (texts / gold["doc"]).read_text(encoding="utf-8")
        problems = fill(text, gold)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems:
            status = 1
            continue
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
        print(f"{path}: {len(gold.get('mentions', []))} mentions, offsets ok")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
