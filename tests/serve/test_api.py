"""The REST API over a database of our own ingested articles (in-process client)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kroniek.nlp import FrogServer
from kroniek.serve import create_app

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db, None))


def test_events_filter_and_paginate(client: TestClient) -> None:
    everything = client.get("/api/v1/events").json()
    assert everything["total"] >= 3
    first = everything["items"][0]
    only = client.get("/api/v1/events", params={"type": first["type"]}).json()
    assert only["items"] and all(item["type"] == first["type"] for item in only["items"])
    page = client.get("/api/v1/events", params={"limit": 1, "offset": 1}).json()
    assert page["items"][0]["id"] == everything["items"][1]["id"]
    actor = first["actor"][0]
    mine = client.get("/api/v1/events", params={"actor": actor}).json()["items"]
    assert mine and all(actor in item["actor"] for item in mine)


def test_text_search_and_actor_with_dates(client: TestClient) -> None:
    events = client.get("/api/v1/events", params={"limit": 200}).json()["items"]
    target = next(item for item in events if len(item["trigger"]) >= 6)
    # Part of the trigger word, in upper case: the trigram index matches substrings.
    fragment = target["trigger"][1:5].upper()
    found = client.get("/api/v1/events", params={"q": fragment, "limit": 200}).json()["items"]
    assert target["id"] in {item["id"] for item in found}
    assert client.get("/api/v1/events", params={"q": "qqxqq"}).json()["items"] == []
    # A NUL in the query (found by schemathesis) is dropped, not a server error.
    nul = client.get("/api/v1/events", params={"q": "\x00" + fragment, "limit": 200})
    assert nul.status_code == 200 and target["id"] in {i["id"] for i in nul.json()["items"]}
    # Two letters are below the index's reach and still match through LIKE.
    short = client.get("/api/v1/events", params={"q": fragment[:2], "limit": 200}).json()
    assert target["id"] in {item["id"] for item in short["items"]}
    dated = next(item for item in events if item["actor"] and item["date_start"])
    window = {"actor": dated["actor"][0], "date_from": dated["date_start"],
              "date_to": dated["date_start"], "limit": 200}
    inside = client.get("/api/v1/events", params=window).json()
    assert dated["id"] in {item["id"] for item in inside["items"]}
    assert inside["total"] == len(inside["items"])
    assert len({item["id"] for item in inside["items"]}) == len(inside["items"])
    before = client.get("/api/v1/events", params={**window, "date_from": "1998-01-01",
                                                    "date_to": "1999-01-01"}).json()
    assert before["items"] == [] and before["total"] == 0


def test_event_places_are_shown_by_name(client: TestClient) -> None:
    located = [e for e in client.get("/api/v1/events", params={"limit": 200}).json()["items"]
               if e["location"]]
    assert located, "the real extractor found no event location in the test articles"
    page = client.get("/events", headers={"accept": "text/html"}).text
    from kroniek.kb import load_kb
    name = load_kb().actor(located[0]["location"]).name
    assert f'location={located[0]["location"]}">{name}</a>' in page


def test_event_detail_has_evidence(client: TestClient) -> None:
    event = client.get("/api/v1/events").json()["items"][0]
    detail = client.get(f"/api/v1/events/{event['id']}").json()
    assert event["trigger"] in detail["sentence"]["text"]


def test_bad_input_is_a_one_line_4xx(client: TestClient) -> None:
    for url in ("/api/v1/events?date_from=2021-01-01&date_to=2020-01-01",
                "/api/v1/events?limit=0", "/api/v1/events?date_from=gisteren",
                "/api/v1/events/999999", "/api/v1/actors/nobody-at-all"):
        response = client.get(url)
        assert 400 <= response.status_code < 500, url
        assert "\n" not in response.json()["detail"]


def test_writes_without_a_token_are_forbidden(client: TestClient) -> None:
    response = client.post("/api/v1/documents", content="Poetin belde Pasjinian.")
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_wrong_token_big_body_and_bad_json(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "k.sqlite"), "secret", max_body=1000))
    assert client.post("/api/v1/documents", content="x",
                       headers={"authorization": "Bearer wrong"}).status_code == 403
    big = client.post("/api/v1/documents", content="a" * 5000,
                      headers={"authorization": "Bearer secret"})
    assert big.status_code == 413 and "limit" in big.json()["detail"]
    bad = client.post("/api/v1/documents", content="{nope",
                      headers={"authorization": "Bearer secret",
                               "content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["detail"].startswith("not JSON")


def test_post_ingests_with_the_token(tmp_path: Path, frog_server: FrogServer,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRONIEK_FROG_SERVER", frog_server.address)
    with TestClient(create_app(str(tmp_path / "k.sqlite"), "secret")) as client:
        article = {"text": "Rusland en Armenië hebben donderdag in Moskou overleg gevoerd "
                           "over de gevechten in Nagorno-Karabach.",
                   "title": "Overleg in Moskou", "date": "2020-10-09"}
        response = client.post("/api/v1/documents", content=json.dumps(article),
                               headers={"authorization": "Bearer secret",
                                        "content-type": "application/json"})
        assert response.status_code == 201, response.text
        assert response.json()["new"] == 1
        again = client.post("/api/v1/documents", content=json.dumps(article),
                            headers={"x-kroniek-token": "secret",
                                     "content-type": "application/json"})
        assert again.json()["skipped"] == 1
        listed = client.get("/api/v1/documents").json()["items"]
        assert [d["title"] for d in listed] == ["Overleg in Moskou"]


def test_article_html_escapes_markup(client: TestClient) -> None:
    documents = client.get("/api/v1/documents").json()["items"]
    hostile = next(d for d in documents if "script" in (d["title"] or "") + d["source"])
    html = client.get(f"/article/{hostile['id']}").text
    assert "<script>document" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=" in html


def test_csv_follows_the_filter(client: TestClient) -> None:
    event = client.get("/api/v1/events").json()["items"][0]
    text = client.get("/api/v1/events.csv", params={"type": event["type"]}).text
    lines = text.strip().splitlines()
    assert lines[0].startswith("id,date_start")
    assert len(lines) - 1 == client.get("/api/v1/events",
                                        params={"type": event["type"]}).json()["total"]


def test_docs_need_no_network(client: TestClient) -> None:
    html = client.get("/docs").text
    # Swagger UI from the package's files on this server, nothing from elsewhere
    assert "/docs/assets/swagger-ui-bundle.js" in html and "//" not in html
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert "/api/v1/events" in client.get("/docs/openapi.json").json()["paths"]
