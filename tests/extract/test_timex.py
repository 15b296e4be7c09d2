"""Dutch time expressions on our own phrase list, and the reference article's dates."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import shared_path

from kroniek.extract.timex import find_time_expressions, refine_publication_date, time_for
from kroniek.ingest import to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.readers import read
from kroniek.model import DateInterval

D = dt.date
FRIDAY = DateInterval(D(2021, 3, 12), D(2021, 3, 12), "day")  # a Friday

# (sentence, expression text, kind, start, end) against publication Friday 2021-03-12
PHRASES = [
    ("Donderdag had de minister nog gewaarschuwd.", "Donderdag", "weekday",
     D(2021, 3, 11), D(2021, 3, 11)),
    ("De ministers reizen maandag naar Moskou.", "maandag", "weekday",
     D(2021, 3, 15), D(2021, 3, 15)),
    ("Dinsdag heeft de regering het akkoord getekend.", "Dinsdag", "weekday",
     D(2021, 3, 9), D(2021, 3, 9)),
    ("Het leger zal zondag de aanval inzetten.", "zondag", "weekday",
     D(2021, 3, 14), D(2021, 3, 14)),
    ("Vrijdagavond sprak de president.", "Vrijdagavond", "weekday",
     D(2021, 3, 12), D(2021, 3, 12)),  # the publication day itself
    ("Gisteren werd de stad beschoten.", "Gisteren", "relative_day",
     D(2021, 3, 11), D(2021, 3, 11)),
    ("Eergisteren vielen er doden.", "Eergisteren", "relative_day",
     D(2021, 3, 10), D(2021, 3, 10)),
    ("Vandaag praten de partijen in Genève.", "Vandaag", "relative_day",
     D(2021, 3, 12), D(2021, 3, 12)),
    ("Morgen stemt het parlement.", "Morgen", "relative_day", D(2021, 3, 13), D(2021, 3, 13)),
    ("Vorige week kwamen de ministers bijeen.", "Vorige week", "relative_week",
     D(2021, 3, 1), D(2021, 3, 7)),
    ("Volgende week reist de premier naar Kiev.", "Volgende week", "relative_week",
     D(2021, 3, 15), D(2021, 3, 21)),
    ("Deze week kwam het tot gevechten.", "Deze week", "relative_week",
     D(2021, 3, 8), D(2021, 3, 14)),
    ("Vorige maand werd een bestand gesloten.", "Vorige maand", "relative_month",
     D(2021, 2, 1), D(2021, 2, 28)),
    ("Eind vorige maand trokken de troepen zich terug.", "Eind vorige maand", "relative_month",
     D(2021, 2, 21), D(2021, 2, 28)),
    ("Begin deze maand vielen de eerste bommen.", "Begin deze maand", "relative_month",
     D(2021, 3, 1), D(2021, 3, 10)),
    ("Sinds 27 september wordt er gevochten.", "Sinds 27 september", "since",
     D(2020, 9, 27), D(2021, 3, 12)),
    ("De top vond plaats op 3 maart.", "3 maart", "date", D(2021, 3, 3), D(2021, 3, 3)),
    ("Op 3 maart 2019 viel de stad.", "3 maart 2019", "date", D(2019, 3, 3), D(2019, 3, 3)),
    ("De republiek verklaarde zich in 1991 onafhankelijk.", "in 1991", "year",
     D(1991, 1, 1), D(1991, 12, 31)),
    ("In januari begonnen de protesten.", "januari", "month", D(2021, 1, 1), D(2021, 1, 31)),
    ("De oproepen werden de afgelopen 13 dagen genegeerd.", "de afgelopen 13 dagen", "span",
     D(2021, 2, 27), D(2021, 3, 12)),
    ("Twee weken geleden werd de ambassadeur ontboden.", "Twee weken geleden", "ago",
     D(2021, 2, 23), D(2021, 3, 1)),
    ("Vorig jaar stierven er duizenden.", "Vorig jaar", "relative_year",
     D(2020, 1, 1), D(2020, 12, 31)),
    ("Volgend jaar worden er verkiezingen gehouden.", "Volgend jaar", "relative_year",
     D(2022, 1, 1), D(2022, 12, 31)),
    ("Eind september 2020 laaide het conflict op.", "Eind september 2020", "month",
     D(2020, 9, 21), D(2020, 9, 30)),
    ("Vorige week dinsdag werd hij gearresteerd.", "Vorige week dinsdag", "weekday",
     D(2021, 3, 2), D(2021, 3, 2)),
    ("Tien dagen geleden brak de opstand uit.", "Tien dagen geleden", "ago",
     D(2021, 3, 2), D(2021, 3, 2)),
]


@pytest.fixture(scope="module")
def phrase_documents(frog):  # type: ignore[no-untyped-def]
    from kroniek.model import Document

    documents = []
    for sentence, *_ in PHRASES:
        document = Document(id="t", text=sentence, source="t", key="t")
        frog.analyse(document)
        document.published = FRIDAY
        documents.append(document)
    return documents


@pytest.mark.frog
def test_phrase_list(phrase_documents) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for document, (sentence, text, kind, start, end) in zip(phrase_documents, PHRASES,
                                                            strict=True):
        found = [e for e in find_time_expressions(document) if e.text == text]
        got = [(e.kind, e.interval.start, e.interval.end) for e in found]
        if got != [(kind, start, end)]:
            wrong.append((sentence, got))
    accuracy = 1 - len(wrong) / len(PHRASES)
    print(f"timex phrase accuracy {accuracy:.3f} ({len(PHRASES) - len(wrong)}/{len(PHRASES)})")
    assert not wrong, wrong


@pytest.mark.frog
def test_month_anchor_gives_intervals(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("De ministers reizen vrijdag naar Moskou.")
    document.published = DateInterval(D(2020, 10, 1), D(2020, 10, 31), "month")
    [expression] = find_time_expressions(document)
    assert expression.inferred
    assert expression.interval.start == D(2020, 10, 2)  # first Friday on or after the 1st
    assert expression.interval.end == D(2020, 11, 6)  # next Friday after the 31st
    refine_publication_date(document)  # one weekday alone pins nothing
    assert document.published.precision == "month" and not document.date_inferred


@pytest.mark.frog
def test_refinement_from_counted_days(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse(
        "Sinds 3 mei wordt er gevochten. De oproepen zijn de afgelopen 10 dagen genegeerd. "
        "Woensdag had de VN nog gewaarschuwd. Donderdag praten de partijen in Genève.")
    document.published = DateInterval(D(2022, 5, 1), D(2022, 5, 31), "month")
    refine_publication_date(document)
    assert document.date_inferred
    assert document.published.start >= D(2022, 5, 12) and document.published.end <= D(2022, 5, 13)
    assert document.published.contains(D(2022, 5, 12))  # Thursday: Wednesday past, Thursday next


@pytest.mark.frog
def test_time_for_nearest(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Gisteren sprak hij met Lavrov, die maandag naar Ankara reist.")
    document.published = FRIDAY
    near = time_for(document, 0, document.text.index("reist"))
    assert near is not None and near.text == "maandag"
    assert time_for(document, 0).text == "Gisteren"  # type: ignore[union-attr]
    assert time_for(document, 0, 0) is not None


def _seed():  # type: ignore[no-untyped-def]
    path = shared_path("corpus/seed-karabach-moskou.txt")
    text, notes = decode(path.read_bytes(), path.name)
    [article] = list(read(text, path.name, notes))
    return to_document(article)  # type: ignore[arg-type]


@pytest.mark.shared
@pytest.mark.frog
def test_seed_dates(frog) -> None:  # type: ignore[no-untyped-def]
    document = _seed()
    frog.analyse(document)
    refine_publication_date(document)
    assert document.date_inferred and document.published.contains(D(2020, 10, 9))
    by_text = {e.text.lower(): e.interval for e in find_time_expressions(document)}
    assert by_text["donderdag"].start == by_text["donderdag"].end == D(2020, 10, 8)
    assert by_text["vrijdag"].start == by_text["vrijdag"].end == D(2020, 10, 9)
    assert by_text["in 1991"].iso() == "1991"
    assert by_text["sinds 27 september"].start == D(2020, 9, 27)
