"""Parameters bound to a query by the engine, on any variable, with the right datatype.

Oxigraph substitutes a value for a variable (SEP-0007) only when the variable
is projected. So that ``--param`` works on any variable of a user's query, the
variable is added to the projection (and to GROUP BY when the query groups:
a variable bound to one value does not change the groups), the engine binds
the value, and the added column is dropped from the answer. A parameter binds
a variable of the outer query; a sub-select's variables are its own (compare
with the parameter outside the sub-select). Only the variable
name, checked to be a name that the query uses, is ever written into the
query text; values never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

XSD = "http://www.w3.org/2001/XMLSchema#"
UPDATE_KEYWORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE", *UPDATE_KEYWORDS}
AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}
_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|\"\"\"(?:.|\n)*?\"\"\"|'''(?:.|\n)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\s]*>)"""
    r"""|(?P<var>[?$][A-Za-z_0-9\u00b7\u0300-\u036f\u203f-\u2040\u00c0-\uffff]+)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z_0-9]*)|(?P<open>\{)|(?P<close>\})|(?P<star>\*)"""
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")


class QueryFormError(ValueError):
    """A query the command cannot run as asked (an update on a read-only store …)."""


class ParameterError(ValueError):
    """A parameter the query does not take, or a value that is not one of its terms."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int
    depth: int  # braces open before the token


def tokens(sparql: str) -> list[Token]:
    """The query's variables, words and braces, skipping strings, IRIs and comments."""
    out: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup or ""
        if kind == "skip":
            continue
        if kind == "close":
            depth -= 1
        out.append(Token(kind, m.group(), m.start(), m.end(), depth))
        if kind == "open":
            depth += 1
    return out


def without_literals(sparql: str) -> str:
    """The query with strings and comments blanked (IRIs kept): words left are keywords."""
    out = list(sparql)
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup == "skip" and not m.group().startswith("<"):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def uses_service(sparql: str) -> bool:
    """True when the query federates with SERVICE (it would send requests to other servers)."""
    return any(t.kind == "word" and t.text.upper() == "SERVICE" for t in tokens(sparql))


def query_form(sparql: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or ``UPDATE``."""
    for t in tokens(sparql):
        word = t.text.upper()
        if t.kind == "word" and t.depth == 0 and word in FORMS:
            return "UPDATE" if word in UPDATE_KEYWORDS else word
    raise QueryFormError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def variables(sparql: str) -> list[str]:
    """The names of the variables the query uses, in order of first use."""
    seen: dict[str, None] = {}
    for t in tokens(sparql):
        if t.kind == "var":
            seen.setdefault(t.text[1:], None)
    return list(seen)


def term(name: str, value: object) -> NamedNode | Literal:
    """A parameter value as the RDF term it stands for.

    IRIs (``<…>`` or ``http(s)://…``) become IRIs, a four-digit value of a
    variable named like ``year`` an ``xsd:gYear``, integers and decimals numbers,
    ``true``/``false`` booleans, anything else a plain string.
    """
    if isinstance(value, NamedNode | Literal):
        return value
    if isinstance(value, bool):
        return Literal(str(value).lower(), datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(XSD + "decimal"))
    text = str(value)
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
        if not text or re.search(r"[\s<>\"{}|^`\\]", text):
            raise ParameterError(f"--param {name}: {value!r} is not an IRI")
        return NamedNode(text)
    if re.match(r"^https?://\S+$", text):
        return NamedNode(text)
    if name.lower().endswith("year") and re.fullmatch(r"\d{4}", text):
        return Literal(text, datatype=NamedNode(XSD + "gYear"))
    if re.fullmatch(r"[+-]?\d+", text):
        return Literal(text, datatype=NamedNode(XSD + "integer"))
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return Literal(text, datatype=NamedNode(XSD + "decimal"))
    if text in ("true", "false"):
        return Literal(text, datatype=NamedNode(XSD + "boolean"))
    return Literal(text)


def check_names(sparql: str, names: list[str]) -> None:
    """Raise ``ParameterError`` for a parameter the query does not use."""
    used = variables(sparql)
    for name in names:
        if not _NAME.match(name) or name not in used:
            takes = ", ".join(used) or "no variables"
            raise ParameterError(f"the query has no variable ?{name}; it takes: {takes}")


def projecting(sparql: str, names: list[str]) -> tuple[str, list[str]]:
    """The query with ``names`` added to its projection (and grouping); the names added."""
    toks = [t for t in tokens(sparql) if t.depth == 0]
    select = next(
        (i for i, t in enumerate(toks) if t.kind == "word" and t.text.upper() == "SELECT"), None
    )
    if select is None:
        return sparql, []
    i = select + 1
    while (
        i < len(toks) and toks[i].kind == "word" and toks[i].text.upper() in ("DISTINCT", "REDUCED")
    ):
        i += 1
    if i < len(toks) and toks[i].kind == "star":
        return sparql, []
    where = next((j for j in range(i, len(toks)) if toks[j].kind == "open"), len(toks))
    projected = {t.text[1:] for t in toks[i:where] if t.kind == "var"}
    # "AS ?x" inside ( … ) sits at depth 0 too: the words between SELECT and WHERE tell
    aggregated = any(t.kind == "word" and t.text.upper() in AGGREGATES for t in toks[i:where])
    added = [n for n in names if n not in projected]
    if not added:
        return sparql, []
    extra = " " + " ".join("?" + n for n in added) + " "
    insert_at = toks[select if i == select + 1 else i - 1].end
    edits = [(insert_at, extra)]
    after = [t for t in toks if t.start > toks[where].start] if where < len(toks) else []
    group = next(
        (
            k
            for k, t in enumerate(after[:-1])
            if t.text.upper() == "GROUP" and after[k + 1].text.upper() == "BY"
        ),
        None,
    )
    having = any(t.kind == "word" and t.text.upper() == "HAVING" for t in after)
    if group is not None:
        edits.append((after[group + 1].end, extra))
    elif aggregated or having:
        stop = next(
            (
                t.start
                for t in after
                if t.kind == "word"
                and t.text.upper() in ("HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES")
            ),
            len(sparql),
        )
        edits.append((stop, " GROUP BY" + extra))
    for pos, text in sorted(edits, reverse=True):
        sparql = sparql[:pos] + text + sparql[pos:]
    return sparql, added
