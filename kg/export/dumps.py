"""Files written from pieces, one per report and then the shared ones: graph.nq,
mentions.csv and the dumps (N-Triples, Turtle, TriG, JSON-LD, from ``kg.export.rdf``).

A rebuild keeps most reports, and the bytes of a kept report's piece are the same in
the previous generation's file: runs of them are copied from there (``add_copy``), in
large blocks, instead of reading each report's part again; only new reports' pieces
are read. ``add_in_runs`` does that for one file, with where each piece went (its span)
recorded for the next rebuild.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg.export.rdf import prefix_lines
from kg.vocab import PREFIXES

Span = tuple[int, int]  # where a piece is in its file: start and end offsets
COPY_BLOCK = 16 * 1024 * 1024  # bytes read and written at a time when copying a run


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


class PieceWriter:
    """Writes one file from pieces in order: a header, the pieces with ``separator``
    between non-empty ones, a footer; ``digest``, when given, sees every byte written."""

    def __init__(
        self,
        path: Path,
        header: bytes = b"",
        separator: bytes = b"",
        footer: bytes = b"",
        digest: hashlib._Hash | None = None,
    ) -> None:
        self.path = path
        self.separator = separator
        self._footer = footer
        self._digest = digest
        self._fh = open(path, "wb")  # closed by close(), after the last piece
        self._first = True
        self._write(header)

    def _write(self, data: bytes) -> None:
        self._fh.write(data)
        if self._digest is not None:
            self._digest.update(data)

    def _begin(self) -> int:
        if not self._first:
            self._write(self.separator)
        self._first = False
        return self._fh.tell()

    def add(self, piece: bytes) -> Span:
        """Append one piece; an empty piece adds nothing. Returns where it went."""
        if not piece:
            return (self._fh.tell(), self._fh.tell())
        start = self._begin()
        self._write(piece)
        return (start, self._fh.tell())

    def add_copy(self, source: Path, start: int, end: int) -> Span:
        """Append the bytes ``start`` to ``end`` of the file ``source`` (a run of pieces and
        their separators) as one piece; ``OSError`` if ``source`` is shorter."""
        at = self._begin()
        with open(source, "rb") as fh:
            fh.seek(start)
            left = end - start
            while left > 0:
                block = fh.read(min(COPY_BLOCK, left))
                if not block:
                    raise OSError(f"{source} ends before byte {end}")
                self._write(block)
                left -= len(block)
        return (at, self._fh.tell())

    def close(self) -> None:
        """End the file (its footer) and close it."""
        self._write(self._footer)
        self._fh.close()


class DumpWriter(PieceWriter):
    """Writes one dump from its pieces, in order: the same bytes as serialising the whole."""

    def __init__(self, path: Path, fmt: RdfFormat) -> None:
        json_ld = fmt == RdfFormat.JSON_LD
        super().__init__(
            path,
            header=dump_header(fmt),
            separator=b"," if json_ld else b"",
            footer=b"]" if json_ld else b"",
        )
        self.format = fmt


def add_in_runs(
    writer: PieceWriter,
    keys: Sequence[str],
    read: Callable[[str], bytes],
    previous: Path | None = None,
    before: Mapping[str, Span] | None = None,
) -> dict[str, Span]:
    """Add the pieces of ``keys`` (part keys, in order) to ``writer``; return their spans.

    A piece whose span in the ``previous`` file is ``before[key]`` is copied from there,
    with the pieces that followed it there and follow it here too, as one run; the
    others are read (``read``). Empty pieces are read: they add nothing.
    """
    spans: dict[str, Span] = {}
    gap = len(writer.separator)
    old = before if previous is not None and before else {}
    i = 0
    while i < len(keys):
        first = old.get(keys[i])
        if first is None or first[0] == first[1]:
            spans[keys[i]] = writer.add(read(keys[i]))
            i += 1
            continue
        j, end = i + 1, first[1]
        while j < len(keys):
            following = old.get(keys[j])
            if following is None or following[0] == following[1] or following[0] != end + gap:
                break
            end, j = following[1], j + 1
        assert previous is not None
        at, _ = writer.add_copy(previous, first[0], end)
        for key in keys[i:j]:
            start, stop = old[key]
            spans[key] = (at + start - first[0], at + stop - first[0])
        i = j
    return spans
