"""User data made safe for a terminal: control characters shown, never obeyed.

Article text, titles and file names come from outside. Printed raw, an ESC sequence
(``\\x1b[2J`` clears the screen, ``\\x1b]0;...\\x07`` retitles the window, OSC 8 forges
links), another C0/C1 control, or a bidi override (U+202E reverses what follows) would be
executed by the terminal. Rich strips only BEL, BS, VT, FF and CR, so every print of user
data goes through :func:`printable`, which writes such characters as visible escapes
(``\\x1b``, ``\\u202e``). ``--json`` output goes through :func:`json_text`: the same
characters as JSON escapes, so the data stays exact.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.markup import escape

# Unicode's explicit bidi formatting characters (LRM/RLM, ALM, embeddings, overrides,
# isolates) and the line/paragraph separators some terminals break lines at.
_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# C0 controls except tab and newline, DEL, the C1 controls (0x9b is a one-byte CSI).
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, newlines: bool = False) -> str:
    """``text`` with control and bidi characters as visible escapes (``\\x1b``).

    A newline is escaped too unless ``newlines`` (for article text shown as text): a name
    or an error is one line, and a newline in it could forge a line of output.
    """
    pattern = _UNSAFE if newlines else _UNSAFE_OR_NEWLINE
    return pattern.sub(_escape, str(text))


def in_markup(text: object) -> str:
    """``text`` for a Rich markup string: controls visible, its square brackets literal."""
    return escape(printable(text))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON in which no character is a terminal control.

    ``json.dumps`` escapes C0 controls but, with ``ensure_ascii=False`` (kept so Dutch
    letters stay readable), leaves C1 controls and bidi characters raw. They can only stand
    inside JSON strings, where ``\\uXXXX`` means the same character: the JSON is exact.
    """
    encoded = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    return _UNSAFE.sub(_json_escape, encoded)
