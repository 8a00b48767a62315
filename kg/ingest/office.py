"""Text layers of .docx and .pdf files."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from importlib.resources import files


class NoTextError(ValueError):
    """The file has no text we can read (e.g. a scanned PDF)."""


def docx_text(data: bytes) -> str:
    """Paragraph and table text of a .docx, one paragraph a line."""
    import docx  # python-docx; imported lazily, most corpora are txt/html

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
    return text


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
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
