"""Namespaces and IRI minting shared by the resolve and graph stages.

IRIs come from canonical keys only (never from counters or file paths), so
graphs built on different machines merge by plain union.
"""

from __future__ import annotations

import hashlib

BASE = "https://w3id.org/fazhi-kg/"
KG = BASE + "ns#"  # the project's own classes and properties
DOC = BASE + "doc/"
DIV = BASE + "division/"
GOV = BASE + "gov/"
ORGU = BASE + "org/"
LAW = BASE + "law/"
INI = BASE + "initiative/"
IND = BASE + "indicator/"
LVL = BASE + "level/"
LT = BASE + "legaltype/"
KIND = BASE + "doctype/"

PREFIXES: dict[str, str] = {
    "kg": KG,
    "doc": DOC,
    "div": DIV,
    "gov": GOV,
    "orgu": ORGU,
    "law": LAW,
    "ini": INI,
    "ind": IND,
    "lvl": LVL,
    "lt": LT,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "cito": "http://purl.org/spar/cito/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def digest(key: str, length: int = 16) -> str:
    """A short, stable hex digest of a canonical key."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]


def document_iri(sha1: str) -> str:
    """A report, identified by its content (same file anywhere -> same IRI)."""
    return DOC + sha1[:16]


def law_iri(key: str) -> str:
    """A cited document, from its canonical title key (scoped keys contain ``|``)."""
    return LAW + digest(key)


def division_iri(code: str) -> str:
    """An administrative area, from its official code."""
    return DIV + code


# Organs of a place: suffix of the organ IRI after the division code.
ORGAN_SUFFIX = {
    "government": "",
    "party": "-party",
    "congress": "-congress",
    "assembly": "-assembly",
    "cppcc": "-cppcc",
    "court": "-court",
    "procuratorate": "-procuratorate",
}


def government_iri(code: str, organ: str = "government") -> str:
    """An organ of a place (人民政府 by default, 党委, 人大常委会 …)."""
    return GOV + code + ORGAN_SUFFIX[organ]


def institution_iri(place_code: str, name_key: str) -> str:
    """An institution of a place, from its canonical name."""
    return ORGU + f"{place_code}-{digest(name_key, 12)}"


def initiative_iri(key: str) -> str:
    """An initiative concept not in the scheme, from its canonical term."""
    return INI + digest(key, 12)


def indicator_iri(key: str) -> str:
    """An indicator concept (what is counted), from its canonical subject."""
    return IND + digest(key, 12)
