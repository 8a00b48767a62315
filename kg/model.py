"""Plain data passed between the pipeline stages.

ingest -> ``Document``; extract -> ``Mention``; resolve -> ``Entity`` and
``Resolved``; graph turns a ``ResolvedDocument`` into quads. Every class is a
frozen dataclass so stages cannot mutate each other's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MENTION_TYPES: tuple[str, ...] = (
    "regulation",
    "government",
    "institution",
    "initiative",
    "indicator",
)

Attrs = tuple[tuple[str, str], ...]


def attrs(**values: object) -> Attrs:
    """Build a sorted, hashable attribute tuple, dropping ``None`` values."""
    return tuple(sorted((k, str(v)) for k, v in values.items() if v is not None))


def attr(items: Attrs, name: str, default: str | None = None) -> str | None:
    """Look one attribute up in an ``Attrs`` tuple."""
    for key, value in items:
        if key == name:
            return value
    return default


@dataclass(frozen=True)
class DocumentMeta:
    """What the opening lines, title and signature say about a report."""

    title: str = ""
    # Government names as written where the text names its author, best first,
    # e.g. ("中共无极县委", "无极县人民政府"); resolved to entities later.
    author_names: tuple[str, ...] = ()
    # Which line decided the author: "title", "opening", "signature", "byline"...
    author_evidence: str = ""
    # The line of text that decided the author (title, signature line, byline ...).
    author_line: str = ""
    # Self-reference such as 县 in 我县/全县, telling the author's level.
    self_level: str = ""
    addressees: tuple[str, ...] = ()
    # The publisher a web page's byline names (来源/发布机构: X县司法局), often not the author.
    byline: str = ""
    date: str = ""  # ISO date signed or published, "" if unknown
    year: int | None = None  # the year reported on
    kind: str = "report"  # report | summary | article


@dataclass(frozen=True)
class Document:
    """One input file, decoded to text.

    ``text`` is the decoded content with web-page chrome blanked out by spaces,
    so every offset into ``text`` is also an offset into the decoded file
    (for .txt/.md) or into the extracted text layer (html/docx/pdf), and
    ``source_offsets`` (when not empty) maps each text index to the index in
    the decoded source file.
    """

    path: str
    name: str
    text: str
    sha1: str
    fmt: str
    encoding: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    source_offsets: tuple[int, ...] = ()

    def source_offset(self, index: int) -> int:
        """Offset in the decoded source file for an offset into ``text``."""
        if not self.source_offsets:
            return index
        if index >= len(self.source_offsets):
            return self.source_offsets[-1] + 1 if self.source_offsets else index
        return self.source_offsets[index]


@dataclass(frozen=True)
class Mention:
    """A piece of text that names something, with where it was found."""

    type: str  # one of MENTION_TYPES
    surface: str  # exactly text[start:end]
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    # Extractor-specific facts, e.g. ("quoted", "0"), ("version", "2021年修订版").
    attrs: Attrs = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        """One extractor-specific fact about this mention."""
        return attr(self.attrs, name, default)


@dataclass(frozen=True)
class Entity:
    """A resolved thing in the graph, identified by a deterministic IRI."""

    iri: str
    type: str  # regulation | government | place | institution | initiative | indicator
    label: str
    key: str  # canonical key the IRI was made from
    aliases: tuple[str, ...] = ()
    # Type-specific facts, e.g. ("kind", "法律"), ("code", "131022"), ("level", "county").
    attrs: Attrs = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        """One type-specific fact about this entity."""
        return attr(self.attrs, name, default)


@dataclass(frozen=True)
class Relation:
    """A statement between two entities that a document supports."""

    subject: str  # IRI
    predicate: str  # IRI
    object: str  # IRI
    mention: Mention | None = None  # evidence, if a particular span gave it


@dataclass(frozen=True)
class Resolved:
    """A mention and the entity it was resolved to."""

    mention: Mention
    entity: Entity


@dataclass(frozen=True)
class ResolvedDocument:
    """Everything the graph stage needs for one document."""

    document: Document
    iri: str
    author: tuple[Entity, ...]  # organs credited with the report (may be empty)
    author_place: Entity | None
    mentions: tuple[Resolved, ...]
    entities: tuple[Entity, ...]  # every entity referenced, incl. parents
    relations: tuple[Relation, ...] = ()
    addressees: tuple[Entity, ...] = ()
    error: str | None = None
    # How sure the author resolution is (0..1), None when no author was found.
    author_confidence: float | None = None
    # Which kind of line decided the author (title, signature, first-sentence …) and that line.
    author_evidence: str = ""
    author_line: str = ""
    # Who published the page (a byline), when it names someone.
    publisher: str = ""

    @property
    def primary_author(self) -> Entity | None:
        """The organ a report speaks for: its people's government when one is credited.

        A joint report of 中共无极县委 and 无极县人民政府 credits both; the people's
        government is the one adoptions, observations and citations are attributed to.
        """
        government = next((a for a in self.author if a.attr("organ") == "government"), None)
        return government or (self.author[0] if self.author else None)
