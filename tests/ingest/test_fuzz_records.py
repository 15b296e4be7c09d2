"""Property-based: whatever JSON Lines records and API bodies say, ``kroniek ingest`` and the
API answer without a traceback or a 5xx, count every line, and change nothing stored before.

Most generated records fail validation before Frog; the few good ones draw their texts from
a small pool, so after the first analysis they are duplicates and the run stays fast.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.serve.conftest import free_port
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.nlp import FrogServer
from kroniek.serve import create_app

pytestmark = pytest.mark.frog

TOKEN = "fuzz-token"
GOOD_TEXTS = [
    "De Noorse premier heeft maandag in Oslo de Zweedse premier ontvangen voor overleg.",
    "Het Egyptische leger heeft dinsdag de grens met Libië gesloten na gevechten.",
    "De Keniaanse president belde woensdag met de Ethiopische premier over de droogte.",
]
STORED_BEFORE = [
    {"id": "vast-1", "title": "Vast bericht een", "date": "2021-04-01",
     "text": "De Belgische premier heeft donderdag in Brussel de Nederlandse premier ontmoet."},
    {"url": "https://vast.example/twee", "title": "Vast bericht twee",
     "text": "De Finse president heeft vrijdag in Helsinki de Estse premier ontvangen."},
]
DATES = ["2020", "2020-10", "2020-10-09", "9999-12-31", "0001-01-01", "-2020-01-01",
         "2020-13-45", "2020-02-30", "", " ", "gisteren", "1e5", "2020-10-09T25:00"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.text(max_size=20))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6)
field_values = st.one_of(json_values, st.sampled_from(DATES))
records = st.one_of(
    st.fixed_dictionaries({}, optional={
        "text": st.one_of(st.sampled_from(GOOD_TEXTS), json_values),
        "title": field_values, "date": field_values, "url": field_values,
        "outlet": field_values, "id": field_values}),
    json_values,
)
# Lines that are not JSON at all, or JSON Python's reader refuses.
odd_lines = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(["[" * 50_000 + "]" * 50_000, '{"text": ' + "9" * 5000 + "}",
                     '{"text": "open', "{}", "[]", "null", '{"text": NaN}']),
)
lines = st.one_of(records.map(json.dumps), odd_lines)


def dump(db: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("select * from documents order by id").fetchall()


def stored_before(db: str, env: dict[str, str], folder: Path) -> list[tuple[Any, ...]]:
    feed = folder / "vast.jsonl"
    feed.write_text("\n".join(json.dumps(record) for record in STORED_BEFORE) + "\n")
    result = CliRunner().invoke(app, ["ingest", "-q", str(feed)], env=env)
    assert result.exit_code == 0, result.output
    rows = dump(db)
    assert len(rows) == len(STORED_BEFORE)
    return rows


@pytest.fixture(scope="module")
def fuzz_env(tmp_path_factory: pytest.TempPathFactory,
             frog_server: FrogServer) -> tuple[dict[str, str], Path, list[tuple[Any, ...]]]:
    folder = tmp_path_factory.mktemp("fuzz-cli")
    env = {"KRONIEK_DB": str(folder / "kroniek.sqlite"),
           "KRONIEK_FROG_SERVER": frog_server.address}
    return env, folder, stored_before(env["KRONIEK_DB"], env, folder)


@settings(max_examples=50, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(lines, min_size=1, max_size=6))
def test_any_jsonl_is_counted_line_by_line_and_harms_nothing(
        fuzz_env: tuple[dict[str, str], Path, list[tuple[Any, ...]]], feed: list[str]) -> None:
    env, folder, before = fuzz_env
    path = folder / "fuzz.jsonl"
    path.write_text("\n".join(feed) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--json", str(path)], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)
    summary = json.loads(result.stdout)
    counted = sum(summary[key] for key in ("new", "replaced", "skipped", "failed"))
    if path.read_bytes().strip():
        assert counted == sum(1 for line in feed if line.strip())
    else:  # a file of blank lines is one failed input: empty
        assert (counted, summary["failed"]) == (1, 1) and "empty" in summary["errors"][0]
    assert result.exit_code == (1 if summary["failed"] else 0)
    assert summary["replaced"] == 0  # no generated id or URL is one stored before
    rows = dump(env["KRONIEK_DB"])
    assert [row for row in rows if row in before] == before


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory,
                frog_server: FrogServer) -> Iterator[tuple[str, str, list[tuple[Any, ...]]]]:
    folder = tmp_path_factory.mktemp("fuzz-api")
    db = str(folder / "kroniek.sqlite")
    env = {"KRONIEK_DB": db, "KRONIEK_FROG_SERVER": frog_server.address}
    before = stored_before(db, env, folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KRONIEK_FROG_SERVER", frog_server.address)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db, TOKEN, max_body=300_000),
                                               host="127.0.0.1", port=port,
                                               log_level="critical"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", db, before
        server.should_exit = True
        thread.join(timeout=10)


bodies = st.one_of(
    st.tuples(st.just("application/json"),
              st.one_of(records, st.lists(records, max_size=4)).map(
                  lambda value: json.dumps(value).encode())),
    st.tuples(st.just("application/json"), odd_lines.map(str.encode)),
    st.tuples(st.sampled_from(["text/plain", "application/json", "image/png"]),
              st.one_of(st.binary(max_size=200),
                        st.sampled_from(GOOD_TEXTS).map(str.encode),
                        st.sampled_from(GOOD_TEXTS).map(lambda text: text.encode("utf-16")))),
)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(bodies, st.sampled_from([{}, {"date": "9999-12-31"}, {"title": "Kop"},
                                {"date": "-2020-01-01"}]))
def test_any_api_body_is_answered_without_a_5xx_and_harms_nothing(
        fuzz_server: tuple[str, str, list[tuple[Any, ...]]], body: tuple[str, bytes],
        params: dict[str, str]) -> None:
    base, db, before = fuzz_server
    kind, content = body
    answer = httpx.post(f"{base}/api/v1/documents", content=content, params=params,
                        headers={"authorization": f"Bearer {TOKEN}", "content-type": kind},
                        timeout=120)
    assert answer.status_code < 500, answer.text
    detail = answer.json().get("detail", "")
    assert "\n" not in detail and "Traceback" not in answer.text
    if answer.status_code == 201:
        assert answer.json()["failed"] == 0
    if "items" in answer.json():
        assert all(item["status"] in ("new", "replaced", "skipped", "failed")
                   for item in answer.json()["items"])
    rows = dump(db)
    assert [row for row in rows if row in before] == before
