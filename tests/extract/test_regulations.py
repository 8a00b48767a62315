"""Finding cited titles: 《》 with nested marks, runs, wrapped lines, stray marks, short forms."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.lexicons import empty_lexicons
from kg.extract.regulations import extract_regulations, is_bare_short, scan_titles
from kg.extract.sentences import split_sentences
from kg.ingest import read_document
from kg.model import Document
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, SEEDS, WUJI


def _doc(text: str) -> Document:
    return Document(
        path="t.txt", name="t.txt", text=text, sha1="0" * 40, fmt="txt", encoding="utf-8"
    )


def _titles(text: str, lexicons=None) -> list[str]:
    doc = _doc(text)
    found = extract_regulations(doc, split_sentences(text), lexicons or empty_lexicons())
    return [m.attr("title") or "" for m in found]


def _seed_mentions(name: str, lexicons):
    doc = read_document(SEEDS / name)
    return extract_regulations(doc, split_sentences(doc.text), lexicons)


def test_runs_with_and_without_separators() -> None:
    assert _titles("学习了《甲条例》《乙办法》、《丙规定》,《丁细则》等。") == [
        "甲条例",
        "乙办法",
        "丙规定",
        "丁细则",
    ]


def test_nested_titles_are_cited_and_linked() -> None:
    text = "根据《渝北区贯彻落实〈重庆市法治政府建设实施方案(2021-2025年)〉任务分工表》，全力推进。"
    doc = _doc(text)
    outer, inner = extract_regulations(doc, split_sentences(text), empty_lexicons())
    assert inner.attr("title") == "重庆市法治政府建设实施方案(2021-2025年)"
    assert inner.attr("container") == outer.attr("title")
    assert outer.attr("container") is None
    # < > and a 《》 inside a 《》 work the same way.
    assert _titles("下发了《关于做好<行政执法事项清单>和<罚没事项清单>的通知》。") == [
        "关于做好<行政执法事项清单>和<罚没事项清单>的通知",
        "行政执法事项清单",
        "罚没事项清单",
    ]
    assert (
        _titles("印发《关于贯彻落实《法治社会建设实施纲要》的实施意见》。")[1]
        == "法治社会建设实施纲要"
    )


def test_title_wrapped_over_a_line_break() -> None:
    text = "积极学习《法治社会建设实施纲要(2021—20\n25)》和宪法。"
    assert _titles(text) == ["法治社会建设实施纲要(2021—2025)"]


def test_stray_marks_never_swallow_a_paragraph() -> None:
    text = "工作中存在《 等问题，下一步整改。制定《甲办法》。》多余的右书名号。a < b 且 c > d。"
    assert _titles(text) == ["甲办法"]
    # An unclosed outer mark does not hide the titles inside its clause.
    assert _titles("学习《乙条例《丙规定》。") == ["丙规定"]
    long_run = "《" + "字" * 500 + "》"
    assert _titles(long_run) == []


def test_scanner_is_linear_on_pathological_input() -> None:
    text = ("《〈<" * 20000) + ("》〉>" * 20000)
    assert len(scan_titles(text)) <= 3 * 20000


def test_short_form_definition_and_back_reference() -> None:
    text = (
        "贯彻《法治政府建设实施纲要（2021—2025年）》（以下简称《纲要》），"
        "对照《纲要》逐项落实。认真学习《优化营商环境条例》，把《条例》列为培训内容。"
    )
    doc = _doc(text)
    found = extract_regulations(doc, split_sentences(text), empty_lexicons())
    refs = {m.start: m.attr("antecedent") for m in found}
    assert [a for a in refs.values() if a] == [
        "法治政府建设实施纲要（2021—2025年）",
        "法治政府建设实施纲要（2021—2025年）",
        "优化营商环境条例",
    ]


def test_bare_short_without_antecedent_is_marked_local() -> None:
    text = "部分干部对《纲要》理解不透。"
    (m,) = extract_regulations(_doc(text), split_sentences(text), empty_lexicons())
    assert m.attr("short") == "1" and m.attr("antecedent") is None
    assert is_bare_short("实施办法") and is_bare_short("纲要")
    assert not is_bare_short("信访条例")


def test_version_note_after_title() -> None:
    text = "学习了《安全生产法》（2021年修订版）等。"
    (m,) = extract_regulations(_doc(text), split_sentences(text), empty_lexicons())
    assert (m.attr("title"), m.attr("version")) == ("安全生产法", "2021年修订版")


def test_unquoted_on_word_boundaries(lexicons) -> None:
    text = "坚持宣传教育法治化，加强统计法治建设，提供律师法律服务；学习宪法、民法典和行政处罚法。"
    doc = _doc(text)
    found = extract_regulations(doc, split_sentences(text), lexicons)
    assert [(m.surface, m.attr("quoted")) for m in found] == [
        ("宪法", "0"),
        ("民法典", "0"),
        ("行政处罚法", "0"),
    ]


# Every 《 of the five seeds opens a cited title (6 + 17 + 28 + 4 + 19 = 74).
@pytest.mark.parametrize(
    ("name", "count"), [(GUAN, 6), (DASHENG, 17), (WUJI, 28), (LUANCHUAN, 4), (GANGU, 19)]
)
def test_every_seed_title_found(name: str, count: int, lexicons) -> None:
    found = [m for m in _seed_mentions(name, lexicons) if m.surface.startswith("《")]
    assert len(found) == count
    assert all(m.surface.endswith("》") for m in found)


def test_seed_nested_titles(lexicons) -> None:
    inner = {
        m.attr("title"): m.attr("container")
        for name in (DASHENG, WUJI, GANGU)
        for m in _seed_mentions(name, lexicons)
        if m.attr("container")
    }
    assert inner == {
        "重庆市法治政府建设实施方案(2021-2025年)": (
            "渝北区贯彻落实〈重庆市法治政府建设实施方案(2021-2025年)〉任务分工表"
        ),
        "行政执法事项清单": "关于做好<行政执法事项清单>和<罚没事项清单>的通知",
        "罚没事项清单": "关于做好<行政执法事项清单>和<罚没事项清单>的通知",
        "甘肃省新时代法治人才培养实施方案": (
            "甘谷县贯彻落实〈甘肃省新时代法治人才培养实施方案〉若干举措"
        ),
    }


def test_seed_short_form_resolves_to_earlier_title(lexicons) -> None:
    shorts = [m for m in _seed_mentions(DASHENG, lexicons) if m.attr("title") == "实施办法"]
    assert len(shorts) == 4
    assert {m.attr("antecedent") for m in shorts} == {
        "党政主要负责人履行推进法治建设第一责任人职责实施办法"
    }


def test_seed_unquoted_false_friends_skipped(lexicons) -> None:
    # 002: 全县统计法治建设专题培训班; 004: 律师法律服务水平.
    for name in (WUJI, GANGU):
        surfaces = {m.surface for m in _seed_mentions(name, lexicons) if m.attr("quoted") == "0"}
        assert not surfaces & {"统计法", "律师法"}
    wuji = [m.surface for m in _seed_mentions(WUJI, lexicons) if m.attr("quoted") == "0"]
    assert {"宪法", "民法典", "行政处罚法"} <= set(wuji)


def test_document_scope_uses_sha(lexicons) -> None:
    text = "对《纲要》理解不透。"
    doc = replace(_doc(text), sha1="ab" * 20)
    (m,) = extract_regulations(doc, split_sentences(text), lexicons)
    assert m.attr("doc") == "ab" * 8
