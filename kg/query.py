"""Questions asked of a finished build: named queries, cited-across, stats.

Every function takes the build folder (``out``) and returns plain rows, so a
notebook can call them the way the CLI does.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    serialize,
)

from kg.export.spreadsheet import safe_cell
from kg.store import open_store, run_query, store_totals
from kg.store.oxigraph import read_current
from kg.store.parameters import projecting, query_form
from kg.vocab import PREFIXES

Term = NamedNode | Literal | BlankNode | None


@dataclass(frozen=True)
class Results:
    """A SELECT result: variable names and rows of RDF terms (None = unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term, ...], ...]
    truncated: bool = False  # more rows existed than ``max_rows``

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dictionaries of plain strings."""
        return [
            {v: (None if t is None else t.value) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]


class QueryTimeout(RuntimeError):
    """A query that ran longer than its time limit (it was stopped)."""


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kg/queries``: its name, the question it answers, its text.

    The first comment line is the question; the variables it names are the
    required parameters. Lines between ``#if NAME`` and ``#end`` are a filter
    on the optional parameter NAME, kept only when it is given (``render``): a
    filter that is not asked for costs nothing, and no value is ever pasted in.
    """

    name: str
    question: str
    text: str
    parameters: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def render(self, given: Iterable[str] = ()) -> str:
        """The query text with the filters of the ``given`` optional parameters only."""
        keep = set(given)
        out: list[str] = []
        block: str | None = None
        for line in self.text.splitlines():
            stripped = line.strip()
            if stripped.startswith("#if "):
                block = stripped[4:].strip()
            elif stripped == "#end":
                block = None
            elif block is None or block in keep:
                out.append(line)
        return "\n".join(out) + "\n"


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every ``kg/queries/*.rq`` by name (file name without ``.rq``)."""
    out: dict[str, NamedQuery] = {}
    for entry in sorted(files("kg.queries").iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        question = first.removeprefix("#").strip().removeprefix("question:").strip()
        params = tuple(sorted({p for p in re.findall(r"\?(\w+)", question)}))
        optional = tuple(dict.fromkeys(re.findall(r"^\s*#if (\w+)\s*$", text, re.M)))
        out[entry.name[:-3]] = NamedQuery(entry.name[:-3], question, text, params, optional)
    return out


def _results(
    solutions: QuerySolutions | QueryBoolean | object,
    hidden: Sequence[str],
    max_rows: int | None = None,
) -> Results:
    if isinstance(solutions, QueryBoolean):
        return Results(("result",), ((Literal("true" if bool(solutions) else "false"),),))
    if not isinstance(solutions, QuerySolutions):
        raise ValueError("CONSTRUCT and DESCRIBE give triples: use kg.query.construct")
    # Variables a parameter was bound to but the query does not project are dropped.
    variables = tuple(v.value for v in solutions.variables if v.value not in hidden)
    rows = []
    for sol in solutions:
        if max_rows is not None and len(rows) >= max_rows:
            return Results(variables, tuple(rows), truncated=True)
        rows.append(tuple(sol[v] for v in variables))
    return Results(variables, tuple(rows))


def query(
    out: str | os.PathLike[str],
    sparql: str,
    bindings: Mapping[str, object] | None = None,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    allow_service: bool = False,
) -> Results:
    """Run a SELECT/ASK query on the build in ``out``; ``bindings`` are bound, never pasted.

    A binding may name any variable of the query, projected or not; its value
    becomes the RDF term it stands for (IRIs, numbers, ``xsd:gYear`` for years).
    With ``timeout`` (seconds) the query runs in a child process that is stopped
    when the time is up (``QueryTimeout``); ``max_rows`` keeps the first rows only
    (``Results.truncated`` says when more existed).
    """
    if timeout is None:
        return _answer(out, sparql, bindings, max_rows, allow_service)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_answer_to,
        args=(sender, out, sparql, bindings, max_rows, allow_service),
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(f"the query was stopped after {timeout:g} s (--timeout)")
        kind, value = receiver.recv()
    except EOFError:
        raise RuntimeError("the query process ended without an answer") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "error":
        raise value
    return value


def _answer(out, sparql, bindings, max_rows, allow_service=False):  # type: ignore[no-untyped-def]
    hidden = projecting(sparql, list(bindings or {}))[1]

    def read(store):  # type: ignore[no-untyped-def]
        solutions = run_query(store, sparql, bindings, allow_service=allow_service)
        return _results(solutions, hidden, max_rows)

    return read_current(out, read)


def _answer_to(sender, out, sparql, bindings, max_rows, allow_service) -> None:  # type: ignore[no-untyped-def]
    """In the child process: the answer, or the error, sent back through the pipe."""
    try:
        sender.send(("ok", _answer(out, sparql, bindings, max_rows, allow_service)))
    except Exception as error:  # the parent re-raises it
        sender.send(("error", error))


def construct(out: str | os.PathLike[str], sparql: str, fmt: str = "turtle") -> bytes:
    """Run a CONSTRUCT/DESCRIBE query on the build in ``out``; the triples in ``fmt``.

    ``fmt`` is ``turtle``, ``ntriples`` or ``jsonld``.
    """
    formats = {
        "turtle": RdfFormat.TURTLE,
        "ntriples": RdfFormat.N_TRIPLES,
        "jsonld": RdfFormat.JSON_LD,
    }
    if fmt not in formats:
        raise ValueError(f"unknown RDF format {fmt!r}: use {', '.join(formats)}")
    if query_form(sparql) not in ("CONSTRUCT", "DESCRIBE"):
        raise ValueError("construct() runs CONSTRUCT and DESCRIBE queries")
    triples = sorted(run_query(open_store(out), sparql), key=str)
    prefixes = PREFIXES if fmt == "turtle" else None
    return serialize(triples, format=formats[fmt], prefixes=prefixes) or b""


def run_named(
    out: str | os.PathLike[str],
    name: str,
    bindings: Mapping[str, object] | None = None,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> Results:
    """Run the named query ``name`` with its parameters bound (see ``query``)."""
    queries = named_queries()
    if name not in queries:
        raise KeyError(f"no named query {name!r}; `kg queries` lists them: {', '.join(queries)}")
    nq = queries[name]
    missing = [p for p in nq.parameters if p not in (bindings or {})]
    if missing:
        raise ValueError(
            f"query {name!r} needs {', '.join('--param ' + m + '=…' for m in missing)}"
        )
    return query(out, nq.render(bindings or {}), bindings, timeout=timeout, max_rows=max_rows)


def cited_across(
    out: str | os.PathLike[str],
    min_places: int = 2,
    kinds: Sequence[str] = (),
    *,
    year: int | None = None,
    province: str | None = None,
    level: str | None = None,
) -> Results:
    """Documents cited by at least ``min_places`` places, optionally of the given kinds only.

    ``year``, ``province`` (e.g. 河北省) and ``level`` (province, prefecture, county,
    township) keep the citations of reports of that year, province or level only.
    """
    filters = {"year": year, "province": province, "level": level}
    bindings = {"min": int(min_places), **{k: v for k, v in filters.items() if v is not None}}
    # Without filters the answer was counted when the build was stored (kg.store.tallies);
    # a store without tallies (several shards pushed together, older builds) is counted now.
    name = "cited-across"
    if len(bindings) == 1 and has_tallies(out):
        name = "cited-across-tallies"
    res = run_named(out, name, bindings)
    keep = set(kinds)
    k = res.variables.index("kind")
    rows = tuple(r for r in res.rows if not keep or (r[k] is not None and r[k].value in keep))
    return Results(res.variables, rows)


def has_tallies(out: str | os.PathLike[str]) -> bool:
    """Whether the build in ``out`` holds the tallies counted when it was stored."""
    return _answer(out, "ASK { ?tally a kg:CitationTally }", None, None).rows[0][0].value == "true"


def stats(out: str | os.PathLike[str]) -> dict[str, object]:
    """Counts of the build: reports, mentions and entities by type, triples, quads, graphs.

    The same figures as ``report.json``'s totals, read from the store.
    """
    return read_current(out, store_totals)


def _cell(term: Term) -> str:
    return "" if term is None else term.value


def to_csv(res: Results, delimiter: str = ",") -> str:
    """Results as CSV (or TSV) with a header row, plain values.

    Cells a spreadsheet would run as a formula are prefixed with ``'``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(res.variables)
    for row in res.rows:
        cells = [safe_cell(_cell(t)) for t in row]  # a spreadsheet opens them as text
        writer.writerow([c.replace("\t", " ") for c in cells] if delimiter == "\t" else cells)
    return buffer.getvalue()


def to_json(res: Results) -> str:
    """Results in the SPARQL 1.1 Query Results JSON format."""
    bindings = []
    for row in res.rows:
        b: dict[str, dict[str, str]] = {}
        for var, t in zip(res.variables, row, strict=False):
            if isinstance(t, NamedNode):
                b[var] = {"type": "uri", "value": t.value}
            elif isinstance(t, BlankNode):
                b[var] = {"type": "bnode", "value": t.value}
            elif isinstance(t, Literal):
                item = {"type": "literal", "value": t.value}
                if t.language:
                    item["xml:lang"] = t.language
                elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    item["datatype"] = t.datatype.value
                b[var] = item
        bindings.append(b)
    doc = {"head": {"vars": list(res.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
