"""End to end in real headless Chromium against a live server: every page, a filter,
an event to its article, escaping of hostile text, and a screenshot of each page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.serve.browsing import open_page, shoot

pytestmark = pytest.mark.frog


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    yield from open_page(browser, live_server)


def test_every_page_loads(page: Any) -> None:
    page.goto("/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator(".count").count() >= 5
    shoot(page, "overview")
    first_event = page.locator("table.grid a[href^='/event/']").first.get_attribute("href")
    for path, name, heading in [
        ("/events", "events", "Events"), (first_event, "event", None),
        ("/documents", "articles", "Articles"), ("/actors?q=Rusland", "actors", "Actors"),
        ("/actor/rus?at=2020-10-09", "actor", "Russia"), ("/dyad/RUS/ARM", "dyad", "RUS"),
        ("/map", "map", "Map"), ("/ask?attacked=ARM&by=AZE&where=Nagorno-Karabakh"
                                 "&at=2020-10-08", "ask", "Would an attack"),
    ]:  # /docs (Swagger UI): test_api_docs.py
        response = page.goto(path)
        assert response.status == 200, path
        if heading:
            assert heading in page.locator("h1").inner_text(), path
        shoot(page, name)
    page.goto("/network")
    page.wait_for_selector("svg#network[data-ready='1']")
    assert page.locator("svg#network circle").count() >= 2
    circle = page.locator("svg#network circle").first
    before = circle.bounding_box()
    page.mouse.move(before["x"] + 5, before["y"] + 5)
    page.mouse.down()
    page.mouse.move(before["x"] + 120, before["y"] + 80, steps=5)
    page.mouse.up()
    after = circle.bounding_box()
    assert abs(after["x"] - before["x"]) > 30  # the node was dragged
    shoot(page, "network")


def test_filter_then_event_then_article(page: Any) -> None:
    page.goto("/events")
    total = page.locator("#events tbody tr").count()
    facet = page.locator("#facet-type a").first
    chosen = facet.inner_text().strip()
    facet.click()
    page.wait_for_url("**/events?*type=*")
    rows = page.locator("#events tbody tr")
    assert 0 < rows.count() <= total
    for index in range(rows.count()):
        assert rows.nth(index).locator(".badge").inner_text() == chosen
    status = page.locator("#facet-status a").first.inner_text().strip()
    page.select_option("#f-status", status)
    page.click("#filters button[type=submit]")
    assert f"status={status}" in page.url
    page.locator("#events a.trigger").first.click()
    page.wait_for_url("**/event/*")
    assert page.locator("#evidence .k-event").count() == 1
    page.click("#article-link")
    page.wait_for_url("**/article/*")
    assert page.locator("#article-text .hl").count() >= 1
    page.locator("#article-text .k-event").first.hover()
    shoot(page, "article")


def test_hostile_article_is_shown_as_text(page: Any) -> None:
    page.goto("/documents")
    page.locator("#documents a", has_text="script").first.click()
    page.wait_for_url("**/article/*")
    text = page.locator("#article-text").inner_text()
    assert "<img src=x onerror=" in text  # visible as text, not an element
    assert "<script>document.title='gehackt'</script>" in text
    assert page.locator("#article-text img, #article-text script, #article-text b").count() == 0
    assert page.evaluate("document.title") not in ("gehackt", "xss")
