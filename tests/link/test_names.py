"""Names, abbreviations, adjectives, demonyms, metonyms and places, in sentences of our own."""

from __future__ import annotations

from tests.link.conftest import LinkFn, find, linked


def test_names_and_abbreviations(link: LinkFn) -> None:
    doc = link("De NAVO en de VN riepen Rusland op tot kalmte. Ook de CVRO kwam bijeen.")
    assert find(doc, "NAVO").code == "NATO"
    assert find(doc, "VN").code == "UN"
    assert find(doc, "Rusland").code == "RUS"
    assert find(doc, "CVRO").code == "CSTO"


def test_armed_group(link: LinkFn) -> None:
    doc = link("Hamas vuurde zaterdag tientallen raketten af op Israël.")
    assert find(doc, "Hamas").code == "HAMAS"
    assert find(doc, "Israël").code == "ISR"


def test_adjective_and_national(link: LinkFn) -> None:
    doc = link("Syrische huurlingen vechten aan de zijde van Azerbeidzjaanse militairen.")
    mercenaries = find(doc, "Syrische")
    assert mercenaries.actor_id == "syr" and mercenaries.code is None
    assert mercenaries.method == "adjective-national"
    soldiers = find(doc, "Azerbeidzjaanse")
    assert (soldiers.code, soldiers.sector) == ("AZE", "MIL")
    assert soldiers.text == "Azerbeidzjaanse militairen" and soldiers.method == "generic"


def test_rebels_and_citizens_are_not_the_state(link: LinkFn) -> None:
    doc = link("Russische rebellen beschoten een dorp waar Armeense burgers schuilden.")
    rebels = find(doc, "Russische")
    assert (rebels.code, rebels.sector, rebels.actor_id) == ("RUS-REB", "REB", None)
    citizens = find(doc, "Armeense")  # a domestic side (EVAL.md), not the state acting
    assert (citizens.actor_id, citizens.code, citizens.sector) == ("arm", "ARM-CVL", "CVL")
    assert citizens.method == "adjective-national"


def test_hyphenated_adjectives(link: LinkFn) -> None:
    doc = link("Het Turks-Russische overleg over Libië leverde niets op.")
    assert {m.code for m in doc.mentions} >= {"TUR", "RUS"}


def test_demonym(link: LinkFn) -> None:
    doc = link("De Russen hebben al jaren een militaire basis in Armenië.")
    assert find(doc, "Russen").code == "RUS"
    assert find(doc, "Russen").method == "demonym"


def test_metonyms_act_for_the_state(link: LinkFn) -> None:
    doc = link("Het Kremlin reageerde woedend. Moskou eist een verklaring van Ankara.")
    assert find(doc, "Kremlin").code == "RUS"
    assert find(doc, "Moskou").code == "RUS" and find(doc, "Moskou").method == "metonym"
    assert find(doc, "Ankara").code == "TUR"


def test_capital_after_locative_preposition_is_a_place(link: LinkFn) -> None:
    doc = link("De ministers reizen vrijdag naar Moskou voor overleg.")
    moscow = find(doc, "Moskou")
    assert moscow.actor_id == "moscow" and moscow.code is None


def test_fuzzy_transliteration(link: LinkFn) -> None:
    doc = link("Premier Nikol Pasjinijan sprak gisteren met zijn regering.")
    mention = find(doc, "Pasjinijan")
    assert mention.actor_id == "nikol-pashinyan"
    assert mention.code == "ARM"


def test_org_name_variant(link: LinkFn) -> None:
    doc = link("Armenië is lid van de Euraziatische Economische Ruimte.")
    assert find(doc, "Euraziatische Economische Ruimte").code == "EAEU"


def test_unknown_name_stays_unlinked(link: LinkFn) -> None:
    doc = link("Volgens analist Jan Peeters is de situatie ernstig.")
    mention = find(doc, "Peeters")
    assert mention.actor_id is None and mention.code is None


def test_street_is_not_the_state(link: LinkFn) -> None:
    doc = link("Het verkeer op de Moskouse weg stond urenlang stil.")
    assert "rus" not in linked(doc)


def test_football_clubs_do_not_link(link: LinkFn) -> None:
    doc = link("Spartak Moskou won woensdag met 2-1 van Ajax.")
    assert "rus" not in linked(doc)
    assert all(m.code is None for m in doc.mentions)


def test_jordan_the_person_is_not_jordan_the_state(link: LinkFn) -> None:
    doc = link("Michael Jordan bracht vorige week een bezoek aan Jordanië.")
    assert find(doc, "Jordanië").code == "JOR"
    assert find(doc, "Michael Jordan").actor_id != "jor"


def test_washington_the_surname(link: LinkFn) -> None:
    doc = link("Acteur Denzel Washington kreeg een prijs. Washington dreigt met sancties.")
    assert find(doc, "Denzel Washington").actor_id != "usa"
    assert doc.mentions[-1].code == "USA"


def test_mentions_do_not_overlap_and_are_sorted(link: LinkFn) -> None:
    doc = link("De Russische president Vladimir Poetin belde met de Turkse president.")
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for before, after in zip(doc.mentions, doc.mentions[1:], strict=False):
        assert before.end <= after.start
    for mention in doc.mentions:
        assert doc.text[mention.start : mention.end] == mention.text


def test_actor_rows(link: LinkFn, linker) -> None:  # type: ignore[no-untyped-def]
    doc = link("Rusland en de NAVO praten in Genève.")
    rows = {row.id: row for row in linker.actors(doc)}
    assert rows["rus"].code == "RUS" and rows["rus"].kind == "state"
    assert rows["nato"].code == "NATO"


def test_office_holders_in_a_state_act_for_it(link: LinkFn) -> None:
    doc = link("De minister belde zijn ambtsgenoten in Armenië en Azerbeidzjan. "
               "Hij reisde daarna naar Armenië.")
    ministers = [m for m in doc.mentions if m.sentence == 0 and m.actor_id]
    assert {m.code for m in ministers} == {"ARM", "AZE"}
    travel = [m for m in doc.mentions if m.sentence == 1 and m.actor_id == "arm"]
    assert travel and travel[0].code is None  # "naar Armenië" is still a place


def test_the_pair_an_article_names_is_its_two_sides_further_on(link: LinkFn) -> None:
    doc = link("Armenië en Azerbeidzjan vechten om de enclave. De strijd duurt al weken. "
               "Er vielen veel doden. De hulp komt moeilijk op gang. Er is weinig voedsel. "
               "Frankrijk belde de leiders van beide landen.")
    last = len(doc.sentences) - 1
    both = {m.code for m in doc.mentions if m.sentence == last and m.method == "coref-plural"}
    assert both == {"ARM", "AZE"}
    mixed = link("Armenië en Azerbeidzjan vechten. Rusland en Turkije kozen partij. "
                 "Er vielen doden. De hulp stokt. Er is weinig voedsel. Het is koud. "
                 "Frankrijk belde beide landen.")
    last = len(mixed.sentences) - 1
    assert not [m for m in mixed.mentions if m.sentence == last and m.method == "coref-plural"]


def test_names_frog_glued_together_are_linked_apart(link: LinkFn) -> None:
    doc = link("De raket werd afgevuurd nadat Noord-Korea Japan had bedreigd.")
    codes = [m.code for m in doc.mentions if m.code]
    assert codes == ["PRK", "JPN"]
    north, japan = (m for m in doc.mentions if m.code)
    assert doc.text[north.start:north.end] == "Noord-Korea"
    assert doc.text[japan.start:japan.end] == "Japan"


def test_a_pair_joined_by_en_de_is_a_pair(link: LinkFn) -> None:
    doc = link("Rusland bedreigde Japan en de Verenigde Staten. Beide landen reageerden "
               "kalm.")
    both = {m.code for m in doc.mentions if m.sentence == 1 and m.method == "coref-plural"}
    assert both == {"JPN", "USA"}
