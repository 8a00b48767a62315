"""kg.open_build: the notebook's way into a build."""

from __future__ import annotations

import pytest
from conftest import GUAN, LUANCHUAN

import kg


def test_query_binds_keyword_arguments_and_returns_rows(seed_build):
    b = kg.open_build(seed_build[0])
    rows = b.query(
        "SELECT ?doc WHERE { ?r kg:sourceFile ?doc ; dcterms:temporal ?year } ORDER BY ?doc",
        year=2022,
    )
    assert rows == [{"doc": GUAN}, {"doc": LUANCHUAN}] and rows.columns == ["doc"]
    assert {r["title"] for r in b.cited_across(3)} >= {"中华人民共和国宪法"}
    assert b.stats()["reports"] == 5
    assert len(b.named("reports")) == 5


def test_rows_become_a_dataframe_when_pandas_is_there(seed_build):
    rows = kg.open_build(seed_build[0]).named("reports")
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            rows.to_dataframe()
    else:
        assert list(rows.to_dataframe().columns) == rows.columns


def test_graph_is_an_rdflib_dataset_with_the_same_triples(seed_build):
    from rdflib import URIRef

    b = kg.open_build(seed_build[0])
    dataset = b.graph()
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert sum("/doc/" in g for g in graphs) == 5
    quads = sum(len(dataset.graph(URIRef(g))) for g in graphs)
    assert quads == b.stats()["quads"]


def test_a_missing_build_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no build"):
        kg.open_build(tmp_path)
