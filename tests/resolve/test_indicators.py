"""Indicator concepts: the same count in two reports is one indicator."""

from __future__ import annotations

from kg.resolve.indicators import indicator_entity


def test_review_cases_received_across_phrasings():
    # 受理行政复议案件215件 (固安), 收到行政复议申请12起 (无极), 受理41件 (甘谷, 行政复议案件).
    a = indicator_entity("行政复议案件", "受理", "count", "件")
    b = indicator_entity("行政复议申请", "收到", "count", "起")
    assert a.iri == b.iri and a.label == "行政复议案件 受理"


def test_review_cases_closed_is_another_indicator():
    closed = indicator_entity("行政复议案件", "办结", "count", "件")
    assert closed.iri != indicator_entity("行政复议案件", "受理", "count", "件").iri


def test_rate_and_count_never_meet():
    assert indicator_entity("调解成功率", "", "percent", "%").label == "调解成功率"
    assert indicator_entity("各类纠纷", "调解", "count", "起").label == "矛盾纠纷 调解"


def test_fallback_concept_is_keyed_by_object_and_verb():
    a = indicator_entity("各类“法治小院”", "建成", "count", "个")
    b = indicator_entity("法治小院", "建成", "count", "个")
    assert a.iri == b.iri and a.attr("in_scheme") is None
