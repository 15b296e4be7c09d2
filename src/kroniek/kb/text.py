"""Normalisation of surface forms, shared by the index and the queries against it."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into base letter + combining mark.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "đ": "d",
        "ł": "l",
        "þ": "th",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
    }
)
_ARTICLES = ("de ", "het ", "the ", "'t ")
_SPACES = re.compile(r"[\s\-_/]+")
_CASE_SENSITIVE = re.compile(r"^[A-Z][A-Z0-9]{1,2}$")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, treat hyphens like spaces, collapse white space."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.translate(_FOLD)
    return _SPACES.sub(" ", text).strip(' .,;:"')


def strip_article(text: str) -> str:
    """Drop one leading Dutch or English definite article ("het Kremlin" -> "Kremlin")."""
    stripped = text.strip()
    lowered = stripped.lower()
    for article in _ARTICLES:
        if lowered.startswith(article) and len(stripped) > len(article):
            return stripped[len(article) :].strip()
    return stripped


def key(text: str) -> str:
    """The case- and diacritic-insensitive index key of a surface form."""
    return fold(strip_article(text))


def is_case_sensitive(form: str) -> bool:
    """Short all-caps forms (VS, IS, EU, VN) match exactly: "is", "vs" and "eu" are words.

    Longer ones (NAVO, OPEC) are matched case-insensitively because Dutch papers write
    "Navo" and "Opec".
    """
    return bool(_CASE_SENSITIVE.match(strip_article(form).strip()))


def exact_key(text: str) -> str:
    """Key for case-sensitive forms: only the article and outer white space are dropped."""
    return unicodedata.normalize("NFC", strip_article(text).strip())
