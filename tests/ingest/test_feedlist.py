"""Intervals, backoff and feed list files of `kroniek watch`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.errors import InputError
from kroniek.ingest.feedlist import backoff, parse_interval, read_feed_list


def test_intervals() -> None:
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30
    assert parse_interval("2h") == 7200 and parse_interval("1d") == 86400
    assert parse_interval("5") == 300  # minutes
    for bad in ("vaak", "0s", "-5m", "15 weken"):
        with pytest.raises(InputError):
            parse_interval(bad)


def test_a_failing_feed_waits_longer_each_time_up_to_a_limit() -> None:
    waits = [backoff(900, failures) for failures in range(8)]
    assert waits[:4] == [900, 1800, 3600, 7200]
    assert waits == sorted(waits) and max(waits) <= 86400
    assert backoff(60, 20) == 60 * 32


def test_feed_lists_as_text_or_opml(tmp_path: Path) -> None:
    text = tmp_path / "feeds.txt"
    text.write_text("# binnenland\nhttp://127.0.0.1:1/rss\n\n  http://127.0.0.1:1/atom  # ok\n")
    assert read_feed_list(text) == ["http://127.0.0.1:1/rss", "http://127.0.0.1:1/atom"]
    opml = tmp_path / "feeds.opml"
    opml.write_text("<?xml version='1.0'?><opml version='2.0'><head><title>Nieuws</title>"
                    "</head><body><outline text='NL'><outline text='Dagkrant' type='rss' "
                    "xmlUrl='http://127.0.0.1:1/rss'/></outline><outline text='Grensblad' "
                    "xmlUrl='http://127.0.0.1:1/atom'/></body></opml>")
    assert read_feed_list(opml) == ["http://127.0.0.1:1/rss", "http://127.0.0.1:1/atom"]
    broken = tmp_path / "kapot.opml"
    broken.write_text("<opml><body><outline")
    with pytest.raises(InputError, match="not a valid OPML file"):
        read_feed_list(broken)
    empty = tmp_path / "leeg.txt"
    empty.write_text("# niets\n")
    with pytest.raises(InputError, match="names no feed"):
        read_feed_list(empty)
