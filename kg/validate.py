"""SHACL validation of a build against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from rdflib import Graph


@dataclass(frozen=True)
class Validation:
    """Whether a graph conforms, and pySHACL's report text when it does not."""

    conforms: bool
    violations: int
    text: str


def shapes_graph() -> Graph:
    """The project's SHACL shapes."""
    return Graph().parse(
        data=files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
        format="turtle",
    )


def ontology_graph() -> Graph:
    """The project's OWL vocabulary (used for class hierarchy during validation)."""
    return Graph().parse(
        data=files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8"),
        format="turtle",
    )


def validate_graph(data: Graph) -> Validation:
    """Validate ``data`` (the union graph) against the shapes."""
    from pyshacl import validate

    conforms, report, text = validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
    )
    violations = len(list(report.subjects(predicate=None, object=None))) if not conforms else 0
    from rdflib.namespace import SH

    violations = len(set(report.subjects(SH.focusNode, None))) if not conforms else 0
    return Validation(bool(conforms), violations, str(text))


def validate_build(out: str | os.PathLike[str]) -> Validation:
    """Validate the union graph written by ``kg build`` in ``out``."""
    path = Path(out) / "graph.nt"
    if not path.is_file():
        raise FileNotFoundError(
            f"no graph.nt in {Path(out)}/ — run `kg build ... --out {out}` first"
        )
    return validate_graph(Graph().parse(path, format="nt"))
