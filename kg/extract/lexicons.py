"""Word lists the extractors match against, handed in by the pipeline.

Extractors are pure functions of a ``Document`` and these lists; the lists are
read from ``kg/data`` (or from the catalogue and gazetteer) once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from kg.extract.terms import TermMatcher


def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a file in ``kg/data``."""
    text = files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def province_abbreviations() -> dict[str, str]:
    """One-character abbreviation (陕, 秦) -> the province's full name, from
    ``kg/data/province_abbreviations.tsv``."""
    out: dict[str, str] = {}
    for line in data_lines("province_abbreviations.tsv"):
        province, chars = line.split("\t")
        out.update((char.strip(), province) for char in chars.split(","))
    return out


def data_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file in ``kg/data`` (first non-comment line is the header)."""
    lines = data_lines(name)
    header = lines[0].split("\t")
    return tuple(dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:])


# Characters inside 《》; longer means a stray mark (``kg build --max-title``).
DEFAULT_MAX_TITLE = 120


@dataclass(frozen=True)
class Lexicons:
    """Everything extractors match against besides the text itself."""

    # Unquoted surface -> cited title, e.g. "行政处罚法" -> "中华人民共和国行政处罚法".
    regulation_terms: TermMatcher = field(default_factory=lambda: TermMatcher({}))
    # Every place name the gazetteer knows (full and short forms).
    place_names: TermMatcher = field(default_factory=lambda: TermMatcher({}))
    # Short names of counties and towns (嘉定, 西兴): read only where a compound names the
    # place itself (法治嘉定, 平安西兴); the resolver keeps them on the author's own chain.
    # Two-character county names (赵县, 黟县) too, read where they stand as a word.
    local_names: frozenset[str] = frozenset()
    # Known initiative surfaces (pref and alt labels) -> IRI of the concept they name.
    initiative_terms: TermMatcher = field(default_factory=lambda: TermMatcher({}))
    # Short forms several programmes share (一件事): known only when quoted, never found bare.
    initiative_short_forms: frozenset[str] = frozenset()
    # Longest text between 《 and 》 taken as a title; a longer run is a stray mark.
    max_title: int = DEFAULT_MAX_TITLE


@cache
def empty_lexicons() -> Lexicons:
    """Lexicons with no external lists, for quick use on a single text."""
    return Lexicons()


@cache
def refused_initiatives() -> dict[str, str]:
    """Terms the initiative scheme refuses (``kg:NotInitiative``), each with its reason.

    They live in ``ontology/initiatives.ttl`` beside the programmes, so one file
    says both what is and what is not an initiative.
    """
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import RDF, SKOS

    kg = Namespace("https://w3id.org/fazhi-kg/ns#")
    graph = Graph()
    graph.parse(
        data=files("kg.ontology").joinpath("initiatives.ttl").read_text(encoding="utf-8"),
        format="turtle",
    )
    out: dict[str, str] = {}
    for term in graph.subjects(RDF.type, kg.NotInitiative):
        reason = graph.value(term, kg.refusal)
        for label in graph.objects(term, SKOS.prefLabel):
            if isinstance(label, Literal):
                out[str(label)] = str(reason or "")
    return dict(sorted(out.items()))
