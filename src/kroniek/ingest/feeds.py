"""RSS 0.9x/1.0/2.0 and Atom feeds, read with feedparser: each item becomes the article its
link points to (the page, when it can be fetched and read), else the text the item carries."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.fetch import Fetcher
from kroniek.ingest.html import read_html
from kroniek.ingest.sources import is_url
from kroniek.model import DateInterval

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*"
                   rb"<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


@dataclass
class FeedItem:
    """One entry of a feed, as far as kroniek needs it."""

    key: str  # the link, else the guid/id, else a hash of the item: what the watcher remembers
    identity: str | None  # the link or guid; None lets the text be the document's identity
    link: str | None
    title: str | None
    published: DateInterval | None
    content: str  # HTML or text the item carries (full text or a summary)
    author: str | None


@dataclass
class Feed:
    title: str | None
    items: list[FeedItem]


def looks_like_feed(name: str, data: bytes) -> bool:
    """A feed by its first element; a ``.xml``/``.rss`` name makes it a feed to try."""
    return bool(_ROOT.match(data[:4096])) or PurePath(name).suffix.lower() in FEED_SUFFIXES


def _date(entry: Any) -> DateInterval | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        day = dt.date.fromtimestamp(time.mktime(parsed))
    except (OverflowError, ValueError, OSError):
        return None
    return DateInterval(day, day, "day")


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    longest = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return longest if len(longest) >= len(summary) else summary


def parse_feed(data: bytes, source: str) -> Feed:
    """The feed in ``data``, or an :class:`InputError` when it is not one."""
    import feedparser  # imported when needed: every kroniek command would wait for it

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({str(problem).strip().splitlines()[0]})" if problem else ""
        raise InputError(f"{source}: not an RSS or Atom feed{reason}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        identity = link or entry.get("id") or None
        content = _content(entry)
        title = entry.get("title") or None
        # An item's place in the feed is no identity: the next version of the feed moves it.
        key = identity or "sha256:" + hashlib.sha256(
            f"{title}\n{content}".encode("utf-8", "replace")).hexdigest()[:32]
        items.append(FeedItem(key=key, identity=identity, link=link, title=title,
                              published=_date(entry), content=content,
                              author=entry.get("author") or None))
    return Feed(title=parsed.feed.get("title") or None, items=items)


def _text_of(content: str) -> str:
    """The item's own text: HTML through trafilatura, plain text as it is."""
    if not _TAG.search(content):
        return content
    import trafilatura

    wrapped = f"<html><body><article>{content}</article></body></html>"
    extracted = trafilatura.extract(wrapped, include_comments=False, include_tables=False)
    if not extracted:
        extracted = trafilatura.html2txt(wrapped)
    return "\n\n".join(line.strip() for line in (extracted or "").split("\n") if line.strip())


def from_item_content(item: FeedItem, where: str, feed_title: str | None,
                      notes: list[str]) -> RawArticle:
    text = _text_of(item.content)
    if not text.strip():
        raise InputError(f"{where}: no text in the feed item and no page to read")
    return RawArticle(text=text, source=where, key=item.identity, title=item.title,
                      url=item.link, outlet=feed_title, author=item.author,
                      published=item.published,
                      date_origin="metadata" if item.published else "none", notes=notes)


def item_article(item: FeedItem, feed_name: str, feed_title: str | None,
                 fetcher: Fetcher) -> RawArticle:
    """The article of one item: its page when that can be read, else the item's text."""
    where = item.link or f"{feed_name}: {item.title or item.key}"
    notes: list[str] = []
    if item.link and is_url(item.link):
        try:
            fetched = fetcher.get(item.link)
            article = read_html(fetched.data, item.link, url=fetched.url, key=fetched.url,
                                declared_charset=fetched.charset)
        except InputError as error:
            if not item.content.strip():
                raise
            notes.append(f"{error}; the feed's own text of the item was used")
        else:
            article.title = article.title or item.title
            article.outlet = article.outlet or feed_title
            article.author = article.author or item.author
            if article.published is None and item.published:
                article.published, article.date_origin = item.published, "metadata"
            return article
    return from_item_content(item, where, feed_title, notes)


def feed_articles(data: bytes, source: str,
                  fetcher: Fetcher) -> Iterator[RawArticle | InputError]:
    """Every item of a feed as an article; a bad item is reported and the rest read."""
    try:
        feed = parse_feed(data, source)
    except InputError as error:
        yield error
        return
    if not feed.items:
        yield InputError(f"{source}: a feed without items")
        return
    for item in feed.items:
        try:
            yield item_article(item, source, feed.title, fetcher)
        except InputError as error:
            yield error
