"""Initiatives -> concepts of the SKOS scheme in ``ontology/initiatives.ttl``.

A mention whose term is a label of a scheme concept (after normalising
quotes, brackets, blanks and traditional characters) resolves to that
national programme, shared by every place. A short form several national
programmes share (一件事: 一件事一次办 from 2019, 高效办成一件事 from 2024) means
the latest one issued by the report's year. Any other initiative is a local
practice of the adopting place: its key holds the place (``term@place``, as
the annotation guide keys local brands), so two places' brands of one name
stay apart while one place's brand is one node across its reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.ingest.script import to_simplified  # labels are simplified, as the guide asks
from kg.model import Entity, Mention, attrs
from kg.vocab import INI, initiative_iri, law_iri

if TYPE_CHECKING:
    from kg.resolve.context import DocumentContext

KG_SHORT = URIRef("https://w3id.org/fazhi-kg/ns#shortLabel")
# Labels take full-width Chinese punctuation (annotation guide): 一窗受理，并联审批，一口出照（证）.
FULL_WIDTH = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
)


def normalise_term(term: str) -> str:
    """Key of an initiative term: no quotes, brackets or blanks (“八五”普法 -> 八五普法)."""
    return re.sub(r"[“”\"‘’「」『』（）()\s、，,·]", "", to_simplified(term)).replace("＋", "+")


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
    # short form -> (year issued, concept IRI) of the programmes it may mean, oldest first
    short_forms: dict[str, tuple[tuple[int, str], ...]]

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
        short: dict[str, list[tuple[int, str]]] = {}
        scheme = URIRef(INI + "scheme")
        for concept, pref in sorted(graph.subject_objects(SKOS.prefLabel)):
            if (concept, SKOS.inScheme, scheme) not in graph:
                continue
            issued = str(graph.value(concept, DCTERMS.issued) or "0")
            for form in graph.objects(concept, KG_SHORT):
                short.setdefault(normalise_term(str(form)), []).append((int(issued), str(concept)))
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
        short_forms = {k: tuple(sorted(v)) for k, v in sorted(short.items())}
        return cls(by_key, surfaces, concepts, short_forms)

    def lookup(self, term: str, year: int | None = None) -> Concept | None:
        """The scheme concept ``term`` names, if any (a shared short form: by ``year``)."""
        key = normalise_term(term)
        hit = self.by_key.get(key)
        if hit:
            return self.concepts[hit[0]]
        meant = self.short_forms.get(key)
        if not meant:
            return None
        issued = [iri for since, iri in meant if year is None or since <= year]
        return self.concepts[issued[-1] if issued else meant[0][1]]

    def entity(self, term: str, year: int | None = None, place: Entity | None = None) -> Entity:
        """The concept for ``term``: a national programme of the scheme, or a local practice.

        A local practice is keyed by its term and ``place`` (the adopting
        government), or by its term alone when the place is not known.
        """
        key = normalise_term(term)
        concept = self.lookup(term, year)
        if concept is not None:
            return Entity(
                iri=concept.iri,
                type="initiative",
                label=concept.label,
                key=normalise_term(concept.label),
                aliases=concept.aliases,
                attrs=attrs(
                    in_scheme="1",
                    scope="national",
                    defined_by=concept.defined_by or None,
                    broader=" ".join(concept.broader) or None,
                ),
            )
        label = to_simplified(re.sub(r"[“”\"‘’「」『』]", "", term.strip())).translate(FULL_WIDTH)
        if place is None:
            return Entity(iri=initiative_iri(key), type="initiative", label=label, key=key)
        local = f"{key}@{place.label}"
        return Entity(
            iri=initiative_iri(local),
            type="initiative",
            label=label,
            key=local,
            attrs=attrs(scope="local", spatial=place.iri),
        )


def resolve_initiative(m: Mention, ctx: DocumentContext) -> Entity | None:
    """The scheme concept (or a new concept) an initiative mention names."""
    return ctx.res.initiatives.entity(m.attr("term") or m.surface, ctx.year, ctx.author)
