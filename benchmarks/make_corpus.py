"""A seeded generator of synthetic rule-of-law reports with the truth it planted.

    python benchmarks/make_corpus.py N OUT [--seed 7]

writes N reports into OUT and ``OUT/truth.jsonl``, one JSON object per file:
its name, encoding and format, the author (name, division code, level; for a
department report also the department's standard name and its government),
whether the text places the author (``certain``: false for a town whose
county the text never names), the year reported on, the cited documents by
their catalogue name (and the
local documents cited, as written), the initiatives planted (scheme labels),
the slogans planted (refused terms of the scheme, never initiatives), the
institutions planted with their place, and the indicators planted.

Every name comes from the repository's data: authors are currently valid
divisions of ``kg/data/divisions.tsv`` at every level whose name is unique in
the gazetteer (so the truth is never ambiguous) and departments of
``kg/data/departments.tsv``; citations from ``kg/data/law_catalog.tsv`` and
``kg/data/policy_catalog.tsv``; initiatives and slogans from
``ontology/initiatives.ttl``; indicators from ``kg/data/indicators.tsv``; and
service centres from ``kg/data/institution_suffixes.txt``. Only the
connecting prose (report phrases with no names, numbers or quotes) is
written here.

The text is shaped like real reports: a title line (sometimes missing,
sometimes run together with site chrome), 一、二、 headings, citations in
many spellings (with and without 中华人民共和国, full- and half-width
brackets, dash variants, revision notes, nested 〈〉/<> titles, short-form
back-references and 以下简称 aliases), quoted initiatives and slogans,
institutions named relative to the author (县司法局, 本局, 我县公共法律服务中心),
indicator clauses (受理行政复议案件215件), a signature and a date. About 10 %
of the files are GBK .txt, about 10 % HTML pages with site chrome, the rest
UTF-8 .txt; about 15 % are department reports.

Same N and seed give the same bytes: one ``random.Random(seed)`` draws in a
fixed order over inputs read in sorted order.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "data"
SCHEME = ROOT / "ontology" / "initiatives.ttl"
TRUTH = "truth.jsonl"
PRC = "中华人民共和国"

# Shares of the corpus (the issue asks for "some" of each; about a tenth reads as some).
GBK_SHARE = 0.10
HTML_SHARE = 0.10
DEPARTMENT_SHARE = 0.15
# Government authors by level: counties and towns write most reports.
LEVEL_WEIGHTS = {"province": 0.04, "prefecture": 0.14, "county": 0.55, "township": 0.27}
YEARS = (2021, 2022, 2023, 2024)
# Report length in characters of body text (UTF-8 ≈ 3 bytes a character):
# 2–15 KB files with a mean above 5 KB.
MIN_CHARS, MAX_CHARS, MEAN_CHARS = 700, 4000, 1800

# Official name endings of each level (the level word a report uses for itself,
# 我县/县司法局, is read from them). Units with other endings (开发区, 农场 …) are
# statistical groupings that publish no such report.
LEVEL_ENDINGS = {
    "province": (("自治区", "区"), ("省", "省"), ("市", "市")),
    "prefecture": (("自治州", "州"), ("地区", "地区"), ("市", "市"), ("州", "州"), ("盟", "盟")),
    "county": (
        ("自治县", "县"),
        ("自治旗", "旗"),
        ("县", "县"),
        ("区", "区"),
        ("市", "市"),
        ("旗", "旗"),
    ),
    "township": (("街道", "街道"), ("镇", "镇"), ("乡", "乡"), ("苏木", "苏木")),
}
# Provincial-level units outside this reporting system (香港, 澳门, 台湾): their
# codes start with 7 or 8.
OUTSIDE_SYSTEM = ("7", "8")

# Units a report writes after a number of each dimension (checked against
# indicator_units.tsv): the common ones, so that no case is counted in 辆.
UNITS = {
    "count": ("件", "个", "次"),
    "person": ("人", "名", "人次"),
    "money": ("万元",),
    "percent": ("%",),
    "area": ("亩",),
}
# Words of titles on administration and the rule of law: reports cite these
# far more often than the rest of the catalogue, so half of the citations are
# drawn from them (which makes documents cited across places common, as in
# real corpora).
CORE_WORDS = (
    "行政",
    "法治",
    "依法",
    "普法",
    "政府",
    "信访",
    "调解",
    "法律援助",
    "民法典",
    "公职人员",
)

CN_DIGITS = "〇一二三四五六七八九"
CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Division:
    """A currently valid administrative division of the gazetteer."""

    code: str
    parent: str
    name: str
    level: str
    word: str  # the level word a report uses for its own place: 县, 市, 镇, 街道 …


@dataclass(frozen=True)
class Title:
    """A catalogued document: its catalogue name and how reports may write it."""

    name: str  # the catalogue's full name (what the tool should label it)
    written: tuple[str, ...]  # spellings inside 《》 that name it
    year: int  # year of publication
    scope: str  # national, or the province short name for local regulations


@dataclass(frozen=True)
class Initiative:
    """A national programme of the scheme: its label and the quoted forms of it."""

    label: str
    forms: tuple[tuple[str, str], ...]  # (quoted part, words after the quote)
    issued: int


@dataclass(frozen=True)
class Indicator:
    """An indicator concept with an object and verb that its own patterns match."""

    key: str
    label: str
    obj: str
    verb: str
    dimension: str


@dataclass
class Sources:
    """Everything the generator draws from, read once from the data files."""

    authors: dict[str, list[Division]]
    divisions: dict[str, Division]
    departments: list[tuple[str, tuple[str, ...]]]
    titles: list[Title]
    initiatives: list[Initiative]
    slogans: list[tuple[str, str]]  # (term, refusal reason)
    indicators: list[Indicator]
    units: dict[str, list[str]]
    centres: list[str]


@dataclass
class Summary:
    """What ``make_corpus`` wrote."""

    files: int = 0
    bytes: int = 0
    gbk: int = 0
    html: int = 0
    departments: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    truth: Path | None = None

    def as_dict(self) -> dict[str, object]:
        """JSON-ready figures."""
        return {
            "files": self.files,
            "megabytes": round(self.bytes / 1e6, 3),
            "gbk": self.gbk,
            "html": self.html,
            "departments": self.departments,
            "levels": dict(sorted(self.levels.items())),
        }


# ---------------------------------------------------------------- data files


def _tsv(name: str, columns: tuple[str, ...] | None = None) -> list[dict[str, str]]:
    """Rows of a tab-separated data file, ``#`` comment lines skipped.

    The first row is the header unless ``columns`` are given (departments.tsv
    names its columns in a comment).
    """
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = csv.DictReader(
        io.StringIO("\n".join(lines)), fieldnames=columns, delimiter="\t", quoting=csv.QUOTE_NONE
    )
    return [{k: v or "" for k, v in row.items()} for row in rows]


def _lines(name: str) -> list[str]:
    """Non-comment first columns of a word list."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [
        line.split("\t")[0].strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _level_word(name: str, level: str) -> str | None:
    for ending, word in LEVEL_ENDINGS[level]:
        if name.endswith(ending) and len(name) > len(ending) + 1:
            return word
    return None


def _divisions() -> tuple[dict[str, list[Division]], dict[str, Division]]:
    """Author candidates by level, and every valid division by code.

    A name is a candidate only when no other row of the gazetteer (valid or
    historical) carries it: the planted author must be unambiguous.
    """
    rows = _tsv("divisions.tsv")
    counts = Counter(r["name"] for r in rows)
    by_code: dict[str, Division] = {}
    authors: dict[str, list[Division]] = {level: [] for level in LEVEL_ENDINGS}
    for r in sorted(rows, key=lambda r: r["code"]):
        if r["valid_to"] or "mca2025" not in r["source"].split(";"):
            continue
        word = _level_word(r["name"], r["level"])
        if word is None or r["code"].startswith(OUTSIDE_SYSTEM):
            continue
        div = Division(r["code"], r["parent"], r["name"], r["level"], word)
        by_code[div.code] = div
        if counts[div.name] == 1:
            authors[div.level].append(div)
    return authors, by_code


def _departments() -> list[tuple[str, tuple[str, ...]]]:
    """Local departments of a people's government: (standard name, short forms)."""
    out = []
    for r in _tsv("departments.tsv", ("standard", "short_forms", "scope")):
        if r["scope"] != "local" or r["standard"].startswith("人民政府"):
            continue
        shorts = tuple(s for s in r["short_forms"].split(",") if s)
        out.append((r["standard"], shorts))
    return sorted(out)


def _fold(title: str) -> str:
    """A rough identity of a title: two names folding alike are not planted."""
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"[\s()（）\-—–－]", "", s)
    return s.removeprefix(PRC)


def _bracket_variants(name: str) -> tuple[str, ...]:
    """Spellings of a title with brackets and dashes as reports write them."""
    if "（" not in name and "—" not in name:
        return (name,)
    half = name.replace("（", "(").replace("）", ")")
    return (name, half, half.replace("—", "-"), name.replace("—", "-"), name.replace("—", "–"))


def _titles() -> list[Title]:
    """Catalogued documents a local report cites: national laws, State Council
    regulations, current policy documents and provincial regulations.

    National laws are written 中华人民共和国X法 in full; the catalogue lists
    them without the prefix, so the full name is formed here. Only titles
    whose name ends in 法 (a statute, not a decision or a standard) are taken
    from the laws, and titles that fold alike to another are left out.
    """
    out: list[Title] = []
    for r in _tsv("law_catalog.tsv"):
        name, level, scope = " ".join(r["name"].split()), r["level"], r["scope"]
        if r["expired"] != "0" or not r["published"][:4].isdigit() or len(name) > 24:
            continue
        year = int(r["published"][:4])
        if level == "法律" and scope == "national" and name.endswith("法"):
            full = name if name.startswith(PRC) else PRC + name
            out.append(Title(full, (full, full.removeprefix(PRC)), year, "national"))
        elif (
            level == "行政法规" and scope == "national" and name.endswith(("条例", "规定", "办法"))
        ):
            # 《中华人民共和国政府信息公开条例》 is how some regulations are titled in full;
            # 国务院关于… is never prefixed.
            prefixed = name.endswith("条例") and not name.startswith(("国务院", "关于", PRC))
            extra = (PRC + name,) if prefixed else ()
            out.append(Title(name, (*_bracket_variants(name), *extra), year, "national"))
        elif level == "地方性法规" and name.endswith(("条例", "规定", "办法")):
            out.append(Title(name, _bracket_variants(name), year, scope))
    for r in _tsv("policy_catalog.tsv"):
        if r["expired"] != "0" or not r["published"][:4].isdigit():
            continue
        shorts = tuple(s for s in r["short_names"].split("|") if s)
        written = (*_bracket_variants(r["name"]), *(s for s in shorts if "”" not in s))
        out.append(Title(r["name"], written, int(r["published"][:4]), "national"))
    # Titles holding their own title marks or quotes (国务院实施《民族区域自治法》若干规定)
    # would be nested titles: left out.
    out = [t for t in out if not any(c in t.name for c in "《》〈〉“”")]
    folds = Counter(_fold(t.name) for t in {t.name: t for t in out}.values())
    unique = {t.name: t for t in out if folds[_fold(t.name)] == 1}
    return sorted(unique.values(), key=lambda t: t.name)


def _scheme() -> tuple[list[Initiative], list[tuple[str, str]]]:
    """National programmes and refused terms of ``ontology/initiatives.ttl``."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCTERMS, RDF, SKOS

    kg = Namespace("https://w3id.org/fazhi-kg/ns#")
    g = Graph()
    g.parse(SCHEME, format="turtle")
    programmes: list[Initiative] = []
    for concept in sorted(g.subjects(RDF.type, kg.NationalProgramme)):
        label = str(g.value(concept, SKOS.prefLabel))
        labels = {label, *(str(a) for a in g.objects(concept, SKOS.altLabel))}
        forms: list[tuple[str, str]] = []
        for term in sorted(labels):
            if len(term) > 12 or any(c in term for c in '“”"()（）'):
                continue
            forms.append((term, ""))
            # “放管服”改革: another label of the same concept that is this one
            # plus a few words reads as the quote followed by those words.
            forms.extend(
                (term, other[len(term) :])
                for other in sorted(labels)
                if other.startswith(term) and 0 < len(other) - len(term) <= 3
            )
        issued = g.value(concept, DCTERMS.issued)
        if forms:
            programmes.append(Initiative(label, tuple(forms), int(str(issued)) if issued else 0))
    refused = sorted(
        (str(g.value(s, SKOS.prefLabel)), str(g.value(s, kg.refusal)))
        for s in g.subjects(RDF.type, kg.NotInitiative)
    )
    # A refused term that spells a programme's label is left out: the truth
    # would contradict itself.
    taken = {f[0] for p in programmes for f in p.forms}
    slogans = [(t, why) for t, why in refused if t not in taken and len(t) >= 2]
    return programmes, slogans


_OPTIONAL_GROUP = re.compile(r"\(\?:([^()]*)\)([?*]?)")


def _example(pattern: str) -> str | None:
    """The plainest string a simple indicator pattern matches, or ``None``.

    Takes the first alternative of every choice and keeps optional groups
    (行政复议(?:案件|申请)?$ -> 行政复议案件); patterns with wildcards are
    left out. Checked against the pattern by the caller.
    """
    if not pattern or pattern == "-":
        return ""
    top = pattern
    depth, cut = 0, None
    for i, c in enumerate(top):  # first top-level alternative
        depth += c == "(" and (i == 0 or top[i - 1] != "\\")
        depth -= c == ")" and (i == 0 or top[i - 1] != "\\")
        if c == "|" and depth == 0:
            cut = i
            break
    top = top[:cut] if cut is not None else top
    for _ in range(4):  # innermost groups first
        top = _OPTIONAL_GROUP.sub(
            lambda m: "" if m.group(2) == "*" else m.group(1).split("|")[0], top
        )
    top = top.replace("\\(", "(").replace("\\)", ")").strip("^$")
    if any(c in top for c in ".[]*+?|\\$^"):
        return None
    return top


def _indicators(programme_forms: set[str]) -> tuple[list[Indicator], dict[str, list[str]]]:
    """Concepts of ``indicators.tsv`` with an example object and verb, and units by dimension.

    A concept whose object holds a programme's name (法律明白人) is left out:
    counting it would plant an initiative the truth does not list.
    """
    known = {(r["unit"], r["dimension"]) for r in _tsv("indicator_units.tsv")}
    units = {dim: [u for u in preferred if (u, dim) in known] for dim, preferred in UNITS.items()}
    out = []
    for r in _tsv("indicators.tsv"):
        obj, verb = _example(r["object"]), _example(r["verb"])
        if not obj or verb is None or not units.get(r["dimension"]) or obj in verb:
            continue
        if any(form in obj for form in programme_forms):  # 法律明白人 is a programme too
            continue
        if not re.search(r["object"], obj) or (verb and not re.search(r["verb"], verb)):
            continue
        out.append(Indicator(r["key"], r["label"], obj, verb, r["dimension"]))
    return out, {k: sorted(v) for k, v in units.items()}


@lru_cache(maxsize=1)
def load_sources() -> Sources:
    """Read every data file once."""
    authors, by_code = _divisions()
    programmes, slogans = _scheme()
    indicators, units = _indicators({f[0] for p in programmes for f in p.forms})
    # Named centres only: 服务中心 and 法律服务中心 end longer names and name no centre alone.
    suffixes = [s for s in _lines("institution_suffixes.txt") if s.endswith("中心") and len(s) >= 4]
    centres = sorted(s for s in suffixes if not any(o != s and o.endswith(s) for o in suffixes))
    return Sources(
        authors, by_code, _departments(), _titles(), programmes, slogans, indicators, units, centres
    )


# ---------------------------------------------------------------- prose

# Report prose without names, numbers, quotes or title marks: what every
# report says between the facts. Kept free of programme cue words (改革, 制度,
# 机制, 工程 …) so that the filler plants nothing the truth does not list.
_LEADS = (
    "坚持",
    "深入推进",
    "持续深化",
    "全面落实",
    "着力加强",
    "扎实推进",
    "认真落实",
    "不断强化",
)
_TOPICS = (
    "依法行政",
    "法治政府建设",
    "行政执法规范化建设",
    "政务公开",
    "基层依法治理",
    "行政决策科学化民主化法治化",
    "行政执法监督",
    "法治宣传教育",
    "矛盾纠纷排查化解",
    "法治化营商环境建设",
    "法治工作队伍建设",
    "行政权力运行监督",
    "行政争议实质性化解",
    "公共法律服务体系建设",
)
_MIDDLES = (
    "压实主体责任",
    "强化督促检查",
    "细化任务分工",
    "加强统筹协调",
    "狠抓工作落实",
    "健全工作台账",
    "定期研究部署",
    "强化考核评价",
    "注重问题导向",
    "突出重点领域",
)
_TAILS = (
    "各项工作取得新成效",
    "推动法治政府建设向纵深发展",
    "为经济社会发展提供有力法治保障",
    "群众获得感和满意度持续提升",
    "形成了上下联动、齐抓共管的工作格局",
    "依法行政水平进一步提高",
    "工作规范化水平明显提升",
    "法治环境持续优化",
)
_HEADINGS = (
    "加强党的领导，统筹推进法治政府建设",
    "依法全面履行政府职能",
    "完善依法行政制度体系",
    "推进行政决策科学化、民主化、法治化",
    "坚持严格规范公正文明执法",
    "强化对行政权力的制约和监督",
    "依法有效化解社会矛盾纠纷",
    "全面提升政府工作人员法治思维和依法行政能力",
    "健全突发事件应对体系",
    "加强法治宣传教育",
)
_PROBLEMS = "存在的问题和不足"
_PLANS = "下一步工作打算"
_CITE_LEADS = ("严格落实", "认真贯彻", "深入学习宣传", "全面贯彻实施", "严格执行", "对照")
_CITE_TAILS = ("要求", "各项规定", "有关规定", "精神")
_INITIATIVE_LEADS = (
    "深入推进",
    "积极践行",
    "全面推行",
    "持续深化",
    "大力开展",
    "坚持和发展",
    "扎实推进",
)
_SLOGAN_FRAMES = {
    "doctrine": ("增强{q}", "深刻领会{q}", "牢固树立{q}"),
    "metaphor": ("着力打通{q}", "聚焦{q}问题", "切实解决{q}问题"),
    "party-routine": ("扎实开展{q}", "结合{q}"),
    "strategy": ("服务{q}", "围绕{q}"),
}
_SLOGAN_DEFAULT = ("切实把{q}的要求落到实处", "坚持{q}")
_LOCAL_DOCS = (
    "{p}重大行政决策程序规定",
    "{p}行政规范性文件管理办法",
    "{p}法治政府建设实施方案",
    "{p}行政执法监督办法",
)
_NESTED = (
    "{p}关于贯彻落实{o}{t}{c}的实施意见",
    "关于贯彻落实{o}{t}{c}的实施方案",
    "{p}贯彻{o}{t}{c}实施办法",
)
_BARE_SHORTS = ("实施办法", "条例", "办法", "规定", "纲要", "意见", "方案", "规划")


def _cn_date(year: int, month: int, day: int) -> str:
    """二〇二四年一月二十五日."""

    def small(n: int) -> str:
        if n <= 10:
            return CN_NUMBERS[n - 1]
        tens, ones = divmod(n, 10)
        return (
            (CN_NUMBERS[tens - 1] if tens > 1 else "")
            + "十"
            + (CN_NUMBERS[ones - 1] if ones else "")
        )

    return "".join(CN_DIGITS[int(d)] for d in str(year)) + f"年{small(month)}月{small(day)}日"


@dataclass
class Author:
    """Who writes a report and how it names itself and its institutions."""

    division: Division
    department: str | None  # standard name, for a department report
    name: str  # 固安县人民政府, 固安县司法局, 某某街道办事处

    @property
    def self_ref(self) -> str:
        """我县, 本局."""
        return "本局" if self.department else "我" + self.division.word


class Report:
    """One report under construction: paragraphs and the truth planted in them."""

    def __init__(self, rng: Random, src: Sources, author: Author, year: int, punct: str) -> None:
        self.rng, self.src, self.author, self.year = rng, src, author, year
        self.full = punct == "full"
        self.core: list[Title] = []
        self.certain = True
        self.cited: list[str] = []
        self.local: list[str] = []
        self.initiatives: list[str] = []
        self.slogans: list[str] = []
        self.institutions: list[dict[str, str | None]] = []
        self.indicators: list[dict[str, object]] = []

    # punctuation: a report is typed either with full-width or with half-width marks
    def p(self, mark: str) -> str:
        """The report's own form of ``，`` ``；`` ``：`` ``（`` ``）``."""
        if self.full:
            return mark
        return {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}.get(mark, mark)

    def filler(self) -> str:
        r = self.rng
        subject = r.choice((self.author.self_ref, "全" + self.author.division.word, ""))
        return (
            f"{subject}{r.choice(_LEADS)}{r.choice(_TOPICS)}{self.p('，')}{r.choice(_MIDDLES)}"
            f"{self.p('，')}{r.choice(_TAILS)}。"
        )

    def citation(self, titles: list[Title]) -> str:
        """A sentence citing one catalogued title, sometimes with a back-reference."""
        r = self.rng
        t = r.choice(self.core if self.core and r.random() < 0.5 else titles)
        written = r.choice(t.written)
        if r.random() < 0.08 and t.name.startswith(PRC):
            written += r.choice(("（2021年修订）", "(2021年修正)"))
        self.cited.append(t.name)
        base = re.sub(r"[（(][^（）()]*[）)]$", "", written)
        short = next((s for s in _BARE_SHORTS if base.endswith(s) and base != s), None)
        back = short is not None and r.random() < 0.35
        # 《…条例》（以下简称《条例》）: the alias right after the title it names.
        alias = back and r.random() < 0.5
        sentence = (
            f"{r.choice(_CITE_LEADS)}《{written}》"
            + (f"{self.p('（')}以下简称《{short}》{self.p('）')}" if alias else "")
            + r.choice(_CITE_TAILS)
        )
        if back:
            sentence += f"{self.p('，')}逐条对照《{short}》{r.choice(_MIDDLES)}"
        return sentence + f"{self.p('，')}{r.choice(_TAILS)}。"

    def unquoted(self, titles: list[Title]) -> str:
        """A national law named without title marks (学习宣传行政处罚法), as reports often do."""
        r = self.rng
        laws = [t for t in (self.core or titles) if t.name.startswith(PRC)] or [
            t for t in titles if t.name.startswith(PRC)
        ]
        t = r.choice(laws)
        self.cited.append(t.name)
        written = t.name.removeprefix(PRC) if r.random() < 0.8 else t.name
        return f"深入学习宣传{written}{self.p('，')}{r.choice(_TAILS)}。"

    def nested(self, titles: list[Title]) -> str:
        """A local document implementing a catalogued one: 《…〈…〉…》."""
        r = self.rng
        t = r.choice(titles)
        o, c = ("〈", "〉") if r.random() < 0.8 else ("<", ">")
        outer = r.choice(_NESTED).format(
            p=self.author.division.name, o=o, t=r.choice(t.written), c=c
        )
        self.cited.append(t.name)
        self.local.append(outer)
        comma = self.p("，")
        return f"制定印发《{outer}》{comma}{r.choice(_MIDDLES)}{comma}{r.choice(_TAILS)}。"

    def local_doc(self) -> str:
        title = self.rng.choice(_LOCAL_DOCS).format(p=self.author.division.name)
        self.local.append(title)
        return f"修订完善《{title}》{self.p('，')}{self.rng.choice(_TAILS)}。"

    def initiative(self) -> str:
        r = self.rng
        choices = [i for i in self.src.initiatives if i.issued <= self.year]
        ini = r.choice(choices)
        quoted, after = r.choice(ini.forms)
        self.initiatives.append(ini.label)
        return f"{r.choice(_INITIATIVE_LEADS)}“{quoted}”{after}{self.p('，')}{r.choice(_TAILS)}。"

    def slogan(self) -> str:
        r = self.rng
        term, why = r.choice(self.src.slogans)
        self.slogans.append(term)
        frame = r.choice(_SLOGAN_FRAMES.get(why, _SLOGAN_DEFAULT))
        return f"{frame.format(q='“' + term + '”')}{self.p('，')}{r.choice(_TAILS)}。"

    def institution(self) -> str:
        """A sentence naming an institution relative to the author."""
        r = self.rng
        a, div = self.author, self.author.division
        kind = r.random()
        if a.department and kind < 0.3:
            self.institutions.append(
                {"written": "本局", "name": a.name, "place": div.code, "department": a.department}
            )
            return f"本局{r.choice(_LEADS)}{r.choice(_TOPICS)}{self.p('，')}{r.choice(_TAILS)}。"
        if kind < 0.7:
            # 县司法局: a department of the author's place; a town's report names its county's.
            place = self.src.divisions.get(div.parent) if div.level == "township" else div
            if place is None or place.level == "township":
                place = div
            depts = [
                d
                for d in self.src.departments
                if d[0].endswith("厅") == (place.level == "province")
            ]
            std, shorts = r.choice(depts)
            form = r.choice((std, *shorts))
            written = (place.word + form) if r.random() < 0.7 or place is not div else form
            self.institutions.append(
                {
                    "written": written,
                    "name": place.name + std,
                    "place": place.code,
                    "department": std,
                }
            )
            comma = self.p("，")
            return f"{written}{r.choice(_LEADS)}{r.choice(_TOPICS)}{comma}{r.choice(_MIDDLES)}。"
        centre = r.choice(self.src.centres)
        written = "我" + div.word + centre
        self.institutions.append(
            {"written": written, "name": div.name + centre, "place": div.code, "department": None}
        )
        return f"依托{written}{r.choice(_MIDDLES)}{self.p('，')}{r.choice(_TAILS)}。"

    def indicator_clause(self) -> str:
        r = self.rng
        ind = r.choice(self.src.indicators)
        unit = r.choice(self.src.units[ind.dimension])
        if ind.dimension == "percent":
            value = (
                f"{r.randint(600, 1000) / 10:g}" if r.random() < 0.6 else str(r.randint(60, 100))
            )
        elif ind.dimension == "money":
            value = f"{r.randint(10, 9999) / 10:g}"
        else:
            value = str(r.randint(2, 999))
        link = "达" if ind.dimension == "percent" and r.random() < 0.4 else ""
        self.indicators.append(
            {
                "concept": ind.key,
                "label": ind.label,
                "object": ind.obj,
                "action": ind.verb,
                "value": value,
                "unit": unit,
            }
        )
        return f"{ind.verb}{ind.obj}{link}{value}{unit}"

    def indicators_sentence(self) -> str:
        clauses = [self.indicator_clause() for _ in range(self.rng.randint(1, 3))]
        return self.rng.choice(("全年", f"{self.year}年", "")) + self.p("，").join(clauses) + "。"


def _pick_author(rng: Random, src: Sources) -> Author:
    if rng.random() < DEPARTMENT_SHARE:
        level = rng.choices(("province", "prefecture", "county"), (0.1, 0.3, 0.6))[0]
        div = rng.choice(src.authors[level])
        depts = [d for d in src.departments if d[0].endswith("厅") == (level == "province")]
        std = rng.choice(depts)[0]
        return Author(div, std, div.name + std)
    level = rng.choices(list(LEVEL_WEIGHTS), list(LEVEL_WEIGHTS.values()))[0]
    div = rng.choice(src.authors[level])
    organ = "办事处" if div.name.endswith("街道") else "人民政府"
    return Author(div, None, div.name + organ)


def _province_of(div: Division, src: Sources) -> Division:
    while div.level != "province" and div.parent in src.divisions:
        div = src.divisions[div.parent]
    return div


_CITABLE: dict[tuple[int, str], tuple[list[Title], list[Title]]] = {}


def _citable(src: Sources, year: int, province: str) -> tuple[list[Title], list[Title]]:
    """Titles a report of ``year`` in ``province`` may cite, and their core (computed once)."""
    key = (year, province)
    if key not in _CITABLE:
        titles = [
            t
            for t in src.titles
            if t.year <= year and (t.scope == "national" or province.startswith(t.scope))
        ]
        core = [t for t in titles if any(w in t.name for w in CORE_WORDS)]
        _CITABLE[key] = (titles, core)
    return _CITABLE[key]


def _body(rng: Random, src: Sources, author: Author, year: int) -> tuple[Report, list[str]]:
    """The report's lines without title and signature, and its planted truth."""
    rep = Report(rng, src, author, year, "full" if rng.random() < 0.7 else "half")
    province = _province_of(author.division, src)
    titles, rep.core = _citable(src, year, province.name)
    target = min(MAX_CHARS, max(MIN_CHARS, int(rng.lognormvariate(0, 0.5) * MEAN_CHARS * 0.885)))
    parent = src.divisions.get(author.division.parent)
    # A town's report names its county most of the time; when it does not, the
    # town is placed by its name alone, which the truth marks as not certain.
    town = author.division.level == "township"
    named = parent is not None and rng.random() < (0.75 if town else 0.5)
    rep.certain = named or not town
    leader = (
        f"在{parent.name}委、{parent.name}政府的坚强领导下{rep.p('，')}" if named and parent else ""
    )
    subject = author.name if rng.random() < 0.6 else rep.author.self_ref
    opening = (
        f"{year}年{rep.p('，')}{leader}{subject}坚持以习近平新时代中国特色社会主义思想为指导{rep.p('，')}"
        f"深入学习贯彻习近平法治思想{rep.p('，')}{rep.slogan()}"
    )
    lines = [opening + rep.citation(titles) + f"现将有关情况报告如下{rep.p('：')}"]
    planters = (
        (rep.citation, 0.30),
        (rep.initiative, 0.16),
        (rep.institution, 0.14),
        (rep.indicators_sentence, 0.18),
        (rep.slogan, 0.06),
        (rep.nested, 0.03),
        (rep.unquoted, 0.03),
        (rep.local_doc, 0.03),
    )
    funcs = [f for f, _ in planters]
    weights = [w for _, w in planters]
    headings = sorted(rng.sample(range(len(_HEADINGS)), rng.randint(3, 6)))
    sections = [_HEADINGS[i] for i in headings] + [_PROBLEMS, _PLANS]
    size = len(lines[0])
    per_section = max(1, (target - size) // len(sections))
    for n, heading in enumerate(sections):
        lines.append(f"{CN_NUMBERS[n]}、{heading}")
        closing = heading in (_PROBLEMS, _PLANS)
        written = 0
        sub = 0
        while written < per_section:
            para: list[str] = []
            if not closing and rng.random() < 0.4 and sub < 9:
                para.append(f"{rep.p('（')}{CN_NUMBERS[sub]}{rep.p('）')}{rng.choice(_TOPICS)}。")
                sub += 1
            for _ in range(rng.randint(2, 6)):
                if closing or rng.random() < 0.45:
                    para.append(rep.filler())
                else:
                    f = rng.choices(funcs, weights)[0]
                    takes = (rep.citation, rep.nested, rep.unquoted)
                    para.append(f(titles) if f in takes else f())
            line = "".join(para)
            lines.append(line)
            written += len(line)
    return rep, lines


# ---------------------------------------------------------------- pages


def _html(title: str, lines: list[str], author: Author, date: str, rng: Random) -> str:
    """A government web page: head, navigation, breadcrumbs, the report, footer, scripts."""
    site = author.division.name + ("人民政府" if not author.department else author.department)
    nav = "".join(
        f'<li><a href="/{i}/">{w}</a></li>'
        for i, w in enumerate(
            ("网站首页", "政务公开", "政务服务", "互动交流", "走进" + author.division.name)
        )
    )
    body = "\n".join(f"<p>{line}</p>" for line in lines)
    crumbs = "首页 &gt; 政务公开 &gt; 法治政府建设 &gt; 正文"
    nav_block = (
        f'<nav class="menu"><ul>{nav}</ul></nav>'
        if rng.random() < 0.5
        else f'<div class="nav"><ul>{nav}</ul></div>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title or '法治政府建设情况报告'}_{site}</title>\n"
        "<style>body{font-family:SimSun;margin:0}.nav li{display:inline;padding:0 8px}</style>\n"
        "<script>var _hmt=_hmt||[];(function(){var s=document.createElement('script');})();"
        "</script>\n</head>\n<body>\n"
        f'<div class="top"><span>无障碍</span> <span>长者模式</span></div>\n{nav_block}\n'
        f'<div class="crumbs">当前位置：{crumbs}</div>\n'
        f'<div class="article">\n<h1>{title}</h1>\n'
        f'<div class="info">发布时间：{date} 来源：{site} 浏览次数：</div>\n{body}\n'
        '<div class="tools">【打印本页】 【关闭窗口】</div>\n</div>\n'
        f"<footer><p>主办单位：{site}办公室</p>"
        f"<p>网站标识码：{rng.randint(1000000000, 9999999999)}</p>"
        f"<p>ICP备{rng.randint(10000000, 99999999)}号</p></footer>\n"
        '<script src="/js/common.js"></script>\n</body>\n</html>\n'
    )


def make_report(rng: Random, src: Sources, index: int) -> tuple[str, bytes, dict[str, object]]:
    """One report: (file name, bytes, truth)."""
    author = _pick_author(rng, src)
    year = rng.choice(YEARS)
    rep, lines = _body(rng, src, author, year)
    title = rng.choice(
        (
            f"{author.name}关于{year}年度法治政府建设情况的报告",
            f"{author.name}关于{year}年法治政府建设工作情况的报告",
            f"{author.name}{year}年度法治政府建设情况报告",
        )
    )
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    date = _cn_date(year + 1, month, day) if rng.random() < 0.3 else f"{year + 1}年{month}月{day}日"
    fmt_roll = rng.random()
    fmt = "html" if fmt_roll < HTML_SHARE else "txt"
    encoding = "gbk" if HTML_SHARE <= fmt_roll < HTML_SHARE + GBK_SHARE else "utf-8"
    show_title = rng.random()
    if fmt == "html":
        text = _html(
            title, [*lines, author.name, date], author, f"{year + 1}-{month:02d}-{day:02d}", rng
        )
    else:
        head = []
        if show_title < 0.08:  # a scraped page: breadcrumbs and title on one line
            head = [f"网站首页 > 政务公开 > 法治政府建设 {title}"]
        elif show_title < 0.85:
            head = [title]
        text = "\n".join(head + lines + ["", author.name, date]) + "\n"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a rare character of a place name outside GBK
        encoding = "gb18030"
        data = text.encode(encoding)
    name = f"r{index:05d}.{fmt}"
    div = author.division
    truth: dict[str, object] = {
        "file": name,
        "encoding": encoding,
        "format": fmt,
        "author": {
            "name": author.name,
            "code": div.code,
            "level": div.level,
            "division": div.name,
            "department": author.department,
            "government": (div.name + "人民政府") if author.department else None,
            "certain": rep.certain,
        },
        "year": year,
        "cited": sorted(set(rep.cited)),
        "local_documents": sorted(set(rep.local)),
        "initiatives": sorted(set(rep.initiatives)),
        "slogans": sorted(set(rep.slogans)),
        # An institution of a town the text does not place is as uncertain as its town.
        "institutions": [{**i, "certain": rep.certain} for i in rep.institutions],
        "indicators": rep.indicators,
    }
    return name, data, truth


def make_corpus(folder: Path, docs: int, seed: int = 7) -> Summary:
    """Write ``docs`` reports and ``truth.jsonl`` into ``folder``; what was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    src = load_sources()
    rng = Random(seed)
    summary = Summary(truth=folder / TRUTH)
    with (folder / TRUTH).open("w", encoding="utf-8") as out:
        for i in range(docs):
            name, data, truth = make_report(rng, src, i)
            (folder / name).write_bytes(data)
            out.write(json.dumps(truth, ensure_ascii=False, sort_keys=True) + "\n")
            summary.files += 1
            summary.bytes += len(data)
            summary.gbk += truth["encoding"] != "utf-8"
            summary.html += truth["format"] == "html"
            author = truth["author"]
            assert isinstance(author, dict)
            summary.departments += author["department"] is not None
            summary.levels[str(author["level"])] += 1
    return summary


def read_truth(folder: Path) -> dict[str, dict]:
    """``truth.jsonl`` of a generated corpus, by file name."""
    truth = {}
    with (Path(folder) / TRUTH).open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            truth[row["file"]] = row
    return truth


def append_sentence(path: Path, sentence: str, encoding: str) -> None:
    """Add ``sentence`` to a generated report in its own encoding (HTML: before ``</body>``)."""
    text = path.read_bytes().decode(encoding)
    if path.suffix == ".html" and "</body>" in text:
        at = text.rindex("</body>")
        text = text[:at] + f"<p>{sentence}</p>\n" + text[at:]
    else:
        text += sentence + "\n"
    path.write_bytes(text.encode(encoding))


def main(argv: list[str] | None = None) -> None:
    """Command line: ``make_corpus.py N OUT [--seed 7]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=int, help="number of reports")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    summary = make_corpus(args.out, args.docs, args.seed)
    json.dump(summary.as_dict(), sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()


# ---------------------------------------------------------------- scoring


def _same_title(title: str) -> str:
    """A title folded for comparing a build's labels with planted titles.

    Width, spaces, bracket shapes, dashes, title marks and quotes only: what
    any reader would call the same spelling, nothing the tool decides.
    """
    s = unicodedata.normalize("NFKC", title)
    s = re.sub(r"[\s《》〈〉<>“”\"]", "", s)
    s = s.replace("（", "(").replace("）", ")")
    return re.sub(r"[-—–－~]+", "-", s).removeprefix(PRC)


def score(out: Path, truth: dict[str, dict]) -> dict[str, float]:
    """Accuracy of a build in ``out`` against the planted ``truth``.

    - ``author_accuracy``: share of reports whose author is the planted one
      (a government by its division code; a department by its name and code);
    - ``regulation_recall``: planted catalogue titles found with their
      catalogue name as label, over all (report, title) pairs;
    - ``regulation_precision``: labels of regulation mentions, distinct per
      report, that are a planted title (catalogued or local);
    - ``initiative_recall``: planted initiatives found with their scheme label;
    - ``initiative_precision``: distinct initiative labels per report that were planted;
    - ``slogans_as_initiatives``: planted slogans (per report) that an
      initiative mention's surface holds: refused terms taken as programmes;
    - ``institution_recall``: planted institutions (per report) found with
      their full name as label and an IRI of their place (those of towns the
      text does not place left out).
    """
    from kg.vocab import government_iri

    report = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
    docs = {d["doc"]: d for d in report["documents"]}
    found: dict[tuple[str, str], set[str]] = {}
    surfaces: dict[str, list[str]] = {}
    places: dict[str, set[tuple[str, str]]] = {}
    with (Path(out) / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            found.setdefault((row["doc"], row["type"]), set()).add(row["label"])
            if row["type"] == "initiative":
                surfaces.setdefault(row["doc"], []).append(row["surface"])
            elif row["type"] == "institution":  # …/org/{place code}-{digest}
                place = row["entity"].rsplit("/", 1)[-1].split("-", 1)[0]
                places.setdefault(row["doc"], set()).add((row["label"], place))
    right = reg_hit = reg_all = reg_pred = reg_ok = 0
    ini_hit = ini_all = ini_pred = ini_ok = slog_taken = slog_all = inst_hit = inst_all = 0
    for name, t in truth.items():
        a, d = t["author"], docs.get(name, {})
        if a["department"]:
            right += a["code"] in (d.get("author_codes") or []) and d.get("author") == a["name"]
        else:
            right += d.get("author_iri") == government_iri(a["code"]) or (
                # A town its text does not place is also right left unplaced (README).
                not a["certain"] and not d.get("author_codes") and d.get("author") == a["name"]
            )
        labels = {_same_title(x) for x in found.get((name, "regulation"), ())}
        planted = {_same_title(x) for x in t["cited"]}
        reg_all += len(planted)
        reg_hit += len(planted & labels)
        reg_pred += len(labels)
        reg_ok += len(labels & (planted | {_same_title(x) for x in t["local_documents"]}))
        inis = found.get((name, "initiative"), set())
        ini_all += len(t["initiatives"])
        ini_hit += len(set(t["initiatives"]) & inis)
        ini_pred += len(inis)
        ini_ok += len(inis & set(t["initiatives"]))
        slog_all += len(t["slogans"])
        slog_taken += sum(any(s in x for x in surfaces.get(name, ())) for s in t["slogans"])
        planted_inst = {(i["name"], i["place"]) for i in t["institutions"] if i["certain"]}
        inst_all += len(planted_inst)
        inst_hit += len(planted_inst & places.get(name, set()))

    def share(a: int, b: int) -> float:
        return a / b if b else 0.0

    return {
        "author_accuracy": share(right, len(truth)),
        "regulation_recall": share(reg_hit, reg_all),
        "regulation_precision": share(reg_ok, reg_pred),
        "initiative_recall": share(ini_hit, ini_all),
        "initiative_precision": share(ini_ok, ini_pred),
        "slogans_as_initiatives": share(slog_taken, slog_all),
        "institution_recall": share(inst_hit, inst_all),
    }
