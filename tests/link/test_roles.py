"""Role phrases resolved at the article's date, apposition, and coreference."""

from __future__ import annotations

from tests.link.conftest import LinkFn, find


def test_american_president_before_and_after_2021(link: LinkFn) -> None:
    text = "De Amerikaanse president bezocht gisteren Japan."
    assert find(link(text, "2019-06-01"), "Amerikaanse president").actor_id == "donald-trump"
    assert find(link(text, "2021-06-01"), "Amerikaanse president").actor_id == "joe-biden"


def test_armenian_prime_minister(link: LinkFn) -> None:
    mention = find(link("De Armeense premier reist naar Brussel."), "Armeense premier")
    assert mention.actor_id == "nikol-pashinyan"
    assert (mention.code, mention.sector, mention.method) == ("ARM", "GOV", "role")


def test_foreign_minister(link: LinkFn) -> None:
    doc = link("De Russische minister van Buitenlandse Zaken belde met zijn collega.")
    mention = find(doc, "minister van Buitenlandse Zaken")
    assert mention.actor_id == "sergey-lavrov" and mention.code == "RUS"


def test_leader_and_strong_man(link: LinkFn) -> None:
    doc = link("De Russische leider zweeg. Volgens de sterke man in Moskou is er geen crisis.")
    assert find(doc, "Russische leider").actor_id == "vladimir-putin"
    assert find(doc, "sterke man in Moskou").actor_id == "vladimir-putin"


def test_head_of_an_organisation(link: LinkFn) -> None:
    doc = link("Het hoofd van de CSTO waarschuwde Turkije.", "2020-10-08")
    mention = find(doc, "hoofd van de CSTO")
    assert mention.actor_id == "stanislav-zas" and mention.code == "CSTO"


def test_head_of_that_alliance(link: LinkFn) -> None:
    doc = link("De NAVO vergaderde in Brussel. De topman van die alliantie waarschuwde Rusland.")
    assert find(doc, "topman van die alliantie").actor_id == "jens-stoltenberg"


def test_apposition_is_one_mention(link: LinkFn) -> None:
    doc = link("De Russische president Vladimir Poetin sprak met de pers.")
    mention = find(doc, "De Russische president Vladimir Poetin")
    assert mention.actor_id == "vladimir-putin" and mention.method == "apposition"
    assert len([m for m in doc.mentions if m.actor_id == "vladimir-putin"]) == 1


def test_former_holder_is_not_todays(link: LinkFn) -> None:
    doc = link("De voormalige Amerikaanse president sprak op een congres.", "2022-05-01")
    assert all(m.actor_id != "joe-biden" for m in doc.mentions)


def test_unknown_holder_keeps_the_office_code(link: LinkFn) -> None:
    doc = link("De Japanse minister van Buitenlandse Zaken zegde het overleg af.", "1950-01-01")
    mention = find(doc, "minister van Buitenlandse Zaken")
    assert mention.code == "JPN" and mention.method == "role-office"


def test_pronoun_follows_the_subject(link: LinkFn) -> None:
    doc = link("Poetin sprak dinsdag met de pers. Hij waarschuwde het Westen.")
    pronoun = find(doc, "Hij")
    assert pronoun.actor_id == "vladimir-putin" and pronoun.method == "coref"


def test_pronoun_prefers_the_recent_subject(link: LinkFn) -> None:
    doc = link("Erdogan belde gisteren met Poetin. Hij vroeg om een staakt-het-vuren.")
    assert find(doc, "Hij").actor_id == "recep-tayyip-erdogan"


def test_pronoun_without_antecedent_stays_unlinked(link: LinkFn) -> None:
    doc = link("Het regende de hele dag in de stad. Hij kwam niet opdagen.")
    assert all(m.actor_id is None for m in doc.mentions if m.text == "Hij")


def test_surname_after_apposition(link: LinkFn) -> None:
    doc = link(
        "De Russische minister van Buitenlandse Zaken Sergej Lavrovski sprak met Turkije. "
        "Lavrovski zei dat het overleg goed was."
    )
    later = [m for m in doc.mentions if m.text == "Lavrovski"]
    assert later and later[0].actor_id == "sergey-lavrov"
