"""WARC archives and bad sources through ``kroniek ingest``: a real subprocess, real Frog."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.ingest.pages import BROKEN, article_page, links_page, paywall_page, rss, story_html
from tests.ingest.warcs import write_warc

HTML = "text/html; charset=utf-8"


def test_an_archive_and_bad_sources_in_one_run(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    crawl = write_warc(tmp_path / "crawl.warc.gz", [
        ("http://127.0.0.1/nieuws/dijken", HTML, article_page("dijken").encode(), "200 OK"),
        ("http://127.0.0.1/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        ("http://127.0.0.1/nieuws/grens", HTML, article_page("grens").encode(), "200 OK"),
    ])
    bad = {
        "kapot.html": BROKEN,
        "leeg.html": b"",
        "abonnee.html": paywall_page().encode(),
        "overzicht.html": links_page().encode(),
        "nieuws.rss": b"Dit is geen XML { maar wat rommel",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    feed = tmp_path / "binnenland.xml"
    feed.write_text(rss([("", "Spoorstaking legt treinverkeer in België plat",
                          story_html("staking"))]), encoding="utf-8")
    result = cli("ingest", "--json", str(crawl), *(str(tmp_path / n) for n in bad), str(feed))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert summary["new"] == 3 and summary["failed"] == 5
    errors = summary["errors"]
    assert len(errors) == 5 and all("\n" not in error for error in errors)
    expected = {"kapot.html": "words of article text on the page",
                "leeg.html": "empty", "abonnee.html": "a paywall or subscription stub",
                "overzicht.html": "a page of links, not an article",
                "nieuws.rss": "not an RSS or Atom feed"}
    for error, (name, reason) in zip(errors, expected.items(), strict=True):
        assert error.startswith(str(tmp_path / name)) and reason in error, error
    with sqlite3.connect(db) as connection:
        rows = dict(connection.execute("select id, key from documents").fetchall())
    urls = {"http://127.0.0.1/nieuws/dijken", "http://127.0.0.1/nieuws/grens"}
    assert urls <= set(rows.values()) and len(rows) == 3
    [(identity, key)] = [(i, k) for i, k in rows.items() if k not in urls]
    assert key == identity  # an item without link or guid: its text is its identity
