"""Controlled values: regulation kinds and government levels as IRIs."""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.graph.terms import LT, LVL

# Regulation kind (Chinese label used throughout) -> concept local name in ``lt:``.
LEGAL_TYPES: dict[str, str] = {
    "宪法": "constitution",
    "法律": "law",
    "行政法规": "admin-regulation",
    "司法解释": "judicial-interpretation",
    "部门规章": "department-rule",
    "地方性法规": "local-regulation",
    "地方政府规章": "local-rule",
    "党内法规": "party-regulation",
    "规范性文件": "normative-document",
    "规划纲要": "plan",
    "工作要点计划": "work-plan",
    "报告": "report",
    "协议": "agreement",
    "出版物作品": "publication",
}


def legal_type(kind: str | None) -> NamedNode:
    """The ``lt:`` concept of a regulation kind (规范性文件 when unknown)."""
    return LT[LEGAL_TYPES.get(kind or "", "normative-document")]


def level(name: str | None) -> NamedNode:
    """The ``lvl:`` concept of a division level (province, prefecture, county, township)."""
    return LVL[name or "county"]
