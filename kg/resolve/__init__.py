"""Resolve: mentions -> entities with canonical keys and deterministic IRIs."""

from kg.resolve.document import Resources, resolve_author, resolve_document

__all__ = ["Resources", "resolve_author", "resolve_document"]
