"""The Python API's readers, only through ``kroniek.open`` and its public names, checked
against what the command line gives for the same question on the same database.

The database is the ``stored`` fixture (tests/conftest.py): one document with an attack
that happened, a negated and a hypothetical attack, a planned meeting, a future
withdrawal, a historical support and a pull quote, saved without Frog.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

import kroniek
from kroniek.errors import StoreError
from tests.export.test_export_formats import kroniek as command
from tests.export.test_export_formats import ok


def cli_csv(db: str, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ok(command("export", "-f", "csv", "--db", db,
                                                      *args)))))


def test_events_are_the_rows_the_csv_export_gives(stored: str) -> None:
    with kroniek.open(stored) as db:
        result = db.events()
        records = list(result)
        assert len(result) == len(records) == 4
    exported = cli_csv(stored)
    assert [r.id for r in records] == [row["id"] for row in exported]
    assault = records[0]
    assert isinstance(assault, kroniek.EventRecord)
    assert assault.event_type == "ASSAULT" and assault.actor_codes == ("RUS",)
    assert assault.recipient_codes == ("UKR",) and assault.plover_score == -9.5
    assert isinstance(assault.date_start, dt.date)
    assert assault.date_start.isoformat() == exported[0]["date_start"]
    assert assault.sentence == exported[0]["sentence"]
    # The planned meeting is counted as PLOVER reduces it, as in the export.
    assert [(r.event_type, r.status) for r in records][1] == ("AGREE", "future")


@pytest.mark.parametrize(("keywords", "cli_args"), [
    ({"status": "negated"}, ("--status", "negated")),
    ({"type": "assault"}, ("--type", "ASSAULT")),
    ({"actor": "Rusland"}, ("--actor", "Rusland")),
    ({"recipient": "UKR", "since": "2022"}, ("--recipient", "UKR", "--since", "2022")),
    ({"until": dt.date(2000, 1, 1)}, ("--until", "2000-01-01")),
])
def test_each_filter_selects_what_the_command_line_selects(
        stored: str, keywords: dict[str, object], cli_args: tuple[str, ...]) -> None:
    with kroniek.open(stored) as db:
        ids = [record.id for record in db.events(**keywords)]  # type: ignore[arg-type]
    assert ids == [row["id"] for row in cli_csv(stored, *cli_args)]


def test_negated_events_only_when_asked(stored: str) -> None:
    with kroniek.open(stored) as db:
        assert all(r.status not in {"negated", "hypothetical"} for r in db.events())
        negated = list(db.events(status="negated"))
    assert negated and {r.status for r in negated} == {"negated"}
    assert all(r.plover_score is None for r in negated)


def test_arrow_and_pandas_hold_the_parquet_export(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    ok(command("export", "-f", "parquet", "--db", stored, "-o", str(target)))
    exported = pq.read_table(target)
    with kroniek.open(stored) as db:
        table = db.events().to_arrow()
        frame = db.events(type="ASSAULT").to_pandas()
    assert table.schema.equals(exported.schema, check_metadata=False)
    assert table.to_pylist() == exported.to_pylist()
    assert list(frame.columns) == exported.column_names
    assert len(frame) == 1 and list(frame.loc[0, "actor_codes"]) == ["RUS"]
    assert str(frame["date_start"].dtype).startswith("datetime64")


@pytest.mark.parametrize(("keywords", "words"), [
    ({"type": "ASSALT"}, ["type 'ASSALT'", "did you mean ASSAULT"]),
    ({"status": "maybe"}, ["status 'maybe'", "asserted"]),
    ({"actor": "Nergenslandia"}, ["actor 'Nergenslandia'", "no actor"]),
    ({"since": "2020-13"}, ["since"]),
    ({"since": "2021", "until": "2020"}, ["since 2021 is after until 2020"]),
    ({"mode": "arial", "type": "ASSAULT"}, ["mode 'arial'", "did you mean aerial"]),
    ({"limit": 0}, ["limit"]),
])
def test_a_bad_value_is_a_value_error_naming_what_is_allowed(
        stored: str, keywords: dict[str, object], words: list[str]) -> None:
    with kroniek.open(stored) as db, pytest.raises(ValueError) as raised:
        db.events(**keywords)  # type: ignore[arg-type]
    message = str(raised.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_a_missing_path_is_file_not_found_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "k.sqlite"
    with pytest.raises(FileNotFoundError, match="no database at"):
        kroniek.open(missing)
    assert not (tmp_path / "nowhere").exists()


def test_a_file_that_is_not_kroniek_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a kroniek database"):
        kroniek.open(other)
    with pytest.raises(StoreError, match="not a kroniek database"):
        kroniek.open(other, write=True)
    assert other.read_bytes() == before


def test_read_only_unless_asked(stored: str) -> None:
    # The fixture's writer may still hold its WAL: fold it in first, so that only what
    # the reader does can change the bytes.
    gc.collect()
    with sqlite3.connect(stored) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = Path(stored).read_bytes()
    with kroniek.open(stored) as db:
        list(db.events())
        db.documents()
        with pytest.raises(PermissionError, match="write=True"):
            db.ingest(texts=["Rusland viel gisteren Oekraïne aan."])
    assert Path(stored).read_bytes() == before


def test_documents_as_kroniek_docs_lists_them(stored: str) -> None:
    with kroniek.open(stored) as db:
        documents = db.documents()
    listed = json.loads(ok(command("docs", "--json", "--db", stored)))
    assert [d.id for d in documents] == [d["id"] for d in listed]
    assert isinstance(documents[0], kroniek.DocumentRecord)
    assert documents[0].events == listed[0]["events"] > 0
    assert documents[0].sentences == listed[0]["sentences"]


def test_dyad_actor_and_defence_answer_as_the_commands_do(stored: str) -> None:
    with kroniek.open(stored) as db:
        pair = db.dyad("Rusland", "UKR", by="month")
        actor = db.actor("RUS", at="2022-03-01")
        answer = db.ask_defence(attacked="EST", by="RUS", at="2022-03-01")
        with pytest.raises(ValueError, match="by"):
            db.dyad("RUS", "UKR", by="year")  # type: ignore[arg-type]
    assert pair.to_dict() == json.loads(ok(command(
        "dyad", "RUS", "UKR", "--by", "month", "--json", "--db", stored)))
    assert pair.total_events >= 1
    frame = kroniek.dyad_frame(pair)
    assert int(frame["events"].sum()) == pair.total_events
    assert actor.to_dict() == json.loads(ok(command(
        "actor", "RUS", "--at", "2022-03-01", "--json", "--db", stored)))
    assert any(f.type == "leads" for f in actor.relations)
    assert answer.to_dict() == json.loads(ok(command(
        "ask", "defence", "--attacked", "EST", "--by", "RUS", "--at", "2022-03-01",
        "--json", "--db", stored)))
    assert answer.verdict.startswith("triggered")


def test_network_is_the_graphml_export(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "g.graphml"
    ok(command("export", "-f", "graphml", "--db", stored, "-o", str(target)))
    exported = nx.read_graphml(target)
    with kroniek.open(stored) as db:
        graph = db.network()
        only_assaults = db.network(type="ASSAULT")
    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.nodes) == sorted(exported.nodes)
    assert graph.number_of_edges() == exported.number_of_edges()
    assert only_assaults.number_of_edges() < graph.number_of_edges()


def test_postgres_reads_the_same_as_sqlite(stored: str, postgres_url: str) -> None:
    from kroniek.store import ActorRow, open_engine, save
    from tests.export.test_plover import make_document

    save(open_engine(postgres_url), make_document(), "test",
         [ActorRow("rus", "state", "Russia", "RUS", "RUS")])
    with kroniek.open(stored) as lite, kroniek.open(postgres_url) as pg:
        assert pg.events().to_arrow().to_pylist() == lite.events().to_arrow().to_pylist()
        assert [r.id for r in pg.events(status="negated")] == \
            [r.id for r in lite.events(status="negated")]
        assert pg.dyad("RUS", "UKR", by="week").to_dict() == \
            lite.dyad("RUS", "UKR", by="week").to_dict()
        with pytest.raises(PermissionError):
            pg.ingest(texts=["Rusland viel Oekraïne aan."])
