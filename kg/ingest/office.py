"""Text layers of .docx and .pdf files."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from importlib.resources import files


class NoTextError(ValueError):
    """The file has no text we can read (e.g. a scanned PDF)."""


# A .docx is a zip: 390 KB can unpack to gigabytes. Reports unpack to a few MB.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_TEXT = 20_000_000  # characters of text taken from one .docx or PDF
MAX_PAGES = 5_000


def _check_unpacked(data: bytes, limit: int = MAX_UNPACKED) -> None:
    """Refuse a zip whose members unpack to more than ``limit`` bytes (a zip bomb)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise NoTextError(f"not a readable .docx ({type(err).__name__}: {err})") from err
    if size > limit:
        raise NoTextError(
            f"not a readable .docx: it unpacks to {size / 2**20:,.0f} MB, more than "
            f"{limit / 2**20:,.0f} MB (a zip bomb, or not a report)"
        )


def docx_text(data: bytes) -> str:
    """Paragraph and table text of a .docx, one paragraph a line."""
    import docx  # python-docx; imported lazily, most corpora are txt/html

    _check_unpacked(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # zip or XML damage: python-docx raises many types
        raise NoTextError(f"not a readable .docx ({type(err).__name__}: {err})") from err
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise NoTextError("the .docx contains no text")
    if len(text) > MAX_TEXT:
        raise NoTextError(f"the .docx holds more than {MAX_TEXT:,} characters: not one report")
    return text


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PAGES:
            raise NoTextError(f"the PDF has {len(reader.pages):,} pages: not one report")
        pages, size = [], 0
        for page in reader.pages:  # stop early: a small PDF can expand to huge text
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_TEXT:
                raise NoTextError(
                    f"the PDF holds more than {MAX_TEXT:,} characters: not one report"
                )
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        if isinstance(err, NoTextError):
            raise
        raise NoTextError(f"not a readable PDF ({type(err).__name__}: {err})") from err
    text = fix_radicals("\f".join(pages))
    if not text.strip():
        raise NoTextError("the PDF has no text layer (scanned image?); OCR it first")
    return text


@cache
def _radical_table() -> dict[int, str]:
    """Kangxi radicals (by NFKC) and Radicals Supplement look-alikes -> characters."""
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FE0)}
    text = files("kg.data").joinpath("cjk_radicals.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if line and not line.startswith("#") and "\t" in line:
            radical, character = line.split("\t")[:2]
            if radical != "radical":
                table[ord(radical)] = character
    return {cp: ch for cp, ch in table.items() if len(ch) == 1}


def fix_radicals(text: str) -> str:
    """Replace radical look-alikes from PDF fonts by the characters meant (one for one)."""
    return text.translate(_radical_table())
