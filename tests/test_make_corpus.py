"""The synthetic corpus generator of the scale benchmark (``benchmarks/make_corpus.py``).

The generator is not part of the package, but the benchmark's accuracy
figures are only as good as the truth it plants: these tests check that its
files are read by the project's ingest, that the planted facts are in the
text, and that a real build on clean generated text finds them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import kg
from benchmarks.make_corpus import (
    append_sentence,
    load_sources,
    make_corpus,
    read_truth,
    score,
)
from kg.ingest import read_document


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, 50, seed=7)
    return folder


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    summary = make_corpus(tmp_path / "again", 50, seed=7)
    assert summary.files == 50
    assert _digest(tmp_path / "again") == _digest(corpus)
    other = make_corpus(tmp_path / "other", 5, seed=8)
    assert other.files == 5
    assert _digest(tmp_path / "other") != _digest(tmp_path / "again")


def test_every_file_is_read_and_holds_its_planted_facts(corpus: Path) -> None:
    truth = read_truth(corpus)
    assert len(truth) == 50
    encodings = {t["encoding"] for t in truth.values()}
    formats = {t["format"] for t in truth.values()}
    assert "gbk" in encodings or "gb18030" in encodings
    assert {"txt", "html"} <= formats
    assert any(t["author"]["department"] for t in truth.values())
    for name, t in truth.items():
        doc = read_document(corpus / name)
        assert doc.fmt == t["format"]
        assert doc.encoding.replace("-", "").lower() in {"utf8", "gbk", "gb18030"}
        # The author's own name is in the text the extractors see (not only in chrome).
        assert t["author"]["name"] in doc.text, name
        assert 2_000 <= (corpus / name).stat().st_size <= 40_000
        for slogan in t["slogans"]:
            assert f"“{slogan}”" in doc.text
        for inst in t["institutions"]:
            assert inst["written"] in doc.text


def test_planted_names_come_from_the_data() -> None:
    src = load_sources()
    labels = {i.label for i in src.initiatives}
    slogans = {s for s, _ in src.slogans}
    assert "枫桥经验" in labels and "四个意识" in slogans
    assert not labels & slogans
    assert any(t.name == "中华人民共和国行政处罚法" for t in src.titles)
    assert all(src.authors[level] for level in ("province", "prefecture", "county", "township"))


def test_append_keeps_the_file_encoding(corpus: Path, tmp_path: Path) -> None:
    truth = read_truth(corpus)
    gbk = next(n for n, t in truth.items() if t["encoding"] != "utf-8")
    page = next(n for n, t in truth.items() if t["format"] == "html")
    for name in (gbk, page):
        copy = tmp_path / name
        copy.write_bytes((corpus / name).read_bytes())
        append_sentence(copy, "依据《中华人民共和国行政复议法》办理。", truth[name]["encoding"])
        doc = read_document(copy)
        assert doc.encoding == read_document(corpus / name).encoding
        assert "依据《中华人民共和国行政复议法》办理。" in doc.text
        if name == page:  # inside the page, not after it
            assert copy.read_text(encoding=truth[name]["encoding"]).rstrip().endswith("</html>")


@pytest.fixture(scope="module")
def scored(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """A real build of 16 generated reports (one worker), scored against the planted truth."""
    names = sorted(read_truth(corpus))[:16]
    work = tmp_path_factory.mktemp("build")
    inputs = work / "in"
    inputs.mkdir()
    for name in names:
        (inputs / name).write_bytes((corpus / name).read_bytes())
    kg.build([str(inputs)], out=str(work / "out"), workers=1)
    truth = {n: t for n, t in read_truth(corpus).items() if n in names}
    return score(work / "out", truth)


def test_a_build_finds_what_was_planted(scored: dict[str, float]) -> None:
    """The text is clean, so a correct extractor gets nearly all of it.

    Every author is named in the title or signature with a division name
    unique in the gazetteer, every citation is a catalogue title in 《》 (or a
    short form right after it, or a national law's name), every initiative a
    scheme label in quotes, every slogan a refused term of the scheme. The
    floors leave room for a few hard cases only.
    """
    assert scored["author_accuracy"] >= 0.9, scored
    assert scored["regulation_recall"] >= 0.95, scored
    assert scored["regulation_precision"] >= 0.9, scored
    assert scored["initiative_recall"] >= 0.9, scored
    assert scored["initiative_precision"] >= 0.9, scored
    assert scored["slogans_as_initiatives"] <= 0.05, scored


def test_institutions_named_relative_to_the_author_are_placed(scored: dict[str, float]) -> None:
    """县司法局, 市场监管局, 本局, 我县公共法律服务中心 in a report are its place's institutions."""
    assert scored["institution_recall"] >= 0.9, scored
