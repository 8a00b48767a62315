"""Text layers of .docx and .pdf files."""

from __future__ import annotations

import io


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
    text = "\f".join(pages)
    if not text.strip():
        raise NoTextError("the PDF has no text layer (scanned image?); OCR it first")
    return text
