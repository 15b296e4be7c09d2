"""Which reader a source needs: a web page, a feed, a WARC archive, or text and JSON Lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.decode import decode
from kroniek.ingest.feeds import feed_articles, looks_like_feed
from kroniek.ingest.fetch import Fetched, Fetcher
from kroniek.ingest.html import HTML_SUFFIXES, looks_like_html, read_html
from kroniek.ingest.readers import read
from kroniek.ingest.sources import Source
from kroniek.ingest.warc import is_warc, warc_articles

# An article with the bytes it came from, for the progress bar.
Item = tuple[RawArticle | InputError, int]


def is_html(name: str, data: bytes) -> bool:
    return PurePath(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(data)


def is_feed(name: str, data: bytes) -> bool:
    return looks_like_feed(name, data) and not looks_like_html(data)


def read_payload(data: bytes, name: str, keyed: bool, max_bytes: int, fetcher: Fetcher,
                 url: str | None = None,
                 charset: str | None = None) -> Iterator[RawArticle | InputError]:
    """The articles in the bytes of one file, download or stdin."""
    if is_feed(name, data):
        if len(data) > max_bytes:
            yield InputError(f"{name}: {len(data) / 1e6:.1f} MB is over the size limit of "
                             f"{max_bytes / 1e6:.1f} MB (raise it with --max-size)")
            return
        yield from feed_articles(data, name, fetcher)
        return
    try:
        if is_html(name, data):
            if len(data) > max_bytes:
                decode(data, name, max_bytes)  # raises the size line every input gets
            yield read_html(data, name, url=url, key=(url or name) if keyed else None,
                            declared_charset=charset)
            return
        text, notes = decode(data, name, max_bytes)
    except InputError as error:
        yield error
        return
    yield from read(text, name, notes, keyed=keyed)


def read_fetched(fetched: Fetched, name: str,
                 fetcher: Fetcher) -> Iterator[RawArticle | InputError]:
    """A downloaded feed, or a web page whose final URL (after redirects) is its identity."""
    if fetched.is_feed or (looks_like_feed("", fetched.data) and not fetched.is_html):
        yield from feed_articles(fetched.data, name, fetcher)
        return
    try:
        yield read_html(fetched.data, name, url=fetched.url, key=fetched.url,
                        declared_charset=fetched.charset)
    except InputError as error:
        yield error


def articles_of(source: Source, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    """Every article of one source, each with its share of the source's bytes."""
    if source.url is not None:
        try:
            fetched = fetcher.get(source.url)
        except InputError as error:
            yield error, 0
            return
        for item in read_fetched(fetched, source.name, fetcher):
            yield item, len(fetched.data)
        return
    if source.path is not None and is_warc(source.name):
        yield from warc_articles(source.path, source.name, max_bytes)
        return
    try:
        data = source.read_bytes(max_bytes)
    except InputError as error:
        yield error, source.size()
        return
    except OSError as error:
        yield InputError(f"{source.name}: cannot read ({error.strerror})"), 0
        return
    payload = read_payload(data, source.name, source.path is not None, max_bytes, fetcher)
    if is_feed(source.name, data):
        # Streamed: each item's page is fetched as the one before is stored.
        for number, item in enumerate(payload):
            yield item, len(data) if number == 0 else 0
        return
    items = list(payload)
    for item in items:
        yield item, max(len(data) // max(len(items), 1), 1)
