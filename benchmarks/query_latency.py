"""Latency of the cited-across query on a synthetic graph of a million quads.

Generates, with a fixed seed, a dataset shaped like a build's output: places,
governments (people's government and party committee of each place) and cited
documents in the shared reference graphs, and one named graph per report with
the report node, its citations (one per cited document, with the mentions,
their spans and the sentences they come from) and mentions of governments,
initiatives and indicators. Citations follow a Zipf-like law over the cited documents, so a
few national laws are cited by most places and most local documents by one.

The project's own ``kg/queries/cited-across.rq`` (``?min`` = 2) is then run on
an in-memory Oxigraph store, an on-disk one (bulk loaded, reopened read-only,
as ``kg build``/``kg query`` do) and an rdflib ``Dataset`` whose default graph
is the union, and the engines' answers are compared. Then the tallies that
``kg build`` counts when it stores a build (``kg.store.tallies``) are counted
from the same data, added to it, and ``cited-across-tallies.rq`` (what
``kg cited-across`` runs without filters) is timed on the three engines the
same way; its answer must equal the counting query's. Each engine loads and
runs in a child process of its own, stopped if its runs take more than
``--limit`` seconds. Prints figures and writes them to
``benchmarks/results/query_latency.json``; asserts nothing and is not part of
the test suite.

    python benchmarks/query_latency.py [--quads 1000000] [--seed 7] [--skip-rdflib]
                                       [--limit 600] [--query FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph
import rdflib
from pyoxigraph import QuerySolutions, RdfFormat, Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph.reference import REFERENCE_GRAPHS  # noqa: E402
from kg.query import named_queries  # noqa: E402
from kg.store.oxigraph import create_store, open_store, run_query  # noqa: E402
from kg.store.parameters import projecting  # noqa: E402
from kg.store.tallies import citation_tallies  # noqa: E402
from kg.vocab import DIV, DOC, GOV, IND, INI, KG, KIND, LAW, LT, LVL, PREFIXES  # noqa: E402

QUERY_FILE = ROOT / "kg" / "queries" / "cited-across.rq"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "query_latency.json"
MIN_PLACES = 2
OXIGRAPH_RUNS = 5  # timed runs after one warm-up
RDFLIB_RUNS = 3  # at most; no warm-up
LIMIT_S = 600.0  # time budget of each engine's runs (warm-up included); then it is stopped
TARGET_DISK_S = 0.3  # the on-disk store should answer within this
TARGET_RATIO = 10.0  # and be at least this many times faster than rdflib

# --- terms in N-Quads syntax -------------------------------------------------------------

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def n(curie: str) -> str:
    """``prefix:local`` (a prefix of ``kg.vocab.PREFIXES``) as an N-Quads IRI."""
    prefix, local = curie.split(":", 1)
    return f"<{PREFIXES[prefix]}{local}>"


def iri(value: str) -> str:
    """A full IRI in N-Quads syntax."""
    return f"<{value}>"


def zh(text: str) -> str:
    """A Chinese literal (the generated texts hold no quote, backslash or newline)."""
    return f'"{text}"@zh'


def plain(text: str) -> str:
    """A plain string literal."""
    return f'"{text}"'


def typed(value: object, datatype: str) -> str:
    """A typed literal; ``datatype`` is a local name in the XSD namespace."""
    return f'"{value}"^^<{XSD}{datatype}>'


A = iri(RDF + "type")
TRUE = typed("true", "boolean")

# Hanzi to make names and sentences from (content is irrelevant, length is not).
HANZI = (
    "法治政府建设依法行政执法监督管理服务改革推进工作制度规范公开透明决策程序审查备案"
    "复议诉讼调解矛盾纠纷化解基层社会治理安全生产环境保护市场主体营商优化权力清单责任"
    "考核评估培训学习宣传教育普法守法信用体系数字平台网络信息数据共享证明事项告知承诺"
    "综合行政许可审批处罚强制检查合法性规章文件清理人员队伍能力水平提升完善落实加强深化"
)
PLACE_HANZI = "安平宁远丰和兴华阳山江河东西南北中新长永清泰福康乐昌盛德源林川台云青白金石"
REGULATION_SUFFIXES = (
    ("法", "法律"),
    ("条例", "行政法规"),
    ("条例", "地方性法规"),
    ("规定", "地方政府规章"),
    ("办法", "规范性文件"),
    ("实施意见", "规范性文件"),
    ("工作要点", "工作要点计划"),
    ("规划纲要", "规划纲要"),
    ("条例", "党内法规"),
)
MENTION_KINDS = ("government", "initiative", "indicator")


# --- the synthetic dataset ---------------------------------------------------------------


@dataclass
class Place:
    """A place of the synthetic gazetteer and its two organs."""

    code: str
    name: str
    level: str
    parent: Place | None = None

    @property
    def iri(self) -> str:
        """The place."""
        return iri(DIV + self.code)

    @property
    def government(self) -> str:
        """Its people's government."""
        return iri(GOV + self.code)

    @property
    def party(self) -> str:
        """Its party committee."""
        return iri(GOV + self.code + "-party")


@dataclass
class Figures:
    """What was generated."""

    quads: int = 0
    triples: int = 0
    places: int = 0
    counties: int = 0
    governments: int = 0
    regulations: int = 0
    reports: int = 0
    citations: int = 0
    mentions: int = 0
    sentences: int = 0
    report_places: int = 0
    seconds: float = 0.0


@dataclass
class Generator:
    """Writes the synthetic dataset as N-Quads lines, with a fixed random seed."""

    seed: int
    lines: list[str] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def add(self, s: str, p: str, o: str, g: str) -> None:
        """One quad."""
        self.lines.append(f"{s} {p} {o} {g} .\n")

    def hanzi(self, length: int, alphabet: str = HANZI) -> str:
        """A random run of characters."""
        return "".join(self.rng.choices(alphabet, k=length))

    # reference graphs

    def places(
        self, provinces: int = 31, prefectures: int = 10, counties: int = 9
    ) -> tuple[list[Place], list[Place]]:
        """Provinces, their prefectures and counties (2,790 counties by default)."""
        graph = iri(REFERENCE_GRAPHS[DIV])
        seen: set[str] = set()
        every: list[Place] = []
        county_list: list[Place] = []

        def name(suffix: str) -> str:
            while True:
                text = self.hanzi(self.rng.choice((2, 2, 2, 3)), PLACE_HANZI) + suffix
                if text not in seen:
                    seen.add(text)
                    return text

        for i in range(provinces):
            province = Place(f"{11 + i:02d}0000", name("省"), "province")
            every.append(province)
            for j in range(prefectures):
                prefecture = Place(
                    f"{province.code[:2]}{j + 1:02d}00", name("市"), "prefecture", province
                )
                every.append(prefecture)
                for k in range(counties):
                    county = Place(
                        f"{prefecture.code[:4]}{k + 21:02d}", name("县"), "county", prefecture
                    )
                    every.append(county)
                    county_list.append(county)
        for place in every:
            self.add(place.iri, n("dcterms:type"), iri(LVL + place.level), graph)
            self.add(place.iri, A, n("schema:AdministrativeArea"), graph)
            self.add(place.iri, n("skos:notation"), f'"{place.code}"^^<{KG}gbt2260>', graph)
            self.add(place.iri, n("schema:name"), zh(place.name), graph)
            if place.parent:
                self.add(place.iri, n("schema:containedInPlace"), place.parent.iri, graph)
        self.figures.places = len(every)
        self.figures.counties = len(county_list)
        return every, county_list

    def governments(self, places: list[Place]) -> None:
        """The people's government and party committee of every place."""
        graph = iri(REFERENCE_GRAPHS[GOV])
        for place in places:
            for organ, label, kind in (
                (place.government, place.name + "人民政府", "government"),
                (place.party, "中共" + place.name + "委员会", "party"),
            ):
                for cls in ("org:FormalOrganization", "schema:GovernmentOrganization"):
                    self.add(organ, A, n(cls), graph)
                self.add(organ, A, n("kg:Government"), graph)
                self.add(organ, n("skos:prefLabel"), zh(label), graph)
                self.add(organ, n("org:classification"), iri(LVL + place.level), graph)
                self.add(organ, n("schema:areaServed"), place.iri, graph)
                self.add(organ, n("kg:organKind"), n("kg:" + kind), graph)
                if kind == "party":
                    self.add(organ, n("kg:organOf"), place.government, graph)
                if place.parent:
                    parent = place.parent.party if kind == "party" else place.parent.government
                    self.add(organ, n("org:subOrganizationOf"), parent, graph)
        self.figures.governments = 2 * len(places)

    def regulations(self, count: int, counties: list[Place]) -> list[tuple[str, str]]:
        """``count`` cited documents; returns (IRI, quoted title), most cited first."""
        graph = iri(REFERENCE_GRAPHS[LAW])
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        while len(out) < count:
            suffix, kind = self.rng.choice(REGULATION_SUFFIXES)
            local = kind in ("规范性文件", "工作要点计划") and self.rng.random() < 0.6
            owner = self.rng.choice(counties) if local else None
            title = (owner.name if owner else "") + self.hanzi(self.rng.randint(4, 12)) + suffix
            if title in seen:
                continue
            seen.add(title)
            law = iri(LAW + f"{self.rng.getrandbits(64):016x}")
            doctype = iri(LT + ("normative-document" if local else "regulation"))
            self.add(law, A, n("eli:LegalResource"), graph)
            self.add(law, A, n("schema:Legislation"), graph)
            self.add(law, n("eli:type_document"), doctype, graph)
            self.add(law, n("schema:legislationType"), doctype, graph)
            self.add(law, n("schema:name"), zh(title), graph)
            self.add(law, n("kg:canonicalKey"), plain(title), graph)
            if self.rng.random() < 0.98:  # a few have no kind: the OPTIONAL has work
                self.add(law, n("kg:kind"), zh(kind), graph)
            if owner:
                self.add(law, n("eli:passed_by"), owner.government, graph)
                self.add(law, n("schema:legislationJurisdiction"), owner.iri, graph)
            out.append((law, f"《{title}》"))
        self.figures.regulations = count
        return out

    def concepts(self, namespace: str, count: int, scheme: str) -> list[str]:
        """``count`` initiative or indicator concepts in their reference graph."""
        graph = iri(REFERENCE_GRAPHS[namespace])
        out = []
        for _ in range(count):
            concept = iri(namespace + f"{self.rng.getrandbits(48):012x}")
            self.add(concept, A, n("skos:Concept"), graph)
            self.add(concept, n("skos:prefLabel"), zh(self.hanzi(self.rng.randint(4, 8))), graph)
            self.add(concept, n("skos:inScheme"), n("kg:" + scheme), graph)
            out.append(concept)
        return out

    # report graphs

    def mention(
        self, doc: str, kind: str, start: int, exact: str, body: str, sentence: str
    ) -> tuple[str, str]:
        """A mention and its span (a fragment of the text) in the graph; (mention, span)."""
        graph = iri(doc)
        base = f"{doc}/{kind}/{start}-{start + len(exact)}"
        mention = iri(base)
        target = iri(f"{doc}/text#char={start},{start + len(exact)}")
        self.add(mention, A, n("kg:Mention"), graph)
        self.add(mention, n("oa:hasBody"), body, graph)
        self.add(mention, n("oa:hasTarget"), target, graph)
        self.add(mention, n("kg:inDocument"), graph, graph)
        self.add(mention, n("kg:mentionType"), plain(kind), graph)
        self.add(mention, n("kg:surface"), plain(exact), graph)
        self.add(mention, n("kg:quoted"), TRUE, graph)
        self.add(target, n("dcterms:isPartOf"), sentence, graph)
        self.figures.mentions += 1
        return mention, target

    def report(
        self,
        counties: list[Place],
        prefectures: list[Place],
        regulations: list[tuple[str, str]],
        cum_weights: list[float],
        concepts: dict[str, list[str]],
    ) -> Place:
        """One report graph: ~30 citations, ~10 other mentions, their sentences, the report."""
        rng = self.rng
        doc = DOC + f"{rng.getrandbits(64):016x}"
        graph = iri(doc)
        place = rng.choice(counties) if rng.random() < 0.9 else rng.choice(prefectures)
        creators = [place.government] + ([place.party] if rng.random() < 0.2 else [])
        year = rng.randint(2019, 2024)
        gyear = typed(year, "gYear")
        cited = rng.choices(regulations, cum_weights=cum_weights, k=rng.randint(22, 38))
        others: list[tuple[str, str, str]] = []
        for _ in range(rng.randint(6, 14)):
            kind = rng.choice(MENTION_KINDS)
            if kind == "government":
                organ = rng.choice((place, place.parent or place))
                others.append((kind, organ.government, organ.name + "人民政府"))
            else:
                others.append((kind, rng.choice(concepts[kind]), self.hanzi(rng.randint(3, 6))))
        items = [("regulation", law, title) for law, title in cited] + others
        rng.shuffle(items)
        cursor = rng.randint(40, 200)
        laws: dict[str, list[str]] = {}
        bodies: set[str] = set()
        # Sentences of one to five mentions each, in reading order.
        i = 0
        while i < len(items):
            chunk = items[i : i + rng.randint(1, 5)]
            i += len(chunk)
            s_start = cursor
            text = self.hanzi(rng.randint(4, 20))
            spans: list[tuple[str, str, str, int]] = []
            for kind, body, exact in chunk:
                spans.append((kind, body, exact, s_start + len(text)))
                text += exact + self.hanzi(rng.randint(2, 30))
            text += "。"
            sentence = iri(f"{doc}/text#char={s_start},{s_start + len(text)}")
            self.add(sentence, n("prov:value"), zh(text), graph)
            self.figures.sentences += 1
            for kind, body, exact, start in spans:
                mention, _ = self.mention(doc, kind, start, exact, body, sentence)
                if kind != "regulation":
                    bodies.add(body)
                    continue
                laws.setdefault(body, []).append(mention)
                self.figures.citations += 1
            cursor = s_start + len(text) + rng.randint(0, 40)
        title = zh(f"{place.name}人民政府关于{year}年度法治政府建设情况的报告")
        for creator in creators:
            self.add(graph, n("dcterms:creator"), creator, graph)
        for cls in ("prov:Entity", "schema:Report", "kg:Report"):
            self.add(graph, A, n(cls), graph)
        self.add(graph, n("dcterms:language"), plain("zh"), graph)
        self.add(graph, n("dcterms:temporal"), gyear, graph)
        self.add(graph, n("dcterms:title"), title, graph)
        self.add(graph, n("rdfs:label"), title, graph)
        self.add(graph, n("dcterms:type"), iri(KIND + "report"), graph)
        self.add(graph, n("kg:authorConfidence"), typed("0.99", "decimal"), graph)
        self.add(graph, n("kg:authorEvidence"), plain("title"), graph)
        if place.parent:
            self.add(graph, n("kg:reportedTo"), place.parent.government, graph)
        self.add(graph, n("kg:sha1"), plain(doc[-16:] + f"{rng.getrandbits(96):024x}"), graph)
        self.add(graph, n("kg:sourceFile"), plain(f"{self.figures.reports:05d}.txt"), graph)
        for law, evidence in sorted(laws.items()):
            self.add(graph, n("cito:cites"), law, graph)
            # One cito:Citation per (report, cited document), as kg.graph.document makes.
            citation = iri(f"{doc}/cites/{hashlib.sha1(law[1:-1].encode()).hexdigest()[:16]}")
            self.add(citation, A, n("cito:Citation"), graph)
            self.add(citation, n("cito:hasCitingEntity"), graph, graph)
            self.add(citation, n("cito:hasCitedEntity"), law, graph)
            self.add(
                citation, n("cito:hasCitationCharacterization"), n("cito:citesAsAuthority"), graph
            )
            self.add(citation, n("kg:citationCount"), typed(len(evidence), "integer"), graph)
            for mention in evidence:
                self.add(citation, n("kg:mention"), mention, graph)
            self.add(citation, n("dcterms:date"), gyear, graph)
            self.add(citation, n("prov:wasAttributedTo"), creators[0], graph)
            self.add(citation, n("kg:citingPlace"), place.iri, graph)
        for body in sorted(bodies):
            self.add(graph, n("schema:mentions"), body, graph)
        self.figures.reports += 1
        return place

    def generate(self, quads: int, regulations: int = 3000, zipf: float = 1.0) -> bytes:
        """Reference graphs, then reports until at least ``quads`` quads; N-Quads bytes."""
        start = time.perf_counter()
        every, counties = self.places()
        prefectures = [p for p in every if p.level == "prefecture"]
        self.governments(every)
        laws = self.regulations(regulations, counties)
        concepts = {
            "initiative": self.concepts(INI, 150, "InitiativeScheme"),
            "indicator": self.concepts(IND, 400, "IndicatorScheme"),
        }
        # Zipf-like citation law: the document of rank r is cited in proportion to 1/r^s.
        cum: list[float] = []
        total = 0.0
        for rank in range(1, len(laws) + 1):
            total += 1.0 / rank**zipf
            cum.append(total)
        report_places: set[str] = set()
        while len(self.lines) < quads:
            place = self.report(counties, prefectures, laws, cum, concepts)
            report_places.add(place.code)
        self.figures.report_places = len(report_places)
        self.figures.quads = len(self.lines)
        self.figures.triples = len({line.rsplit(" ", 2)[0] for line in self.lines})
        data = "".join(self.lines).encode("utf-8")
        self.lines = []
        self.figures.seconds = time.perf_counter() - start
        return data


# --- engines -----------------------------------------------------------------------------

Pair = tuple[str, int]
Ask = Callable[[], list[Pair]]
ENGINES = {
    "memory": "oxigraph in-memory",
    "disk": "oxigraph on-disk (ro)",
    "rdflib": "rdflib Dataset",
}


@dataclass
class EngineResult:
    """Load and query figures of one engine."""

    engine: str
    load_s: float | None = None
    warmup_s: float | None = None
    runs_s: list[float] = field(default_factory=list)
    rows: int | None = None
    best_s: float | None = None
    median_s: float | None = None
    worst_s: float | None = None
    unfinished: bool = False  # stopped at the time limit in the middle of a run
    peak_rss_mb: float | None = None
    note: str = ""
    pairs: list[Pair] = field(default_factory=list, repr=False)

    def summarise(self) -> None:
        """Rows, best, median and worst of the timed runs (the warm-up if none was timed).

        A run stopped at the time limit leaves median and worst unknown (the best
        of the finished runs stays): the engine cannot be said to answer in time.
        """
        runs = self.runs_s or ([self.warmup_s] if self.warmup_s is not None else [])
        if runs:
            self.rows = len(self.pairs)
            self.best_s = min(runs)
            if not self.unfinished:
                self.median_s = statistics.median(runs)
                self.worst_s = max(runs)
        if self.warmup_s is not None and not self.runs_s and not self.note:
            self.note = "warm-up only: no timed run fitted in the time limit"


def oxigraph_pairs(store: Store, sparql: str) -> list[Pair]:
    """Run the query the project's way and return its (regulation, places) pairs, in order."""
    answer = run_query(store, sparql, {"min": MIN_PLACES})
    assert isinstance(answer, QuerySolutions)
    return [(row["regulation"].value, int(row["places"].value)) for row in answer]


def rdflib_pairs(dataset: rdflib.Dataset, sparql: str) -> list[Pair]:
    """The same query on rdflib, ``?min`` bound with initBindings, prefixes with initNs.

    The text is the one ``run_query`` hands to Oxigraph: ``?min`` added to the
    projection and grouping when the query file does not project it.
    """
    text, _ = projecting(sparql, ["min"])
    answer = dataset.query(text, initNs=PREFIXES, initBindings={"min": rdflib.Literal(MIN_PLACES)})
    return [(str(row["regulation"]), int(row["places"])) for row in answer]  # type: ignore[index]


def load_engine(kind: str, data: bytes, sparql: str, workdir: Path) -> Ask:
    """Load ``data`` into the engine ``kind``; returns a function that runs the query."""
    if kind == "memory":
        store = Store()
        store.bulk_load(data, format=RdfFormat.N_QUADS)
        return lambda: oxigraph_pairs(store, sparql)
    if kind == "disk":
        create_store(workdir / "store", data)  # bulk load, flush, optimize, close
        disk = open_store(workdir)  # read-only, as `kg query` opens a build
        return lambda: oxigraph_pairs(disk, sparql)
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    return lambda: rdflib_pairs(dataset, sparql)


def measure(
    result: EngineResult,
    ask: Ask,
    warmup: bool,
    runs: int,
    limit: float,
    send: Callable[[str, EngineResult], None],
) -> None:
    """A warm-up if asked, then up to ``runs`` timed runs while they fit in ``limit`` seconds."""
    name = result.engine
    spent = 0.0
    if warmup:
        start = time.perf_counter()
        result.pairs = ask()
        result.warmup_s = spent = time.perf_counter() - start
        log(f"  {name}: warm-up {result.warmup_s:.3f} s, {len(result.pairs)} rows")
        send("run", result)
    for _ in range(runs):
        last = result.runs_s[-1] if result.runs_s else result.warmup_s
        if last is not None and spent + last > limit:
            result.note = f"{len(result.runs_s)} of {runs} runs fitted in {limit:.0f} s"
            break
        start = time.perf_counter()
        pairs = ask()
        seconds = time.perf_counter() - start
        spent += seconds
        if result.pairs and pairs != result.pairs:
            result.note = "ANSWER CHANGED between runs"
        result.pairs = pairs
        result.runs_s.append(seconds)
        log(f"  {name}: run {len(result.runs_s)} {seconds:.3f} s, {len(pairs)} rows")
        send("run", result)


def engine_child(
    kind: str, data: bytes, sparql: str, limit: float, workdir: Path, conn: Connection
) -> None:
    """In a child process: load, time, and report each step to the parent through ``conn``."""

    def send(stage: str, result: EngineResult) -> None:
        result.peak_rss_mb = round(peak_rss_mb())
        conn.send((stage, result))

    result = EngineResult(ENGINES[kind])
    start = time.perf_counter()
    ask = load_engine(kind, data, sparql, workdir)
    result.load_s = time.perf_counter() - start
    log(f"{result.engine}: loaded in {result.load_s:.2f} s")
    send("loaded", result)
    if kind == "rdflib":
        measure(result, ask, warmup=False, runs=RDFLIB_RUNS, limit=limit, send=send)
    else:
        measure(result, ask, warmup=True, runs=OXIGRAPH_RUNS, limit=limit, send=send)
    send("done", result)
    conn.close()


def run_engine(kind: str, data: bytes, sparql: str, limit: float) -> EngineResult:
    """Load and time one engine in a forked child, killed if its runs exceed ``limit`` seconds.

    A child keeps engines apart (memory, caches, peak RSS each its own) and can be
    stopped inside a long native call, which a signal in this process could not do.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    result = EngineResult(ENGINES[kind])
    log(f"{result.engine}: loading …")
    with tempfile.TemporaryDirectory(prefix="kg-latency-") as tmp:
        child = context.Process(
            target=engine_child, args=(kind, data, sparql, limit, Path(tmp), send)
        )
        child.start()
        send.close()
        deadline: float | None = None
        try:
            while True:
                wait = 1.0 if deadline is None else deadline - time.perf_counter()
                if wait <= 0:
                    result.unfinished = True
                    done = len(result.runs_s) + (result.warmup_s is not None)
                    result.note = (
                        f"gave up: query {done + 1} (warm-up included) unfinished"
                        f" at the {limit:.0f} s limit"
                        if done
                        else f"gave up: no answer within the {limit:.0f} s limit"
                    )
                    log(f"{result.engine}: {result.note}")
                    break
                if receive.poll(wait):
                    try:
                        stage, result = receive.recv()
                    except EOFError:
                        result.note = f"the engine failed (exit code {child.exitcode})"
                        break
                    if stage == "loaded":
                        deadline = time.perf_counter() + limit + 5.0
                    if stage == "done":
                        break
                elif not child.is_alive():
                    result.note = f"the engine failed (exit code {child.exitcode})"
                    break
        finally:
            if child.is_alive():
                child.kill()
            child.join()
    result.summarise()
    return result


# --- reporting ---------------------------------------------------------------------------

START = time.perf_counter()


def log(message: str) -> None:
    """A progress line with the time since the start."""
    print(f"[{time.perf_counter() - START:7.1f} s] {message}", flush=True)


def fmt(value: float | None, digits: int = 3) -> str:
    """A number of seconds, or a dash."""
    return "—" if value is None else f"{value:.{digits}f}"


def table(results: list[EngineResult], limit: float) -> str:
    """The figures as a fixed-width table; ratio = rdflib median / engine median."""
    slow = next((r for r in results if r.engine == ENGINES["rdflib"]), None)
    head = (
        f"{'engine':<22} {'load s':>7} {'rows':>6} {'best s':>8} {'median s':>9} "
        f"{'worst s':>8} {'rdflib/engine':>14}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        ratio = "—"
        if slow and r is not slow and r.median_s:
            if slow.median_s:
                ratio = f"{slow.median_s / r.median_s:.1f}x"
            elif slow.unfinished:
                ratio = f"> {limit / r.median_s:.0f}x"
        rows = "—" if r.rows is None else str(r.rows)
        load = "—" if r.load_s is None else f"{r.load_s:.1f}"
        worst = f"> {limit:.0f}" if r.unfinished else fmt(r.worst_s)
        lines.append(
            f"{r.engine:<22} {load:>7} {rows:>6} {fmt(r.best_s):>8} {fmt(r.median_s):>9} "
            f"{worst:>8} {ratio:>14}" + (f"  ({r.note})" if r.note else "")
        )
    return "\n".join(lines)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def shown(path: Path) -> str:
    """A path relative to the project when it is inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def ratio_against(slow: EngineResult | None, fast: EngineResult, limit: float) -> float | None:
    """rdflib median / ``fast`` median; a lower bound (limit / median) when rdflib gave up."""
    if slow is None or not fast.median_s:
        return None
    if slow.median_s:
        return slow.median_s / fast.median_s
    return limit / fast.median_s if slow.unfinished else None


def tally_nquads(data: bytes) -> bytes:
    """The tallies ``kg build`` adds to a stored build, counted from ``data`` (N-Quads)."""
    store = Store()
    store.bulk_load(data, format=RdfFormat.N_QUADS)
    return pyoxigraph.serialize(citation_tallies(store), format=RdfFormat.N_QUADS) or b""


def scenario(
    name: str, data: bytes, sparql: str, kinds: list[str], limit: float, quads: int
) -> dict[str, object]:
    """Load ``data`` in each engine, time ``sparql``, print the table and the targets."""
    print(f"\n== {name}: {shown_query(sparql)}", flush=True)
    results = [run_engine(kind, data, sparql, limit) for kind in kinds]
    in_memory, on_disk = results[0], results[1]
    slow = results[2] if len(results) > 2 else None
    answered = [r for r in results if r.rows is not None]
    reference = sorted(answered[0].pairs) if answered else []
    same = bool(answered) and all(sorted(r.pairs) == reference for r in answered)
    top = max((places for _, places in reference), default=0)
    print()
    print(f"cited-across (?min = {MIN_PLACES}) on {quads:,} quads, {name}")
    print(table(results, limit))
    print()
    print(
        f"answers      {'identical' if same else 'DIFFER'} (row count and (regulation, places)"
        f" pairs) across {', '.join(r.engine for r in answered) or 'no engine'}:"
        f" {len(reference)} rows, the most cited document cited by {top} places"
    )
    disk_ok = on_disk.median_s is not None and on_disk.median_s < TARGET_DISK_S
    print(
        f"target       on-disk store < {TARGET_DISK_S} s: {'yes' if disk_ok else 'NO'} "
        + (
            f"(a run did not finish within {limit:.0f} s)"
            if on_disk.unfinished
            else f"(median {fmt(on_disk.median_s)} s, worst {fmt(on_disk.worst_s)} s)"
        )
    )
    ratio = ratio_against(slow, on_disk, limit)
    ratio_ok = None if ratio is None else ratio >= TARGET_RATIO
    if ratio is None and slow is not None and on_disk.unfinished:
        ratio_ok = False
        print(
            f"target       store ≥ {TARGET_RATIO:.0f}x faster than rdflib: NO "
            f"(the on-disk store did not finish a run within {limit:.0f} s)"
        )
    elif ratio is None:
        print(f"target       store ≥ {TARGET_RATIO:.0f}x faster than rdflib: not measured")
    else:
        bound = "≥ " if slow and slow.unfinished else ""
        print(
            f"target       store ≥ {TARGET_RATIO:.0f}x faster than rdflib: "
            f"{'yes' if ratio_ok else 'NO'} ({bound}{ratio:.1f}x, on-disk vs rdflib medians)"
        )
    return {
        "name": name,
        "query": {
            "sha1": hashlib.sha1(sparql.encode("utf-8")).hexdigest(),
            "text": sparql,
            "bindings": {"min": MIN_PLACES},
        },
        "engines": [{k: v for k, v in asdict(r).items() if k != "pairs"} for r in results],
        "answers_identical": same,
        "rows": len(reference),
        "pairs_sha1": hashlib.sha1(repr(reference).encode("utf-8")).hexdigest(),
        "rdflib_over_on_disk": ratio,
        "rdflib_over_in_memory": ratio_against(slow, in_memory, limit),
        "targets": {
            "on_disk_under_s": TARGET_DISK_S,
            "on_disk_met": disk_ok,
            "rdflib_over_on_disk_at_least": TARGET_RATIO,
            "ratio_met": ratio_ok,
        },
    }


def shown_query(sparql: str) -> str:
    """The query's first comment line (its question), shortened."""
    first = sparql.splitlines()[0] if sparql else ""
    return first.removeprefix("#").strip()[:100]


def main() -> None:
    """Generate, load, query, compare, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000, help="at least this many quads")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--skip-rdflib", action="store_true", help="time the Oxigraph stores only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file of the figures")
    parser.add_argument(
        "--query", type=Path, default=QUERY_FILE, help="query file (default: the project's)"
    )
    parser.add_argument(
        "--limit",
        type=float,
        default=LIMIT_S,
        help=f"seconds each engine may spend on its runs, then it is stopped ({LIMIT_S:.0f})",
    )
    args = parser.parse_args()
    sparql = args.query.read_text(encoding="utf-8")
    if args.query.resolve() == QUERY_FILE.resolve():
        sparql = named_queries()["cited-across"].render()  # no optional filter asked for
    query_sha1 = hashlib.sha1(sparql.encode("utf-8")).hexdigest()
    load_before = os.getloadavg()

    log(f"generate ≥ {args.quads:,} quads (seed {args.seed}) …")
    generator = Generator(args.seed)
    data = generator.generate(args.quads)
    figures = generator.figures
    log(f"generated in {figures.seconds:.1f} s")
    print(
        f"dataset      {figures.quads:,} quads, {figures.triples:,} distinct triples, "
        f"{len(data) / 1e6:.0f} MB of N-Quads\n"
        f"             {figures.reports:,} reports from {figures.report_places:,} places, "
        f"{figures.citations:,} citations, {figures.mentions:,} mentions, "
        f"{figures.sentences:,} sentences\n"
        f"             {figures.places:,} places ({figures.counties:,} counties), "
        f"{figures.governments:,} governments, {figures.regulations:,} cited documents\n"
        f"query        {shown(args.query)} (sha1 {query_sha1[:12]}),"
        f" ?min = {MIN_PLACES}",
        flush=True,
    )

    kinds = ["memory", "disk"] + ([] if args.skip_rdflib else ["rdflib"])
    counting = scenario("counting", data, sparql, kinds, args.limit, figures.quads)
    scenarios = [counting]
    if args.query.resolve() == QUERY_FILE.resolve():
        # What `kg cited-across` does on a build: read the tallies counted when it was stored.
        log("count the tallies as `kg build` does when it stores the build …")
        started = time.perf_counter()
        tallies = tally_nquads(data)
        tally_s = time.perf_counter() - started
        tally_quads = tallies.count(b"\n")
        log(f"tallies: {tally_quads:,} quads counted in {tally_s:.2f} s")
        named = named_queries()["cited-across-tallies"].render()
        read = scenario("tallies", data + tallies, named, kinds, args.limit, figures.quads)
        read["tally_quads"] = tally_quads
        read["tally_seconds"] = round(tally_s, 3)
        read["same_answer_as_counting"] = read["pairs_sha1"] == counting["pairs_sha1"]
        print(
            f"tallies      counted once at build time in {tally_s:.2f} s "
            f"({read['tally_quads']:,} quads); answer "
            f"{'identical to' if read['same_answer_as_counting'] else 'DIFFERENT from'}"
            " the counting query's"
        )
        scenarios.append(read)
    total = time.perf_counter() - START
    load_after = os.getloadavg()
    print(
        f"run          {total:.0f} s in all; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after, on {os.cpu_count()} CPUs"
    )

    report = {
        "benchmark": "cited-across query latency",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "query": {
            "file": shown(args.query),
            "sha1": query_sha1,
            "text": sparql,
            "bindings": {"min": MIN_PLACES},
        },
        "dataset": asdict(figures) | {"seed": args.seed, "requested_quads": args.quads},
        "limit_s": args.limit,
        "scenarios": scenarios,
        "run_seconds": round(total, 1),
        "machine": {
            "cpu_count": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": load_after,
            "platform": platform.platform(),
            "machine": platform.machine(),
            "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__,
            "rdflib": rdflib.__version__,
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written      {args.out}")


if __name__ == "__main__":
    main()
