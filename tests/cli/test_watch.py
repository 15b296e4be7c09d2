"""``kroniek watch``: real subprocesses, real Frog, a real server on 127.0.0.1, real SQLite."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.ingest.pages import article_page, atom, rss, story_html
from tests.ingest.site import Site

from kroniek.nlp import FrogServer


def count(db: str, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"select count(*) from {table}").fetchone()[0])


def test_watch_once_ingests_new_items_once_and_uses_etags(cli, db: str, site: Site) -> None:  # type: ignore[no-untyped-def]
    one = site.page("/dijken", article_page("dijken"))
    two = site.page("/grens", article_page("grens"))
    feed = site.feed("/rss", rss([(one, "Dijken", "kort"), (two, "Grens", "kort")]), '"v1"')
    first = cli("watch", "--once", feed)
    assert first.returncode == 0, first.stderr
    assert f"{feed}: 2 new, 0 failed, 0 seen before" in first.stderr
    assert count(db, "documents") == 2 and count(db, "feed_items") == 2

    again = cli("watch", "--once", feed)
    assert again.returncode == 0 and f"{feed}: not modified" in again.stderr
    assert site.requests[-1][1]["if-none-match"] == '"v1"'
    assert site.hits("/dijken") == 1

    three = site.page("/staking", article_page("staking"))
    site.feed("/rss", rss([(three, "Staking", "kort"), (one, "Dijken", "kort"),
                           (two, "Grens", "kort")]), '"v2"')
    later = cli("watch", "--once", feed)
    assert f"{feed}: 1 new, 0 failed, 2 seen before" in later.stderr
    assert site.hits("/dijken") == 1 and site.hits("/staking") == 1
    assert count(db, "documents") == 3


def test_a_failing_feed_is_backed_off_and_the_others_go_on(cli, db: str, site: Site,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    broken = site.flaky("/kapot", "", failures=100)
    not_xml = site.page("/geen-feed", "dit is { geen feed", content_type="application/rss+xml")
    good = site.feed("/atom", atom([(site.url("/weg"), "Staking", story_html("staking"))]),
                     '"a1"', content_type="application/atom+xml")
    listing = tmp_path / "feeds.opml"
    listing.write_text(f"<opml><body><outline xmlUrl='{broken}'/><outline xmlUrl='{not_xml}'/>"
                       f"<outline xmlUrl='{good}'/></body></opml>")
    result = cli("watch", "--once", "--every", "10m", "--feeds", str(listing),
                 "--timeout", "2")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "127.0.0.1" in line]
    assert f"{broken}: failed: HTTP 500 Internal Server Error (after 3 tries); next try in " \
           "20 min" in result.stderr
    assert f"{not_xml}: failed: not an RSS or Atom feed" in result.stderr
    assert f"{good}: 1 new, 0 failed" in result.stderr
    assert len([line for line in lines if "Z http" in line]) == 3  # one line per poll
    with sqlite3.connect(db) as connection:
        failures = dict(connection.execute("select url, failures from feeds").fetchall())
    assert failures == {broken: 1, not_xml: 1, good: 0}
    assert count(db, "documents") == 1


def test_sigterm_stops_cleanly_between_documents(frog_server: FrogServer, db: str,
                                                 site: Site) -> None:
    stories = ["dijken", "grens", "staking"]
    pages = [site.slow(f"/{name}", article_page(name), seconds=1.5) for name in stories]
    feed = site.feed("/rss", rss([(page, name, "kort") for page, name in zip(pages, stories,
                                                                              strict=True)]),
                     '"s1"')
    environment = {**os.environ, "KRONIEK_DB": db, "KRONIEK_FROG_SERVER": frog_server.address,
                   "COLUMNS": "200"}
    process = subprocess.Popen([sys.executable, "-m", "kroniek", "watch", "--every", "1s", feed],
                               stderr=subprocess.PIPE, text=True, env=environment)
    deadline = time.monotonic() + 120
    while site.hits("/grens") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # the first document is stored, the second is being fetched
    process.send_signal(signal.SIGTERM)
    _out, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert "SIGTERM: stopping after the current document" in stderr
    assert "stopped after" in stderr and "Traceback" not in stderr
    assert site.hits("/staking") == 0
    with sqlite3.connect(db) as connection:
        seen = connection.execute("select item, document_id from feed_items").fetchall()
        stored = {row[0] for row in connection.execute("select id from documents")}
        whole = connection.execute("select count(distinct document_id) from sentences")
        assert whole.fetchone()[0] == len(stored)  # no document without its sentences
    assert 1 <= len(seen) <= 2 and {document for _, document in seen} == stored
    with sqlite3.connect(db) as connection:
        etag = connection.execute("select etag from feeds").fetchone()[0]
    assert etag is None  # stopped halfway: the next poll reads the feed again, not a 304
