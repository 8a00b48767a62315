"""HTML pages: text with exact offsets back into the page, even from broken markup."""

from __future__ import annotations

import time

from kg.ingest.html import html_to_text


def test_text_and_offsets_point_back_into_the_page():
    page = "<html><head><title>报告</title></head><body><p>学习《宪法》</p><p>a &lt; b</p></body>"
    text, offsets, title = html_to_text(page)
    assert title == "报告"
    assert "学习《宪法》" in text and "a < b" in text
    i = text.index("《")
    assert page[offsets[i]] == "《"


def test_a_stray_less_than_sign_stays_text_at_its_offset():
    page = "<p>比例 a<b 与 3<5</p>注意 x <y 结束"
    text, offsets, _ = html_to_text(page)
    assert "<y 结束" in text
    i = text.index("<y")
    assert page[offsets[i] : offsets[i] + 2] == "<y"


def test_unclosed_tags_take_linear_time():
    def seconds(n: int) -> float:
        start = time.perf_counter()
        html_to_text("<p>正文</p>" + "<a" * n)
        return time.perf_counter() - start

    seconds(1000)
    assert seconds(100_000) < 10 * max(seconds(10_000), 0.005) + 0.5
