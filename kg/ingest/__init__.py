"""Ingest: files -> ``Document`` (decoded text, chrome blanked, metadata)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kg.ingest.chrome import blank_chrome
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.files import SUFFIXES, discover
from kg.ingest.html import html_to_text
from kg.ingest.metadata import extract_metadata
from kg.ingest.office import NoTextError, docx_text, pdf_text
from kg.model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "discover", "read_document"]


class IngestError(Exception):
    """A file that cannot become a ``Document``; the message says why in plain words."""


def read_document(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a ``Document``, or raise ``IngestError`` naming the problem."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if p.is_dir():
            raise IngestError("is a folder, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise IngestError(f"too large: {size:,} bytes (limit {max_bytes:,}; see --max-bytes)")
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise IngestError("vanished or does not exist") from err
    except PermissionError as err:
        raise IngestError("permission denied") from err
    except OSError as err:
        if err.errno == 40:  # ELOOP
            raise IngestError("symlink loop") from err
        raise IngestError(f"cannot be read: {err.strerror or err}") from err
    if not data.strip():
        raise IngestError("empty file")
    if suffix not in SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(none)'!r}")
    page_title = ""
    offsets: tuple[int, ...] = ()
    try:
        if suffix == ".docx":
            raw, encoding, fmt = docx_text(data), "docx", "docx"
        elif suffix == ".pdf":
            raw, encoding, fmt = pdf_text(data), "pdf", "pdf"
        else:
            raw, encoding = decode_bytes(data)
            fmt = "md" if suffix in (".md", ".markdown") else "txt"
            if suffix in (".html", ".htm", ".shtml"):
                fmt = "html"
                raw, offsets, page_title = html_to_text(raw)
    except (DecodeError, NoTextError) as err:
        raise IngestError(str(err)) from err
    if not raw.strip():
        raise IngestError("no text content")
    content = blank_chrome(raw)
    return Document(
        path=p.as_posix(),
        name=p.name,
        text=content,
        sha1=hashlib.sha1(data).hexdigest(),
        fmt=fmt,
        encoding=encoding,
        meta=extract_metadata(content, raw, page_title),
        source_offsets=offsets,
    )
