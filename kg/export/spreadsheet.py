"""CSV cells that a spreadsheet opens as text, never as a formula (OWASP CSV injection).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is run as a formula by Excel, LibreOffice and Google Sheets; a file name or a
title taken from a report (``《=HYPERLINK(…)》``) must not be. Such a cell is
prefixed with ``'``, which the spreadsheet shows as text. ``plain_cell`` undoes
it for programs that read our CSV back.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def plain_cell(value: str) -> str:
    """The value ``safe_cell`` was given."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value
