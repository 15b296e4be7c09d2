"""Security headers on every kind of answer, HEAD on every GET route, the Host check
against DNS rebinding: over HTTP to a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from kroniek.serve import create_app
from kroniek.serve.data.codes import QUAD_COLOURS
from kroniek.serve.routes import api_actors, api_documents, api_events, api_graph, pages
from kroniek.serve.security import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.frog
CSS = Path(__file__).resolve().parents[2] / "src/kroniek/serve/static/kroniek.css"
HTML = {"accept": "text/html"}


def assert_secured(response: httpx.Response) -> None:
    headers = response.headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, response.url
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.fixture(scope="module")
def http(live_server: str) -> httpx.Client:
    with httpx.Client(base_url=live_server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def ids(http: httpx.Client) -> dict[str, Any]:
    event = http.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    return {"event_id": event["id"], "document_id": event["document_id"],
            "key": "rus", "a": "RUS", "b": "ARM"}


def test_headers_on_pages_api_static_and_errors(http: httpx.Client, ids: dict[str, Any]) -> None:
    answers = {
        "page": http.get("/", headers=HTML),
        "api": http.get("/api/v1/events"),
        "csv": http.get("/api/v1/events.csv"),
        "static": http.get("/static/kroniek.css"),
        "openapi": http.get("/openapi.json"),
        "404 page": http.get("/event/999999999", headers=HTML),
        "404 api": http.get("/api/v1/events/999999999"),
        "404 route": http.get("/no/such/page"),
        "422": http.get("/api/v1/events", params={"limit": 0}),
        "403 write": http.post("/api/v1/documents", content="tekst"),
        "413": http.post("/api/v1/documents", content=b"x" * (6 * 1024 * 1024)),
        "405": http.delete("/api/v1/events"),
        "400 host": http.get("/", headers={"host": "evil.example"}),
    }
    expected = {"page": 200, "api": 200, "csv": 200, "static": 200, "openapi": 200,
                "404 page": 404, "404 api": 404, "404 route": 404, "422": 422,
                "403 write": 403, "413": 413, "405": 405, "400 host": 400}
    assert {name: r.status_code for name, r in answers.items()} == expected
    for response in answers.values():
        assert_secured(response)
    # A header a route sets itself is replaced, not doubled.
    assert len(answers["page"].headers.get_list("content-security-policy")) == 1


def _get_routes() -> set[str]:
    """Every GET route the app serves, from the routers create_app includes."""
    api = [api_actors.router, api_documents.router, api_events.router, api_graph.router]
    paths = {"/openapi.json"}
    for prefix, routers in (("/api/v1", api), ("", [pages.router])):
        paths |= {prefix + route.path for router in routers for route in router.routes
                  if "GET" in (getattr(route, "methods", None) or ())}
    return paths


def test_head_answers_every_get_route(http: httpx.Client, ids: dict[str, Any]) -> None:
    routes = _get_routes()
    assert "/api/v1/events/{event_id}" in routes and "/" in routes
    for path in sorted(routes):
        url = re.sub(r"{(\w+)}", lambda m: str(ids.get(m.group(1), ids["key"])), path)
        url = url.replace("{document_id}", ids["document_id"])
        get = http.get(url, params={"attacked": "ARM"} if "defence" in url else None)
        head = http.head(url, params={"attacked": "ARM"} if "defence" in url else None)
        assert get.status_code == 200, url
        assert head.status_code == 200, url
        assert head.content == b"", url
        assert head.headers["content-type"] == get.headers["content-type"], url
        assert_secured(head)
    css = http.head("/static/kroniek.css")
    assert css.status_code == 200 and int(css.headers["content-length"]) == CSS.stat().st_size


def test_host_header_checked_on_loopback(http: httpx.Client, live_server: str) -> None:
    port = live_server.rsplit(":", 1)[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example",
                 "localhost.evil.example", "192.168.1.5"):
        refused = http.get("/api/v1/documents", headers={"host": host})
        assert refused.status_code == 400, host
        assert "is not this server" in refused.json()["detail"], host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", f"[::1]:{port}",
                 f"LOCALHOST:{port}"):
        assert http.get("/api/v1/documents", headers={"host": host}).status_code == 200, host


def test_allowed_hosts_add_names(web_db: str) -> None:
    from kroniek.serve.security import SecurityHeaders

    app = create_app(web_db, None, allowed_hosts=("kroniek.lan",))
    guard = next(m for m in app.user_middleware if m.cls is SecurityHeaders)
    assert guard.kwargs["allowed_hosts"] == ("kroniek.lan",)
    # In-process (not on loopback) the check does not apply; the headers still do.
    answer = TestClient(app).get("/", headers={"host": "anything.example"})
    assert answer.status_code == 200 and answer.headers["x-frame-options"] == "DENY"


def test_stylesheet_has_every_quad_colour() -> None:
    # The CSP forbids inline styles, so badge colours live in CSS: keep them in step.
    css = CSS.read_text()
    for quad, colour in QUAD_COLOURS.items():
        assert f".q-{quad.replace(' ', '-')} {{ background: {colour}; }}" in css, quad


def test_an_internal_error_is_one_line_with_the_headers(web_db: str) -> None:
    app = create_app(web_db, None)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/broken", broken)  # a route with a bug, to see what a 500 looks like
    answer = TestClient(app, raise_server_exceptions=False).get("/broken")
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error; the server log has the details"}
    assert_secured(answer)
