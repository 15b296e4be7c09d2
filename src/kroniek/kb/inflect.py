"""Dutch adjective inflection, so the data files list each adjective once."""

from __future__ import annotations

_VOWELS = "aeiou"


def inflected(adjective: str) -> str:
    """The attributive -e form: Russisch -> Russische, Chinees -> Chinese, Turks -> Turkse.

    A long vowel written double before a final consonant loses its second letter in the
    open syllable (Indiaas -> Indiase); "ij", "ie", "oe", "eu" are diphthongs and stay.
    """
    if adjective.endswith(("e", "-")):
        return adjective
    stem = adjective
    if len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] == stem[-2]:
        stem = stem[:-2] + stem[-1]
    return stem + "e"


def with_inflections(adjectives: list[str]) -> list[str]:
    out: list[str] = []
    for adjective in adjectives:
        for form in (adjective, inflected(adjective)):
            if form not in out:
                out.append(form)
    return out
