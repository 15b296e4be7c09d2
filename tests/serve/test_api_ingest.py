"""Ingesting through the real HTTP API: uvicorn on 127.0.0.1 with a token, the real Frog."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from kroniek.nlp import FrogServer
from kroniek.serve import create_app
from tests.serve.conftest import free_port

pytestmark = pytest.mark.frog

TOKEN = "schrijf-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
JSON = {**AUTH, "content-type": "application/json"}


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory,
             frog_server: FrogServer) -> Iterator[tuple[str, str]]:
    """(base URL, database path) of a live server that accepts writes with TOKEN."""
    db = str(tmp_path_factory.mktemp("api-ingest") / "kroniek.sqlite")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KRONIEK_FROG_SERVER", frog_server.address)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db, TOKEN), host="127.0.0.1",
                                               port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 30 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", db
        server.should_exit = True
        thread.join(timeout=10)


def document_rows(db: str) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("select id, key, title from documents order by id").fetchall()


def test_four_distinct_posts_are_four_documents(writable: tuple[str, str]) -> None:
    base, db = writable
    before = len(document_rows(db))
    texts = [
        "De Iraanse minister van Buitenlandse Zaken sprak maandag in Wenen met Europese "
        "diplomaten over het atoomakkoord.",
        "Het Turkse leger heeft dinsdag doelen in het noorden van Irak bestookt, meldt het "
        "ministerie van Defensie in Ankara.",
    ]
    records = [
        {"text": "De Japanse premier heeft woensdag in Tokio de Zuid-Koreaanse president "
                 "ontvangen voor overleg over Noord-Korea.", "title": "Overleg in Tokio"},
        {"text": "Israël en Libanon hebben donderdag via Amerikaanse bemiddelaars gesproken "
                 "over hun zeegrens.", "title": "Gesprek over zeegrens"},
    ]
    with httpx.Client(base_url=base, timeout=120) as client:
        answers = [client.post("/api/v1/documents", content=text.encode(), headers=AUTH)
                   for text in texts]
        answers += [client.post("/api/v1/documents", json=record, headers=AUTH)
                    for record in records]
        for answer in answers:
            assert answer.status_code == 201, answer.text
            assert answer.json()["new"] == 1 and answer.json()["replaced"] == 0
        assert len(document_rows(db)) == before + 4
        again = client.post("/api/v1/documents", content=texts[0].encode(), headers=AUTH)
    assert again.status_code == 201 and again.json()["skipped"] == 1
    assert again.json()["documents"] == answers[0].json()["documents"]
    assert len(document_rows(db)) == before + 4


def test_a_post_with_the_same_url_replaces_and_names_both_titles(
        writable: tuple[str, str]) -> None:
    base, db = writable
    url = "https://voorbeeld.example/nieuws/grens"
    text = ("De Armeense premier heeft vrijdag in Jerevan gezegd dat de onderhandelingen met "
            "Azerbeidzjan over de grens doorgaan.")
    with httpx.Client(base_url=base, timeout=120) as client:
        first = client.post("/api/v1/documents", headers=AUTH, content=text.encode(),
                            params={"url": url, "title": "Onderhandelingen gaan door"})
        assert first.status_code == 201 and first.json()["new"] == 1, first.text
        second = client.post("/api/v1/documents", headers=AUTH,
                             content=text.replace("vrijdag", "zaterdag").encode(),
                             params={"url": url, "title": "Onderhandelingen hervat"})
    assert second.status_code == 201, second.text
    body = second.json()
    assert body["replaced"] == 1
    [item] = body["items"]
    assert item["status"] == "replaced"
    assert item["replaces"] == [{"id": first.json()["documents"][0],
                                 "title": "Onderhandelingen gaan door"}]
    assert [title for _id, key, title in document_rows(db) if key == url] == [
        "Onderhandelingen hervat"]



BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("application/json", json.dumps({"text": "Een tekst.", "title": {"a": 1}}).encode(),
     "'title' must be text or null, found an object"),
    ("application/json", json.dumps({"text": "Een tekst.", "url": 5}).encode(), "'url' must"),
    ("application/json", json.dumps({"text": "Een tekst.", "date": "9999-12-31"}).encode(),
     "outside the years"),
    ("application/json", json.dumps({"text": "Een tekst.", "date": "-2020-01-01"}).encode(),
     "not a date"),
    ("application/json", json.dumps({"text": "Een \u0000 tekst."}).encode(), "NUL"),
    ("application/json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("application/json", b'{"text": "x", "n": ' + b"8" * 5000 + b"}", "number too long"),
    ("application/json", b'{"text": "\xff"}', "not UTF-8"),
    ("application/json", b"[]", "an empty list"),
    ("application/json", b'"alleen tekst"', "a JSON object was expected"),
    ("text/plain", b"Een tekst " * 1000 + b"\x00", "NUL"),
    ("text/plain", b"\x00\x01\x02binair", "binary data"),
]


@pytest.mark.parametrize(("kind", "body", "reason"), BAD_BODIES,
                         ids=[reason for _kind, _body, reason in BAD_BODIES])
def test_bad_bodies_are_a_4xx_with_the_reason(writable: tuple[str, str], kind: str,
                                              body: bytes, reason: str) -> None:
    base, db = writable
    before = document_rows(db)
    with httpx.Client(base_url=base, timeout=120) as client:
        answer = client.post("/api/v1/documents", content=body,
                             headers={**AUTH, "content-type": kind})
    assert answer.status_code == 400, answer.text
    detail = answer.json()["detail"]
    assert reason in detail and "\n" not in detail
    assert document_rows(db) == before


def test_a_batch_says_which_items_were_stored(writable: tuple[str, str]) -> None:
    base, db = writable
    batch = [
        {"text": "De Chinese president heeft maandag in Peking de Braziliaanse president "
                 "ontvangen.", "title": "Bezoek in Peking"},
        {"text": "Een tweede bericht.", "date": "2020-13-45"},
        {"text": "De Indiase premier heeft dinsdag in New Delhi met de Pakistaanse premier "
                 "gebeld over de grens.", "title": "Gesprek over de grens"},
    ]
    with httpx.Client(base_url=base, timeout=120) as client:
        answer = client.post("/api/v1/documents", json=batch, headers=AUTH)
    assert answer.status_code == 400
    body = answer.json()
    assert [item["status"] for item in body["items"]] == ["new", "failed", "new"]
    assert "api:2: month 13 out of range" in body["items"][1]["error"]
    assert "1 of 3 failed" in body["detail"] and "the other 2 stored" in body["detail"]
    stored = {title for _id, _key, title in document_rows(db)}
    assert {"Bezoek in Peking", "Gesprek over de grens"} <= stored


def test_utf16_with_a_byte_order_mark_is_read(writable: tuple[str, str]) -> None:
    base, db = writable
    text = ("De Canadese premier heeft woensdag in Ottawa de Mexicaanse president "
            "ontvangen voor overleg over handel.")
    with httpx.Client(base_url=base, timeout=120) as client:
        answer = client.post("/api/v1/documents", content=text.encode("utf-16"),
                             headers={**AUTH, "content-type": "text/plain"})
    assert answer.status_code == 201, answer.text
    [document_id] = answer.json()["documents"]
    with sqlite3.connect(db) as connection:
        [(stored,)] = connection.execute("select text from documents where id = ?",
                                         (document_id,)).fetchall()
    assert stored == text
