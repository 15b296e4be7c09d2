"""The daily actor and dyad totals and the event text index stay in step with the events
through inserts, replacements and migrations."""

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from tests.store.test_store import downgrade_to_3

from kroniek.graph import dyad
from kroniek.graph.actors import event_counts
from kroniek.model import DateInterval, Document, Event, Sentence
from kroniek.store import aggregates, open_engine, save, search
from kroniek.store import schema as t
from kroniek.store.database import LATEST

DAY = DateInterval(dt.date(2022, 2, 24), dt.date(2022, 2, 24), "day")
LATER = DateInterval(dt.date(2022, 3, 2), dt.date(2022, 3, 2), "day")


def document(text: str, key: str, events: list[Event]) -> Document:
    from kroniek.ingest.identity import document_id

    doc = Document(id=document_id(text), text=text, source=key, key=key, published=DAY,
                   date_origin="header")
    doc.sentences = [Sentence(i, start, end, 0, 0, 0) for i, (start, end) in
                     enumerate(spans(text))]
    doc.events = events
    return doc


def spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, char in enumerate(text):
        if char == ".":
            out.append((start, i + 1))
            start = i + 2
    return out


def war_report() -> Document:
    text = ("Rusland viel Oekraïne binnen met een luchtaanval. "
            "Frankrijk en Duitsland veroordeelden Rusland. "
            "Turkije en Oekraïne overlegden met elkaar.")
    return document(text, "oorlog.txt", [
        Event("ASSAULT", 0, 0, 50, "luchtaanval", actor=["RUS"], recipient=["UKR"],
              date=DAY, plover_score=-10.0),
        Event("ACCUSE", 1, 51, 96, "veroordeelden", actor=["FRA", "DEU"],
              recipient=["RUS"], date=DAY, plover_score=None),
        Event("CONSULT", 2, 97, 139, "overlegden", actor=["TUR", "UKR"], reciprocal=True,
              date=LATER, plover_score=2.5),
        Event("ASSAULT", 0, 0, 50, "viel", actor=["RUS"], recipient=["UKR"], date=None),
    ])


def snapshot(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {table.name: sorted(
            tuple(round(v, 6) if isinstance(v, float) else v for v in row)
            for row in connection.execute(sa.select(table)))
            for table in t.AGGREGATE_TABLES}


def rebuilt(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.begin() as connection:
        aggregates.rebuild(connection)
    return snapshot(engine)


def test_running_totals_equal_a_rebuild_through_inserts_and_replacements(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    save(engine, war_report(), "test")
    after_insert = snapshot(engine)
    assert after_insert == rebuilt(engine)
    # Two dyad rows per actor-recipient pair (one from each end), two mutual rows for the
    # reciprocal consultation, nothing for the undated event.
    directions = [row[2] for row in after_insert["dyad_days"]]
    assert directions.count("actor") == 3 and directions.count("recipient") == 3
    assert directions.count("mutual") == 2

    # A second version of the article (same key): the old events' totals are subtracted.
    changed = war_report()
    changed = dataclasses.replace(changed, text=changed.text.replace("luchtaanval", "raketaanval"))
    from kroniek.ingest.identity import document_id
    changed.id = document_id(changed.text)
    changed.events = changed.events[:1]
    assert save(engine, changed, "test") == "replaced"
    after_replace = snapshot(engine)
    assert after_replace == rebuilt(engine)
    assert [row[:3] for row in after_replace["dyad_days"]] == [
        ("RUS", "UKR", "actor"), ("UKR", "RUS", "recipient")]


def test_dyad_and_actor_queries_read_the_totals(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    save(engine, war_report(), "test")
    ukraine = dyad(engine, "RUS", "UKR", by="week")
    assert [(p.direction, p.start, p.events, p.score) for p in ukraine.periods] == [
        ("A->B", dt.date(2022, 2, 21), 1, -10.0)]
    # The unscored accusation counts with ACCUSE's default score from the PLOVER table.
    from kroniek import plover
    france = dyad(engine, "RUS", "FRA", by="month")
    assert [(p.direction, p.start, p.score) for p in france.periods] == [
        ("B->A", dt.date(2022, 2, 1), plover.score("ACCUSE", None))]
    mutual = dyad(engine, "UKR", "TUR")
    assert [(p.direction, p.start, p.counts) for p in mutual.periods] == [
        ("A<->B", dt.date(2022, 3, 2), {"CONSULT": 1})]
    counts = event_counts(engine, "RUS", by="month")
    assert counts == {dt.date(2022, 2, 1): {"actor": {"ASSAULT": 1},
                                            "recipient": {"ACCUSE": 1}}}


def test_text_search_finds_parts_of_words_and_forgets_replaced_text(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    save(engine, war_report(), "test")

    def found(text: str) -> set[int]:
        with engine.connect() as connection:
            query = search.matching_events(connection.dialect.name, text)
            assert query is not None
            return set(connection.execute(query).scalars())

    with engine.connect() as connection:
        ids = dict(connection.execute(sa.select(t.events.c.trigger, t.events.c.id)).all())
    # Inside a compound, case-insensitive, in the sentence or in the trigger.
    assert found("AANVAL") == {ids["luchtaanval"], ids["viel"]}
    assert found("veroordeel") == {ids["veroordeelden"]}
    assert found('" OR 1') == set()  # query syntax is taken as plain text
    with engine.connect() as connection:
        # Too short for trigrams: the caller falls back to LIKE.
        assert search.matching_events(connection.dialect.name, "Ru") is None
    changed = war_report()
    changed.text = changed.text.replace("luchtaanval", "beschieting")
    from kroniek.ingest.identity import document_id
    changed.id = document_id(changed.text)
    changed.events = []
    save(engine, changed, "test")
    assert found("aanval") == set()


def test_migration_4_builds_totals_and_search_for_an_older_database(tmp_path: Path) -> None:
    path = str(tmp_path / "k.sqlite")
    engine = open_engine(path)
    save(engine, war_report(), "test")
    expected = snapshot(engine)
    with engine.begin() as connection:
        downgrade_to_3(connection)
    engine.dispose()
    upgraded = open_engine(path)
    assert snapshot(upgraded) == expected
    with upgraded.connect() as connection:
        assert connection.execute(sa.select(sa.func.max(t.schema_migrations.c.version))
                                  ).scalar() == LATEST
        query = search.matching_events(connection.dialect.name, "luchtaanval")
        assert query is not None and len(connection.execute(query).all()) == 2  # same sentence
