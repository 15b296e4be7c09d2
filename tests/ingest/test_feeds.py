"""Feeds read with feedparser; items' pages from a real server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ingest.pages import STORIES, article_page, atom, rss, story_html
from tests.ingest.site import Site

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.build import to_document
from kroniek.ingest.feeds import feed_articles, parse_feed
from kroniek.ingest.fetch import Fetcher
from kroniek.ingest.formats import articles_of, is_feed
from kroniek.ingest.sources import Source


def articles(data: str, site_fetcher: Fetcher) -> list[RawArticle | InputError]:
    return list(feed_articles(data.encode(), "feed.xml", site_fetcher))


def test_rss_items_are_their_pages(site: Site) -> None:
    one = site.page("/dijken", article_page("dijken"))
    two = site.page("/grens", article_page("grens"))
    feed = rss([(one, "Dijken", "Kort: geld voor dijken."), (two, "Grens", "Kort: controles.")])
    with Fetcher(timeout=5) as fetcher:
        first, second = articles(feed, fetcher)
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.key == one and second.key == two
    assert first.title == STORIES["dijken"][0] and first.author == "Marieke de Vries"
    assert first.text.startswith("Het kabinet") and "Kort:" not in first.text
    assert to_document(first).id != to_document(second).id


def test_an_unreachable_page_falls_back_to_the_items_text(site: Site) -> None:
    gone = site.url("/verdwenen")
    feed = atom([(gone, STORIES["staking"][0], story_html("staking"))])
    with Fetcher(timeout=5) as fetcher:
        [article] = articles(feed, fetcher)
    assert isinstance(article, RawArticle)
    assert article.key == gone and article.title == STORIES["staking"][0]
    assert article.outlet == "Het Grensblad" and article.author == "Redactie"
    assert article.text.startswith("Het treinverkeer in België") and "<p>" not in article.text
    assert article.text.count("\n\n") == 2
    assert article.date_origin == "metadata" and str(article.published.start) == "2024-02-01"
    assert any("HTTP 404" in note and "feed's own text" in note for note in article.notes)


@pytest.mark.parametrize("version", ["0.91", "0.92", "2.0"])
def test_rss_versions_and_items_without_a_page(version: str) -> None:
    feed = rss([("", STORIES["grens"][0], story_html("grens")),
                ("", STORIES["dijken"][0], story_html("dijken"))], version=version)
    parsed = parse_feed(feed.encode(), "f")
    assert [item.title for item in parsed.items] == [STORIES["grens"][0], STORIES["dijken"][0]]
    with Fetcher(timeout=5) as fetcher:
        found = articles(feed, fetcher)
    assert all(isinstance(a, RawArticle) for a in found)
    assert len({to_document(a).id for a in found if isinstance(a, RawArticle)}) == 2


def test_what_is_not_a_feed_is_one_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(b"Dit is geen feed maar gewoon tekst {", "nieuws.xml")
    assert str(caught.value).startswith("nieuws.xml: not an RSS or Atom feed")
    assert "\n" not in str(caught.value)
    with Fetcher(timeout=5) as fetcher:
        [empty] = list(feed_articles(rss([]).encode(), "leeg.xml", fetcher))
    assert isinstance(empty, InputError) and "a feed without items" in str(empty)


def test_feeds_are_recognised_by_their_root_or_name(tmp_path: Path, site: Site) -> None:
    feed = rss([("", STORIES["grens"][0], story_html("grens"))])
    assert is_feed("stdin", feed.encode()) and is_feed("x.rss", b"rommel")
    assert not is_feed("x.txt", b"Het kabinet.") and not is_feed("a.xml", b"<!doctype html>")
    url = site.page("/feed", feed, content_type="application/rss+xml")
    path = tmp_path / "feed.txt"
    path.write_text(feed, encoding="utf-8")
    with Fetcher(timeout=5) as fetcher:
        from_url = [a for a, _ in articles_of(Source(url, None, url=url), fetcher, 1 << 20)]
        from_file = [a for a, _ in articles_of(Source(str(path), path), fetcher, 1 << 20)]
    assert [a.title for a in from_url] == [a.title for a in from_file] == [STORIES["grens"][0]]
