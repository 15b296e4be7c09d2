"""``kroniek ingest page.html`` and HTML posted to the API: a real subprocess, real Frog,
a real uvicorn on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
from tests.ingest.pages import article_page, links_page, paywall_page
from tests.serve.test_api_ingest import AUTH, writable  # noqa: F401 (a fixture)


def rows(db: str) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute("select * from documents order by title").fetchall()


def test_pages_are_stored_as_articles_and_bad_pages_fail_alone(cli, db: str,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    (tmp_path / "dijken.html").write_text(article_page("dijken"), encoding="utf-8")
    (tmp_path / "grens.htm").write_bytes(article_page("grens", charset="windows-1252",
                                                      outlet="Het Grensblad",
                                                      author="Piet Bakker").encode("cp1252"))
    (tmp_path / "links.html").write_text(links_page(), encoding="utf-8")
    (tmp_path / "abonnee.html").write_text(paywall_page(), encoding="utf-8")
    result = cli("ingest", "--json", str(tmp_path))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert summary["new"] == 2 and summary["failed"] == 2
    errors = "\n".join(summary["errors"])
    assert "links.html: a page of links" in errors and "abonnee.html: a paywall" in errors
    grens, dijken = rows(db)
    assert dijken["title"] == "Kabinet trekt extra geld uit voor dijkversterking"
    assert dijken["author"] == "Marieke de Vries" and dijken["outlet"] == "De Dagkrant"
    assert dijken["date_origin"] == "html-meta" and dijken["published_precision"] == "day"
    assert str(dijken["published_start"]) == "2024-03-14"
    assert grens["outlet"] == "Het Grensblad" and grens["author"] == "Piet Bakker"
    for row in (grens, dijken):
        assert "cookies" not in row["text"] and "Jantje88" not in row["text"]
        assert "<" not in row["text"] and "Lees ook" not in row["text"]
    assert dijken["key"].endswith("dijken.html") and grens["key"].endswith("grens.htm")
    with sqlite3.connect(db) as connection:
        events = connection.execute("select count(*) from sentences where document_id = ?",
                                    (dijken["id"],)).fetchone()[0]
    assert events >= 4  # the article's sentences, not the menu's


def test_html_posted_to_the_api(writable: tuple[str, str]) -> None:  # noqa: F811
    base, db = writable
    before = {row["id"] for row in rows(db)}
    page = article_page("staking", outlet="Het Spoorblad", author="An Claes")
    answer = httpx.post(f"{base}/api/v1/documents", content=page.encode(),
                        headers={**AUTH, "content-type": "text/html; charset=utf-8"},
                        params={"url": "http://127.0.0.1/nieuws/staking"}, timeout=120)
    assert answer.status_code == 201, answer.text
    other = httpx.post(f"{base}/api/v1/documents", content=article_page("grens").encode(),
                       headers={**AUTH, "content-type": "text/plain"}, timeout=120)
    assert other.status_code == 201, other.text
    new = [row for row in rows(db) if row["id"] not in before]
    assert len(new) == 2
    staking = next(row for row in new if row["outlet"] == "Het Spoorblad")
    assert staking["title"] == "Spoorstaking legt treinverkeer in België plat"
    assert staking["author"] == "An Claes" and staking["key"] == "http://127.0.0.1/nieuws/staking"
    assert "cookies" not in staking["text"] and staking["date_origin"] == "html-meta"
    bad = httpx.post(f"{base}/api/v1/documents", content=links_page().encode(),
                     headers={**AUTH, "content-type": "text/html"}, timeout=120)
    assert bad.status_code == 400 and "a page of links" in bad.json()["detail"]
