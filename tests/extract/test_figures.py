"""Casualty and displacement figures on our own sentences, the seed article and the dev set."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from kroniek.extract.figures import find_figures, parse_number, parse_number_word
from kroniek.ingest import to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.furniture import find_furniture
from kroniek.ingest.readers import read

CASES = [
    ("Bij de aanval kwamen zeker 400 mensen om het leven.", [("dead", 400, "at_least")]),
    ("Er vielen 1.200 doden en ruim twaalf gewonden.",
     [("dead", 1200, "exact"), ("injured", 12, "at_least")]),
    ("Naar schatting 1,5 miljoen mensen zijn op de vlucht geslagen.",
     [("displaced", 1_500_000, "about")]),
    ("De politie heeft vierhonderd betogers opgepakt.", [("arrested", 400, "exact")]),
    ("Bij de beschieting raakte niemand gewond.", [("injured", 0, "exact")]),
    ("Tientallen mensen kwamen om het leven.", []),
    ("Bijna de helft van de bevolking is gevlucht.", [("displaced", 0.5, "at_most")]),
    ("Een dode en twee gewonden, zo luidt de balans.",
     [("dead", 1, "exact"), ("injured", 2, "exact")]),
    ("Het dodental is opgelopen tot 86.", [("dead", 86, "exact")]),
    ("Sinds 27 september zijn nog geen 50 mensen gearresteerd.", [("arrested", 50, "at_most")]),
    ("In 2014 werden 300 soldaten gedood, in 13 dagen tijd.", [("dead", 300, "exact")]),
    ("Circa 2000 inwoners zijn ontheemd.", [("displaced", 2000, "about")]),
    ("Het ongeluk kostte vijfentwintig mensen het leven.", [("dead", 25, "exact")]),
    ("Minstens 30 demonstranten werden aangehouden.", [("arrested", 30, "at_least")]),
    ("Zo'n 300 mensen raakten gewond.", [("injured", 300, "about")]),
    ("Er zijn meer dan 100.000 vluchtelingen.", [("displaced", 100_000, "at_least")]),
    ("Ten minste 12 soldaten sneuvelden.", [("dead", 12, "at_least")]),
    ("Rond de 40 mensen raakten gewond bij de aanslag.", [("injured", 40, "about")]),
    ("Hooguit 20 mensen zijn gearresteerd.", [("arrested", 20, "at_most")]),
    ("Het leger rukte 13 kilometer op en vuurde 400 raketten af.", []),
]


def test_number_words() -> None:
    assert parse_number_word("vierhonderd") == 400
    assert parse_number_word("twaalf") == 12
    assert parse_number_word("vijfentwintig") == 25
    assert parse_number_word("tweeduizendvijfhonderd") == 2500
    assert parse_number_word("tientallen") is None
    assert parse_number("1.200") == 1200 and parse_number("1,5 miljoen") == 1_500_000


@pytest.mark.frog
@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_figure_cases(analyse, sentence: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    document = analyse(sentence)
    got = [(f.kind, f.value, f.qualifier) for f in find_figures(document)]
    assert got == [(k, pytest.approx(v), q) for k, v, q in expected]


@pytest.mark.frog
def test_fraction_unit_and_furniture(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("De helft van de bevolking sloeg op de vlucht.\n\n400 doden")
    [figure] = [f for f in find_figures(document) if f.kind == "displaced"]
    assert figure.unit == "fraction_of_population" and figure.value == 0.5
    document.furniture = [(document.text.index("400"), len(document.text))]
    assert all(f.kind != "dead" for f in find_figures(document))


def _article(path):  # type: ignore[no-untyped-def]
    text, notes = decode(path.read_bytes(), path.name)
    [article] = list(read(text, path.name, notes))
    document = to_document(article, check_language=False)  # type: ignore[arg-type]
    document.furniture = find_furniture(document.text)
    return document


@pytest.mark.shared
@pytest.mark.frog
def test_seed_figures(frog) -> None:  # type: ignore[no-untyped-def]
    document = _article(shared_path("corpus/seed-karabach-moskou.txt"))
    frog.analyse(document)
    got = [(f.kind, f.value, f.qualifier, f.unit) for f in find_figures(document)]
    assert ("dead", 400, "at_least", "people") in got
    assert ("displaced", 0.5, "exact", "fraction_of_population") in got
    assert len(got) == 2, got  # the fact box repeats both and adds nothing


def dev_figure_recall(frog) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Per gold file: (gold figures found, gold figures)."""
    import json

    results = {}
    for gold_path in sorted(shared_path("gold/dev").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = _article(shared_path(gold["text_file"]))
        frog.analyse(document)
        found = find_figures(document)
        hits = 0
        for figure in gold.get("figures", []):
            if any(f.kind == figure["kind"] and abs(f.value - figure["value"]) < 1e-3
                   and figure.get("qualifier", f.qualifier) == f.qualifier for f in found):
                hits += 1
        results[gold_path.name] = (hits, len(gold.get("figures", [])))
    return results


@pytest.mark.shared
@pytest.mark.frog
def test_dev_figure_recall_reported(frog) -> None:  # type: ignore[no-untyped-def]
    results = dev_figure_recall(frog)
    for name, (hits, total) in results.items():
        print(f"{name}: {hits}/{total}")
    hits = sum(h for h, _ in results.values())
    total = sum(t for _, t in results.values())
    print(f"dev figure recall {hits}/{total}")
    assert total == 0 or hits / total >= 0.5


@pytest.mark.frog
def test_ranges_and_someone(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse("Er vielen 30 tot 35 doden. In Kiev is vanochtend iemand omgekomen.")
    got = [(f.kind, f.value, f.qualifier) for f in find_figures(document)]
    assert got == [("dead", 30, "at_least"), ("dead", 1, "exact")]
