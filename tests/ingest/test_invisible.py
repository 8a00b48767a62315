"""Invisible format characters never make entities of their own."""

from __future__ import annotations

import sys
import unicodedata

import pytest

import kg
from kg.ingest.invisible import INVISIBLE, blank_invisible


def test_every_format_character_and_variation_selector_is_blanked():
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        invisible = unicodedata.category(ch) == "Cf" or 0xFE00 <= code <= 0xFE0F
        invisible = invisible or 0xE0100 <= code <= 0xE01EF
        if invisible:
            assert INVISIBLE.fullmatch(ch), hex(code)
    text = "《行政\u00ad处罚法》\u202e依法\ufe0f"
    assert len(blank_invisible(text)) == len(text)  # offsets stay exact


@pytest.mark.parametrize("mark", ["\u00ad", "\u202e", "\u2066", "\u200f", "\ufe0f", "\U000e0101"])
def test_a_title_with_an_invisible_mark_is_the_same_entity(tmp_path, mark):
    clean = "认真贯彻《中华人民共和国行政处罚法》，推进严格执法。\n"
    (tmp_path / "a.txt").write_text("固安县人民政府\n" + clean, encoding="utf-8")
    spoofed = clean.replace("行政处罚法", "行政" + mark + "处罚法")
    (tmp_path / "b.txt").write_text("无极县人民政府\n" + spoofed, encoding="utf-8")
    result = kg.build([tmp_path], out=None)
    cited = {
        (r.mention.surface, r.entity.iri)
        for rd in result.documents
        for r in rd.mentions
        if r.mention.type == "regulation"
    }
    assert len({iri for _, iri in cited}) == 1, cited
    b = next(rd for rd in result.documents if rd.document.name == "b.txt")
    for r in b.mentions:  # offsets still point at the file's own characters
        assert b.document.text[r.mention.start : r.mention.end] == r.mention.surface
