"""Issue 12's readable pictures, in real headless Chromium against a live server: charts
with axes, tick labels and legends in sensible bins, the /ask answer as a page, the events
table with sentence, outlet and place, phone width, the actor page and the map."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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
    shoot(page, "dyad")
    page.goto("/dyad/ARM/AZE?granularity=month")
    assert page.locator("#dyad-bins b").inner_text() == "month"
    assert page.locator("svg#dyad-chart path[aria-roledescription='bar']").count() == 1
