"""Actor and recipient from the clause's structure (issue 11, part 3): nested relative
clauses, relative pronouns, coordinated clauses that share a subject, a demand's dat-clause,
and targets named by a place. Our own sentences, through the real Frog, linker and coder."""

from __future__ import annotations

import pytest
from tests.extract.test_events import triples

from kroniek.extract.clauses import clause_ids

CASES = [
    # A "door" agent inside a relative clause is not the main clause's agent.
    ("Iran heeft zaterdag twee Franse diplomaten vrijgelaten, die in mei door "
     "Irak waren opgepakt.", ("RETREAT", "IRN", "FRA")),
    # The relative pronoun stands for the phrase before it, as the subject.
    ("De Japanse premier, die maandag met Biden belde, sprak over Taiwan.",
     ("CONSULT", "JPN", "USA")),
    # A conjunct that opens with its verb shares the subject of the first one.
    ("Litouwen zet de Chinese ambassadeur uit en veroordeelt Peking.",
     ("ACCUSE", "LTU", "CHN")),
    # A fronted subordinate clause is not where the main clause's subject is.
    ("Zolang de Russische troepen in Georgië blijven, weigert Tbilisi elk overleg.",
     ("REJECT", "GEO", "*")),
    # A demand's addressee is the subject of its dat-clause.
    ("Frankrijk eist dat Iran de uranium-verrijking onmiddellijk stopzet.",
     ("REQUEST", "FRA", "IRN")),
    # A target named by the city it is in.
    ("Een Russische raketaanval op een winkelcentrum in Odessa kostte vier mensen "
     "het leven.", ("ASSAULT", "RUS", "UKR")),
    # A city as the bare object of an attack: the target is the state it lies in.
    ("Israëlische straaljagers bombardeerden dinsdagnacht Gaza-Stad.",
     ("ASSAULT", "ISR", "PSE")),
    ("Russische troepen hebben Charkiv opnieuw beschoten.", ("ASSAULT", "RUS", "UKR")),
    # ... also as the subject of a passive with an agent.
    ("Marioepol werd wekenlang door het Russische leger belegerd.",
     ("ASSAULT", "RUS", "UKR")),
    # Where help is sent to, or a visitor travels to: the state there receives it.
    ("Duitsland stuurt nieuwe wapens naar Oekraïne.", ("AID", "DEU", "UKR")),
    ("Nederland heeft vrijdag noodhulp naar Beiroet gestuurd.", ("AID", "NLD", "LBN")),
    ("De Franse president reisde dinsdag naar Peking voor overleg.",
     ("CONSULT", "FRA", "CHN")),
    ("De Turkse president arriveerde maandag in Teheran voor een staatsbezoek.",
     ("CONSULT", "TUR", "IRN")),
    # An action noun whose "van" phrase is what is acted on: the actor is the "door"
    # agent, or the clause's subject.
    ("Servië protesteert tegen de erkenning van Kosovo door de Verenigde Staten.",
     ("SUPPORT", "USA", "XKX")),
    ("De vrijlating van twee Amerikaanse gevangenen door Iran werd in Washington "
     "toegejuicht.", ("RETREAT", "IRN", "USA-CVL")),  # prisoners: a domestic side
    ("Polen kondigde woensdag de uitzetting van drie Russische diplomaten aan.",
     ("SANCTION", "POL", "RUS")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_arguments_follow_the_clause(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = triples(code(text).events)
    if expected[2] == "*":
        assert any(t[:2] == expected[:2] for t in found), found
    else:
        assert expected in found, found


EMBEDDED = [
    # Who is held responsible for, or has an attack ascribed to it, is its (alleged) actor.
    ("Israël houdt Hamas verantwoordelijk voor de raketaanval op de kazerne.", "ASSAULT",
     "HAMAS", "ISR"),
    ("De Verenigde Staten schrijven de cyberaanval op hun ministeries toe aan Noord-Korea.",
     "COERCE", "PRK", "USA"),
    ("De aanslag op het politiebureau wordt door Ankara toegeschreven aan de PKK.",
     "ASSAULT", "PKK", "TUR"),
]


@pytest.mark.parametrize(("text", "kind", "actor", "speaker"), EMBEDDED)
def test_the_accused_acts_in_the_embedded_event(code, text, kind, actor, speaker) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in code(text).events if e.type == kind]
    assert any(actor in e.actor and e.status == "alleged" for e in events), triples(events)
    assert not [e for e in events if speaker in e.actor], triples(events)


def test_an_unattributed_act_at_a_seat_of_government_is_that_governments(code) -> None:  # type: ignore[no-untyped-def]
    found = triples(code("De Iraanse ambassadeur werd woensdag in Londen ontboden.").events)
    assert ("ACCUSE", "GBR", "IRN") in found, found
    found = triples(code("De Noord-Koreaanse raketproef werd in Tokio en Seoel scherp "
                         "veroordeeld.").events)
    assert {("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")} <= found, found


def test_a_killing_in_a_capital_is_not_its_governments(code) -> None:  # type: ignore[no-untyped-def]
    document = code("Een bekende journalist werd zaterdag in Moskou doodgeschoten.")
    assert not [e for e in document.events if "RUS" in e.actor], triples(document.events)


def test_a_fronted_condition_by_inversion_is_its_own_clause(code) -> None:  # type: ignore[no-untyped-def]
    # "Mocht X ..., dan ...": the condition's subject does not act in the main clause.
    document = code("Mocht Iran uranium blijven verrijken, dan zal Israël de nucleaire "
                    "installaties aanvallen.")
    attacks = [e for e in document.events if e.type == "ASSAULT"]
    assert any("ISR" in e.actor for e in attacks), triples(attacks)
    assert not [e for e in attacks if "IRN" in e.actor], triples(attacks)


def test_naming_an_event_is_not_doing_it(code) -> None:  # type: ignore[no-untyped-def]
    # "noemen" judges an event someone else did.
    document = code("Moskou noemt de aanval op de ambassade een terroristische daad.")
    assert not [e for e in document.events if e.type == "ASSAULT" and "RUS" in e.actor], \
        triples(document.events)


def test_the_van_phrase_of_an_attack_noun_is_its_actor(code) -> None:  # type: ignore[no-untyped-def]
    # Not every noun takes its patient in "van": an attack's "van" phrase is who attacks.
    found = triples(code("De aanval van Hamas op Israël kwam onverwacht.").events)
    assert ("ASSAULT", "HAMAS", "ISR") in found, found


def test_a_relative_clause_does_not_borrow_the_main_subject(code) -> None:  # type: ignore[no-untyped-def]
    # "die" stands for the tourists (no actor code): Iran did not arrest anyone here.
    document = code("Iran liet vrijdag drie toeristen gaan, die door Irak waren opgepakt.")
    arrests = [e for e in document.events if e.type == "COERCE"]
    assert not [e for e in arrests if "IRN" in e.actor + e.recipient], triples(arrests)


def test_clauses_from_part_of_speech(code) -> None:  # type: ignore[no-untyped-def]
    # A subordinate clause whose plural verb Frog may tag as an infinitive still closes at
    # its comma, and "en" between adverbials under an auxiliary opens no clause.
    document = code("Zolang de soldaten niet vertrekken, praat Rusland niet. "
                    "Zweden zou Oekraïne financieel en met wapens steunen.")
    first, _ = clause_ids(document, 0)
    tokens = document.sentence_tokens(0)
    comma = next(i for i, t in enumerate(tokens) if t.text == ",")
    assert first[1] != 0 and first[comma + 1] == 0
    second, _ = clause_ids(document, 1)
    assert set(second) == {0}


IMPLICIT_RECIPIENTS = [
    # A reaction with no object is aimed at whoever just acted on the reacting side.
    ("Washington zette dinsdag twee Chinese diplomaten uit. Peking reageerde woedend.",
     ("ACCUSE", "CHN", "USA")),
    ("Turkije heeft een Russisch gevechtsvliegtuig neergeschoten. President Poetin sprak "
     "van een dolksteek in de rug.", ("ACCUSE", "RUS", "TUR")),
    # ... also in an agentless passive at a seat of government, and a coordinated clause.
    ("Het Iraanse leger heeft zondag een Amerikaanse drone neergehaald. In Washington werd "
     "de daad scherp veroordeeld, en het Pentagon dreigde met vergelding.",
     ("THREATEN", "USA", "IRN")),
    # ... or at whoever did a one-sided event of another kind, in a fronted clause too.
    ("Noord-Korea heeft opnieuw een raket afgevuurd. Japan protesteerde formeel.",
     ("ACCUSE", "JPN", "PRK")),
    ("Nadat Rusland zaterdag een bestand van drie dagen had afgekondigd, eiste Kiev een "
     "bestand van dertig dagen.", ("REQUEST", "UKR", "RUS")),
    # The same side going on acts on the same recipient.
    ("Israël bombardeerde vrijdag doelen van Hamas in Gaza. Daarna riep Israël nog eens "
     "tienduizend reservisten op.", ("MOBILIZE", "ISR", "HAMAS")),
]


@pytest.mark.parametrize(("text", "expected"), IMPLICIT_RECIPIENTS)
def test_an_implicit_recipient_is_the_other_side_just_named(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = triples(code(text).events)
    assert expected in found, found


def test_no_implicit_recipient_from_a_parallel_or_mutual_event(code) -> None:  # type: ignore[no-untyped-def]
    # "Ook Canada ...": the same act by another side is no reaction to the first.
    found = triples(code("Duitsland kondigde een diplomatieke boycot van de Spelen aan. Ook "
                         "Canada kondigde een boycot aan.").events)
    assert ("PROTEST", "CAN", "DEU") not in found, found
    # Mutual events keep their sides as actors.
    document = code("Armenië en Azerbeidzjan voerden gesprekken in Moskou. Beide landen "
                    "beloofden een nieuw overleg.")
    agreed = [e for e in document.events if e.type == "AGREE"]
    assert agreed and all(not e.recipient for e in agreed), triples(agreed)
    # Nor across a paragraph: a new paragraph may turn to another dyad.
    found = triples(code("Washington zette dinsdag twee Chinese diplomaten uit.\n\nPeking "
                         "reageerde woedend.").events)
    assert ("ACCUSE", "CHN", "USA") not in found, found


UNSTATED_ACTORS = [
    # What only a state's authorities do, in an agentless passive: the state it is done in.
    ("Honderden betogers zijn zaterdag in Minsk opgepakt.", ("COERCE", "BLR", "BLR-ACT")),
    ("Een Franse journalist is in Teheran veroordeeld tot acht jaar cel.",
     ("SANCTION", "IRN", "FRA-MED")),
    # ... else the state whose domestic side it is done to.
    ("De Russische oppositieleider Ilja Jasjin is dinsdag gearresteerd.",
     ("COERCE", "RUS", "RUS-OPP")),
    # ... else the state of the side that acted just before, on that side.
    ("Betogers bestormden zaterdag het parlement in Lima. Ruim tweehonderd mensen werden "
     "opgepakt.", ("COERCE", "PER", "PER-ACT")),
    # Any other agentless passive: the actor the paragraph is following.
    ("Rusland viel maandag Kiev aan. Dinsdag werd ook Odessa zwaar beschoten.",
     ("ASSAULT", "RUS", "UKR")),
]


@pytest.mark.parametrize(("text", "expected"), UNSTATED_ACTORS)
def test_an_unstated_actor_comes_from_the_place_or_the_text_before(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = triples(code(text).events)
    assert expected in found, found


def test_an_unstated_actor_is_not_guessed_from_nothing(code) -> None:  # type: ignore[no-untyped-def]
    # A national abroad is not sentenced by its own state; with no place and no text
    # before, nobody is coded.
    document = code("Een Amerikaanse journalist is dinsdag veroordeeld tot zestien jaar "
                    "strafkamp wegens spionage.")
    assert not [e for e in document.events if "USA" in e.actor], triples(document.events)
    # The events of the same sentence count as the text before.
    document = code("Na weken van onderhandelingen tussen Israël en Hamas is donderdag een "
                    "bestand afgesproken.")
    agreed = [e for e in document.events if e.type == "AGREE"]
    assert agreed and sorted(agreed[0].actor) == ["HAMAS", "ISR"], triples(agreed)


def test_a_verb_of_motion_with_zijn_is_active(code) -> None:  # type: ignore[no-untyped-def]
    # "is opgestapt" is a perfect, not a passive: its subject acts.
    found = triples(code("De Bengaalse premier is maandag opgestapt.").events)
    assert any(t[1] == "BGD" for t in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Duizenden Iraanse vrachtwagenchauffeurs gingen dinsdag in staking.",
     ("PROTEST", "IRN-LAB", "IRN")),
    ("Tienduizenden Georgische betogers demonstreerden zondag in Tbilisi.",
     ("PROTEST", "GEO-ACT", "GEO")),
    # A target the clause names stays the target.
    ("Armeense betogers protesteerden zaterdag in Jerevan tegen Azerbeidzjan.",
     ("PROTEST", "ARM-ACT", "AZE")),
])
def test_a_protest_with_no_target_is_against_its_own_government(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = triples(code(text).events)
    assert expected in found, found
    assert len({t for t in found if t[0] == "PROTEST"}) == 1, found


@pytest.mark.parametrize(("text", "expected"), [
    # The unnamed people of a protest are the domestic side of the state it is in.
    ("In Tbilisi gingen zondag tienduizenden mensen de straat op.",
     {("PROTEST", "GEO-ACT", "GEO")}),
    ("In Minsk wordt al drie dagen gedemonstreerd.", {("PROTEST", "BLR-ACT", "BLR")}),
    ("In Madrid wordt maandag opnieuw gestaakt.", {("PROTEST", "ESP-LAB", "ESP")}),
    ("Tienduizenden mensen betoogden zaterdag in Londen, Parijs en Berlijn.",
     {("PROTEST", "GBR-ACT", "GBR"), ("PROTEST", "FRA-ACT", "FRA"),
      ("PROTEST", "DEU-ACT", "DEU")}),
    # ... a state named as where, or the people named by their demonym.
    ("In heel Frankrijk braken zaterdag rellen uit.", {("PROTEST", "FRA-ACT", "FRA")}),
    ("Naar schatting twee miljoen Hongkongers demonstreerden zondag tegen de nieuwe wet.",
     {("PROTEST", "HKG-ACT", "HKG")}),
])
def test_unnamed_protesters_are_the_domestic_side_where_they_protest(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = triples(code(text).events)
    assert expected <= found, found


def test_named_protesters_keep_their_code_and_no_guessed_target(code) -> None:  # type: ignore[no-untyped-def]
    # Refugees abroad are not the host city's people, nor do they protest their own state.
    found = triples(code("Oekraïense vluchtelingen demonstreerden zaterdag in Berlijn.").events)
    assert ("PROTEST", "UKR-CVL", "*") in found, found
    assert not [t for t in found if t[1] == "DEU-ACT"], found
