"""Plain text from an HTML page, with a map back to source offsets.

``html.parser`` reports where each tag starts, so every character of the
extracted text can be traced to its position in the decoded page; this is
what lets a mention's span be shown in the original file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Whole elements that are never content (scripts, page chrome).
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "select",
    "button",
    "iframe",
    "svg",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "dd",
    "dt",
    "pre",
    "blockquote",
    "hr",
    "td",
    "th",
}
_VOID = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
    "param",
}


class _TextParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, exact: bool) -> None:
        if self.skip_depth:
            return
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offsets.append(start + i if exact else start)

    def _newline(self) -> None:
        if self.skip_depth == 0 and self.chars and self.chars[-1] != "\n":
            self._emit("\n", self._pos(), exact=False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self._newline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        # Collapse runs of layout whitespace but keep each kept char's offset.
        start = self._pos()
        for m in re.finditer(r"[^\s]+|\s+", data):
            piece = m.group()
            if piece.isspace():
                if "\n" in piece or len(piece) > 1:
                    if self.chars and self.chars[-1] not in "\n ":
                        self._emit(" ", start + m.start(), exact=True)
                else:
                    self._emit(piece, start + m.start(), exact=True)
            else:
                self._emit(piece, start + m.start(), exact=True)

    def _ref(self, raw: str) -> None:
        start = self._pos()
        text = html.unescape(raw)
        if self.in_title:
            self.title_parts.append(text)
        else:
            self._emit(text, start, exact=False)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


# Stands in for a "<" that cannot open a tag (same length, so offsets stay exact).
_STRAY_LT = "\ufffc"


def _defuse_stray_lt(source: str) -> str:
    """``source`` with every ``<`` after the last ``>`` replaced by a stand-in.

    Such a ``<`` can only be text, but html.parser retries it as a possible
    tag at every later ``<`` once the input ends, which is quadratic: a page
    of 40,000 ``<a`` took minutes.
    """
    last = source.rfind(">")
    if "<" not in source[last + 1 :]:
        return source
    return source[: last + 1] + source[last + 1 :].replace("<", _STRAY_LT)


def html_to_text(source: str) -> tuple[str, tuple[int, ...], str]:
    """Extract ``(text, source_offsets, page_title)`` from decoded HTML."""
    parsed = _defuse_stray_lt(source)
    parser = _TextParser(parsed)
    parser.feed(parsed)
    parser.close()
    if parsed is not source:
        parser.chars = [
            "<" if ch == _STRAY_LT and source[at] == "<" else ch
            for ch, at in zip(parser.chars, parser.offsets, strict=True)
        ]
    text = "".join(parser.chars)
    # Non-breaking spaces become plain spaces so extractors see word gaps.
    text = text.replace("\xa0", " ").replace("\u3000", " ")
    title = " ".join("".join(parser.title_parts).split())
    return text, tuple(parser.offsets), title
