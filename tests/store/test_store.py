import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from kroniek.errors import StoreError
from kroniek.model import DateInterval, Document, Event, Mention, Sentence, Token
from kroniek.store import open_engine, save
from kroniek.store import schema as t
from kroniek.store.database import LATEST, database_url


def make_document(text: str = "De NAVO vergaderde.", key: str = "a.txt") -> Document:
    from kroniek.ingest.identity import document_id

    document = Document(id=document_id(text), text=text, source=key, key=key,
                        published=DateInterval(dt.date(2021, 3, 5), dt.date(2021, 3, 5), "day"),
                        date_origin="header")
    document.sentences = [Sentence(0, 0, len(text), 0, 0, 2)]
    document.tokens = [
        Token(0, 0, 0, 2, "De", "de", "LID", "bep", "[de]", "O", "B-NP", 1, "det"),
        Token(1, 0, 3, 7, "NAVO", "NAVO", "SPEC", "deeleigen", "[NAVO]", "B-ORG", "I-NP", None,
              "ROOT"),
    ]
    document.mentions = [Mention(0, 3, 7, "NAVO", "ORG", actor_id="nato", code="NATO",
                                 method="alias")]
    document.events = [Event("CONSULT", 0, 0, len(text), "vergaderde", actor=["NATO"],
                             actor_sector=[None], actor_kb=["nato"],
                             date=document.published, plover_score=2.5)]
    return document


def counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {table.name: connection.execute(
            sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in (t.documents, t.sentences, t.tokens, t.mentions, t.events,
                          t.event_participants)}


def test_fresh_database_has_latest_schema(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    with engine.connect() as connection:
        versions = connection.execute(sa.select(t.schema_migrations.c.version)).scalars().all()
        tables = set(sa.inspect(connection).get_table_names())
    assert max(versions) == LATEST
    assert {"documents", "sentences", "tokens", "mentions", "actors", "events", "relations",
            "quotes", "figures", "event_participants"} <= tables
    # Provenance is uniform across annotation tables.
    for table in (t.mentions, t.events, t.figures, t.quotes, t.relations):
        assert {"document_id", "sentence_index", "start", "end", "component",
                "confidence"} <= set(table.c.keys())


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "k.sqlite")
    engine = open_engine(path)
    with engine.begin() as connection:
        connection.execute(t.schema_migrations.insert().values(
            version=LATEST + 1, name="future", applied_at=dt.datetime.now(dt.UTC)))
    with pytest.raises(StoreError, match="newer than this kroniek"):
        open_engine(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StoreError, match="is not a kroniek database"):
        open_engine(str(path))
    assert path.read_bytes() == b"dit is geen database" * 100


def test_save_is_idempotent_and_replace_rewrites(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    document = make_document()
    assert save(engine, document, "frog") == "new"
    before = counts(engine)
    assert save(engine, document, "frog") == "skipped"
    assert counts(engine) == before
    assert save(engine, document, "frog", replace=True) == "replaced"
    assert counts(engine) == before
    assert before == {"documents": 1, "sentences": 1, "tokens": 2, "mentions": 1, "events": 1,
                      "event_participants": 1}


def test_corrected_version_replaces_its_predecessor(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "k.sqlite"))
    save(engine, make_document("De NAVO vergaderde."), "frog")
    assert save(engine, make_document("De NAVO vergaderde lang."), "frog") == "replaced"
    with engine.connect() as connection:
        texts = connection.execute(sa.select(t.documents.c.text)).scalars().all()
    assert texts == ["De NAVO vergaderde lang."]
    assert counts(engine)["events"] == 1


def test_database_url_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRONIEK_DB", str(tmp_path / "env.sqlite"))
    assert database_url() == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert database_url(str(tmp_path / "x.sqlite")).endswith("x.sqlite")
    assert database_url("postgresql://u@localhost/k") == "postgresql://u@localhost/k"


def downgrade_to_3(connection: sa.Connection) -> None:
    """Remove what schema version 4 added, as a database from an older kroniek has it."""
    for table in ("actor_days", "dyad_days", "event_text"):
        connection.exec_driver_sql(f"DROP TABLE {table}")
    for index in ("ix_events_type_date", "ix_events_date_type"):
        connection.exec_driver_sql(f"DROP INDEX {index}")
    connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version >= 4))


def test_migration_3_fills_participant_copies(tmp_path: Path) -> None:
    path = str(tmp_path / "k.sqlite")
    engine = open_engine(path)
    save(engine, make_document(), "frog")
    with engine.begin() as connection:  # make it look like a version-2 database
        downgrade_to_3(connection)
        connection.exec_driver_sql("DROP INDEX ix_participants_code_role_date")
        for column in ("date_start", "type", "plover_score", "reciprocal"):
            connection.exec_driver_sql(f"ALTER TABLE event_participants DROP COLUMN {column}")
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 3))
    upgraded = open_engine(path)
    with upgraded.connect() as connection:
        row = connection.execute(sa.select(t.event_participants)).one()
        version = connection.execute(sa.select(sa.func.max(t.schema_migrations.c.version)))
        assert version.scalar() == LATEST
    assert (row.type, str(row.date_start)) == ("CONSULT", "2021-03-05")


def test_migration_6_adds_author_and_feed_state(tmp_path: Path) -> None:
    path = str(tmp_path / "k.sqlite")
    engine = open_engine(path)
    save(engine, make_document(), "frog")
    with engine.begin() as connection:  # make it look like a version-5 database
        connection.exec_driver_sql("DROP TABLE feed_items")
        connection.exec_driver_sql("DROP TABLE feeds")
        connection.exec_driver_sql("ALTER TABLE documents DROP COLUMN author")
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 6))
    engine.dispose()
    upgraded = open_engine(path)
    with upgraded.connect() as connection:
        assert connection.execute(sa.select(t.documents.c.author)).scalar() is None
        assert connection.execute(sa.select(sa.func.count()).select_from(t.feeds)).scalar() == 0
        version = connection.execute(sa.select(sa.func.max(t.schema_migrations.c.version)))
        assert version.scalar() == LATEST == 6
