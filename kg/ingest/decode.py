"""Turn a file's bytes into text, detecting the encoding.

Government websites publish UTF-8 (with or without BOM), GB18030/GBK and,
from Word exports, UTF-16. Strict decoders are tried in order of how often
they are right; charset-normalizer is the last resort.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: its NUL bytes (high bytes of ASCII) all sit on one parity.

    Chinese text in GB18030 or UTF-8 has no NUL bytes at all; UTF-16 text has one
    for every ASCII character (digits, line breaks), always at odd offsets for
    little-endian and even offsets for big-endian.
    """
    sample = data[:8192]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if len(data) % 2 or even + odd < 2:
        return None
    if odd >= 0.95 * (even + odd):
        return "utf-16-le"
    if even >= 0.95 * (even + odd):
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    """Too many control characters for a text document."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad > 0.01 * len(sample) or "\x00" in sample


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise ``DecodeError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise DecodeError(f"declares {encoding} by its BOM but is not: {err}") from err
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _is_binary(text):
        raise DecodeError(f"binary content (decoded as {encoding} it is mostly control characters)")
    return text, encoding
