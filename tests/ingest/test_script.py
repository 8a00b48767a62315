"""Folding traditional characters: the converter's answer, not run when nothing can change."""

from __future__ import annotations

import opencc
from conftest import SEEDS

from kg.ingest.script import changed_characters, to_simplified

T2S = opencc.OpenCC("t2s")


def test_traditional_text_is_converted():
    text = "內蒙古自治區人民政府關於法治政府建設"
    assert to_simplified(text) == "内蒙古自治区人民政府关于法治政府建设"


def test_phrases_whose_characters_are_all_kept_are_still_rewritten():
    # 覆 and 瞭 stay as they are on their own; in these phrases OpenCC rewrites them.
    assert {"覆", "瞭"}.isdisjoint(changed_characters())
    assert to_simplified("反覆研究") == "反复研究"
    assert to_simplified("一目瞭然") == "一目了然"


def test_every_seed_text_and_sentence_gets_the_converters_answer():
    for path in sorted(SEEDS.iterdir()):
        text = path.read_text("utf-8")
        for piece in [text, *text.split("。")]:
            assert to_simplified(piece) == T2S.convert(piece)


def test_a_simplified_text_is_returned_as_it_is():
    text = (SEEDS / "002_acfdae4825b56b39.txt").read_text("utf-8")
    line = next(line for line in text.splitlines() if "无极县" in line)
    assert changed_characters().isdisjoint(line)
    assert to_simplified(line) is line
