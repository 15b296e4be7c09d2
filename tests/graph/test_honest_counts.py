"""Counts follow PLOVER's reduction rules, through the commands and after an upgrade.

The document of ``tests/export/test_plover.py`` holds, between Russia and Ukraine, one
attack that happened, a negated one, a hypothetical one, a pull quote repeating the first,
and a planned meeting. Only the attack and the meeting (as the AGREE PLOVER makes of a
planned meeting) may be counted.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.store import aggregates, open_engine
from kroniek.store import schema as t

runner = CliRunner()


def _dyad(db: str) -> dict[str, object]:
    result = runner.invoke(app, ["dyad", "RUS", "UKR", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_dyad_counts_only_what_happened(stored: str) -> None:
    result = _dyad(stored)
    counts: dict[str, int] = {}
    for period in result["periods"]:
        for kind, n in period["counts"].items():
            counts[kind] = counts.get(kind, 0) + n
    # One attack: not the negated, hypothetical or repeated ones.
    assert counts == {"ASSAULT": 1}, counts
    assert result["events"] == 1


def test_actor_activity_counts_a_planned_meeting_as_agree(stored: str) -> None:
    result = runner.invoke(app, ["actor", "RUS", "--json", "--db", stored])
    assert result.exit_code == 0, result.output
    counts: dict[str, int] = {}
    for roles in json.loads(result.output)["periods"].values():
        for kind, n in roles.get("actor", {}).items():
            counts[kind] = counts.get(kind, 0) + n
    # A future CONSULT is PLOVER's AGREE (the withdrawal and the support are undated, and
    # a time series has no place for them).
    assert counts == {"ASSAULT": 1, "AGREE": 1}, counts


def test_the_table_names_both_sides_of_every_direction(stored: str) -> None:
    result = runner.invoke(app, ["dyad", "RUS", "UKR", "--db", stored], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "RUS → UKR" in result.output
    assert "GUKR" not in result.output and "->" not in result.output
    assert "negated and hypothetical events are left out" in " ".join(result.output.split())


def test_dyad_takes_the_date_forms_of_events(stored: str) -> None:
    assert runner.invoke(app, ["dyad", "RUS", "UKR", "--since", "2022", "--db", stored]
                         ).exit_code == 0
    assert _dyad(stored)["events"] > 0
    later = runner.invoke(app, ["dyad", "RUS", "UKR", "--since", "2023-01", "--json",
                                "--db", stored])
    assert later.exit_code == 0 and json.loads(later.output)["events"] == 0
    bad = runner.invoke(app, ["dyad", "RUS", "UKR", "--since", "maart", "--db", stored])
    assert bad.exit_code == 2 and "--since" in bad.output


def test_running_totals_equal_a_rebuild(stored: str) -> None:
    engine = open_engine(stored)

    def snapshot() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        with engine.connect() as connection:
            return (sorted(tuple(r) for r in connection.execute(sa.select(t.dyad_days))),
                    sorted(tuple(r) for r in connection.execute(sa.select(t.actor_days))))

    running = snapshot()
    with engine.begin() as connection:
        aggregates.rebuild(connection)
    assert snapshot() == running
    # Replacing the document subtracts exactly what it added.
    with engine.begin() as connection:
        ids = list(connection.execute(sa.select(t.events.c.id)).scalars())
        aggregates.apply(connection, aggregates.totals(
            aggregates.participants_of(connection, ids)), sign=-1)
    assert snapshot() == ([], [])
