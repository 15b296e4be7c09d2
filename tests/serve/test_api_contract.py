"""The typed schema is the API's contract: schemathesis against a live server on 127.0.0.1
over a small database of our own articles (fused, with figures, quotes and relations).

Every answer must conform to ``/openapi.json``: its status documented, its media type,
and its JSON valid against the response model, whose objects allow no property the model
does not name (so a field the data layer adds without the model fails here). Generated
requests are bounded (EXAMPLES per operation); then one real request per kind of answer
checks the full shapes, which generated ids, mostly unknown, rarely reach.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
import sqlalchemy as sa
import uvicorn
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kroniek.graph.fusion import fuse
from kroniek.kb import load_kb
from kroniek.nlp import FrogServer
from kroniek.pipeline import ingest
from kroniek.serve import create_app
from kroniek.store import open_engine
from tests.conftest import POSTGRES_VARIABLE
from tests.serve.conftest import ARTICLES, _pipeline, free_port, sharing_frog

pytestmark = pytest.mark.frog
OURS = Path(__file__).with_name("api_articles")
TOKEN = "contract-token"
EXAMPLES = 8
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def _seed(db: str, frog_server: FrogServer) -> str:
    engine = open_engine(db)
    summary = ingest([str(ARTICLES), str(OURS)], engine, _pipeline(frog_server))
    assert summary.failed == 0, summary.errors
    # Two outlets report Poetin's call: fusion gives at least one fused event to describe.
    assert fuse(engine, load_kb()).fused >= 1
    engine.dispose()
    return db


@contextlib.contextmanager
def _serving(db: str, frog_server: FrogServer) -> Iterator[str]:
    """A real uvicorn on 127.0.0.1 over ``db`` that accepts writes with TOKEN."""
    port = free_port()
    app = sharing_frog(create_app(db, TOKEN), frog_server)
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                            log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> Iterator[str]:
    db = _seed(str(tmp_path_factory.mktemp("contract") / "kroniek.sqlite"), frog_server)
    with _serving(db, frog_server) as base:
        yield base


@pytest.fixture(scope="module")
def postgres_server(frog_server: FrogServer) -> Iterator[str]:
    """The same server over a PostgreSQL database (the server ``./run test`` starts)."""
    admin_url = os.environ.get(POSTGRES_VARIABLE)
    if not admin_url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set (`./run test` starts a PostgreSQL "
                    "server and sets it)")
    name = f"kroniek_contract_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(
        hide_password=False)
    try:
        with _serving(_seed(url, frog_server), frog_server) as base:
            yield base
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def schema(server: str) -> Any:
    return schemathesis.openapi.from_url(f"{server}/openapi.json")


def _call(schema: Any, method: str, path: str, **parts: Any) -> Response:
    """One request of the operation ``method path``, checked against the schema."""
    case = schema[path][method].Case(**parts)
    response = case.call(timeout=60)
    case.validate_response(response, checks=CHECKS)
    return response


def test_the_schema_is_closed(schema: Any, server: str) -> None:
    raw = requests.get(f"{server}/openapi.json", timeout=10).json()
    models = raw["components"]["schemas"]
    assert models["EventSummary"]["additionalProperties"] is False
    assert not list(_open_objects(models))
    for path, item in raw["paths"].items():
        for method, operation in item.items():
            answer = operation["responses"].get("200") or operation["responses"].get("201")
            if path != "/api/v1/events.csv":
                content = answer["content"]["application/json"]["schema"]
                assert "$ref" in content, (method, path)  # a model, not "any object"


def _open_objects(node: Any, where: str = "") -> Iterator[str]:
    """Where the schema has an object of any shape (``additionalProperties: true``)."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is True or node == {"type": "object"}:
            yield where
        for key, value in node.items():
            yield from _open_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _open_objects(value, f"{where}/{index}")


def test_generated_requests(schema: Any) -> None:
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 17
    statuses: Counter[int] = Counter()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call(timeout=60)
            statuses[response.status_code] += 1
            case.validate_response(response, checks=CHECKS)

        check()
    assert statuses[200] >= len(operations) - 5, statuses  # most operations answered
    assert statuses[422] > 0 and statuses[403] > 0, statuses  # bad values, no token
    assert not [code for code in statuses if code >= 500], statuses


def test_every_kind_of_answer(schema: Any) -> None:
    _every_kind_of_answer(schema)


def test_every_kind_of_answer_on_postgresql(postgres_server: str) -> None:
    _every_kind_of_answer(schemathesis.openapi.from_url(f"{postgres_server}/openapi.json"))


def _every_kind_of_answer(schema: Any) -> None:
    def get(path: str, **parts: Any) -> Any:
        response = _call(schema, "GET", path, **parts)
        assert response.status_code == 200, (path, parts, response.text[:200])
        kind = response.headers["content-type"][0]  # schemathesis: lists of values
        return response.json() if kind == "application/json" else response.text

    events = get("/api/v1/events", query={"limit": 500})["items"]
    assert len(events) >= 15
    assert any(event["figures"] for event in events)
    assert get("/api/v1/events", query={"format": "csv"}).count("\n") == len(events) + 1
    assert get("/api/v1/events.csv", query={"type": "ASSAULT"}).startswith("id,")
    get("/api/v1/events/facets", query={"status": "asserted"})
    for event in events:
        get("/api/v1/events/{event_id}", path_parameters={"event_id": event["id"]})
    explained = [get("/api/v1/events/{event_id}/explain",
                     path_parameters={"event_id": event["id"]}) for event in events[:6]]
    assert all(each["sentence"] for each in explained)

    documents = get("/api/v1/documents")["items"]
    stored = len([*ARTICLES.glob("*.txt"), *OURS.glob("*.txt")])
    assert len(documents) == stored
    details = [get("/api/v1/documents/{document_id}", path_parameters={"document_id": d["id"]})
               for d in documents]
    assert any(d["quotes"] for d in details) and any(d["figures"] for d in details)
    stats = get("/api/v1/stats")
    assert stats["counts"]["documents"] == stored and stats["counts"]["relations"] >= 1

    codes = sorted({code for event in events for code in event["actor"] + event["recipient"]})
    assert get("/api/v1/actors", query={"q": "Poetin"})["items"]
    for key in [*codes, "vladimir-putin", "nato"]:
        get("/api/v1/actors/{key}", path_parameters={"key": key}, query={"at": "2020-10-09"})
    for pair in get("/api/v1/dyads")["items"]:
        get("/api/v1/dyads/{a}/{b}", path_parameters={"a": pair["actor"], "b": pair["recipient"]},
            query={"granularity": "day", "directed": "true"})
    get("/api/v1/relations")
    assert get("/api/v1/network")["edges"]
    assert get("/api/v1/map")["items"]
    fused = get("/api/v1/fused")
    assert fused["total"] >= 1 and len(fused["items"][0]["reports"]) >= 2
    answer = get("/api/v1/defence", query={"attacked": "ARM", "by": "AZE",
                                           "where": "Nagorno-Karabakh", "at": "2020-10-08"})
    assert answer["answer"]["territory"]["place"] == "nagorno-karabakh"


def test_errors_are_one_line_details(schema: Any) -> None:
    for path, parts, status in [
        ("/api/v1/events", {"query": {"type": "BOMB"}}, 422),
        ("/api/v1/events/{event_id}", {"path_parameters": {"event_id": 999_999}}, 404),
        ("/api/v1/defence", {"query": {"attacked": "Atlantis"}}, 422),
        ("/api/v1/dyads", {"query": {"since": "2020-13-01"}}, 422),
    ]:
        response = _call(schema, "GET", path, **parts)
        assert response.status_code == status, (path, response.text)
        assert isinstance(response.json()["detail"], str)


def test_ingest_answers(schema: Any) -> None:
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    text = ("Titel: Overleg in Moskou\nDatum: 2020-10-10\n\nDe Armeense minister van "
            "Buitenlandse Zaken sprak zaterdag in Moskou met zijn Russische ambtgenoot.")
    stored = _call(schema, "POST", "/api/v1/documents", headers=bearer, body=text,
                   media_type="text/plain")
    assert stored.status_code == 201, stored.text
    assert stored.json()["new"] == 1
    mixed = [{"text": "Poetin sprak met Pasjinian.", "date": "2020-13"}, {"title": "leeg"}]
    refused = _call(schema, "POST", "/api/v1/documents", headers=bearer, body=mixed,
                    media_type="application/json")
    assert refused.status_code == 400, refused.text
    assert refused.json()["failed"] == 2 and len(refused.json()["items"]) == 2
    forbidden = _call(schema, "POST", "/api/v1/documents", body="x", media_type="text/plain")
    assert forbidden.status_code == 403
