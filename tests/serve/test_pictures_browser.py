"""Issue 12's readable pictures, in real headless Chromium against a live server: charts
with axes, tick labels and legends in sensible bins, the /ask answer as a page, the events
table with sentence, outlet and place, phone width, the actor page and the map."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.serve.browsing import open_page, shoot

pytestmark = pytest.mark.frog


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    yield from open_page(browser, live_server)


def _axes(page: Any, chart: str) -> list[list[str]]:
    """The tick labels of each axis Vega drew in the chart ``chart`` (an svg id)."""
    return page.evaluate("""(id) => [...document.querySelectorAll(
        `svg#${id} g.role-axis[aria-roledescription="axis"]`)].map(axis =>
        [...axis.querySelectorAll('g.role-axis-label text')].map(t => t.textContent.trim())
        .filter(Boolean))""", chart)


def test_overview_timeline_has_axes_ticks_and_legend(page: Any) -> None:
    page.goto("/")
    chart = page.locator("svg#timeline-chart")
    assert chart.count() == 1
    axes = _axes(page, "timeline-chart")
    assert len(axes) == 2 and all(len(ticks) >= 2 for ticks in axes), axes
    assert chart.locator("g.role-legend").count() == 1
    assert "material conflict" in chart.locator("g.role-legend").text_content()
    # Drawn at the column's width, not a stamp in a corner.
    assert chart.bounding_box()["width"] > 800
    assert chart.locator("g.role-axis-title text").count() == 2


def test_a_month_of_dyad_events_is_daily_bars(page: Any) -> None:
    page.goto("/dyad/ARM/AZE")
    assert page.locator("#dyad-bins b").inner_text() == "day"
    bars = page.locator("svg#dyad-chart path[aria-roledescription='bar']")
    assert bars.count() >= 3  # three dated days in October 2020 at least, each its own bar
    xs = sorted({round(bars.nth(i).bounding_box()["x"]) for i in range(bars.count())})
    assert xs[-1] - xs[0] > 300  # spread over the width of the chart, not one dot
    x_ticks, y_ticks = _axes(page, "dyad-chart")
    assert any("Oct" in tick for tick in x_ticks), x_ticks
    assert any(tick.lstrip("−-").isdigit() for tick in y_ticks), y_ticks
    # A bar's link leads to its events below the chart.
    href = page.locator("svg#dyad-chart a").first.get_attribute("xlink:href")
    assert href.startswith("#p-2020-10-")
    assert page.locator(f"h3{href}").count() == 1
    # Beside the net score, how much happened: the same bins stacked by quad.
    assert all(len(ticks) >= 2 for ticks in _axes(page, "dyad-events-chart"))
    assert "material conflict" in page.locator(
        "svg#dyad-events-chart g.role-legend").text_content()
    shoot(page, "dyad")
    page.goto("/dyad/ARM/AZE?granularity=month")
    assert page.locator("#dyad-bins b").inner_text() == "month"
    assert page.locator("svg#dyad-chart path[aria-roledescription='bar']").count() == 1


def test_ask_answer_is_a_readable_page(page: Any) -> None:
    page.goto("/ask")
    page.fill("input[name=attacked]", "ARM")
    page.fill("input[name=by]", "AZE")
    page.fill("input[name=at]", "2020-10-08")
    page.click("#ask-form button[type=submit]")
    page.wait_for_url("**/ask?*attacked=ARM*")
    verdict = page.locator("#ask-verdict")
    assert "v-triggered" in verdict.get_attribute("class")
    assert "Collective defence is triggered" in verdict.inner_text()
    assert "Collective Security Treaty Organization" in verdict.inner_text()
    clause = page.locator("#clause-csto")
    assert clause.locator(".badge").inner_text() == "triggered"
    bound = clause.locator(".bound a")
    names = [bound.nth(i).inner_text() for i in range(bound.count())]
    assert "Russia" in names and "Armenia" not in names, names  # names, not codes
    assert page.locator("pre").count() == 0  # not a JSON dump
    evidence = page.locator("#ask-evidence li")
    assert evidence.count() >= 1
    link = evidence.first.locator("a[href^='/article/']")
    text = evidence.first.locator("blockquote").inner_text()
    shoot(page, "ask")
    link.click()
    page.wait_for_url("**/article/*")
    assert text in page.locator("#article-text").inner_text()


def test_ask_answer_says_why_not(page: Any) -> None:
    page.goto("/ask?attacked=ARM&by=AZE&where=Nagorno-Karabakh&at=2020-10-08")
    verdict = page.locator("#ask-verdict")
    assert "v-not-triggered" in verdict.get_attribute("class")
    assert "Not triggered" in verdict.inner_text()
    assert "Azerbaijan" in page.locator("#ask-territory").inner_text()
    reasons = page.locator("#clause-csto .reasons").inner_text()
    assert "not Armenia's territory" in reasons
    assert page.locator("#clause-csto .bound").count() == 0
    response = page.goto("/ask?attacked=Atlantis&at=2020-10-08")
    assert response.status == 422
    assert "unknown actor 'Atlantis'" in page.locator("#ask-error").inner_text()
    assert page.locator("#ask-form input[name=attacked]").input_value() == "Atlantis"


def test_events_table_shows_sentence_outlet_and_place(page: Any) -> None:
    page.goto("/events")
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 5
    for index in range(rows.count()):
        cell = rows.nth(index).locator("td.sentence")
        trigger = cell.locator("a.trigger").inner_text()
        said = cell.locator(".said").inner_text()
        assert trigger and trigger in said and len(said) > len(trigger) + 10, said
    outlets = page.locator("#events td.sentence .outlet")
    assert "Kaukasus Koerier" in [outlets.nth(i).inner_text() for i in range(outlets.count())]
    places = page.locator("#events td.place a")
    assert places.count() >= 1
    names = [places.nth(i).inner_text() for i in range(places.count())]
    assert all(name[:1].isupper() for name in names), names  # names, not KB ids
    # The article link of a row leads to the sentence the row quotes.
    row = page.locator("#events tbody tr", has=page.locator(".outlet")).first
    said = row.locator(".said").inner_text().strip("…")
    row.locator(".source a[href^='/article/']").click()
    page.wait_for_url("**/article/*")
    assert said[:40] in page.locator("#article-text").inner_text()


PHONE_PAGES = ["/", "/events", "/documents", "/actors?q=Rusland", "/actor/rus?at=2020-10-09",
               "/dyad/ARM/AZE", "/network", "/map",
               "/ask?attacked=ARM&by=AZE&at=2020-10-08"]  # /docs is Swagger UI's own page


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    yield from open_page(browser, live_server, width=375, height=740)


def test_phone_width_has_one_line_of_navigation_and_nothing_overflows(phone: Any) -> None:
    first_event = None
    for path in [*PHONE_PAGES, "EVENT"]:
        if path == "EVENT":
            path = first_event
        phone.goto(path)
        if first_event is None:
            first_event = phone.locator("a[href^='/event/']").first.get_attribute("href")
        links = phone.locator("header.top nav a")
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert len(tops) == 1, (path, tops)  # one row, scrolled sideways if need be
        assert phone.locator("header.top").bounding_box()["height"] <= 100, path
        # The page itself never scrolls sideways: wide tables scroll in their own box.
        width = phone.evaluate("document.documentElement.scrollWidth")
        wide = phone.evaluate("""() => [...document.querySelectorAll('main *')].filter(
            e => e.getBoundingClientRect().right > 376 && !e.closest('table.grid, nav, svg,'
            + ' .table-wrap')).slice(0, 3).map(e => e.tagName + '.' + e.className)""")
        assert width <= 375, (path, width, wide)
        fields = phone.locator("main input:visible, main select:visible, main button:visible")
        for i in range(fields.count()):
            box = fields.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (path, i, box)
        if path.startswith("/events"):
            phone.evaluate("document.querySelector('#events').scrollIntoView()")
            shoot(phone, "phone-events")
        if path.startswith("/ask"):
            shoot(phone, "phone-ask")


def test_actor_page_names_dates_and_leaders(page: Any) -> None:
    page.goto("/actor/rus?at=2020-10-09")
    assert "Vladimir Putin" in page.locator("#leaders .lead").inner_text()
    page.locator("#officials summary").click()
    officials = page.locator("#officials").inner_text()
    assert "Sergey Lavrov" in officials
    shoigu = next(line for line in officials.splitlines() if "Shoigu" in line)
    rows = page.locator("#relations tbody tr")
    cells = {rows.nth(i).locator("td").nth(1).inner_text(): rows.nth(i).locator("td").nth(2)
             .inner_text() for i in range(rows.count())}
    assert "Collective Security Treaty Organization" in cells, cells  # a name, not "csto"
    assert not any(name.islower() for name in cells), cells
    assert cells["Collective Security Treaty Organization"] == "since 1994-04-20"
    assert not any("…" in period for period in cells.values()), cells
    shoot(page, "actor")
    # Shoigu left the defence ministry in May 2024: on a later date his office is another.
    page.goto("/actor/rus?at=2025-01-10")
    page.locator("#officials summary").click()
    later = next(line for line in page.locator("#officials").inner_text().splitlines()
                 if "Shoigu" in line)
    assert "defence minister (2012-11-06 – 2024-05-12)" in shoigu, shoigu
    assert "security council secretary (since 2024-05-12)" in later, later


def _circles(page: Any) -> Any:
    return page.locator("svg#map-chart path[aria-roledescription='circle']")


def test_map_points_projection_zoom_clusters_and_time_filter(page: Any) -> None:
    page.goto("/map")
    chart = page.locator("svg#map-chart")
    width = chart.bounding_box()["width"]
    # Outlines in a projection that cuts at the dateline: Fiji and Russia straddle it and
    # are drawn where they are, not as streaks across the world.
    for country, widest in (("Fiji", 0.05), ("Russia", 0.6)):
        outline = chart.locator("path[aria-roledescription='geoshape']",
                                has=page.locator(f"title:text-is('{country}')"))
        assert outline.count() == 1, country
        assert outline.bounding_box()["width"] < widest * width, country
    world = _circles(page).count()
    assert world >= 2  # points: the Caucasus and the Red Sea at least
    # The numbers on the circles, not those of the size legend.
    labels = chart.locator("g.role-mark.mark-text text").all_text_contents()
    counts = sorted(int(t) for t in labels if t.isdigit())
    places = page.locator("#map-places tbody tr")
    total = sum(int(places.nth(i).locator("td").nth(1).inner_text())
                for i in range(places.count()))
    assert sum(counts) == total  # every event of the table is in one circle
    shoot(page, "map")
    # The Caucasus places are one circle on the world map; zooming in splits them.
    cluster = chart.locator("a", has=page.locator("title:has-text('click to zoom in')")).first
    href = cluster.get_attribute("xlink:href")
    assert href.startswith("/map?") and "zoom=4" in href
    # A double click beside the cluster zooms in there: same latitude (parallels are
    # straight in Equal Earth), further east.
    query = parse_qs(urlsplit(href).query)
    circle = cluster.locator("path").bounding_box()
    page.mouse.dblclick(circle["x"] + circle["width"] / 2 + 60,
                        circle["y"] + circle["height"] / 2)
    page.wait_for_url("**/map?*zoom=2*")
    clicked = parse_qs(urlsplit(page.url).query)
    assert abs(float(clicked["lat"][0]) - float(query["lat"][0])) < 1.5, (clicked, query)
    assert float(clicked["lon"][0]) > float(query["lon"][0]) + 5, (clicked, query)
    page.goto(href)
    assert "zoom 4×" in page.locator("#map-controls").inner_text()
    assert _circles(page).count() >= 2
    page.click("#zoom-out")
    assert "zoom 2×" in page.locator("#map-controls").inner_text()
    # The time filter: only 2024 leaves the Red Sea and Yemen, not the Caucasus.
    page.goto("/map")
    page.locator("#map-years a", has_text="2024").click()
    page.wait_for_url("**date_from=2024-01-01**")
    names = page.locator("#map-places tbody td:first-child").all_inner_texts()
    assert names and not any("Karabakh" in n or "Armenia" in n for n in names), names
    assert 1 <= _circles(page).count() < world
    page.fill("#map-filter input[name=date_from]", "2020-10-01")
    page.fill("#map-filter input[name=date_to]", "2020-10-31")
    page.click("#map-filter button")
    page.wait_for_url("**date_from=2020-10-01**")
    names = page.locator("#map-places tbody td:first-child").all_inner_texts()
    assert names and not any("Yemen" in n or "Red Sea" in n for n in names), names


QUAD_COLOURS = {"#7fb3d5", "#1f618d", "#f5b041", "#c0392b"}


def test_network_labels_beside_nodes_and_edges_by_quad(page: Any) -> None:
    page.goto("/network")
    page.wait_for_selector("svg#network[data-ready='1']")
    nodes = page.locator("svg#network g.node")
    assert nodes.count() >= 3
    labels = []
    for i in range(nodes.count()):
        circle = nodes.nth(i).locator("circle").bounding_box()
        text = nodes.nth(i).locator("text")
        box = text.bounding_box()
        assert box["x"] >= circle["x"] + circle["width"] - 1, i  # beside, not on the node
        labels.append(text.text_content())
    assert "Armenia" in labels and "Azerbaijan" in labels, labels  # names, not codes
    lines = page.locator("svg#network line")
    strokes = {lines.nth(i).get_attribute("stroke") for i in range(lines.count())}
    assert strokes & QUAD_COLOURS, strokes
    titles = page.locator("svg#network line title").all_text_contents()
    assert any("conflict" in title for title in titles), titles
    shoot(page, "network")
