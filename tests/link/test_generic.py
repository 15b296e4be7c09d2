"""Generic references, domestic sides and described persons: spans, methods, coreference."""

from __future__ import annotations

from tests.link.conftest import LinkFn, find


def test_adjective_and_noun_are_one_mention_with_the_sector(link: LinkFn) -> None:
    doc = link("Israëlische troepen vielen het kamp binnen.", "2023-07-04")
    mention = find(doc, "Israëlische troepen")
    assert mention.text == "Israëlische troepen"
    assert (mention.actor_id, mention.code, mention.sector) == ("isr", "ISR", "MIL")


def test_van_complement_joins_the_phrase(link: LinkFn) -> None:
    doc = link("De regering van Mali stelde een avondklok in.", "2021-05-26")
    mention = find(doc, "regering")
    assert mention.text == "De regering van Mali" and mention.code == "MLI"


def test_the_articles_state_decides_when_nothing_nearby_does(link: LinkFn) -> None:
    text = ("Irak rouwt na aanslag\n\nOp een markt blies een man zich op. Er vielen tientallen "
            "doden.\n\nDe autoriteiten kondigden drie dagen van rouw af.")
    mention = find(link(text, "2021-01-22"), "De autoriteiten")
    assert (mention.code, mention.sector, mention.method) == ("IRQ", "GOV", "generic-context")


def test_no_state_in_the_text_leaves_it_unresolved(link: LinkFn) -> None:
    doc = link("De regering is gevallen. Het leger zweeg.", "2021-04-01")
    assert all(m.code is None for m in doc.mentions)


def test_domestic_side_has_no_kb_actor(link: LinkFn) -> None:
    mention = find(link("Syrische rebellen trokken zich terug.", "2016-08-06"), "rebellen")
    assert (mention.code, mention.sector, mention.actor_id) == ("SYR-REB", "REB", None)


def test_rebels_after_a_named_group_are_that_group(link: LinkFn) -> None:
    text = "De Houthi's beschoten een schip bij Jemen. De rebellen eisten de aanval op."
    assert find(link(text, "2023-12-03"), "De rebellen").code == "HOUTHIS"


def test_pro_side_is_not_that_states(link: LinkFn) -> None:
    text = "Rusland steunt de opstand. Pro-Russische separatisten namen Donetsk in."
    mention = find(link(text, "2014-05-01"), "separatisten")
    assert mention.code != "RUS-REB"


def test_described_person_and_later_references(link: LinkFn) -> None:
    text = ("De Amerikaanse Democrate Nancy Pelosi landde in Taipei. China reageerde boos. "
            "Pelosi sprak met parlementariërs. De Democrate vertrok woensdag.")
    doc = link(text, "2022-08-02")
    first = find(doc, "Nancy Pelosi")
    assert (first.code, first.method) == ("USA", "described")
    later = [m for m in doc.mentions if m.method == "coref-described"]
    assert {m.text for m in later} == {"Pelosi", "Democrate"}
    assert {m.code for m in later} == {"USA"}


def test_pronoun_after_a_described_person(link: LinkFn) -> None:
    text = "De Russische generaal Ivan Petrov leidt het offensief. Hij kreeg extra troepen."
    doc = link(text, "2022-05-10")
    pronoun = find(doc, "Hij")
    assert (pronoun.code, pronoun.sector) == ("RUS", "MIL")


def test_opposition_leader_is_the_states_opposition(link: LinkFn) -> None:
    doc = link("Aleksej Navalny riep op tot protest.", "2021-01-20")
    assert find(doc, "Navalny").code == "RUS-OPP"
