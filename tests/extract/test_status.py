"""Status cues, each with a sentence where the cue governs the trigger and, where it matters,
one where the cue is in the sentence but not in the trigger's clause."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.extract.status import status_of
from kroniek.model import DateInterval, Document


def trigger(document: Document, word: str) -> tuple[int, int]:
    token = next(t for t in document.tokens if t.text.lower() == word)
    return token.sentence, token.index


CASES = [
    ("Volgens verschillende bronnen stuurde Turkije drones naar Azerbeidzjan.", "stuurde",
     "alleged"),
    ("Ankara zou huurlingen naar het gebied gestuurd hebben.", "gestuurd", "alleged"),
    ("Rusland heeft naar verluidt troepen aan de grens samengetrokken.", "samengetrokken",
     "alleged"),
    ("Kiev beweert dat Rusland de dam heeft opgeblazen.", "opgeblazen", "alleged"),
    ("Het leger heeft vermoedelijk chemische wapens ingezet.", "ingezet", "alleged"),
    ("Rusland zal volgende week troepen sturen.", "sturen", "future"),
    ("De minister gaat met Lavrov praten.", "praten", "future"),
    ("De president is van plan de grens te sluiten.", "sluiten", "future"),
    ("Morgen ontmoet Blinken zijn Chinese ambtgenoot.", "ontmoet", "future"),
    ("Als Iran de straat blokkeert, grijpt de VS in.", "blokkeert", "hypothetical"),
    ("Indien de aanvallen doorgaan, volgen er sancties.", "aanvallen", "hypothetical"),
    ("Een interventie is niet uitgesloten.", "interventie", "hypothetical"),
    ("Het conflict dreigt te escaleren.", "escaleren", "hypothetical"),
    ("Rusland zou de gaskraan kunnen dichtdraaien.", "dichtdraaien", "hypothetical"),
    ("Turkije heeft de grens niet gesloten.", "gesloten", "negated"),
    ("Er kwam geen aanval.", "aanval", "negated"),
    ("Moskou ontkent dat het de drones heeft geleverd.", "geleverd", "negated"),
    ("Het leger heeft nooit burgers beschoten.", "beschoten", "negated"),
    ("Israël bombardeerde gisteren Gaza.", "bombardeerde", "asserted"),
    # the cue is in the sentence but does not govern the trigger
    ("Zas waarschuwde dat een interventie niet uitgesloten was.", "waarschuwde", "asserted"),
    ("Poetin belde Erdogan, maar die wilde niet toegeven.", "belde", "asserted"),
    ("Hij veroordeelde de aanval, die volgens hem niet nodig was.", "veroordeelde", "asserted"),
    ("De VS grijpt in als Iran de straat blokkeert.", "grijpt", "asserted"),
    ("De NAVO beschouwt een aanval op een lid als een aanval op allen.", "beschouwt",
     "asserted"),
    ("Rusland viel niet alleen Kiev aan.", "viel", "asserted"),
]


@pytest.mark.frog
@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_status(analyse, text: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    document = analyse(text)
    document.published = DateInterval(dt.date(2021, 3, 12), dt.date(2021, 3, 12), "day")
    status, cue = status_of(document, *trigger(document, word))
    assert status == expected, cue
    assert (cue is None) == (expected == "asserted")


@pytest.mark.frog
def test_present_tense_with_future_weekday(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Ze sturen vrijdag hun minister naar Moskou. Donderdag belde Poetin.")
    document.published = DateInterval(dt.date(2020, 10, 9), dt.date(2020, 10, 9), "day")
    assert status_of(document, *trigger(document, "sturen")) == ("future", "vrijdag")
    assert status_of(document, *trigger(document, "belde"))[0] == "asserted"
