"""``kroniek ingest URL...``: a real subprocess, real Frog, a real server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3

from tests.ingest.pages import article_page
from tests.ingest.site import Site


def test_urls_good_and_bad_in_one_run(cli, db: str, site: Site) -> None:  # type: ignore[no-untyped-def]
    good = site.page("/nieuws/2024/03/14/dijken", article_page("dijken", date=None))
    other = site.page("/nieuws/grens", article_page("grens"))
    flaky = site.flaky("/nieuws/staking", article_page("staking"), failures=1)
    site.redirect("/lus-a", "/lus-b")
    site.redirect("/lus-b", "/lus-a")
    bad = [site.url("/lus-a"), site.silent("/stil"), site.huge("/groot", 50),
           site.url("/weg"), site.page("/data.pdf", b"%PDF-1.4", content_type="application/pdf")]
    result = cli("ingest", "--json", "--timeout", "1", good, *bad, other, flaky)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert summary["new"] == 3 and summary["failed"] == 5
    errors = summary["errors"]
    assert errors[0] == f"{bad[0]}: more than 5 redirects (a redirect loop?)"
    assert errors[1] == f"{bad[1]}: no answer within 1 s"
    assert "over the size limit" in errors[2]
    assert errors[3] == f"{bad[3]}: HTTP 404 Not Found"
    assert errors[4] == f"{bad[4]}: not a web page or feed (application/pdf)"
    with sqlite3.connect(db) as connection:
        stored = dict(connection.execute("select key, date_origin from documents").fetchall())
    assert stored == {good: "url", other: "html-meta", flaky: "html-meta"}
    assert site.hits("/nieuws/staking") == 2  # the 500, then the page

    # A corrected version at the same URL replaces the stored one; the others stay.
    site.page("/nieuws/grens", article_page("grens").replace("dinsdag", "woensdag"))
    again = cli("ingest", "--json", other, good)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["replaced"] == 1 and summary["skipped"] == 1
    with sqlite3.connect(db) as connection:
        texts = dict(connection.execute("select key, text from documents").fetchall())
    assert len(texts) == 3 and "woensdag" in texts[other] and "dinsdag" not in texts[other]
