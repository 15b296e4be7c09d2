"""A header block of ``Name: value`` lines above a plain-text article.

Archives and hand-made files often open with a few such lines (``Titel: ...``,
``Datum: 2023-09-14``, ``Bron: NOS``) and a blank line before the text. They are the
article's metadata, not its first sentences: the date is its publication date (it was read
as text, so the document had none), the title its title. A block is taken only when every
line in it has a name listed here and a blank line follows, so a body that opens with
"Rusland: ..." stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Names (lower case, Dutch and English) -> the field they fill.
FIELDS = {
    "titel": "title", "title": "title", "kop": "title", "kopregel": "title",
    "headline": "title",
    "datum": "date", "date": "date", "gepubliceerd": "date", "publicatiedatum": "date",
    "published": "date",
    "bron": "outlet", "source": "outlet", "medium": "outlet", "krant": "outlet",
    "outlet": "outlet",
    "url": "url", "link": "url",
}
_LINE = re.compile(r"^[ \t]*([A-Za-z]+)[ \t]*:[ \t]*(\S.*?)[ \t]*$")
_MAX_LINES = 10


@dataclass
class Header:
    """The fields a header block gave, and the text after it."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def split_header(text: str) -> Header | None:
    """The header block at the top of ``text`` and the body after it; None without one."""
    lines = text.lstrip("\n").split("\n")
    found: dict[str, str] = {}
    for number, line in enumerate(lines[: _MAX_LINES + 1]):
        if not line.strip():
            if not found or not "\n".join(lines[number:]).strip():
                return None  # no header, or nothing after it: the lines are the text
            return Header(found, "\n".join(lines[number + 1 :]))
        match = _LINE.match(line)
        name = FIELDS.get(match.group(1).lower()) if match else None
        if match is None or name is None or name in found:
            return None
        found[name] = match.group(2)
    return None
