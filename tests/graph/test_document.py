"""A report's graph as N-Quads lines: the terms' own N-Triples form is Oxigraph's."""

from __future__ import annotations

from conftest import GUAN, SEEDS
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from kg.build import make_lexicons, process_file
from kg.graph.document import document_graph
from kg.graph.terms import XSD

# Text a report may hold: quotes, backslashes, line breaks, control characters,
# characters outside the Basic Multilingual Plane and ones N-Triples may escape.
AWKWARD = [
    'a "quoted" \\ backslash',
    "line\nbreak\rcarriage\ttab",
    "".join(chr(c) for c in range(0x20)) + "\x7f",
    "𠀀𱳪 emoji 😀 \ufeff \u2028 \ufffe",
    "",
]


def test_term_text_is_what_the_n_quads_writer_writes():
    s, p, g = NamedNode("https://example.org/s"), NamedNode("https://example.org/p"), "<g:x>"
    objects = [NamedNode("https://example.org/o?x=1#char=3,4")]
    for text in AWKWARD:
        objects += [Literal(text), Literal(text, language="zh"), Literal(text, datatype=XSD.date)]
    objects.append(Literal("12.50", datatype=XSD.decimal))
    for o in objects:
        written = serialize([Quad(s, p, o, NamedNode("g:x"))], format=RdfFormat.N_QUADS)
        assert f"{s} {p} {o} {g} .\n".encode() == written


def test_a_seed_report_graph_parses_back_to_its_lines(resources):
    rd = process_file(SEEDS / GUAN, resources, make_lexicons(resources), 10**7)
    graph = document_graph(rd)
    lines = graph.nquads.decode("utf-8").splitlines()
    assert lines == sorted(set(lines)) and len(lines) > 100
    quads = list(parse(graph.nquads, format=RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {rd.iri}
    assert serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8").splitlines() == lines
    reference = list(parse("\n".join(graph.reference).encode(), format=RdfFormat.N_QUADS))
    assert reference and not any(q.graph_name.value == rd.iri for q in reference)
