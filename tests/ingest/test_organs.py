"""Organ-name lines: the linear matcher agrees with the regex it replaces, without its blow-up."""

from __future__ import annotations

import random
import re
import time

from kg.ingest.metadata import _AFTER_TITLE_AUTHOR, _ORGAN_SHAPE, _SHORT_SHAPE, _organ_or_short
from kg.ingest.organs import is_organ_list, list_end

ORGAN, SHORT = _ORGAN_SHAPE.regex, _SHORT_SHAPE.regex
LINE = re.compile(rf"{ORGAN}(?:[、\s]*{ORGAN})*")
TITLE = re.compile(rf"^({ORGAN}(?:[、\s]*{ORGAN})*)\s*(?:关于|(?=(?:19|20)\d{{2}}\s*年))")
ADDRESSEE = re.compile(rf"((?:{ORGAN}|{SHORT})(?:[、\s]*(?:{ORGAN}|{SHORT}))*)[:：]")


def test_examples_from_real_reports():
    ends = _ORGAN_SHAPE.ends
    assert is_organ_list("中共无极县委无极县人民政府", ends)
    assert is_organ_list("中共石家庄市委、石家庄市人民政府", ends)
    assert is_organ_list("固安县司法局", ends)
    assert not is_organ_list("固安县司法局深入开展普法", ends)
    title = "重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告"
    end = list_end(title, ends, lambda i: bool(_AFTER_TITLE_AUTHOR.match(title, i)))
    assert end is not None and title[:end] == "重庆市渝北区大盛镇人民政府"


def test_same_answers_as_the_backtracking_regex():
    alphabet = list("中共国产党县委局人民政府员会办公室、 关于2023年市区x（")
    rnd = random.Random(20240601)
    for _ in range(3000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
        assert bool(LINE.fullmatch(s)) == is_organ_list(s, _ORGAN_SHAPE.ends), s
        m = TITLE.match(s)
        end = list_end(s, _ORGAN_SHAPE.ends, lambda i, s=s: bool(_AFTER_TITLE_AUTHOR.match(s, i)))
        assert (m.group(1) if m else None) == (None if end is None else s[:end]), s
        addressee = s[-1] in ":：" and is_organ_list(s[:-1], _organ_or_short)
        assert bool(ADDRESSEE.fullmatch(s)) == addressee, s


def test_a_line_that_almost_matches_is_fast():
    # The regex takes seconds at 40 characters and doubles with every few more.
    line = "局" * 60 + "x"
    start = time.perf_counter()
    assert not is_organ_list(line, _ORGAN_SHAPE.ends)
    assert time.perf_counter() - start < 0.5
