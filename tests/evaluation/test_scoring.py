"""The scoring rules of shared/EVAL.md on small hand-made gold and system data (no Frog)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kroniek.evaluation.gold import GoldDocument, GoldEvent, GoldFigure, GoldQuote, GoldRelation
from kroniek.evaluation.records import (
    PRF,
    Score,
    SystemDocument,
    SystemEvent,
    SystemFigure,
    SystemQuote,
    SystemRelation,
)
from kroniek.evaluation.scoring import (
    event_triples,
    gold_triples,
    normalise_quote,
    score_actors,
    score_document,
    score_events,
    score_figures,
    score_quotes,
    score_relations,
    system_triples,
)


def g(type_: str, actor: list[str], recipient: list[str] | None = None, **kw: object
      ) -> GoldEvent:
    return GoldEvent(type_, tuple(actor), tuple(recipient or ()), **kw)  # type: ignore[arg-type]


def s(type_: str, actor: list[str], recipient: list[str] | None = None, **kw: object
      ) -> SystemEvent:
    return SystemEvent(type_, tuple(actor), tuple(recipient or ()), **kw)  # type: ignore[arg-type]


def events(gold: list[GoldEvent], system: list[SystemEvent]) -> Score:
    score = Score()
    score_events(gold, system, score)
    return score


def counts(prf: PRF) -> tuple[int, int, int, int]:
    return prf.tp, prf.fp, prf.fn, prf.found


# -- triples ----------------------------------------------------------------------------

def test_triples_are_actor_times_recipient() -> None:
    assert sorted(event_triples("REQUEST", ["RUS"], ["ARM", "AZE"], False)) == [
        ("REQUEST", "RUS", "ARM"), ("REQUEST", "RUS", "AZE")]


def test_empty_recipient_is_star() -> None:
    assert event_triples("THREATEN", ["CSTO"], [], False) == [("THREATEN", "CSTO", "*")]


def test_reciprocal_gold_gives_ordered_pairs() -> None:
    triples = gold_triples([g("ASSAULT", ["ARM", "AZE"], reciprocal=True)])
    assert set(triples) == {("ASSAULT", "ARM", "AZE"), ("ASSAULT", "AZE", "ARM")}


def test_system_event_with_two_actors_and_no_recipient_is_reciprocal() -> None:
    triples, _ = system_triples([s("ASSAULT", ["ARM", "AZE"])])
    assert set(triples) == {("ASSAULT", "ARM", "AZE"), ("ASSAULT", "AZE", "ARM")}
    # ...and so it matches a reciprocal gold event fully.
    score = events([g("ASSAULT", ["AZE", "ARM"], reciprocal=True)], [s("ASSAULT", ["ARM", "AZE"])])
    assert counts(score.events_strict) == (2, 0, 0, 2)


def test_gold_star_matches_any_recipient_but_system_star_only_star() -> None:
    score = events([g("THREATEN", ["CSTO"])], [s("THREATEN", ["CSTO"], ["TUR"])])
    assert counts(score.events_strict) == (1, 0, 0, 1)
    score = events([g("ACCUSE", ["CSTO"], ["TUR"])], [s("ACCUSE", ["CSTO"])])
    assert counts(score.events_strict) == (0, 1, 1, 0)
    # At actor level the recipient does not matter.
    assert counts(score.events_actor) == (1, 0, 0, 1)


def test_wrong_type_or_actor_is_false_positive_and_miss() -> None:
    score = events([g("ACCUSE", ["RUS"], ["TUR"])],
                   [s("REJECT", ["RUS"], ["TUR"]), s("ACCUSE", ["ARM"], ["TUR"])])
    assert counts(score.events_strict) == (0, 2, 1, 0)
    assert score.events_strict.p == 0.0 and score.events_strict.r == 0.0
    assert score.events_strict.f1 == 0.0
    missed = [e for e in score.errors if e.layer == "event" and e.kind == "missed"]
    assert "system has type REJECT" in missed[0].what


def test_optional_gold_counts_neither_way() -> None:
    gold = [g("AGREE", ["ARM"]), g("CONSULT", ["ARM"], ["RUS"], required=False)]
    score = events(gold, [s("CONSULT", ["ARM"], ["RUS"]), s("AGREE", ["ARM"])])
    assert counts(score.events_strict) == (1, 0, 0, 1)
    # A missed optional event is no miss either.
    score = events(gold, [s("AGREE", ["ARM"])])
    assert counts(score.events_strict) == (1, 0, 0, 1)
    assert score.events_strict.p == score.events_strict.r == score.events_strict.f1 == 1.0


def test_triple_both_required_and_optional_is_required() -> None:
    gold = [g("CONSULT", ["RUS"], ["ARM"], required=False), g("CONSULT", ["RUS"], ["ARM"])]
    assert all(e.required for e in gold_triples(gold).values())
    assert counts(events(gold, []).events_strict) == (0, 0, 1, 0)


def test_furniture_events_are_ignored() -> None:
    score = events([g("ASSAULT", ["RUS"], ["UKR"])],
                   [s("ASSAULT", ["RUS"], ["UKR"], furniture=True), s("ACCUSE", ["X"], ["Y"],
                                                                      furniture=True)])
    assert counts(score.events_strict) == (0, 0, 1, 0)


def test_duplicate_system_triples_count_once() -> None:
    system = [s("ASSAULT", ["RUS"], ["UKR"], index=0), s("ASSAULT", ["RUS"], ["UKR"], index=3),
              s("SANCTION", ["EU"], ["RUS"], index=1), s("SANCTION", ["EU"], ["RUS"], index=2)]
    score = events([g("ASSAULT", ["RUS"], ["UKR"])], system)
    assert counts(score.events_strict) == (1, 1, 0, 1)
    assert score.duplicates == 2


def test_duplicates_keep_the_most_confident_reading() -> None:
    system = [s("ASSAULT", ["RUS"], ["UKR"], status="alleged", confidence=0.4, index=0),
              s("ASSAULT", ["RUS"], ["UKR"], status="asserted", confidence=0.9, index=1)]
    score = events([g("ASSAULT", ["RUS"], ["UKR"], status="asserted")], system)
    assert (score.status.correct, score.status.total) == (1, 1)


def test_duplicates_judged_on_the_event_from_the_gold_evidence() -> None:
    system = [s("ASSAULT", ["ARM", "AZE"], status="future", index=0,
                sentence="De strijdende partijen reizen vrijdag naar Moskou."),
              s("ASSAULT", ["ARM", "AZE"], status="asserted", confidence=0.5, index=4,
                sentence="Het conflict heeft sinds 27 september zeker 400 mensen gedood.")]
    gold = [g("ASSAULT", ["ARM", "AZE"], reciprocal=True, status="asserted",
              evidence="Het conflict, dat sinds 27 september zeker 400 mensen")]
    score = events(gold, system)
    assert (score.status.correct, score.status.total) == (2, 2)
    assert score.duplicates == 2
    # Without usable evidence, the most confident and earliest event stands for the triple.
    score = events([g("ASSAULT", ["ARM", "AZE"], reciprocal=True, status="asserted")], system)
    assert score.status.correct == 0


def test_events_without_actor_give_no_triple() -> None:
    score = events([g("REQUEST", [], ["ARM"], required=False)], [s("REQUEST", [], ["ARM"])])
    assert counts(score.events_strict) == (0, 0, 0, 0)
    assert score.events_strict.p is None and score.events_strict.f1 is None


# -- attributes on matched triples ------------------------------------------------------

def test_status_and_mode_accuracy_on_matched_triples() -> None:
    gold = [g("REQUEST", ["RUS"], ["ARM"], status="asserted", mode="yield"),
            g("AID", ["TUR"], ["AZE"], status="alleged"),  # no mode given: not judged
            g("ACCUSE", ["CSTO"], ["TUR"], status="asserted", mode="disapprove")]  # missed
    system = [s("REQUEST", ["RUS"], ["ARM"], status="asserted", mode="Yield"),
              s("AID", ["TUR"], ["AZE"], status="asserted", mode="military")]
    score = events(gold, system)
    assert (score.status.correct, score.status.total) == (1, 2)
    assert (score.mode.correct, score.mode.total) == (1, 1)
    assert any(e.layer == "status" and "gold alleged" in e.what for e in score.errors)


def test_date_accuracy_and_median_width() -> None:
    gold = [g("AGREE", ["ARM"], date="2020-10-09"), g("THREATEN", ["CSTO"], date="2020-10-08"),
            g("ASSAULT", ["AZE"], date="2020-09-27"), g("ACCUSE", ["RUS"])]  # last: no date
    system = [
        s("AGREE", ["ARM"], date_start=dt.date(2020, 10, 9), date_end=dt.date(2020, 10, 9)),
        s("THREATEN", ["CSTO"], date_start=dt.date(2020, 10, 1), date_end=dt.date(2020, 10, 31)),
        s("ASSAULT", ["AZE"], date_start=dt.date(2020, 10, 1), date_end=dt.date(2020, 10, 7)),
        s("ACCUSE", ["RUS"]),
    ]
    score = events(gold, system)
    assert (score.date.correct, score.date.total) == (2, 3)
    assert score.date_widths == [1, 31, 7]
    assert score.date_median_width_days == 7.0


def test_undated_system_event_has_wrong_date() -> None:
    score = events([g("AGREE", ["ARM"], date="2020-10-09")], [s("AGREE", ["ARM"])])
    assert (score.date.correct, score.date.total) == (0, 1)
    assert score.date_widths == []


def test_month_gold_date_must_fit_inside_the_interval() -> None:
    inside = s("AGREE", ["ARM"], date_start=dt.date(2020, 9, 1), date_end=dt.date(2020, 12, 31))
    narrow = s("AGREE", ["ARM"], date_start=dt.date(2020, 10, 9), date_end=dt.date(2020, 10, 9))
    assert events([g("AGREE", ["ARM"], date="2020-10")], [inside]).date.correct == 1
    assert events([g("AGREE", ["ARM"], date="2020-10")], [narrow]).date.correct == 0


# -- actors, relations, figures, quotes -------------------------------------------------

def test_actor_codes_with_optional_codes() -> None:
    prf, errors = score_actors(frozenset({"RUS", "ARM", "CSTO"}), frozenset({"SYR"}),
                               ["RUS", "arm", "SYR", "FRA"])
    assert counts(prf) == (2, 1, 1, 2)
    assert {(e.kind, e.what) for e in errors} == {("false positive", "FRA"),
                                                 ("missed", "CSTO")}


def test_relations_compare_through_the_resolver() -> None:
    names = {"nagorno-karabakh": {"nagorno-karabakh", "nagorno-karabach"},
             "aze": {"aze", "azerbaijan"}}

    def resolve(value: str) -> frozenset[str]:
        value = value.casefold()
        for keys in names.values():
            if value in keys:
                return frozenset(keys)
        return frozenset({value})

    gold = [GoldRelation("claims", "AZE", "Nagorno-Karabakh"),
            GoldRelation("member_of", "ARM", "CSTO")]
    system = [SystemRelation("claims", "azerbaijan", "nagorno-karabach"),
              SystemRelation("claims", "AZE", "Nagorno-Karabakh"),  # same fact twice
              SystemRelation("member_of", "ARM", "EAEU")]
    prf, _ = score_relations(gold, system, resolve)
    assert counts(prf) == (2, 1, 1, 1)


def test_figures_kind_value_qualifier_and_fraction() -> None:
    gold = [GoldFigure("dead", 400, "at_least"), GoldFigure("displaced", 0.5,
                                                            unit="fraction_of_population"),
            GoldFigure("injured", 12), GoldFigure("arrested", 3, "exact")]
    system = [SystemFigure("dead", 400.0, "at_least"),
              SystemFigure("displaced", 0.5, "exact", unit="fraction_of_population"),
              SystemFigure("injured", 12, "about"),  # no gold qualifier: any will do
              SystemFigure("arrested", 3, "at_least")]  # wrong qualifier
    tally, errors = score_figures(gold, system)
    assert (tally.correct, tally.total) == (3, 4)
    assert [e.what for e in errors] == ["arrested 3 exact"]
    tally, _ = score_figures([GoldFigure("displaced", 0.5, unit="fraction_of_population")],
                             [SystemFigure("displaced", 0.5)])  # a head count of 0.5: no
    assert tally.correct == 0


def test_quotes_by_prefix_and_speaker_code_or_person() -> None:
    gold = [GoldQuote("We veroordelen alle tussenkomsten", speaker="CSTO"),
            GoldQuote("om humanitaire  redenen", speaker="RUS", person="Vladimir Putin"),
            GoldQuote("Wij blijven", speaker="UKR")]
    system = [SystemQuote("“We veroordelen alle tussenkomsten die er niet op gericht zijn”",
                          speaker="CSTO"),
              SystemQuote("'om humanitaire redenen'", speaker=None,
                          speaker_name="Vladimir Putin"),
              SystemQuote("Wij blijven hier", speaker="RUS")]  # wrong speaker
    tally, errors = score_quotes(gold, system)
    assert (tally.correct, tally.total) == (2, 3)
    assert "speaker RUS" in errors[0].what


def test_normalise_quote() -> None:
    assert normalise_quote("„Zó  is ’t”") == "zó is 't"


# -- a document and micro-averaging -----------------------------------------------------

def gold_document(**kw: object) -> GoldDocument:
    base: dict[str, object] = {"id": "d", "file": Path("d.json"), "text": "x", "date": "2020"}
    base.update(kw)
    return GoldDocument(**base)  # type: ignore[arg-type]


def test_unannotated_layers_are_not_scored() -> None:
    gold = gold_document(actors=frozenset({"RUS"}))
    system = SystemDocument("d", actor_codes={"RUS"},
                            relations=[SystemRelation("member_of", "RUS", "CSTO")],
                            figures=[SystemFigure("dead", 1)])
    score = score_document(gold, system)
    assert counts(score.relations) == (0, 0, 0, 0)
    assert score.figures.total == 0 and score.figures.value is None
    assert score.actors.f1 == 1.0


def test_actor_codes_include_event_participants_via_system_document() -> None:
    gold = gold_document(actors=frozenset({"RUS", "UKR"}),
                         events=[g("ASSAULT", ["RUS"], ["UKR"], status="asserted")],
                         relations=[], figures=[], quotes=[])
    system = SystemDocument("d", actor_codes={"RUS", "UKR"},
                            events=[s("ASSAULT", ["RUS"], ["UKR"])])
    score = score_document(gold, system)
    assert score.as_dict()["events_strict"]["f1"] == 1.0
    assert score.as_dict()["status_accuracy"] == 1.0


def test_scores_are_micro_averaged() -> None:
    one = events([g("ASSAULT", ["RUS"], ["UKR"])], [s("ASSAULT", ["RUS"], ["UKR"])])
    two = events([g("ACCUSE", ["A"], ["B"]), g("ACCUSE", ["C"], ["D"]), g("ACCUSE", ["E"])],
                 [s("ACCUSE", ["A"], ["B"]), s("REJECT", ["A"])])
    total = Score()
    total += one
    total += two
    assert counts(total.events_strict) == (2, 1, 2, 2)
    assert total.events_strict.p == pytest.approx(2 / 3)
    assert total.events_strict.r == pytest.approx(2 / 4)
    keys = set(total.as_dict())
    assert {"events_strict", "events_actor", "status_accuracy", "mode_accuracy",
            "date_accuracy", "date_median_width_days", "actors", "relations", "figure_recall",
            "quote_recall"} <= keys
