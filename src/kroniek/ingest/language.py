"""Which language an article is in. Frog reads Dutch only, so others are refused early.

py3langid decides among the languages of ``data/language.yaml`` (measured against lingua
in ``bench/language_id.py``: as accurate on short texts, several times faster). Frisian is
checked apart, from words Frisian writes and Dutch never does, since neither library
knows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import py3langid

from kroniek.datafiles import load_yaml

MIN_WORDS = 8  # below this, identification is guesswork: trust the caller
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class _Settings:
    candidates: tuple[str, ...]
    names: dict[str, str]
    frisian: frozenset[str]
    frisian_min_words: int
    frisian_min_share: float


@cache
def _settings() -> _Settings:
    data = load_yaml((files("kroniek.ingest") / "data" / "language.yaml").read_text())
    frisian = data["frisian"]
    return _Settings(tuple(data["candidates"]), dict(data["names"]),
                     frozenset(frisian["words"]), int(frisian["min_words"]),
                     float(frisian["min_share"]))


@cache
def _identifier() -> py3langid.langid.LanguageIdentifier:
    identifier = py3langid.langid.LanguageIdentifier.from_model_file(
        py3langid.langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(list(_settings().candidates))
    return identifier


def _is_frisian(words: list[str]) -> bool:
    settings = _settings()
    marked = sum(word in settings.frisian for word in words)
    return (marked >= settings.frisian_min_words
            and marked / len(words) >= settings.frisian_min_share)


def detect(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:5000]
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    language = str(_identifier().classify(sample)[0])
    if language == "nl" and _is_frisian(words):
        return "fy"
    return language


def language_name(code: str) -> str:
    """The language's English name for messages (the code when it has none)."""
    return _settings().names.get(code, code)
