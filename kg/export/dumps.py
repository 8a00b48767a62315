"""Writing a dump (N-Triples, Turtle, TriG, JSON-LD) from its pieces (``kg.export.rdf``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg.export.rdf import prefix_lines
from kg.vocab import PREFIXES


@cache
def dump_header(fmt: RdfFormat) -> bytes:
    """What starts a dump: the ``@prefix`` lines Oxigraph writes for the project's prefixes."""
    if fmt == RdfFormat.JSON_LD:
        return b"["
    if fmt == RdfFormat.N_TRIPLES:
        return b""
    # Oxigraph writes every given prefix before the first triple: one triple shows them.
    probe = Quad(NamedNode(PREFIXES["kg"] + "x"), NamedNode(PREFIXES["kg"] + "x"), Literal("x"))
    probed = serialize([probe.triple], format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    return prefix_lines(probed)


class DumpWriter:
    """Writes one dump from its pieces, in order: the same bytes as serialising the whole."""

    def __init__(self, path: Path, fmt: RdfFormat) -> None:
        self.path = path
        self.format = fmt
        self._fh = open(path, "wb")  # closed by close(), after the last piece
        self._fh.write(dump_header(fmt))
        self._first = True

    def add(self, piece: bytes) -> tuple[int, int]:
        """Append one piece (``dump_pieces``); empty pieces add nothing. Returns where in
        the file the piece went (start and end offsets), for a later build to copy it."""
        if not piece:
            return (self._fh.tell(), self._fh.tell())
        if self.format == RdfFormat.JSON_LD and not self._first:
            self._fh.write(b",")
        start = self._fh.tell()
        self._fh.write(piece)
        self._first = False
        return (start, self._fh.tell())

    def close(self) -> None:
        """End the dump (JSON-LD's closing bracket) and close its file."""
        if self.format == RdfFormat.JSON_LD:
            self._fh.write(b"]")
        self._fh.close()
