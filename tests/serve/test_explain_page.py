"""'Why this record' on the event page and as JSON: a live uvicorn on 127.0.0.1 over a
database ingested from composed Dutch articles with the real Frog, the explanation made by
the server's own pipeline; and in real headless Chromium, the section opened by a click."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from markupsafe import escape

from kroniek.nlp import FrogBackend, FrogServer
from kroniek.pipeline import Pipeline, ingest
from kroniek.serve import create_app
from kroniek.store import open_engine
from tests.serve.browsing import CSP_LISTENER, SHOTS
from tests.serve.conftest import free_port

pytestmark = pytest.mark.frog

# Composed for this test. The first sentence gives one record (a condemnation by the French
# government, a generic reference resolved by its adjective) and a candidate that is
# dropped (the attack it condemns has no actor of its own); the second another dropped
# candidate (a passive with no agent).
CONDEMNATION = ("De Franse regering veroordeelde woensdag de aanval op het ziekenhuis in "
                "Charkiv. Turkije sloot dinsdag de grens met Syrië, terwijl de "
                "onderhandelingen werden opgeschort. De Nederlandse premier sprak donderdag "
                "in Brussel met zijn Belgische collega over de begroting.")
# Its one record is changed in the database after ingest, as if the coder had changed since.
DELIVERY = ("Iran heeft vorige week drones geleverd aan Rusland, meldt een Amerikaanse krant. "
            "Volgens de krant gaat het om honderden toestellen van hetzelfde type.")
# Markup in an article is text: a record from it is explained without the markup acting.
HOSTILE = ("De Russische regering <b>dreigde</b> woensdag Georgië met <img src=x "
           "onerror=\"document.title='gehackt'\"> nieuwe sancties. Tbilisi reageerde nog niet "
           "op de dreiging.")
ARTICLES = [
    {"id": "veroordeling", "title": "Parijs veroordeelt aanval", "date": "2023-03-16",
     "text": CONDEMNATION},
    {"id": "levering", "title": "Drones voor Rusland", "date": "2023-03-16", "text": DELIVERY},
    {"id": "vijandig", "title": "Markup in de tekst", "date": "2023-03-16", "text": HOSTILE},
]


def _start(app: Any) -> tuple[uvicorn.Server, threading.Thread, str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 30 s")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def why_db(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> str:
    folder = tmp_path_factory.mktemp("why")
    feed = folder / "artikelen.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                    encoding="utf-8")
    db = str(folder / "kroniek.sqlite")
    engine = open_engine(db)
    summary = ingest([str(feed)], engine, Pipeline(backend=FrogBackend(frog_server)))
    engine.dispose()
    assert summary.failed == 0, summary.errors
    with sqlite3.connect(db) as connection:
        changed = connection.execute(
            "update events set status = 'negated' where document_id in "
            "(select id from documents where key = 'levering') and status != 'negated'"
        ).rowcount
    assert changed >= 1, "the composed delivery sentence gave no event to change"
    return db


@pytest.fixture(scope="module")
def why_server(why_db: str, frog_server: FrogServer) -> Iterator[str]:
    """A read-only server whose pipeline reaches the session's Frog."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KRONIEK_FROG_SERVER", frog_server.address)
        server, thread, base = _start(create_app(why_db, None))
        yield base
        server.should_exit = True
        thread.join(timeout=10)


def _events(base: str, db: str, key: str) -> list[dict[str, Any]]:
    """The stored events of the composed article ``key``, as the API lists them."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        document = connection.execute("select id from documents where key = ?",
                                      (key,)).fetchone()[0]
    answer = httpx.get(f"{base}/api/v1/events", params={"document": document}, timeout=30)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


@pytest.fixture(scope="module")
def base(why_server: str) -> str:
    return why_server


def _condemnation(base: str, db: str) -> dict[str, Any]:
    events = [e for e in _events(base, db, "veroordeling") if e["sentence_index"] == 0]
    assert events, "the composed condemnation sentence gave no record"
    return events[0]


def _explain(base: str, event_id: int) -> dict[str, Any]:
    answer = httpx.get(f"{base}/api/v1/events/{event_id}/explain", timeout=300)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_json_explains_trigger_resolution_and_dropped_candidates(base: str, why_db: str) -> None:
    event = _condemnation(base, why_db)
    why = _explain(base, event["id"])
    assert why["agrees"] is True, why["note"]
    assert why["differences"] == []
    sentence = why["sentence"]
    assert sentence["text"].startswith("De Franse regering veroordeelde")
    record = sentence["candidates"][why["record"]]
    # The trigger: the stored record's lexicon entry, found again with its type.
    assert record["this_record"] is True
    assert record["rule"] == event["rule"]
    assert record["type"] == event["type"]
    assert record["word"] and record["word"] in sentence["text"]
    fresh = record["records"][why["record_event"]]
    assert fresh["this_record"] is True and fresh["event"]["actor"] == event["actor"]
    assert record["clause"] and record["arguments"]
    assert fresh["status"].startswith(event["status"])
    # How the actor was chosen: the generic "de Franse regering" read through its adjective.
    government = next(m for m in sentence["mentions"] if m["text"] == "De Franse regering")
    assert government["kb"] == "fra" and government["code"] == "FRA"
    assert government["method"] and government["kb_name"]
    assert government["resolved_at"] == "2023-03-16"
    assert any(government["text"] in line for line in record["arguments"])
    assert government["text"] in record["chosen_actor"]
    assert government["how"]  # the method in words
    # The noun "aanval" is a candidate of this sentence that did not become a record.
    dropped = [c for c in sentence["candidates"] if c["dropped"]]
    assert dropped, sentence["candidates"]
    assert all(not c["records"] and not c["this_record"] for c in dropped)
    assert any("aanval" in c["word"] for c in dropped)


def test_page_shows_the_explanation_escaped(base: str, why_db: str) -> None:
    event = _condemnation(base, why_db)
    why = _explain(base, event["id"])
    record = why["sentence"]["candidates"][why["record"]]
    dropped = next(c for c in why["sentence"]["candidates"] if c["dropped"])
    for url in (f"{base}/event/{event['id']}?explain=1", f"{base}/event/{event['id']}/why"):
        page = httpx.get(url, headers={"accept": "text/html"}, timeout=300)
        assert page.status_code == 200, url
        html = page.text
        assert 'id="why-content"' in html
        assert str(escape(record["rule"])) in html
        assert str(escape(record["chosen_actor"])) in html  # the actor note, taken apart
        assert str(escape(record["chosen_recipient"])) in html
        assert str(escape(dropped["dropped"])) in html
        assert "De Franse regering" in html and "/actor/fra" in html
        assert 'id="why-agrees"' in html and 'id="why-disagrees"' not in html
    plain = httpx.get(f"{base}/event/{event['id']}", timeout=30).text
    assert 'id="why"' in plain and "Why this record" in plain
    assert 'id="why-content"' not in plain  # nothing analysed until asked


def test_a_changed_record_is_flagged(base: str, why_db: str) -> None:
    changed = [e for e in _events(base, why_db, "levering") if e["status"] == "negated"]
    assert changed, "the fixture changed no record"
    event = changed[0]
    why = _explain(base, event["id"])
    assert why["agrees"] is False
    assert "changed since the record was stored" in why["note"]
    assert {"field": "status", "stored": "negated",
            "now": why["sentence"]["candidates"][why["record"]]["records"][why["record_event"]]
            ["event"]["status"]} \
        in why["differences"]
    html = httpx.get(f"{base}/event/{event['id']}?explain=1", timeout=300).text
    assert 'id="why-disagrees"' in html and "negated" in html


def test_every_stored_record_finds_its_own_fresh_record(base: str, why_db: str) -> None:
    """Records that share a trigger (both sides of "sprak met") are told apart, and each
    unchanged record is given again as stored."""
    events = _events(base, why_db, "veroordeling")
    seen = set()
    for event in events:
        why = _explain(base, event["id"])
        assert why["agrees"] is True, (event, why["note"], why["differences"])
        seen.add((why["sentence_index"], why["record"], why["record_event"]))
    assert len(seen) == len(events)


def test_unknown_event_is_404(base: str) -> None:
    for path in ("/api/v1/events/987654/explain", "/event/987654/why",
                 "/event/987654?explain=1"):
        answer = httpx.get(base + path, timeout=30)
        assert answer.status_code == 404, path
        assert "987654" in answer.text


def test_without_frog_the_page_says_so(why_db: str, base: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    event = _condemnation(base, why_db)
    # Nothing listens on this port: the server's pipeline cannot reach a Frog.
    monkeypatch.setenv("KRONIEK_FROG_SERVER", f"127.0.0.1:{free_port()}")
    server, thread, dead = _start(create_app(why_db, None))
    try:
        answer = httpx.get(f"{dead}/api/v1/events/{event['id']}/explain", timeout=60)
        assert answer.status_code == 503
        assert "Frog is not available" in answer.json()["detail"]
        fragment = httpx.get(f"{dead}/event/{event['id']}/why", timeout=60)
        assert fragment.status_code == 503 and 'id="why-error"' in fragment.text
        page = httpx.get(f"{dead}/event/{event['id']}?explain=1", timeout=60)
        assert page.status_code == 200  # the event itself is still shown
        assert 'id="why-error"' in page.text and "Frog is not available" in page.text
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A Chromium page that fails its test on a script error or a CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1:") else route.abort())
    context.add_init_script(CSP_LISTENER)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text
            else None)
    yield page
    context.close()
    assert not errors, errors


def _open_why(page: Any, url: str) -> str:
    """Open the event page, expand "Why this record", wait for it; its text."""
    page.goto(url)
    assert page.locator("details#why").get_attribute("open") is None
    assert page.locator("#why-content").count() == 0  # nothing analysed before the click
    page.click("details#why > summary")
    page.wait_for_selector("details#why[data-ready='1']", timeout=300_000)
    return str(page.locator("details#why .why-body").inner_text())


def test_browser_opens_why_this_record(page: Any, base: str, why_db: str) -> None:
    event = _condemnation(base, why_db)
    text = _open_why(page, f"{base}/event/{event['id']}")
    assert page.locator("#why-content").is_visible()
    assert event["rule"] in text
    assert "De Franse regering" in text and "fra" in text
    assert "dropped:" in text
    assert page.locator("#why-candidates tr.this").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("details#why").screenshot(path=str(SHOTS / "event-why.png"))


def test_browser_shows_markup_in_the_explanation_as_text(page: Any, base: str,
                                                          why_db: str) -> None:
    events = [e for e in _events(base, why_db, "vijandig") if e["sentence_index"] == 0]
    assert events, "the composed sentence with markup gave no record"
    text = _open_why(page, f"{base}/event/{events[0]['id']}")
    assert "<b>dreigde</b>" in text and "onerror=" in text  # shown, not interpreted
    assert page.locator("#why-content img, #why-content script, #why-content [onerror]"
                        ).count() == 0
    # the section's own <b> marks "this record"; the article's <b> must not be an element
    assert page.locator("#why-content b", has_text="dreigde").count() == 0
    assert page.evaluate("document.title") != "gehackt"


@pytest.fixture
def frogless(why_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A server whose Frog is not installed: the pipeline's executable does not exist."""
    monkeypatch.delenv("KRONIEK_FROG_SERVER", raising=False)  # no running Frog to reach
    app = create_app(why_db, None)
    app.state.kroniek.use_pipeline(Pipeline(backend=FrogBackend(
        FrogServer(executable="/nonexistent/frog"))))
    server, thread, url = _start(app)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def test_browser_says_when_frog_is_missing(page: Any, base: str, why_db: str,
                                           frogless: str) -> None:
    event = _condemnation(base, why_db)
    text = _open_why(page, f"{frogless}/event/{event['id']}")
    assert page.locator("#why-error").is_visible()
    assert "Frog is not available" in text and "Frog not found" in text
    assert page.locator("#evidence").is_visible()  # the record itself is still shown
