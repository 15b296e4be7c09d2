"""Web archives (WARC, and the older ARC) read with warcio, one record at a time, so an
archive of any size runs in the memory of its largest page."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.fetch import HTML_TYPES
from kroniek.ingest.html import read_html
from kroniek.ingest.sources import ARCHIVE_ENDINGS as WARC_SUFFIXES

_READ = 1 << 16


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _is_archive(handle: BinaryIO) -> bool:
    """Whether the file opens as a WARC or ARC record (gzipped or not): warcio would read
    any text as ARC records, so the first bytes are checked before it is given the file."""
    head = handle.read(512)
    handle.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.GzipFile(fileobj=handle) as unpacked:
                head = unpacked.read(64)
        except (OSError, EOFError):
            return False
        finally:
            handle.seek(0)
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _html_type(value: str | None) -> tuple[bool, str | None]:
    """Whether a Content-Type header names HTML, and the charset it gives."""
    if not value:
        return False, None
    kind, _, rest = value.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, given = parameter.strip().partition("=")
        if name.lower() == "charset" and given:
            charset = given.strip("\"' ")
    return kind.strip().lower() in HTML_TYPES, charset


def _payload(stream: object, max_bytes: int) -> bytes | None:
    """The record's body, or None when it is larger than ``max_bytes`` (the rest of it is
    skipped by warcio when the next record is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_READ)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)


def warc_articles(path: Path, name: str,
                  max_bytes: int) -> Iterator[tuple[RawArticle | InputError, int]]:
    """The article of every HTML response record (status 200), each with the archive bytes
    read for it; other records (requests, metadata, images, redirects) are passed over."""
    from warcio.archiveiterator import ArchiveIterator  # imported when needed
    from warcio.exceptions import ArchiveLoadFailed

    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(f"{name}: cannot read ({error.strerror})"), 0
        return
    with handle:
        if not _is_archive(handle):
            yield InputError(f"{name}: not a WARC or ARC archive (no WARC/ARC record at its "
                             "start)"), 0
            return
        done = 0
        records = ArchiveIterator(handle, arc2warc=True)
        try:
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                is_html, charset = _html_type(record.http_headers.get_header("Content-Type"))
                if not is_html:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{name}: {url}"
                body = _payload(record.content_stream(), max_bytes)
                position = handle.tell()
                size, done = max(position - done, 0), position
                if body is None:
                    yield InputError(f"{where}: the page is over the size limit of "
                                     f"{max_bytes / 1e6:.1f} MB (raise it with --max-size)"), size
                    continue
                try:
                    yield read_html(body, where, url=url or None, key=url or None,
                                    declared_charset=charset), size
                except InputError as error:
                    yield error, size
        except ArchiveLoadFailed as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
            yield InputError(f"{name}: not a readable WARC or ARC archive ({reason})"), 0
