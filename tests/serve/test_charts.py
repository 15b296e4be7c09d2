"""The chart module on its own: bins, clusters, ring winding, and markup from the data
escaped in Vega's SVG (the pages put that SVG in as it is)."""

from __future__ import annotations

import datetime as dt
import re

from kroniek.serve import charts
from kroniek.serve.data.codes import QUADS


def test_bins_follow_the_range() -> None:
    day = dt.date(2020, 10, 1)
    assert charts.granularity_for(day, day + dt.timedelta(days=30)) == "day"
    assert charts.granularity_for(day, day + dt.timedelta(days=200)) == "week"
    assert charts.granularity_for(day, day + dt.timedelta(days=1000)) == "month"
    assert charts.bin_end(dt.date(2020, 12, 1), "month") == dt.date(2021, 1, 1)
    assert charts.period_key(dt.date(2020, 10, 8), "week") == "2020-10-05"  # its Monday


def test_rebin_sums_days_into_weeks() -> None:
    daily = [{"period": "2020-10-05", "events": 2, "score": -3.0,
              "quads": {"material conflict": 2}},
             {"period": "2020-10-07", "events": 1, "score": 1.5,
              "quads": {"verbal cooperation": 1}},
             {"period": "2020-10-12", "events": 1, "score": -1.0, "quads": {}}]
    weeks = charts.rebin(daily, "week")
    assert [w["period"] for w in weeks] == ["2020-10-05", "2020-10-12"]
    assert weeks[0]["events"] == 3 and weeks[0]["score"] == -1.5
    assert weeks[0]["quads"] == {"material conflict": 2, "verbal cooperation": 1}


def test_nearby_places_cluster_until_zoomed_in() -> None:
    places = [{"location": "a", "name": "A", "lat": 39.8, "lon": 46.7, "events": 3,
               "people": 0, "last": "2020-10-09"},
              {"location": "b", "name": "B", "lat": 40.2, "lon": 46.3, "events": 1,
               "people": 5, "last": "2020-10-02"},
              {"location": "c", "name": "C", "lat": 15.5, "lon": 48.0, "events": 2,
               "people": 0, "last": "2024-01-12"}]
    world = charts.clusters(places, charts.MapView())
    assert sorted(len(c["places"]) for c in world) == [1, 2]
    merged = next(c for c in world if len(c["places"]) == 2)
    assert merged["events"] == 4 and merged["people"] == 5
    assert 46.3 < merged["lon"] < 46.7  # between its places, nearer the busier
    close = charts.clusters(places, charts.MapView(zoom=32, lon=46.5, lat=40))
    assert len(close) == 3


def test_every_outline_ring_is_clockwise_for_d3() -> None:
    anticlockwise = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]
    assert charts._clockwise(anticlockwise) == anticlockwise[::-1]
    across = [[179.0, 0.0], [-179.0, 0.0], [-179.0, -2.0], [179.0, -2.0]]  # the dateline
    assert charts._clockwise(across) == across  # clockwise once unwrapped
    assert len(charts.world_features()) > 150


def test_markup_in_the_data_stays_text() -> None:
    series = [{"period": "2020-10-08", "events": 1, "score": -2.0,
               "quads": {"verbal conflict": 1}}]
    svg = str(charts.dyad_chart(series, "day", "<script>x</script>", 'B" onload="y'))
    assert "<script>" not in svg and 'onload="y' not in svg
    assert "&lt;script&gt;" in svg
    days = [{"day": "2020-10-08", **dict.fromkeys(QUADS, 0), "verbal conflict": 2}]
    svg = str(charts.timeline(days))
    assert re.search(r'<svg id="timeline-chart" role="img"', svg)
    assert "https://" not in svg.replace("http://www.w3.org", "")  # no link off the server
