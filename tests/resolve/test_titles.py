"""Canonical keys of cited titles: spellings merge, editions stay apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve.titles import (
    canonical_title,
    display_title,
    split_version,
    title_form,
    version_after,
)

# The three spellings of the 2021 纲要 found in the seed reports.
SEED_SPELLINGS = [
    "法治政府建设实施纲要(2021—2025年)",
    "法治政府建设实施纲要（2021-2025年）",
    "法治政府建设实施纲要(2021—2025)",
]


def test_seed_spellings_share_one_key() -> None:
    keys = {canonical_title(t) for t in SEED_SPELLINGS}
    assert keys == {"法治政府建设实施纲要2021-2025"}


def test_other_edition_differs() -> None:
    assert canonical_title("法治政府建设实施纲要（2015—2020年）") != canonical_title(
        SEED_SPELLINGS[0]
    )
    assert canonical_title("法治政府建设实施纲要（2015—2020年）") == "法治政府建设实施纲要2015-2020"


def test_dash_and_year_variants() -> None:
    key = canonical_title(SEED_SPELLINGS[0])
    for variant in [
        "法治政府建设实施纲要（2021——2025年）",
        "法治政府建设实施纲要（2021–2025年）",
        "法治政府建设实施纲要（2021－2025年）",
        "法治政府建设实施纲要（2021―2025年）",
        "法治政府建设实施纲要（2021～2025年）",
        "法治政府建设实施纲要(2021~2025)",
        "法治政府建设实施纲要（2021至2025年）",
        "法治政府建设实施纲要〔2021-2025〕",
        "法治政府建设实施纲要[2021-2025年]",
        "法治政府建设实施纲要2021-2025",
        "法治政府建设实施纲要20212025年",
        "法治政府建设实施纲要 （ 2021 — 2025 年 ）",
        "法治政府建设实施纲要\u3000(2021-2025年)",
        "法治政府建设实施纲要\xa0(2021-2025年)",
    ]:
        assert canonical_title(variant) == key, variant


def test_traditional_characters_merge() -> None:
    assert canonical_title("法治政府建設實施綱要（2021—2025年）") == canonical_title(
        SEED_SPELLINGS[1]
    )
    assert canonical_title("重大行政決策程序暫行條例") == "重大行政决策程序暂行条例"


def test_prc_prefix_dropped_in_key() -> None:
    assert canonical_title("中华人民共和国行政处罚法") == canonical_title("行政处罚法")
    assert canonical_title("中华人民共和国宪法") == "宪法"
    assert canonical_title("中华人民共和国") == "中华人民共和国"


def test_quotes_and_nested_marks() -> None:
    assert canonical_title("“八五”普法规划") == canonical_title('"八五"普法规划')
    assert canonical_title("「八五」普法规划") == "八五普法规划"
    nested = [
        "渝北区贯彻落实〈重庆市法治政府建设实施方案(2021-2025年)〉任务分工表",
        "渝北区贯彻落实<重庆市法治政府建设实施方案（2021—2025年）>任务分工表",
        "渝北区贯彻落实《重庆市法治政府建设实施方案(2021—2025)》任务分工表",
    ]
    assert len({canonical_title(t) for t in nested}) == 1
    assert canonical_title("《中华人民共和国宪法》") == "宪法"


def test_revision_note_split() -> None:
    assert split_version("安全生产法（2021年修订版）") == ("安全生产法", "2021年修订版")
    assert split_version("安全生产法(2021年修订版)") == ("安全生产法", "2021年修订版")
    assert split_version("行政诉讼法（2017年修正）") == ("行政诉讼法", "2017年修正")
    assert split_version("食品安全法（2018年修正本）") == ("食品安全法", "2018年修正本")
    assert split_version("安全生产法") == ("安全生产法", None)
    assert canonical_title("安全生产法（2021年修订版）") == canonical_title("安全生产法")
    assert canonical_title("中华人民共和国安全生产法(2021年修订)") == "安全生产法"


def test_trial_and_provisional_kept() -> None:
    assert canonical_title("重大行政决策程序暂行条例") == "重大行政决策程序暂行条例"
    assert canonical_title("重大行政决策程序暂行条例") != canonical_title("重大行政决策程序条例")
    assert split_version("加强全县乡镇法治建设的意见(试行)") == (
        "加强全县乡镇法治建设的意见(试行)",
        None,
    )
    assert canonical_title("人民检察院刑事诉讼规则（试行）") != canonical_title(
        "人民检察院刑事诉讼规则"
    )
    # A bare year is an amendment's identity, not a revision note.
    assert canonical_title("宪法修正案（2018年）") != canonical_title("宪法修正案（2004年）")


def test_version_after_title() -> None:
    text = "学习了《安全生产法》（2021年修订版）等"
    end = text.index("》") + 1
    assert version_after(text, end) == "2021年修订版"
    other = "《关于进一步推动落实的实施意见》（无依法治县委〔2021〕3号）"
    assert version_after(other, other.index("》") + 1) is None
    assert version_after("《信访条例》的有关规定", 6) is None


def test_display_title() -> None:
    assert (
        display_title("法治政府建设实施纲要(2021-2025年)") == "法治政府建设实施纲要（2021—2025年）"
    )
    assert display_title("法治政府建设实施纲要(2021—2025)") == "法治政府建设实施纲要（2021—2025）"
    assert display_title("关于做好<行政执法事项清单>的通知") == "关于做好〈行政执法事项清单〉的通知"
    assert display_title("“八五”普法规划") == "“八五”普法规划"
    assert display_title('"八五"普法规划') == "“八五”普法规划"
    assert display_title("中华人民共和国宪法") == "中华人民共和国宪法"


def test_title_form_keeps_prefix_and_range() -> None:
    assert title_form("中华人民共和国行政处罚法") == "中华人民共和国行政处罚法"
    assert title_form("固安县法治政府建设实施方案（2022—2025年）") == (
        "固安县法治政府建设实施方案(2022-2025年)"
    )


ALPHABET = (
    "法治政府建设实施纲要條例暫行試中华人民共和国宪法修订正版本年至"
    "0123456789（）()〔〕[]【】—–-－―~～ \u3000\xa0“”\"'‘’《》〈〉<>、"
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_canonical_title_idempotent(title: str) -> None:
    key = canonical_title(title)
    assert canonical_title(key) == key


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_display_title_keeps_key(title: str) -> None:
    # Cleaning a label never moves it to another entity.
    assert canonical_title(display_title(title)) == canonical_title(title)


def test_key_label_is_one_per_key() -> None:
    from kg.resolve.titles import key_label

    spellings = ["法治社会建设实施纲要(2021—2025)", "法治社会建设实施纲要（2021-2025年）"]
    labels = {key_label(canonical_title(t)) for t in spellings}
    assert labels == {"法治社会建设实施纲要（2021—2025年）"}
    nested = canonical_title("渝北区贯彻落实〈重庆市法治政府建设实施方案(2021-2025年)〉任务分工表")
    assert key_label(nested) == "渝北区贯彻落实重庆市法治政府建设实施方案（2021—2025年）任务分工表"
    assert canonical_title(key_label(nested)) == nested
