"""How the lexicon matcher reads Dutch word order (kroniek.extract.lexicon), on our own
sentences through the real Frog: separable particles, te-infinitives, idioms whose verb
moves, clause boundaries."""

from __future__ import annotations

import pytest

from kroniek.extract.lexicon import find_triggers, load_lexicon
from kroniek.model import Token


def _sentence_tokens(analyse, text: str) -> list[Token]:  # type: ignore[no-untyped-def]
    document = analyse(text)
    return [t for t in document.tokens if t.sentence == 0]


def _rules(analyse, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Matched rule -> PLOVER type."""
    return {m.entry.rule: m.entry.type
            for m in find_triggers(_sentence_tokens(analyse, text), load_lexicon())}


@pytest.mark.parametrize(("text", "kind"), [
    # an adverb-only particle (never a preposition) ends its verb whatever follows it
    ("Frankrijk riep zijn ambassadeur in Australië terug voor overleg.", "SANCTION"),
    # a prepositional particle followed by another preposition heads no phrase of its own
    ("Polen zette drie Russische diplomaten uit wegens spionage.", "SANCTION"),
    ("De Turkse regering zette twee Nederlandse journalisten uit na hun reportage.", "COERCE"),
])
def test_separated_particle_is_found(analyse, text, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in _rules(analyse, text).values()


def test_te_infinitive_of_a_separable_verb_reads_its_particle(analyse) -> None:  # type: ignore[no-untyped-def]
    from kroniek.extract.lexicon import _verb_readings
    tokens = _sentence_tokens(analyse, "Het team probeerde de zaak uit te zoeken.")
    verb = next(t for t in tokens if t.text == "zoeken")
    assert "uitzoeken" in _verb_readings(tokens, verb)


def test_light_verb_in_a_te_infinitive_is_no_trigger(analyse) -> None:  # type: ignore[no-untyped-def]
    # the withdrawal is what was promised, not an event of its own (as for a plain verb)
    rules = _rules(analyse, "Israël beloofde zijn troepen uit de stad terug te trekken.")
    assert not [rule for rule in rules if rule.startswith("light:")], rules
    rules = _rules(analyse, "Rusland dreigde nieuwe luchtaanvallen te lanceren op Kiev.")
    assert not [rule for rule in rules if rule.startswith("light:")], rules


@pytest.mark.parametrize(("text", "kind"), [
    # listed verb last ("in een kwaad daglicht stellen"); in a main clause it comes second
    ("Oekraïne stelde Rusland gisteren in een kwaad daglicht.", "ACCUSE"),
    # listed verb first ("komen tot een deal"); in a subordinate clause it comes last
    ("Bronnen melden dat Japan en Zuid-Korea tot een deal kwamen.", "AGREE"),
])
def test_idiom_verb_stands_anywhere_in_its_clause(analyse, text, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in _rules(analyse, text).values()


def test_idiom_does_not_reach_across_a_clause_boundary(analyse) -> None:  # type: ignore[no-untyped-def]
    # "het ... eens worden" (agree): here "wordt" belongs to a clause before the colon
    rules = _rules(analyse, "Het Kremlin wordt opnieuw getroffen: Washington zet nog eens "
                            "honderd Russen op de zwarte lijst.")
    assert "AGREE" not in rules.values(), rules


@pytest.mark.parametrize(("text", "verb", "reading"), [
    # "overeen" is a particle of its own, not "over" + "eenkomen"
    ("Israël en Hamas kwamen dinsdag een bestand overeen.", "kwamen", "overeenkomen"),
    ("De ministers kwamen maandag in Brussel bijeen.", "kwamen", "bijeenkomen"),
    ("Iran liet de Britse tanker na twee maanden vrij.", "liet", "vrijlaten"),
])
def test_longer_particles_are_read_whole(analyse, text, verb, reading) -> None:  # type: ignore[no-untyped-def]
    from kroniek.extract.lexicon import _verb_readings
    tokens = _sentence_tokens(analyse, text)
    token = next(t for t in tokens if t.text == verb)
    assert reading in _verb_readings(tokens, token)
