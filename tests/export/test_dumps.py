"""Files written from pieces: a rebuild copies the kept pieces' runs and gets the same bytes."""

from __future__ import annotations

from kg.export.dumps import PieceWriter, add_in_runs


def _write(path, pieces, previous=None, before=None, separator=b","):
    writer = PieceWriter(path, header=b"[", separator=separator, footer=b"]")
    read: list[str] = []

    def reading(key):
        read.append(key)
        return pieces[key]

    spans = add_in_runs(writer, list(pieces), reading, previous, before)
    writer.close()
    return spans, read


def test_kept_pieces_are_copied_in_runs_and_the_file_is_the_same(tmp_path):
    first = {"a": b'{"a":1}', "b": b'{"b":2}', "gone": b'{"x":0}', "c": b'{"c":3}', "e": b""}
    spans, _ = _write(tmp_path / "old.json", first)
    assert (tmp_path / "old.json").read_bytes() == b'[{"a":1},{"b":2},{"x":0},{"c":3}]'
    second = {"new": b'{"n":9}', "a": first["a"], "b": first["b"], "c": first["c"], "e": b""}
    again, read = _write(tmp_path / "new.json", second, tmp_path / "old.json", spans)
    clean, _ = _write(tmp_path / "clean.json", second)
    assert (tmp_path / "new.json").read_bytes() == (tmp_path / "clean.json").read_bytes()
    assert again == clean
    # Read: the new piece and the empty one; a and b were one run, c another (the piece
    # that went lay between them).
    assert read == ["new", "e"]


def test_a_previous_file_shorter_than_its_spans_is_not_copied(tmp_path):
    from kg.outputs import SPANS, GenerationSpans, previous_spans, write_spans

    (tmp_path / "graph.nq").write_bytes(b"0123456789")
    (tmp_path / "mentions.csv").write_bytes(b"01234")
    parts = {"graph.nq": {"k": (0, 10)}, "mentions.csv": {"k": (0, 10)}}
    write_spans(tmp_path, GenerationSpans(tmp_path, parts, "d", {}, (8, 12)))
    spans = previous_spans(tmp_path)
    assert spans.of("graph.nq") == (tmp_path / "graph.nq", {"k": (0, 10)})
    assert spans.of("mentions.csv") == (None, None)
    assert spans.read("graph.nq", (2, 4)) == b"23"
    assert spans.read("graph.nq", spans.tallies) is None  # past the end
    (tmp_path / SPANS).write_text("{not json", "utf-8")
    assert previous_spans(tmp_path).of("graph.nq") == (None, None)
