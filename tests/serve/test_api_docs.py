"""/docs in real headless Chromium against a live server: Swagger UI from the package's
own files shows every operation, "Try it out" runs a request against this server, nothing
leaves 127.0.0.1 and the strict Content-Security-Policy reports no violation."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.request import urlopen

import pytest
import uvicorn

from kroniek.nlp import FrogServer
from kroniek.serve import create_app
from kroniek.serve.routes.api_docs import as_openapi_30
from tests.serve.browsing import CSP_LISTENER, shoot
from tests.serve.conftest import free_port, sharing_frog

pytestmark = pytest.mark.frog


def _get_json(url: str) -> Any:
    with urlopen(url, timeout=10) as response:  # our own server on 127.0.0.1
        return json.load(response)


def _offline_page(browser: Any, base: str) -> tuple[Any, Any, list[str], list[str]]:
    """A page that may reach ``base`` only: (context, page, requests off it, errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    outside: list[str] = []
    problems: list[str] = []

    def route(handle: Any) -> None:
        if handle.request.url.startswith(base + "/"):
            handle.continue_()
        else:
            outside.append(handle.request.url)
            handle.abort()

    context.route("**/*", route)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" else None)
    return context, page, outside, problems


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> Iterator[str]:
    """A live server on an empty database that ingests with the token "docs-token"."""
    db = str(tmp_path_factory.mktemp("docs-writer") / "kroniek.sqlite")
    port = free_port()
    app = sharing_frog(create_app(db, "docs-token"), frog_server)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _operations(schema: dict[str, Any]) -> list[tuple[str, str]]:
    return [(method.upper(), path) for path, item in schema["paths"].items()
            for method in item if method in ("get", "post", "put", "patch", "delete")]


def test_the_page_reads_a_30_copy_of_the_same_schema(live_server: str) -> None:
    full = _get_json(f"{live_server}/openapi.json")
    old = _get_json(f"{live_server}/docs/openapi.json")
    assert full["openapi"].startswith("3.1") and old["openapi"] == "3.0.3"
    assert _operations(old) == _operations(full)
    assert set(old["components"]["schemas"]) == set(full["components"]["schemas"])
    text = json.dumps(old)
    assert '"type": "null"' not in text and '"examples": [' not in text
    # what was "string or null" is a nullable string, and a nullable model an allOf
    figure = old["components"]["schemas"]["Figure"]["properties"]["event_id"]
    assert figure["type"] == "integer" and figure["nullable"] is True
    sentence = old["components"]["schemas"]["Explanation"]["properties"]["sentence"]
    assert sentence["allOf"] == [{"$ref": "#/components/schemas/ExplainedSentence"}]
    assert sentence["nullable"] is True


def test_conversion_keeps_what_it_does_not_touch() -> None:
    schema = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"A": {
        "type": "object", "properties": {
            "n": {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]},
            "k": {"const": "x"}, "e": {"type": "string", "examples": ["a", "b"]}}}}}}
    out = as_openapi_30(schema)
    props = out["components"]["schemas"]["A"]["properties"]
    assert props["n"] == {"anyOf": [{"type": "integer"}, {"type": "string"}], "nullable": True}
    assert props["k"] == {"enum": ["x"]}
    assert props["e"] == {"type": "string", "example": "a"}
    assert schema["openapi"] == "3.1.0" and "const" in str(schema)  # the input is kept


def test_swagger_ui_shows_every_operation_and_tries_one(browser: Any, live_server: str) -> None:
    context, page, outside, problems = _offline_page(browser, live_server)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    response = page.goto("/docs")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe" not in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock")
    wanted = _operations(_get_json(f"{live_server}/openapi.json"))
    shown = [(block.locator(".opblock-summary-method").inner_text().strip(),
              block.locator(".opblock-summary-path").get_attribute("data-path"))
             for block in page.locator(".opblock").all()]
    assert sorted(shown) == sorted(wanted)
    shoot(page, "api")

    facets = page.locator(".opblock", has=page.locator(
        ".opblock-summary-path[data-path='/api/v1/events/facets']"))
    facets.locator(".opblock-summary").click()
    facets.get_by_role("button", name="Try it out").click()
    facets.locator("input[placeholder='type']").fill("assault")
    with page.expect_response(lambda r: "/api/v1/events/facets" in r.url) as sent:
        facets.get_by_role("button", name="Execute").click()
    answer = sent.value
    assert answer.url == f"{live_server}/api/v1/events/facets?type=assault"
    assert answer.status == 200
    expected = _get_json(f"{live_server}/api/v1/events/facets?type=ASSAULT")
    assert expected["matched"] >= 1
    live = facets.locator(".live-responses-table tr.response")
    live.locator(".response-col_status").wait_for()
    assert live.locator(".response-col_status").inner_text().strip() == "200"
    shown_body = json.loads(live.locator(".highlight-code pre").first.inner_text())
    assert shown_body == expected

    assert not outside, outside
    assert requested and all(url.startswith(live_server + "/") for url in requested)
    assert not problems, problems
    context.close()


def test_authorize_then_post_an_article(browser: Any, writer: str) -> None:
    context, page, outside, problems = _offline_page(browser, writer)
    page.goto("/docs")
    page.wait_for_selector(".opblock")
    page.locator(".auth-wrapper .authorize").click()
    scheme = page.locator(".modal-ux .auth-container", has_text="bearer")
    scheme.locator("input").fill("docs-token")
    scheme.get_by_role("button", name="Authorize").click()
    page.locator(".modal-ux .btn-done").first.click()

    post = page.locator(".opblock-post", has=page.locator(
        ".opblock-summary-path[data-path='/api/v1/documents']"))
    post.locator(".opblock-summary").click()
    post.get_by_role("button", name="Try it out").click()
    post.locator("textarea.body-param__text").fill(
        "Datum: 2021-03-02\n\nDe Franse president Emmanuel Macron heeft dinsdag met de "
        "Duitse bondskanselier Angela Merkel gebeld over de vaccins.")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        post.get_by_role("button", name="Execute").click()
    assert sent.value.url.startswith(f"{writer}/api/v1/documents")
    assert sent.value.status == 201, sent.value.text()
    assert sent.value.request.headers["authorization"] == "Bearer docs-token"
    live = post.locator(".live-responses-table tr.response")
    live.locator(".response-col_status").wait_for()
    assert live.locator(".response-col_status").inner_text().strip() == "201"
    assert json.loads(live.locator(".highlight-code pre").first.inner_text())["new"] == 1
    stored = _get_json(f"{writer}/api/v1/documents")["items"]
    assert [item["published_start"] for item in stored] == ["2021-03-02"]
    assert not outside, outside
    assert not problems, problems
    context.close()
