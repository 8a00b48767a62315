"""Initiatives -> concepts of the SKOS scheme in ``ontology/initiatives.ttl``.

A mention whose term is a label of a scheme concept (after normalising
quotes, brackets and blanks) resolves to that concept; any other initiative
becomes a concept of its own, keyed by its normalised term, so the same new
programme in two reports is one node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rdflib import Graph
from rdflib.namespace import DCTERMS, SKOS

from kg.model import Entity, Mention, attrs
from kg.vocab import initiative_iri, law_iri

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext


def normalise_term(term: str) -> str:
    """Key of an initiative term: no quotes, brackets or blanks (“八五”普法 -> 八五普法)."""
    return re.sub(r"[“”\"‘’「」『』（）()\s、，,·]", "", term).replace("＋", "+")


@dataclass(frozen=True)
class Concept:
    """One concept of the scheme."""

    iri: str
    label: str  # prefLabel
    aliases: tuple[str, ...]  # altLabels
    defined_by: str = ""  # IRI of the catalogued document that defines it, if any
    broader: tuple[str, ...] = ()


@dataclass(frozen=True)
class InitiativeScheme:
    """Label -> concept lookups over the scheme."""

    by_key: dict[str, tuple[str, str]]  # normalised label -> (concept IRI, prefLabel)
    surfaces: dict[str, str]  # every label as written -> normalised key
    concepts: dict[str, Concept]  # concept IRI -> concept

    @classmethod
    @cache
    def load(cls) -> InitiativeScheme:
        """Read the scheme shipped with the package (and link defining documents)."""
        from kg.resolve.catalog import Catalog

        graph = Graph()
        data = files("kg.ontology").joinpath("initiatives.ttl").read_text(encoding="utf-8")
        graph.parse(data=data, format="turtle")
        catalog = Catalog.load()
        by_key: dict[str, tuple[str, str]] = {}
        surfaces: dict[str, str] = {}
        concepts: dict[str, Concept] = {}
        for concept, pref in sorted(graph.subject_objects(SKOS.prefLabel)):
            if (concept, SKOS.inScheme, None) not in graph:
                continue
            alts = tuple(sorted(str(a) for a in graph.objects(concept, SKOS.altLabel)))
            source = next((str(s) for s in graph.objects(concept, DCTERMS.source)), "")
            entry = catalog.lookup(source.strip("《》")) if source else None
            broader = tuple(sorted(str(b) for b in graph.objects(concept, SKOS.broader)))
            concepts[str(concept)] = Concept(
                str(concept), str(pref), alts, law_iri(entry.key) if entry else "", broader
            )
            for label in (str(pref), *alts):
                key = normalise_term(label)
                by_key.setdefault(key, (str(concept), str(pref)))
                surfaces[label] = key
                surfaces.setdefault(key, key)
        return cls(by_key, surfaces, concepts)

    def lookup(self, term: str) -> Concept | None:
        """The scheme concept ``term`` names, if any."""
        hit = self.by_key.get(normalise_term(term))
        return self.concepts[hit[0]] if hit else None

    def entity(self, term: str) -> Entity:
        """The concept for ``term``: a scheme concept, or a new one keyed by the term."""
        key = normalise_term(term)
        concept = self.lookup(term)
        if concept is not None:
            return Entity(
                iri=concept.iri,
                type="initiative",
                label=concept.label,
                key=normalise_term(concept.label),
                aliases=concept.aliases,
                attrs=attrs(
                    in_scheme="1",
                    defined_by=concept.defined_by or None,
                    broader=" ".join(concept.broader) or None,
                ),
            )
        return Entity(iri=initiative_iri(key), type="initiative", label=term, key=key)


def resolve_initiative(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The scheme concept (or a new concept) an initiative mention names."""
    return ctx.res.initiatives.entity(m.attr("term") or m.surface)
