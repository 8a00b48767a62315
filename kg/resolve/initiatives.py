"""Initiatives -> concepts of the SKOS scheme in ``ontology/initiatives.ttl``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.model import Entity, Mention, attrs
from kg.vocab import initiative_iri

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext


def normalise_term(term: str) -> str:
    """Key of an initiative term: no quotes, brackets or blanks (“八五”普法 -> 八五普法)."""
    return re.sub(r"[“”\"‘’「」『』（）()\s、，,·]", "", term)


@dataclass(frozen=True)
class InitiativeScheme:
    """Label -> concept lookups over the scheme."""

    by_key: dict[str, tuple[str, str]]  # normalised label -> (concept IRI, prefLabel)
    surfaces: dict[str, str]  # every label as written -> normalised key

    @classmethod
    @cache
    def load(cls) -> InitiativeScheme:
        """Read the scheme shipped with the package."""
        graph = Graph()
        data = files("kg.ontology").joinpath("initiatives.ttl").read_text(encoding="utf-8")
        graph.parse(data=data, format="turtle")
        by_key: dict[str, tuple[str, str]] = {}
        surfaces: dict[str, str] = {}
        for concept, pref in sorted(graph.subject_objects(SKOS.prefLabel)):
            if (concept, SKOS.inScheme, None) not in graph:
                continue
            labels = [str(pref), *sorted(str(a) for a in graph.objects(concept, SKOS.altLabel))]
            for label in labels:
                key = normalise_term(label)
                by_key.setdefault(key, (str(concept), str(pref)))
                surfaces[label] = key
                surfaces.setdefault(key, key)
        return cls(by_key, surfaces)

    def entity(self, term: str) -> Entity:
        """The concept for ``term``: a scheme concept, or a new one keyed by the term."""
        key = normalise_term(term)
        if key in self.by_key:
            iri, pref = self.by_key[key]
            return Entity(
                iri=iri, type="initiative", label=pref, key=key, attrs=attrs(in_scheme="1")
            )
        return Entity(iri=initiative_iri(key), type="initiative", label=term, key=key)


def resolve_initiative(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The scheme concept (or a new concept) an initiative mention names."""
    return ctx.res.initiatives.entity(m.attr("term") or m.surface)
