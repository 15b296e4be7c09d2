"""Every export format through the command a user types: ``kroniek export --format X``.

The database holds the document of ``test_plover.py`` (an aerial attack with figures and a
place, a future meeting, a future withdrawal, a negated and a hypothetical attack, a
historical support, and a pull quote), stored with ``kroniek.store.save``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq

from kroniek.export.flat import COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def kroniek(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True,
                          text=True, env=environment, cwd=cwd, timeout=300, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in expected:
        assert word in lines[0], lines[0]


def test_csv_is_one_flat_row_per_event(stored: str) -> None:
    rows = list(csv.DictReader(io.StringIO(ok(kroniek("export", "-f", "csv", "--db", stored)))))
    assert list(rows[0]) == list(COLUMNS)
    # Negated, hypothetical and furniture events are not exported; futures are reduced.
    assert [(r["event_type"], r["status"]) for r in rows] == [
        ("ASSAULT", "asserted"), ("AGREE", "future"), ("CONCEDE", "future"),
        ("SUPPORT", "historical")]
    assault, agree = rows[0], rows[1]
    assert (assault["actor_codes"], assault["actor_names"]) == ("RUS", "Russia")
    assert assault["recipient_codes"] == "UKR" and assault["recipient_names"]
    assert agree["actor_codes"] == "RUS|UKR"
    assert assault["quad"] == "4" and float(assault["plover_score"]) == -9.5
    assert assault["place_id"] == "mariupol" and assault["place_name"]
    assert 46 < float(assault["latitude"]) < 48 and 37 < float(assault["longitude"]) < 38
    assert assault["dead"] == "12" and assault["injured"] == "30"
    assert assault["sentence"] == "Rusland bombardeerde Marioepol."
    assert assault["url"] == "https://example.org/a" and assault["published"] == "2022-03-09"
    assert "military" in assault["contexts"].split("|")


def test_csv_file_gets_normal_permissions(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    result = kroniek("export", "-f", "csv", "--db", stored, "-o", str(target))
    ok(result)
    assert "4 event(s) written to" in result.stderr
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask, oct(mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_status_asks_for_what_did_not_happen(stored: str) -> None:
    out = ok(kroniek("export", "-f", "csv", "--status", "negated", "--db", stored))
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["event_type"], row["status"], row["plover_score"]) == ("ASSAULT", "negated", "")
    assert "niet aangevallen" in row["sentence"]


def test_parquet_keeps_lists_and_types(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    ok(kroniek("export", "-f", "parquet", "--db", stored, "-o", str(target)))
    table = pq.read_table(target)
    assert table.column_names == list(COLUMNS) and table.num_rows == 4
    rows = table.to_pylist()
    assert rows[1]["actor_codes"] == ["RUS", "UKR"]
    assert rows[0]["latitude"] > 46 and rows[0]["dead"] == 12.0
    one_line_error(kroniek("export", "-f", "parquet", "--db", stored), "--output")


def test_graphml_has_dyads_and_no_isolated_actors(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "g.graphml"
    result = kroniek("export", "-f", "graphml", "--db", stored, "-o", str(target))
    ok(result)
    graph = nx.read_graphml(target, force_multigraph=True)
    events = {(u, v, d["type"]) for u, v, d in graph.edges(data=True) if d["kind"] == "events"}
    assert ("RUS", "UKR", "ASSAULT") in events
    # The future meeting is mutual: both directions; the negated attack adds nothing.
    assert {("RUS", "UKR", "AGREE"), ("UKR", "RUS", "AGREE")} <= events
    assault = next(d for u, v, d in graph.edges(data=True) if d.get("type") == "ASSAULT")
    assert assault["weight"] == 1 and assault["quad"] == "material conflict"
    assert all(graph.degree(node) > 0 for node in graph.nodes)
    assert graph.nodes["RUS"]["kind"] == "state"
    only_assaults = tmp_path / "a.graphml"
    ok(kroniek("export", "-f", "graphml", "--type", "ASSAULT", "--db", stored,
               "-o", str(only_assaults)))
    assert {d["type"] for *_, d in nx.read_graphml(only_assaults).edges(data=True)} == {"ASSAULT"}
    with_isolated = tmp_path / "i.graphml"
    ok(kroniek("export", "-f", "graphml", "--isolated", "--type", "PROTEST", "--db", stored,
               "-o", str(with_isolated)))
    assert "RUS" in nx.read_graphml(with_isolated).nodes


def test_cameo_rows_follow_gdelt(stored: str) -> None:
    out = ok(kroniek("export", "-f", "cameo", "--db", stored))
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "EventRootCode",
            "QuadClass"} <= set(rows[0])
    assault = rows[0]
    # An aerial attack is CAMEO's "fight" (19), on the day it happened.
    assert (assault["Actor1Code"], assault["Actor2Code"], assault["EventRootCode"],
            assault["SQLDATE"], assault["QuadClass"]) == ("RUS", "UKR", "19", "20220309", "4")
    # A mutual meeting is one row per direction.
    agree = [(r["Actor1Code"], r["Actor2Code"]) for r in rows if r["PloverType"] == "AGREE"]
    assert sorted(agree) == [("RUS", "UKR"), ("UKR", "RUS")]
    assert {r["EventRootCode"] for r in rows if r["PloverType"] == "AGREE"} == {"03"}


def test_jsonld_is_linked_data_with_provenance(stored: str) -> None:
    document = json.loads(ok(kroniek("export", "-f", "jsonld", "--db", stored)))
    assert document["@context"]["Event"] == "schema:Event"
    graph = document["@graph"]
    assert len(graph) == 4 and {node["@type"] for node in graph} == {"Event"}
    assault = graph[0]
    assert assault["eventType"] == "ASSAULT" and assault["startDate"] == "2022-03-09"
    assert assault["actor"][0]["@id"] == "urn:kroniek:actor:rus"
    assert assault["location"]["latitude"] > 46
    assert assault["evidence"]["text"] == "Rusland bombardeerde Marioepol."
    assert assault["evidence"]["isBasedOn"]["url"] == "https://example.org/a"
    empty = json.loads(ok(kroniek("export", "-f", "jsonld", "--type", "PROTEST", "--db", stored)))
    assert empty["@graph"] == []


def test_every_format_refuses_bad_input_in_one_line(stored: str, tmp_path: Path) -> None:
    one_line_error(kroniek("export", "-f", "gexf", "--db", stored), "csv", "parquet", "cameo")
    one_line_error(kroniek("export", "-f", "csv", "--type", "ASSALT", "--db", stored),
                   "ASSAULT")
    one_line_error(kroniek("export", "-f", "graphml", "--db", stored, "-o", str(tmp_path)),
                   "folder")
    before = (tmp_path / "keep.csv")
    before.write_text("mine\n")
    failed = kroniek("export", "-f", "csv", "--since", "maart", "--db", stored,
                     "-o", str(before))
    one_line_error(failed, "--since")
    assert before.read_text() == "mine\n"


def test_formats_doc_names_every_column_and_format() -> None:
    from kroniek.export import FORMATS
    from kroniek.export.cameo import COLUMNS as CAMEO_COLUMNS

    doc = (ROOT / "docs" / "formats.md").read_text()
    for name in FORMATS:
        assert f"## `{name}`" in doc or f"`{name}` and" in doc, name
    for column in (*COLUMNS, *CAMEO_COLUMNS):
        assert f"`{column}`" in doc, column


def test_readers_print_json_for_machines(stored: str) -> None:
    events = json.loads(ok(kroniek("events", "--json", "--db", stored)))
    # events lists what is stored, negated and hypothetical ones included, furniture not.
    assert sorted(e["status"] for e in events) == sorted(
        ["asserted", "future", "future", "negated", "hypothetical", "historical"])
    assault = next(e for e in events if e["type"] == "ASSAULT" and e["status"] == "asserted")
    assert assault["actor"][0]["code"] == "RUS" and assault["sentence"].startswith("Rusland")
    assert json.loads(ok(kroniek("events", "--json", "--type", "PROTEST", "--db", stored))) == []
    [document] = json.loads(ok(kroniek("docs", "--json", "--db", stored)))
    assert document["events"] == 7 and document["published_start"] == "2022-03-09"
    stats = json.loads(ok(kroniek("stats", "--json", "--db", stored)))
    assert stats["counts"]["documents"] == 1 and stats["published"]["first"] == "2022-03-09"
    assert stats["event_types"]["ASSAULT"] == 4
