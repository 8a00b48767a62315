"""A finished build, opened for a notebook: ``kg.open_build("output").query(...)``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kg.query import Results, cited_across, query, run_named, stats


class Rows(list):
    """Answer rows as dictionaries of plain values, convertible to a pandas DataFrame."""

    def __init__(self, results: Results) -> None:
        super().__init__(results.values())
        self.columns = list(results.variables)

    def to_dataframe(self):  # type: ignore[no-untyped-def]
        """The rows as a ``pandas.DataFrame`` (pandas is optional: ``pip install pandas``)."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from error
        return pandas.DataFrame(list(self), columns=self.columns)


class BuildFolder:
    """A build folder written by ``kg build`` (or ``kg.build(..., out=...)``).

    >>> b = open_build("output")                                   # doctest: +SKIP
    >>> b.query("SELECT ?doc WHERE { ?r kg:sourceFile ?doc ; dcterms:temporal ?year }",
    ...         year=2022)                                         # doctest: +SKIP
    [{'doc': '000_0185e56b7f905c26.txt'}, {'doc': '003_bc19e7eecbeecb6e.txt'}]
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not (self.path / "store").exists():
            raise FileNotFoundError(f"no build in {self.path}/ — run kg.build(..., out=...) first")

    def query(self, sparql: str, **params: object) -> Rows:
        """Run a SELECT/ASK query; keyword arguments are bound to the query's variables."""
        return Rows(query(self.path, sparql, params))  # type: ignore[arg-type]

    def named(self, name: str, **params: object) -> Rows:
        """Run a named query (``kg queries`` lists them) with its parameters."""
        return Rows(run_named(self.path, name, params))  # type: ignore[arg-type]

    def cited_across(self, min_places: int = 2, kinds: Sequence[str] = ()) -> Rows:
        """Documents cited by at least ``min_places`` places (see ``kg cited-across``)."""
        return Rows(cited_across(self.path, min_places, kinds))

    def stats(self) -> dict[str, object]:
        """The counts of ``kg stats``."""
        return stats(self.path)

    def graph(self):  # type: ignore[no-untyped-def]
        """The build as an in-memory ``rdflib.Dataset`` (one graph per report, reference graphs).

        A copy read from ``graph.trig``: convenient for rdflib users on small and
        medium builds; large builds are better queried with ``query()``.
        """
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(self.path / "graph.trig", format="trig")
        return dataset


def open_build(path: str | os.PathLike[str] = "output") -> BuildFolder:
    """Open the build in ``path`` for queries from Python."""
    return BuildFolder(path)
