"""Offline gazetteer of Chinese administrative divisions (province to township), with history.

The table ``kg/data/divisions.tsv`` (built by ``tools/make_divisions.py``) merges the 民政部
2025-12-31 table with older 民政部 (2020) and 国家统计局 (2021, 2023) snapshots.  Each row carries
inclusive ``valid_from``/``valid_to`` years (``None`` = open), so a report of year Y sees the map
of year Y: 大盛镇 of a 2023 report is the one under 渝北区 (500112143), while the current table
puts it under 北碚区 (500109125).

Year arguments: ``None`` means "now": rows still in force, falling back to historical rows when a
name or code has no current one.  An integer keeps only rows that may have been in force that
year.

Usage::

    gaz = Gazetteer.load()
    gaz.resolve("大盛镇", year=2023, context=["渝北区"])
    gaz.parse_path("河北省廊坊市固安县")
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType

_COLUMNS = (
    "code",
    "parent",
    "name",
    "level",
    "valid_from",
    "valid_to",
    "source",
    "alias_codes",
    "short_names",
)
LEVELS: tuple[str, ...] = ("province", "prefecture", "county", "township")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

# Snapshot ids of the ``source`` column and the year their data describe.
SNAPSHOT_YEARS: Mapping[str, int] = MappingProxyType(
    {"mca2020": 2020, "stats2021": 2021, "stats2023": 2023, "mca2025": 2025}
)

_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_RE = "(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?"
# name = base + ethnic groups + 自治区/州/县/旗 or 民族乡/镇 (e.g. 石柱土家族自治县, 常营回族乡)
_AUTONOMOUS = re.compile(
    rf"^(?P<base>.+?)(?P<eth>(?:{_ETHNIC_RE})+)(?:自治(?:区|州|县|旗)|乡|镇|苏木)$"
)
_AUTONOMOUS_BARE = re.compile(r"^(?P<base>.+?)自治(?:区|州|县|旗)$")
_SUFFIXES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "province": frozenset({"特别行政区", "省", "市"}),
        "prefecture": frozenset({"地区", "市", "盟", "州"}),
        "county": frozenset({"新区", "林区", "特区", "县", "区", "市"}),
        "township": frozenset({"街道办事处", "街道", "办事处", "地区", "苏木", "镇", "乡"}),
    }
)
# bases that are generic words, not names (城区, 郊区, 矿区, 新区, 开发区 ...)
_NO_SHORT = tuple(
    "开发区 园区 管理区 管委会 示范区 合作区 实验区 试验区 工业区 产业区 保税区 农场 林场 牧场 "
    "渔场 盐场 茶场 良种场 监狱 基地 矿区 郊区 城区 新城 社区 片区 居委会".split()
)


@cache
def _not_short_names() -> frozenset[str]:
    """Names that are ordinary words (人民 begins 人民政府, 社区): never read as places."""
    text = resources.files("kg.data").joinpath("place_short_names_not.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division as recorded in one period.

    Attributes:
        code: 6-digit (province/prefecture/county) or 9-digit (township) code.
        name: Official full name (e.g. 固安县).
        level: One of ``province``, ``prefecture``, ``county``, ``township``.
        parent: Code of the parent division ("" for provinces).  Districts of 北京/天津/上海/重庆
            and 省直辖县级 units sit directly under the province.
        valid_from: First year the row may have been in force (``None``: open).
        valid_to: Last year the row may have been in force (``None``: still in force).
        sources: Snapshot ids holding the row (see ``SNAPSHOT_YEARS``).
        alias_codes: Other codes under which a snapshot recorded the same division.
    """

    code: str
    name: str
    level: str
    parent: str
    valid_from: int | None
    valid_to: int | None
    sources: tuple[str, ...] = ()
    alias_codes: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        """Whether the row is still in force."""
        return self.valid_to is None

    def valid_in(self, year: int) -> bool:
        """Whether the row may have been in force during ``year``."""
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )

    def distance(self, year: int | None) -> int:
        """How far ``year`` is from the snapshots that saw this row (0 = seen that year)."""
        if year is None:
            return 0 if self.current else 1
        years = [SNAPSHOT_YEARS[s] for s in self.sources if s in SNAPSHOT_YEARS]
        return min((abs(y - year) for y in years), default=99)


def _named_city_district(name: str, level: str) -> bool:
    """西城区, 上城区, 鹿城区: a district named X城 is no generic 城区 and is called X城 (法治上城,
    西城实践); the generic 城区 itself (长治市城区) has no short name.  Those X城 that are
    ordinary words or another city's byname (新城, 古城, 江城) are in place_short_names_not.txt;
    those another county is called (海城 is 海城市's) in place_short_names_kept.txt."""
    return (
        level == "county"
        and name.endswith("城区")
        and len(name) > 2
        and name[:-1] not in _kept_short_names()
    )


@cache
def _kept_short_names() -> frozenset[str]:
    """Short names a division keeps that a district named X城区 would otherwise share."""
    text = resources.files("kg.data").joinpath("place_short_names_kept.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def short_names_of(name: str, level: str) -> list[str]:
    """Accepted short forms of ``name`` (never one character, never the name itself)."""
    out: list[str] = []
    if name.endswith(_NO_SHORT) and not _named_city_district(name, level):
        return out
    m = _AUTONOMOUS.match(name) if "族" in name or "自治" in name else None
    if m:
        base = m.group("base")
        if len(base) >= 2:
            out.append(base)
            # 黔东南州, 湘西州, 镇宁自治县: the standard abbreviations of autonomous units
            if name.endswith(("自治州", "自治县", "自治旗")):
                out.extend([base + name[-1], base + name[-3:]])
        elif len(base) + len(m.group("eth")) >= 2:  # 鄂伦春自治旗 -> 鄂伦春
            out.append(base + m.group("eth").removesuffix("族"))
    else:
        m2 = _AUTONOMOUS_BARE.match(name) if "自治" in name else None
        if m2:
            out.append(m2.group("base"))  # 西藏自治区, 内蒙古自治区
        else:
            suffixes = _SUFFIXES.get(level, frozenset())
            for k in (5, 3, 2, 1):  # longest suffix first: 街道办事处 before 办事处, 新区 before 区
                if name[-k:] in suffixes:
                    out.append(name[:-k])
                    break
    out.extend(_abbreviations().get(name, ()))
    return [s for s in out if len(s) >= 2 and s != name]


@cache
def _abbreviations() -> Mapping[str, tuple[str, ...]]:
    """Standard abbreviations no rule derives (巴州 for 巴音郭楞蒙古自治州)."""
    text = resources.files("kg.data").joinpath("place_abbreviations.tsv").read_text("utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln.strip() and ln[0] != "#")
    return MappingProxyType({name: tuple(a.strip().split(",")) for name, a in rows})


@cache
def _generic_name() -> re.Pattern[str]:
    """Names that only say what kind of unit a row is (kg/data/place_generic_names.tsv)."""
    text = resources.files("kg.data").joinpath("place_generic_names.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and ln[0] != "#"]
    words = {role: [re.escape(w.strip()) for r, w in rows if r == role] for role, _ in rows}
    kinds, suffixes, units = (
        "|".join(sorted(words.get(role, []), key=len, reverse=True))
        for role in ("kind", "suffix", "unit")
    )
    return re.compile(f"(?:{kinds})(?:{suffixes})?|{units}")


# Years a row first seen by a snapshot may have stood before it (see Gazetteer._in_year).
_FIRST_SEEN_SLACK = 2


class Gazetteer:
    """Immutable index over the divisions table; see the module docstring."""

    def __init__(
        self, divisions: Iterable[Division], shorts: Sequence[Sequence[str]] | None = None
    ) -> None:
        """Index ``divisions`` by code (including alias codes) and by full and short name.

        ``shorts`` (one list per division, as precomputed in the TSV's ``short_names`` column)
        saves deriving the short names again at every start.
        """
        rows = tuple(divisions)
        by_code: dict[str, list[Division]] = {}
        by_name: dict[str, list[Division]] = {}
        not_short = _not_short_names()
        generic = _generic_name()
        written: set[str] = set()
        for i, d in enumerate(rows):
            by_code.setdefault(d.code, []).append(d)
            for code in d.alias_codes:
                by_code.setdefault(code, []).append(d)
            # A statistics table may name a 街道 by its office (新华街道办事处): index the
            # place name, so that context chooses among the homonymous 新华街道.
            name = d.name.removesuffix("办事处") if d.name.endswith("街道办事处") else d.name
            if name not in not_short and not generic.fullmatch(name):
                by_name.setdefault(name, []).append(d)
            written.add(d.name)
            for n in shorts[i] if shorts is not None else short_names_of(d.name, d.level):
                written.add(n)
                if n not in not_short and not generic.fullmatch(n):
                    by_name.setdefault(n, []).append(d)
        self._rows = rows
        # private and never mutated after construction
        self._by_code: Mapping[str, list[Division]] = MappingProxyType(by_code)
        self._by_name: Mapping[str, list[Division]] = MappingProxyType(by_name)
        self._max_name = max((len(n) for n in self._by_name), default=0)
        # Every full and short name as written, common words included (a quick "no
        # place name ends here" before reading organs name by name).
        self._written = frozenset(written)
        # Chains are asked for again and again (every organ of every mention); the
        # answer depends only on (code, year), so it is memoised per gazetteer.
        self._chain = lru_cache(maxsize=1 << 16)(self._chain_uncached)

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of the shipped ``kg/data/divisions.tsv`` (loaded once, then cached)."""
        return _load_default()

    @classmethod
    def from_tsv(cls, text: str) -> Gazetteer:
        """Build a gazetteer from the text of a divisions TSV (with its header row).

        A ninth column ``short_names`` (``;``-separated, written by ``tools/make_divisions.py``)
        is used as is; without it the short names are derived from the full names.
        """
        lines = text.splitlines()
        header = lines[0].split("\t")
        if header[:7] != list(_COLUMNS[:7]):
            raise ValueError(f"unexpected divisions header: {header}")
        has_shorts = len(header) > 8 and header[8] == "short_names"
        empty: tuple[str, ...] = ()
        split_cache: dict[str, tuple[str, ...]] = {"": empty}
        rows = []
        shorts: list[tuple[str, ...]] = []
        width = len(_COLUMNS)
        for line in lines[1:]:
            if not line:
                continue
            f = line.split("\t")
            if len(f) < width:
                f += [""] * (width - len(f))
            src = split_cache.get(f[6])
            if src is None:  # few distinct source lists: share the tuples
                src = split_cache[f[6]] = tuple(f[6].split(";"))
            rows.append(
                Division(
                    f[0],
                    f[2],
                    f[3],
                    f[1],
                    int(f[4]) if f[4] else None,
                    int(f[5]) if f[5] else None,
                    src,
                    tuple(f[7].split(";")) if f[7] else empty,
                )
            )
            if has_shorts:
                shorts.append(tuple(f[8].split(";")) if f[8] else empty)
        return cls(rows, shorts if has_shorts else None)

    def __len__(self) -> int:
        """Number of rows (current and historical)."""
        return len(self._rows)

    def __iter__(self) -> Iterable[Division]:
        """All rows, in table order."""
        return iter(self._rows)

    # ------------------------------------------------------------ year filtering

    @staticmethod
    def _in_year(rows: Iterable[Division], year: int | None) -> list[Division]:
        """Rows in force in ``year``; for ``None`` the current rows, else all rows."""
        rows = list(rows)
        if year is None:
            current = [d for d in rows if d.current]
            return current or rows
        valid = [d for d in rows if d.valid_in(year)]
        # A township row first seen by a later snapshot may have stood before it: the township
        # snapshots miss whole prefectures (中山市's 大涌镇 is seen from 2021 on, named in its
        # 2020 report).  With no row in force, one first seen shortly after is taken.
        return valid or [
            d
            for d in rows
            if d.level == "township" and d.valid_from and d.valid_in(year + _FIRST_SEEN_SLACK)
        ]

    @staticmethod
    def _dedupe(rows: Iterable[Division], year: int | None) -> list[Division]:
        """Collapse rows that name the same place (same name, level and parent) to the one whose
        snapshots are nearest ``year`` (ties: the newer row)."""
        best: dict[tuple[str, str, str], Division] = {}
        for d in rows:
            key = (d.name, d.level, d.parent)
            old = best.get(key)
            if old is None or (d.distance(year), -_newest(d)) < (old.distance(year), -_newest(old)):
                best[key] = d
        return list(best.values())

    # ------------------------------------------------------------ lookups

    def get(self, code: str, year: int | None = None) -> Division | None:
        """The division with ``code`` (or alias code) in force in ``year``.

        Several rows may share a code (a renamed township); the one nearest ``year`` wins.
        """
        rows = self._in_year(self._by_code.get(code, ()), year)
        if not rows:
            return None
        return min(rows, key=lambda d: (d.code != code, d.distance(year), -_newest(d), d.name))

    def chain(self, code: str, year: int | None = None) -> list[Division]:
        """``code``'s division, then its parent, ... up to the province ([] if unknown)."""
        return list(self._chain(code, year))

    def _chain_uncached(self, code: str, year: int | None) -> tuple[Division, ...]:
        out: list[Division] = []
        d = self.get(code, year)
        while d is not None and len(out) < 6:
            out.append(d)
            d = self.get(d.parent, year) if d.parent else None
        return tuple(out)

    def lookup(self, name: str, year: int | None = None) -> list[Division]:
        """All divisions whose full name or accepted short name is ``name`` (sorted by code)."""
        rows = self._dedupe(self._in_year(self._by_name.get(name, ()), year), year)
        return sorted(rows, key=lambda d: (d.code, d.name))

    def short_names(self, division: Division) -> list[str]:
        """Accepted short names: 固安县->固安, 内蒙古自治区->内蒙古, 石柱土家族自治县->石柱.

        Never one-character names; generic names (城区, 开发区 ...) get none.
        """
        return short_names_of(division.name, division.level)

    def name_ends_at(self, text: str, end: int, longest: int) -> bool:
        """Whether a full or short name of some division, of at most ``longest``
        characters, ends at offset ``end`` of ``text``."""
        written = self._written
        return any(text[end - k : end] in written for k in range(1, min(longest, end) + 1))

    def names(self) -> Iterable[str]:
        """Every full and short name in the table (current and historical)."""
        return self._by_name.keys()

    # ------------------------------------------------------------ disambiguation

    def _is_under(self, child: Division, ancestor: Division, year: int | None) -> bool:
        """Whether ``ancestor`` is on ``child``'s parent chain (read for ``year``)."""
        d = child
        for _ in range(5):
            if not d.parent:
                return False
            if d.parent == ancestor.code:
                return True
            nxt = self.get(d.parent, year)
            if nxt is None:
                return False
            d = nxt
        return False

    def _context_codes(self, context: Sequence[str], year: int | None) -> dict[str, int]:
        """Codes of every reading of the context items, with the rank of their level."""
        out: dict[str, int] = {}
        for item in context:
            item = item.strip()
            if not item:
                continue
            if item.isdigit():
                rows = self._in_year(self._by_code.get(item, ()), year)
            else:
                rows = self._in_year(self._by_name.get(item, ()), year)
            for d in rows:
                out[d.code] = _LEVEL_RANK.get(d.level, 0)
        return out

    def _score(self, cand: Division, ctx: Mapping[str, int], year: int | None) -> tuple[int, int]:
        """(deepest context level found on ``cand``'s ancestor chain + 1, number of hits)."""
        deepest, hits = 0, 0
        for anc in self.chain(cand.code, year)[1:]:
            if anc.code in ctx:
                hits += 1
                deepest = max(deepest, ctx[anc.code] + 1)
        # the context may also name a division under the candidate
        if hits == 0:
            for code in ctx:
                if any(a.code == cand.code for a in self.chain(code, year)[1:]):
                    hits += 1
                    deepest = max(deepest, 1)
        return deepest, hits

    def resolve(
        self, name: str, year: int | None = None, context: Sequence[str] = ()
    ) -> Division | None:
        """The single division ``name`` denotes in ``year`` given ``context``, or ``None``.

        ``context`` holds names or codes of places mentioned around ``name`` (e.g. the author
        government's chain).  A candidate wins if it is the only one, or the only one whose
        ancestor chain holds the deepest context place.  Ambiguity gives ``None``, never a guess.
        """
        if name.isdigit():
            return self.get(name, year)
        cands = self.lookup(name, year)
        if len(cands) <= 1:
            return cands[0] if cands else None
        ctx = self._context_codes(context, year)
        if not ctx:
            return None
        scored = [(self._score(c, ctx, year), c) for c in cands]
        top = max(s for s, _ in scored)
        if top[0] == 0:
            return None
        winners = [c for s, c in scored if s == top]
        return winners[0] if len(winners) == 1 else None

    def parse_path(
        self, text: str, year: int | None = None, context: Sequence[str] = ()
    ) -> list[Division]:
        """Read concatenated place names: "重庆市渝北区大盛镇" -> [重庆市, 渝北区, 大盛镇].

        Longest-match segmentation from the first place name on (leading characters that start
        no name, as in 中共无极县委, are skipped; the parse stops at the first gap after a name),
        then each segment is read so that it lies under the previous one.  Segments that stay
        ambiguous end the returned path.
        """
        segments: list[str] = []
        i, n = 0, len(text)
        while i < n:
            hit = ""
            for j in range(min(n, i + self._max_name), i + 1, -1):
                if text[i:j] in self._by_name:
                    hit = text[i:j]
                    break
            if hit:
                segments.append(hit)
                i += len(hit)
            elif segments:
                break
            else:
                i += 1
        paths: list[list[Division]] = [[]]
        for seg in segments:
            cands = self.lookup(seg, year)
            # "now" also accepts a former division under a former parent (渝北区大盛镇)
            former = self._dedupe(self._by_name.get(seg, ()), None) if year is None else []
            new: list[list[Division]] = []
            for p in paths:
                if not p:
                    new.extend([c] for c in cands)
                    continue
                under = [c for c in cands if self._is_under(c, p[-1], year)]
                if not under:
                    under = [c for c in former if self._is_under(c, p[-1], year)]
                new.extend([*p, c] for c in under)
            if not new:
                break
            paths = new[:500]
        if len(paths) > 1 and context:
            ctx = self._context_codes(context, year)
            scored = [(self._score(p[-1], ctx, year), p) for p in paths]
            top = max(s for s, _ in scored)
            paths = [p for s, p in scored if s == top]
        if len(paths) > 1:  # prefer paths whose steps are direct parent links
            tight = [p for p in paths if all(b.parent == a.code for a, b in pairwise(p))]
            paths = tight or paths
        out: list[Division] = []
        for k in range(min(len(p) for p in paths)):
            picks = {p[k] for p in paths}
            if len(picks) != 1:
                break
            out.append(picks.pop())
        return out


def _newest(d: Division) -> int:
    """Year of the newest snapshot holding ``d`` (0 if none)."""
    return max((SNAPSHOT_YEARS.get(s, 0) for s in d.sources), default=0)


@cache
def _load_default() -> Gazetteer:
    """Read ``kg/data/divisions.tsv`` from the installed package (once).

    The cyclic garbage collector is paused while the ~47k rows are indexed (they hold no
    cycles); this keeps loading well under half a second.
    """
    ref = resources.files("kg").joinpath("data/divisions.tsv")
    text = ref.read_text(encoding="utf-8")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return Gazetteer.from_tsv(text)
    finally:
        if was_enabled:
            gc.enable()
