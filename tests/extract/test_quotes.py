"""Quotes and their speakers. The linker is simulated: tests add the linked mentions it would
make (code, actor id, coref for pronouns)."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from kroniek.extract.quotes import find_quotes
from kroniek.ingest import to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.furniture import find_furniture
from kroniek.ingest.readers import read
from kroniek.model import Document, Mention


def link(document: Document, surface: str, code: str, actor: str, label: str = "PER",
         nth: int = 0) -> None:
    at = -1
    for _ in range(nth + 1):
        at = document.text.index(surface, at + 1)
    sentence = document.sentence_at(at)
    assert sentence is not None
    document.mentions.append(Mention(sentence, at, at + len(surface), surface, label, actor,
                                     "coref" if label == "PRON" else "alias", code=code))


@pytest.mark.frog
@pytest.mark.parametrize(("text", "surface", "expected", "direct"), [
    ("'We zullen niet wijken', zei Lavrov.", "Lavrov", "We zullen niet wijken", True),
    ("\"De aanval was een misdaad\", aldus Lavrov.", "Lavrov", "De aanval was een misdaad",
     True),
    ("Lavrov: „Wij willen vrede in de regio.”", "Lavrov", "Wij willen vrede in de regio.",
     True),
    ("Volgens Lavrov is de aanval “een flagrante schending van het bestand”.", "Lavrov",
     "een flagrante schending van het bestand", False),
    ("Lavrov zei dat Moskou «geen enkele provocatie» zal dulden.", "Lavrov",
     "geen enkele provocatie", False),
    ("Lavrov sprak met Blinken. ‘Dit kan zo niet verder’, klonk het.", "Lavrov",
     "Dit kan zo niet verder", True),
    (",,Operatie Vredeslente begint nu”, schreef Lavrov op Twitter.", "Lavrov",
     "Operatie Vredeslente begint nu", True),
])
def test_quote_forms(analyse, text: str, surface: str, expected: str,  # type: ignore[no-untyped-def]
                     direct: bool) -> None:
    document = analyse(text)
    link(document, surface, "RUS", "sergei-lavrov")
    if "Blinken" in text:
        link(document, "Blinken", "USA", "antony-blinken")
    [quote] = find_quotes(document)
    assert quote.text == expected
    assert quote.speaker == "RUS" and quote.speaker_kb == "sergei-lavrov"
    assert quote.direct is direct


@pytest.mark.frog
def test_pronoun_subject_of_reported_clause(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Hij spoorde de leiders aan de vijandelijkheden 'om humanitaire redenen' "
                       "te staken.")
    link(document, "Hij", "RUS", "vladimir-putin", "PRON")
    [quote] = find_quotes(document)
    assert (quote.text, quote.speaker, quote.direct) == ("om humanitaire redenen", "RUS", False)


@pytest.mark.frog
def test_scare_quotes_and_apostrophes_are_not_quotes(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Het 'vergeten' conflict kostte zo'n 400 mensen het leven. De auto's van "
                       "de Houthi's reden 's avonds weg.")
    assert find_quotes(document) == []


@pytest.mark.frog
def test_a_word_someone_used_is_a_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Lavrov noemde de demonstranten 'provocateurs'. Het 'nieuwe' plan "
                       "werd gisteren gepresenteerd.")
    link(document, "Lavrov", "RUS", "sergey-lavrov")
    quotes = find_quotes(document)
    assert [(q.text, q.speaker) for q in quotes] == [("provocateurs", "RUS")]


@pytest.mark.frog
def test_unnamed_source_gives_no_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Volgens bronnen is het akkoord 'zo goed als rond'.")
    [quote] = find_quotes(document)
    assert quote.speaker is None


@pytest.mark.shared
@pytest.mark.frog
def test_seed_quotes(frog) -> None:  # type: ignore[no-untyped-def]
    path = shared_path("corpus/seed-karabach-moskou.txt")
    text, notes = decode(path.read_bytes(), path.name)
    [article] = list(read(text, path.name, notes))
    document = to_document(article)  # type: ignore[arg-type]
    document.furniture = find_furniture(document.text)
    frog.analyse(document)
    quotes = find_quotes(document)
    for prefix in ("We veroordelen alle tussenkomsten", "om humanitaire redenen",
                   "gevangenen en de lichamen van gesneuvelden uit te wisselen"):
        assert sum(q.text.startswith(prefix) for q in quotes) == 1, (prefix, quotes)
    assert not any(q.text.startswith("vergeten") for q in quotes)
    assert len(quotes) == 3  # the pull quote is furniture, not a second quote
