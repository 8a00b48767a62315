"""Resolve: mentions -> entities with canonical keys and deterministic IRIs."""

from kg.resolve.authors import resolve_author
from kg.resolve.context import DocumentContext, Resources
from kg.resolve.document import resolve_document

__all__ = ["DocumentContext", "Resources", "resolve_author", "resolve_document"]
