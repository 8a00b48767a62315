"""Spans do not nest: a law named inside a programme's name is not a citation of the law."""

from __future__ import annotations

from kg.extract import extract_all
from kg.model import Document, DocumentMeta


def _doc(text: str) -> Document:
    return Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2023))


def _spans(text: str, lexicons) -> list[tuple[str, str]]:
    return [(m.type, m.surface) for m in extract_all(_doc(text), lexicons)]


def test_a_law_inside_a_campaign_name_is_not_cited(lexicons) -> None:
    spans = _spans("12月组织开展宪法宣传周活动，发放资料3000余份。", lexicons)
    assert ("initiative", "宪法宣传周") in spans
    assert ("regulation", "宪法") not in spans


def test_a_law_cited_beside_the_campaign_still_is(lexicons) -> None:
    text = "开展宪法宣传周活动，深入学习宪法和《中华人民共和国民法典》。"
    regulations = [s for t, s in _spans(text, lexicons) if t == "regulation"]
    assert regulations == ["宪法", "《中华人民共和国民法典》"]
