"""Page furniture: pull quotes, fact boxes and credit lines, never body text."""

from __future__ import annotations

from tests.conftest import shared_path

from kroniek.ingest.decode import decode
from kroniek.ingest.furniture import find_furniture
from kroniek.ingest.readers import read

BODY = ("Donderdag had de topman van de alliantie nog gewaarschuwd voor een interventie. "
        "'We veroordelen alle tussenkomsten die er niet op gericht zijn vrede te brengen', "
        "klonk het.")
FACTS = ("Het conflict, dat sinds 27 september zeker 400 mensen het leven heeft gekost, "
         "zadelt het Kremlin met hoofdbrekens op.")


def spans_text(text: str) -> list[str]:
    return [text[start:end] for start, end in find_furniture(text)]


def test_pull_quote_before_its_body_sentence() -> None:
    pull = ("We veroordelen alle tussenkomsten die er niet op gericht zijn vrede te brengen. "
            "Stanislav Zas Hoofd militair bondgenootschap")
    text = f"Inleiding over het conflict in de regio en de rol van Moskou.\n\n{pull}\n\n{BODY}"
    assert spans_text(text) == [pull]


def test_fact_box_after_the_body() -> None:
    box = "400 doden Het conflict heeft sinds 27 september zeker 400 mensen het leven gekost."
    text = f"{FACTS}\n\nDe relatie met Armenië gaat evenwel nog verder dan dat.\n\n{box}"
    assert spans_text(text) == [box]


def test_credit_lines_and_no_false_repeats() -> None:
    text = ("Lees ook: Waarom Karabach weer oplaait\n\nDoor Jan Peeters\n\nFoto: Reuters\n\n"
            "Bron: Belga 6 De dood van de generaal zal gewroken worden.\n\n"
            "Hoofdbrekens\n\nHet conflict kostte al honderden levens in de regio.\n\n"
            "Het conflict zal nog lang duren volgens alle waarnemers ter plaatse.")
    assert spans_text(text) == ["Lees ook: Waarom Karabach weer oplaait", "Door Jan Peeters",
                                "Foto: Reuters", "Bron: Belga 6"]


def test_seed_furniture_blocks() -> None:
    import json

    path = shared_path("corpus/seed-karabach-moskou.txt")
    gold = json.loads(shared_path("gold/seed.json").read_text(encoding="utf-8"))
    text, notes = decode(path.read_bytes(), path.name)
    [article] = list(read(text, path.name, notes))
    found = spans_text(article.text)
    for block in gold["furniture"]:
        assert any(span.startswith(block) for span in found), block
    assert len(found) == len(gold["furniture"])
