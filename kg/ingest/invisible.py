"""Invisible format characters: blanked before anything reads the text.

Soft hyphens, zero-width and bidirectional controls (Unicode category Cf) and
variation selectors draw nothing, yet split a title into a new entity
(《行政\\u00ad处罚法》) or let a name look like another. Each one is replaced by
a space, one character for one, so that every offset into the text stays an
offset into the decoded file; title keys ignore spaces, so such a title
resolves to the entity it shows.
"""

from __future__ import annotations

import re

# Category Cf (Unicode 14/15) and the variation selectors (VS1-16, VS17-256).
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufe00-\ufe0f"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)


def blank_invisible(text: str) -> str:
    """``text`` with every invisible format character replaced by a space."""
    return INVISIBLE.sub(" ", text)
