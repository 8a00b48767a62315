"""The catalogue of citable documents: laws, regulations, plans, party rules.

Two shipped tables are merged: ``kg/data/law_catalog.tsv`` (laws and
regulations; national titles without the 中华人民共和国 prefix) and
``kg/data/policy_catalog.tsv`` (central plans, party regulations and other
documents the reports cite). Rows are indexed by
:func:`~kg.resolve.titles.canonical_title`, so every spelling of a title
finds its row. ``classify_title`` (for titles not in the catalogue) lives in
:mod:`kg.resolve.kinds` and is re-exported here.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.resolve.kinds import KINDS, classify_title
from kg.resolve.titles import canonical_title, display_title

__all__ = ["Catalog", "CatalogEntry", "classify_title"]

_PRC = "中华人民共和国"

# law_catalog.tsv level -> kind (identical strings today; kept explicit).
_LEVEL_KIND = {
    "宪法": "宪法",
    "法律": "法律",
    "行政法规": "行政法规",
    "司法解释": "司法解释",
    "部门规章": "部门规章",
    "地方性法规": "地方性法规",
}

# law_catalog.tsv scope (short) -> official province-level name.
_SCOPE_NAMES = {
    "北京": "北京市",
    "天津": "天津市",
    "上海": "上海市",
    "重庆": "重庆市",
    "内蒙古": "内蒙古自治区",
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
}

# law_catalog.tsv category of 部门规章 rows -> issuing department.
_DEPARTMENTS = {
    "市场监督管理总局": "国家市场监督管理总局",
    "公安部规章": "公安部",
    "人力资源社会保障部": "人力资源和社会保障部",
    "国家安全部": "国家安全部",
}

# Closing days of the plenary sessions of the National People's Congress, the
# only days on which the NPC itself (not its Standing Committee) adopts laws.
_NPC_DAYS = frozenset(
    {
        "1982-12-04", "1984-05-31", "1985-04-10", "1986-04-12", "1989-04-04",
        "1990-04-04", "1991-04-09", "1992-04-03", "1993-03-31", "1994-03-22",
        "1995-03-18", "1996-03-17", "1997-03-14", "1999-03-15", "2000-03-15",
        "2004-03-14", "2005-03-14", "2007-03-16", "2010-03-14", "2012-03-14",
        "2015-03-15", "2016-03-16", "2017-03-15", "2018-03-20", "2019-03-15",
        "2020-05-28", "2021-03-11", "2022-03-11", "2023-03-13", "2024-03-11",
        "2025-03-11",
    }
)  # fmt: skip

# Surfaces never offered for unquoted matching: document-type words and
# titles that are ordinary phrases.
_GENERIC = frozenset(
    {
        "条例", "规定", "办法", "细则", "决定", "意见", "通知", "纲要", "规划", "章程",
        "准则", "规则", "实施办法", "实施细则", "实施意见", "实施方案", "工作规则",
        "议事规则", "暂行规定", "暂行办法", "若干规定", "管理办法", "管理规定",
    }
)  # fmt: skip
# Short surfaces allowed although shorter than three characters.
_SHORT_ALLOWED = frozenset({"宪法", "党章"})

_LOCAL_PREFIX = re.compile(r"^(.{2,12}?(?:省|自治区|自治州|自治县|市))")


@dataclass(frozen=True)
class CatalogEntry:
    """One version of one catalogued document."""

    name: str  # official title; 法律/宪法 rows carry the 中华人民共和国 prefix
    key: str  # canonical_title(name)
    kind: str  # one of kinds.KINDS
    issuer: str  # e.g. 全国人民代表大会常务委员会, 国务院, 中共中央, or ""
    scope: str  # "national" or a province-level name such as 山东省
    published: str  # ISO date, possibly only YYYY or YYYY-MM, or ""
    valid_from: str
    expired: bool
    short_names: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        """Year of publication, if known."""
        return int(self.published[:4]) if self.published[:4].isdigit() else None


def _law_issuer(name: str, level: str, category: str, scope: str, published: str) -> str:
    """Issuer derived from a law_catalog row (no issuer column there)."""
    if level == "宪法":
        return "全国人民代表大会"
    if level == "法律":
        if name.startswith("全国人民代表大会常务委员会"):
            return "全国人民代表大会常务委员会"
        if name.startswith("全国人民代表大会关于") or published in _NPC_DAYS:
            return "全国人民代表大会"
        return "全国人民代表大会常务委员会"
    if level == "行政法规":
        return "国务院"
    if level == "司法解释":
        court = "人民法院" in name or "审理" in name or "审判" in name
        procuratorate = "人民检察院" in name or "检察" in name
        if "最高人民法院" in name and "最高人民检察院" in name:
            return "最高人民法院、最高人民检察院"
        if procuratorate and not court:
            return "最高人民检察院"
        if court and not procuratorate:
            return "最高人民法院"
        return ""
    if level == "部门规章":
        return _DEPARTMENTS.get(category, "")
    if level == "地方性法规":
        m = _LOCAL_PREFIX.match(name)
        place = m.group(1) if m else scope
        if "自治条例" in name or "单行条例" in name:
            return place + "人民代表大会"
        return place + "人民代表大会常务委员会"
    return ""


def _scope_name(scope: str) -> str:
    if not scope or scope == "national":
        return "national"
    if scope.endswith(("省", "市", "自治区")):
        return scope
    return _SCOPE_NAMES.get(scope, scope + "省")


def _rows(filename: str) -> list[dict[str, str]]:
    text = (files("kg.data") / filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _law_entries() -> list[CatalogEntry]:
    out = []
    for row in _rows("law_catalog.tsv"):
        name = " ".join(row["name"].split())
        level = row["level"]
        kind = _LEVEL_KIND.get(level, level)
        scope = _scope_name(row["scope"])
        if kind in ("法律", "宪法") and scope == "national" and not name.startswith(_PRC):
            if not name.startswith("全国人民代表大会"):
                name = _PRC + name
        out.append(
            CatalogEntry(
                name=name,
                key=canonical_title(name),
                kind=kind,
                issuer=_law_issuer(name, level, row["category"], scope, row["published"]),
                scope=scope,
                published=row["published"],
                valid_from=row["valid_from"],
                expired=row["expired"].strip() == "1",
            )
        )
    return out


def _policy_entries() -> list[CatalogEntry]:
    out = []
    for row in _rows("policy_catalog.tsv"):
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"policy_catalog.tsv: unknown kind {kind!r} for {row['name']}")
        shorts = tuple(s.strip() for s in row["short_names"].split("|") if s.strip())
        out.append(
            CatalogEntry(
                name=row["name"],
                key=canonical_title(row["name"]),
                kind=kind,
                issuer=row["issuer"],
                scope="national",
                published=row["published"],
                valid_from=row["valid_from"],
                expired=row["expired"].strip() == "1",
                short_names=shorts,
            )
        )
    return out


def _sort_key(entry: CatalogEntry) -> tuple[str, int]:
    return (entry.published or "", 0 if entry.expired else 1)


_EDITION_RANGE = re.compile(r"((?:19|20)\d{2})-((?:19|20)\d{2})$")


class Catalog:
    """All catalogued documents, indexed by canonical key."""

    def __init__(self, entries: list[CatalogEntry]) -> None:
        self.entries: tuple[CatalogEntry, ...] = tuple(entries)
        by_key: dict[str, list[CatalogEntry]] = {}
        for entry in entries:
            by_key.setdefault(entry.key, []).append(entry)
        for entry in entries:
            for short in entry.short_names:
                alias = canonical_title(short)
                if alias != entry.key:
                    by_key.setdefault(alias, []).append(entry)
        self._by_key = {k: sorted(v, key=_sort_key) for k, v in by_key.items()}
        # Editions by their title without the year range: 法治政府建设实施纲要 ->
        # [(2015, 2020, …), (2021, 2025, …)], so a title cited without years is
        # matched by a dictionary look-up instead of a scan of the whole catalogue.
        self._editions: dict[str, list[tuple[int, int, CatalogEntry]]] = {}
        for other, versions in self._by_key.items():
            m = _EDITION_RANGE.search(other)
            if m:
                self._editions.setdefault(other[: m.start()], []).append(
                    (int(m.group(1)), int(m.group(2)), versions[-1])
                )

    @classmethod
    def load(cls) -> Catalog:
        """The shipped catalogue (read once, then cached)."""
        return _load()

    def versions(self, title: str) -> tuple[CatalogEntry, ...]:
        """Every catalogued version of a title, oldest first."""
        return tuple(self._by_key.get(canonical_title(title), ()))

    def lookup(self, title: str, year: int | None = None) -> CatalogEntry | None:
        """The catalogued document a title names, or ``None``.

        Several versions of one title: with ``year``, the latest published in
        or before that year (an undated row counts as old), else the earliest;
        without ``year``, the latest in force. Expired rows still resolve: a
        2021 report citing 信访条例 means the 2005 regulation.

        A title without edition years, such as 法治政府建设实施纲要, resolves
        when ``year`` falls inside exactly one catalogued edition's range.
        """
        key = canonical_title(title)
        versions = self._by_key.get(key)
        if not versions:
            return self._edition_for(key, year) if year is not None else None
        if year is None:
            current = [v for v in versions if not v.expired] or versions
            return current[-1]
        before = [v for v in versions if v.year is None or v.year <= year]
        return before[-1] if before else versions[0]

    def _edition_for(self, key: str, year: int) -> CatalogEntry | None:
        found = [e for lo, hi, e in self._editions.get(key, ()) if lo <= year <= hi]
        return found[0] if len(found) == 1 else None

    def unquoted_terms(self) -> dict[str, str]:
        """Surface -> key for matching unquoted mentions in running text.

        Full names (with and without 中华人民共和国 for national laws) and
        short names, as they would be written (simplified, no brackets or
        spaces). Leaves out names containing brackets (their spellings vary),
        strings under three characters except 宪法 and 党章, and generic
        document-type words (条例, 实施办法…). A matcher should still check
        the character after a hit: 教育法 inside 宣传教育法治 is no mention.
        """
        terms: dict[str, str] = {}
        for entry in self.entries:
            surfaces = [entry.name, *entry.short_names]
            if entry.name.startswith(_PRC):
                surfaces.append(entry.name[len(_PRC) :])
            for surface in surfaces:
                text = display_title(surface).replace(" ", "")
                if any(c in text for c in "（）()〈〉"):
                    continue
                if (len(text) < 3 and text not in _SHORT_ALLOWED) or text in _GENERIC:
                    continue
                terms.setdefault(text, entry.key)
        return terms


@lru_cache(maxsize=1)
def _load() -> Catalog:
    policy = _policy_entries()
    # A curated policy row replaces a law_catalog row of the same title and year
    # (信访工作条例 is listed there as 行政法规; it is a 中共中央 国务院 regulation).
    curated = {(e.key, e.year) for e in policy}
    laws = [e for e in _law_entries() if (e.key, e.year) not in curated]
    return Catalog(laws + policy)
