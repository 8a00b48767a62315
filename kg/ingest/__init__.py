"""Ingest: files -> ``Document`` (decoded text, chrome blanked, metadata)."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from kg.ingest.chrome import blank_chrome
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.files import SUFFIXES, discover
from kg.ingest.html import html_to_text
from kg.ingest.invisible import blank_invisible
from kg.ingest.metadata import extract_metadata
from kg.ingest.office import NoTextError, docx_text, pdf_text
from kg.model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "discover", "read_document"]


class IngestError(Exception):
    """A file that cannot become a ``Document``; the message says why in plain words."""


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one regular file, or ``IngestError`` saying in plain words why not.

    Never blocks on a pipe or device and never reads more than ``max_bytes``
    (+1 to notice a file that grew past the limit after it was measured).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as err:
        if path.is_symlink():
            raise IngestError(f"broken symbolic link (target {os.readlink(path)} missing)") from err
        raise IngestError("vanished: it was deleted or moved during the build") from err
    except IsADirectoryError as err:
        raise IngestError("is a folder, not a file") from err
    except PermissionError as err:
        raise IngestError("permission denied: the file cannot be opened for reading") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise IngestError("symbolic link loop (the link points back to itself)") from err
        raise IngestError(f"cannot be opened: {err.strerror or err}") from err
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            if not os.access(path, os.R_OK | os.X_OK):
                raise IngestError("permission denied: the folder cannot be listed")
            raise IngestError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file (a pipe, socket or device)")
        if info.st_size > max_bytes:
            raise IngestError(
                f"too large: {info.st_size:,} bytes (limit {max_bytes:,}; see --max-bytes)"
            )
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise IngestError(f"too large: grew past {max_bytes:,} bytes while being read")
        return b"".join(chunks)
    except OSError as err:  # e.g. EIO, or a network file system that went away
        raise IngestError(f"cannot be read: {err.strerror or err}") from err
    finally:
        os.close(fd)


def read_document(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a ``Document``, or raise ``IngestError`` naming the problem."""
    p = Path(path)
    suffix = p.suffix.lower()
    data = read_bytes(p, max_bytes)
    if not data.strip():
        raise IngestError("empty file" if not data else "empty file (only blanks)")
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
        raise IngestError("no text: nothing readable is left after removing markup")
    content = blank_chrome(blank_invisible(raw))
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
