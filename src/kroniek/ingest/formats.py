"""Which reader a payload needs: a web page, a feed, or text and JSON Lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.decode import decode
from kroniek.ingest.html import HTML_SUFFIXES, looks_like_html, read_html
from kroniek.ingest.readers import read


def is_html(name: str, data: bytes) -> bool:
    return PurePath(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(data)


def read_payload(data: bytes, name: str, keyed: bool, max_bytes: int,
                 url: str | None = None,
                 charset: str | None = None) -> Iterator[RawArticle | InputError]:
    """The articles in the bytes of one file, download or stdin."""
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
