"""Map Frog's tokens back onto character offsets in the original text.

Frog does not report offsets, but its tokeniser keeps each token's characters; a token is
found by scanning forward from the end of the previous one. Multi-word units
(``Vladimir_Poetin``) match their parts across any whitespace.
"""

from __future__ import annotations

import re

# How far ahead to look for a token before giving up on exact alignment; a miss only
# happens when the tokeniser rewrote characters, which it does for a handful of symbols.
SEARCH_WINDOW = 200


class Aligner:
    def __init__(self, text: str, cursor: int = 0) -> None:
        self.text = text
        self.cursor = cursor

    def place(self, parts: list[str]) -> tuple[int, int]:
        """Offsets of the next token made of ``parts``; advances the cursor."""
        window = self.text[self.cursor : self.cursor + SEARCH_WINDOW + len("".join(parts)) * 2]
        if len(parts) == 1:
            # The common case needs no regular expression (one compiled per token adds up).
            at = window.find(parts[0])
            if at >= 0:
                start = self.cursor + at
                self.cursor = start + len(parts[0])
                return start, self.cursor
        pattern = r"\s*".join(re.escape(part) for part in parts)
        found = re.search(pattern, window)
        if found is None:
            # The tokeniser changed the characters: claim as many of the next non-space
            # characters as the token has, so offsets stay monotonic and the following
            # tokens, searched from there, still align.
            rest = re.search(r"\S+", window)
            if rest is None:
                return self.cursor, self.cursor
            length = min(len("".join(parts)), rest.end() - rest.start())
            start = self.cursor + rest.start()
            end = start + length
        else:
            start, end = self.cursor + found.start(), self.cursor + found.end()
        self.cursor = end
        return start, end
