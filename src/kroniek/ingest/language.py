"""Which language an article is in. Frog reads Dutch only, so others are refused early."""

from __future__ import annotations

from functools import cache

import py3langid

# Restricting the candidates makes short Dutch texts far less likely to be read as
# Afrikaans or Frisian, which the unrestricted model often does.
CANDIDATES = ["nl", "en", "de", "fr", "es", "it", "pt", "ru", "tr", "ar", "pl", "uk"]
MIN_WORDS = 8  # below this, identification is guesswork: trust the caller


@cache
def _identifier() -> py3langid.langid.LanguageIdentifier:
    identifier = py3langid.langid.LanguageIdentifier.from_model_file(
        py3langid.langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(CANDIDATES)
    return identifier


def detect(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return None
    language, _probability = _identifier().classify(text[:5000])
    return str(language)
