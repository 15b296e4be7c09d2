"""Document identity: the same article text always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

ID_LENGTH = 20  # hex digits; 80 bits is plenty for any realistic archive


def normalise_text(text: str) -> str:
    """The text as stored: NFC, Unix line ends, no trailing spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def document_id(text: str) -> str:
    """Stable hash of the text with all whitespace differences and case removed."""
    canonical = re.sub(r"\s+", " ", normalise_text(text)).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:ID_LENGTH]
