"""Where events happened, on our own sentences through the real Frog and the real linker:
the place of the clause or sentence, else the same action's earlier place, else the
dateline; never a state that is only an actor."""

from __future__ import annotations

import pytest

from kroniek.model import Document, Event


@pytest.fixture(scope="module")
def code(code):  # type: ignore[no-untyped-def]
    """The shared coder, for articles of 2024-03-05."""
    return lambda text: code(text, "2024-03-05")


def of_type(document: Document, kind: str) -> list[Event]:
    found = [e for e in document.events if e.type == kind]
    assert found, f"no {kind} event in {document.text!r}: {document.events}"
    return found


@pytest.mark.parametrize(("text", "kind", "place"), [
    # A city hit, as the clause's object.
    ("Russische troepen hebben zondag Charkiv beschoten.", "ASSAULT", "kharkiv"),
    # A city at "bij", a state at "in" (a country as a location, not an actor).
    ("Het Russische leger bestookte dinsdag dorpen bij Charkiv.", "ASSAULT", "kharkiv"),
    ("In Syrië hebben Turkse drones een konvooi aangevallen.", "ASSAULT", "syr"),
    # A disputed territory.
    ("Israël bombardeerde woensdag opnieuw doelen in de Westelijke Jordaanoever.",
     "ASSAULT", "west-bank"),
    # A part of a state: "in het noorden van" does not make Iraq an origin.
    ("Turkije heeft doelen in het noorden van Irak gebombardeerd.", "ASSAULT", "irq"),
    # The narrower place beside the state it lies in.
    ("In Oekraïne hebben Russische troepen bij Charkiv een dorp aangevallen.",
     "ASSAULT", "kharkiv"),
    ("Duizenden Georgische demonstranten protesteerden zaterdag in Tbilisi tegen de "
     "regering.", "PROTEST", "tbilisi"),
    ("Rusland heeft tienduizenden soldaten samengetrokken bij Belgorod.", "MOBILIZE",
     "belgorod"),
    # A state named as an area of it, or as the territory hit, is where.
    ("In het zuidwesten van Mali hebben Franse troepen twintig strijders gedood.",
     "ASSAULT", "mli"),
    ("Bij een Turkse luchtaanval in Noord-Irak zijn vier strijders omgekomen.",
     "ASSAULT", "irq"),
    ("Dit was een aanval van Rusland op Oekraïens grondgebied.", "ASSAULT", "ukr"),
    ("Iran heeft zaterdag een grote aanval op Israël uitgevoerd.", "ASSAULT", "isr"),
])
def test_the_place_the_sentence_names(code, text: str, kind: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert next(e.location for e in of_type(code(text), kind)) == place


def test_a_state_that_only_acts_is_no_place(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Rusland heeft Oekraïne vorige week aangevallen.")
    assert [e.location for e in of_type(document, "ASSAULT")] == [None]
    origin = code("Noord-Korea vuurde raketten af richting Japan.")
    assert all(e.location is None for e in origin.events)


def test_a_follow_up_sentence_takes_the_same_actions_place(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Israël bombardeerde woensdag Rafah. Donderdag bombardeerde Israël "
                    "opnieuw. Egypte protesteerde tegen de aanvallen.")
    assaults = of_type(document, "ASSAULT")
    assert [e.location for e in assaults][:2] == ["rafah", "rafah"]
    # A carried place is where, not whom: the second attack's recipient is not made up.
    assert assaults[1].sentence == 1
    # Another kind of action does not inherit the attack's place.
    assert all(e.location is None for e in document.events if e.type != "ASSAULT")


def test_a_place_carries_only_a_few_sentences(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Israël bombardeerde woensdag Rafah. Er vielen veel doden. De VN "
                    "waren geschokt. Egypte riep op tot kalmte. Qatar bemiddelde. "
                    "Maanden later bombardeerde Israël opnieuw.")
    assaults = of_type(document, "ASSAULT")
    assert assaults[0].location == "rafah" and assaults[-1].location is None


def test_a_definite_noun_names_the_earlier_action_however_far_back(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Israël bombardeerde woensdag Rafah. Er vielen veel doden. De VN "
                    "waren geschokt. Egypte riep op tot kalmte. Qatar bemiddelde. Bij de "
                    "bombardementen van Israël vielen veertig doden.")
    assert [e.location for e in of_type(document, "ASSAULT")] == ["rafah", "rafah"]


@pytest.mark.parametrize("dateline", ["ODESA - ", "Odesa, 3 maart - ", "ODESA (ANP) – "])
def test_a_dateline_places_a_sentence_that_names_none(code, dateline: str) -> None:  # type: ignore[no-untyped-def]
    document = code(dateline + "Rusland heeft vannacht opnieuw luchtaanvallen uitgevoerd. "
                    "Oekraïne veroordeelde de aanval.")
    assault = of_type(document, "ASSAULT")[0]
    assert assault.location == "odesa"
    # The dateline says where, not whom the attack hit.
    assert "odesa" not in assault.recipient_kb


def test_a_named_place_beats_the_dateline(code) -> None:  # type: ignore[no-untyped-def]
    document = code("ODESA - Rusland heeft vannacht Charkiv met raketten bestookt.")
    assert of_type(document, "ASSAULT")[0].location == "kharkiv"


def test_a_heading_with_a_dash_is_no_dateline(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Odesa - een stad in oorlog. Rusland heeft vannacht luchtaanvallen uitgevoerd.")
    assert [e.location for e in of_type(document, "ASSAULT")] == [None]


def test_an_earlier_action_with_no_event_still_says_where(code) -> None:  # type: ignore[no-untyped-def]
    # The first sentence names no attacker, so it is no event, but it says where.
    document = code("Het noorden van Israël is dinsdag bestookt met raketten. Het Israëlische "
                    "leger beantwoordde de aanval met artillerievuur.")
    assert {e.location for e in of_type(document, "ASSAULT")} == {"isr"}


def test_a_capital_read_as_its_state(code) -> None:  # type: ignore[no-untyped-def]
    # At a site preposition, the capital is the place of the attack.
    hit = code("Rusland voerde dinsdag een zware luchtaanval uit op Kiev.")
    assert [e.location for e in of_type(hit, "ASSAULT")] == ["kyiv"]
    # As the subject it stands for its state, and it blocks carrying Charkiv over.
    document = code("Rusland bombardeerde woensdag Charkiv. Sinds maart wordt Kiev nog met "
                    "enige regelmaat getroffen door luchtaanvallen.")
    first, *later = [e.location for e in of_type(document, "ASSAULT")]
    # The second sentence may give one or two attacks (the verb, and the noun with the
    # actor of the sentence before); none of them is in Charkiv.
    assert first == "kharkiv" and later and set(later) == {None}
