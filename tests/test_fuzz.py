"""Property-based tests over every extractor and the title canonicaliser.

Fixed seed (``derandomize=True``) and a small fixed budget, so ``make test``
stays fast and gives the same examples on every run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import EXTRACTORS, split_sentences
from kg.model import Document
from kg.resolve.titles import canonical_title

FUZZ = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces of report prose and the marks extractors react to, mixed with any character.
TOKENS = [
    *'《》〈〉<>＜＞“”"‘’「」（）()【】，。；：！？、\n\t \u3000\x00\x0b\ufeff',
    *"0123456789.%％",
    "万",
    "件",
    "个",
    "余",
    "一",
    "十",
    "百",
    "县",
    "市",
    "区",
    "镇",
    "局",
    "委",
    "我县",
    "全市",
    "本镇",
    "中共",
    "固安县",
    "廊坊市",
    "大盛镇",
    "人民政府",
    "司法局",
    "调委会",
    "服务中心",
    "中华人民共和国",
    "行政处罚法",
    "宪法",
    "条例",
    "实施办法",
    "以下简称",
    "纲要",
    "（2021—2025年）",
    "（2021年修订）",
    "枫桥经验",
    "放管服",
    "改革",
    "工作法",
    "八五",
    "普法",
    "最后一公里",
    "受理",
    "行政复议案件",
    "调解成功率",
    "达",
    "2023年",
]
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=80).map("".join)
# Paragraphs of prose for the insertion test: no stray marks that span paragraphs.
PROSE = [*TOKENS[TOKENS.index("万") :], "，", "。", "《", "》", "“", "”"]
paragraphs = st.lists(st.lists(st.sampled_from(PROSE), max_size=25).map("".join), max_size=8)


def _doc(text: str) -> Document:
    return Document(path="f.txt", name="f.txt", text=text, sha1="0" * 40, fmt="txt", encoding="")


@FUZZ
@given(text=texts)
def test_extractors_never_fail_and_spans_are_exact(lexicons, text):
    doc = _doc(text)
    sentences = split_sentences(text)
    for start, end in zip(sentences.starts, sentences.ends, strict=True):
        assert 0 <= start < end <= len(text)
    for extract in EXTRACTORS:
        for m in extract(doc, sentences, lexicons):
            assert 0 <= m.start < m.end <= len(text), (extract.__name__, m)
            assert text[m.start : m.end] == m.surface, (extract.__name__, m)
            assert 0 <= m.sentence_start <= m.start and m.end <= m.sentence_end <= len(text)


@FUZZ
@given(title=texts)
def test_canonical_title_is_idempotent(title):
    key = canonical_title(title)
    assert canonical_title(key) == key


NEUTRAL = "会议强调。\n"  # no name, number, mark or place: a sentence no extractor reacts to
NEAR = 30  # characters around the insertion point in which context may legitimately differ


@FUZZ
@given(paras=paragraphs, data=st.data())
def test_inserting_unrelated_text_elsewhere_only_shifts_mentions(lexicons, paras, data):
    body = [p + "\n" for p in paras]
    at = data.draw(st.integers(0, len(body)), label="paragraph")
    before = "".join(body)
    point = len("".join(body[:at]))
    after = before[:point] + NEUTRAL + before[point:]
    shift = len(NEUTRAL)

    def mentions(text: str) -> set[tuple[object, ...]]:
        doc = _doc(text)
        sentences = split_sentences(text)
        return {
            (m.type, m.start, m.end, m.surface, m.attrs)
            for extract in EXTRACTORS
            for m in extract(doc, sentences, lexicons)
        }

    def far(m: tuple[object, ...], lo: int, hi: int) -> bool:
        start, end = m[1], m[2]
        assert isinstance(start, int) and isinstance(end, int)
        return end <= lo - NEAR or start >= hi + NEAR

    old = {m for m in mentions(before) if far(m, point, point)}
    new = {m for m in mentions(after) if far(m, point, point + shift)}
    moved = {
        (t, s if s < point else s + shift, e if s < point else e + shift, surface, attrs)
        for t, s, e, surface, attrs in old
    }
    assert new == moved
