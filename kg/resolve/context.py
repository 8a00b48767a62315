"""What every per-type resolver needs to know about the document being resolved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.model import Entity, Relation
from kg.resolve.catalog import Catalog
from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.initiatives import InitiativeScheme


@dataclass(frozen=True)
class Resources:
    """Reference data every document is resolved against (loaded once per process)."""

    gazetteer: Gazetteer
    catalog: Catalog
    initiatives: InitiativeScheme

    @classmethod
    def load(cls) -> Resources:
        """The gazetteer, catalogue and initiative scheme shipped with the package."""
        return cls(Gazetteer.load(), Catalog.load(), InitiativeScheme.load())


@dataclass(frozen=True)
class DocumentContext:
    """The document-level facts a mention is resolved in.

    ``keep`` registers an entity the document's graph must describe (e.g. the
    parent organs of a government) and returns it; ``relate`` records a
    statement between two entities with the mention that supports it.
    """

    res: Resources
    year: int | None
    author_division: Division | None
    author: Entity | None  # the main author organ (its 人民政府 when there is one)
    keep: Callable[[Entity], Entity]
    relate: Callable[[Relation], None]
    own: Entity | None = None  # the author when it is a department or a national body (我局)
    doc: str = ""  # the document's id: scopes names that mean something only in this report
    named: tuple[str, ...] = ()  # codes of the places the text names (for an unplaced author)

    @property
    def author_code(self) -> str | None:
        """Division code of the author's place."""
        return self.author_division.code if self.author_division else None

    @property
    def context_codes(self) -> tuple[str, ...]:
        """Codes of the author's place and its ancestors, for disambiguating names."""
        if self.author_division is None:
            return ()
        return tuple(d.code for d in self.res.gazetteer.chain(self.author_division.code, self.year))

    def keep_government(self, div: Division, organ: str = "government") -> Entity:
        """Register the organ ``organ`` of ``div`` with its parents and places; return it."""
        from kg.resolve.places import government_chain

        first, *rest = government_chain(div, organ, self.res.gazetteer, self.year)
        for entity in rest:
            self.keep(entity)
        return self.keep(first)
