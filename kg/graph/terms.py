"""Shorthands for pyoxigraph terms in the project's vocabularies."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from kg.vocab import PREFIXES


class _Namespace:
    def __init__(self, base: str) -> None:
        self._base = base
        # Terms are immutable: one NamedNode per name, made once (the graph stage asks
        # for the same few dozen predicates hundreds of thousands of times).
        self._terms: dict[str, NamedNode] = {}

    def __getattr__(self, name: str) -> NamedNode:
        # Only called for a name not yet looked up: it is then set as an attribute, so
        # RDF.type costs a plain attribute read from the second time on.
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = NamedNode(self._base + name)
        return term


RDF = _Namespace(PREFIXES["rdf"])
RDFS = _Namespace(PREFIXES["rdfs"])
XSD = _Namespace(PREFIXES["xsd"])
ORG = _Namespace(PREFIXES["org"])
SCHEMA = _Namespace(PREFIXES["schema"])
ELI = _Namespace(PREFIXES["eli"])
CITO = _Namespace(PREFIXES["cito"])
SKOS = _Namespace(PREFIXES["skos"])
PROV = _Namespace(PREFIXES["prov"])
OA = _Namespace(PREFIXES["oa"])
DCT = _Namespace(PREFIXES["dcterms"])
KGNS = _Namespace(PREFIXES["kg"])
LVL = _Namespace(PREFIXES["lvl"])
LT = _Namespace(PREFIXES["lt"])


def zh(text: str) -> Literal:
    """A Chinese-language literal."""
    return Literal(text, language="zh")


def integer(value: int) -> Literal:
    """An xsd:integer literal."""
    return Literal(str(int(value)), datatype=XSD.integer)


def decimal(value: str) -> Literal:
    """An xsd:decimal literal from its lexical form."""
    return Literal(value, datatype=XSD.decimal)


def year(value: int) -> Literal:
    """An xsd:gYear literal."""
    return Literal(f"{int(value):04d}", datatype=XSD.gYear)


def date(value: str) -> Literal:
    """An xsd:date literal from ``YYYY-MM-DD``."""
    return Literal(value, datatype=XSD.date)


def boolean(value: bool) -> Literal:
    """An xsd:boolean literal."""
    return Literal("true" if value else "false", datatype=XSD.boolean)
