"""WARC archives (written here with warcio) read record by record."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from tests.ingest.pages import STORIES, article_page, links_page
from tests.ingest.warcs import write_warc

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.build import to_document
from kroniek.ingest.fetch import Fetcher
from kroniek.ingest.formats import articles_of
from kroniek.ingest.sources import Source, expand
from kroniek.ingest.warc import warc_articles

HTML = "text/html; charset=utf-8"


def archive(tmp_path: Path, gzip: bool = True) -> Path:
    return write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), [
        ("http://127.0.0.1/nieuws/dijken", HTML, article_page("dijken").encode(), "200 OK"),
        ("http://127.0.0.1/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" * 10, "200 OK"),
        ("http://127.0.0.1/oud", HTML, b"", "301 Moved Permanently"),
        ("http://127.0.0.1/archief", HTML, links_page().encode(), "200 OK"),
        ("http://127.0.0.1/nieuws/grens", "text/html; charset=windows-1252",
         article_page("staking", charset=None).encode("cp1252"), "200 OK"),
    ], gzip=gzip)


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_articles_keyed_by_their_url(tmp_path: Path, gzip: bool) -> None:
    path = archive(tmp_path, gzip)
    items = [item for item, _size in warc_articles(path, path.name, 1 << 20)]
    assert len(items) == 3  # the image, the redirect and the requests are passed over
    dijken, links, staking = items
    assert isinstance(dijken, RawArticle) and isinstance(staking, RawArticle)
    assert dijken.key == "http://127.0.0.1/nieuws/dijken"
    assert dijken.title == STORIES["dijken"][0] and dijken.date_origin == "html-meta"
    assert "België" in staking.text  # the charset from the archived HTTP header
    assert isinstance(links, InputError)
    assert str(links) == f"{path.name}: http://127.0.0.1/archief: a page of links, not an article"
    assert to_document(dijken).id != to_document(staking).id


def test_a_page_over_the_limit_and_a_file_that_is_no_archive(tmp_path: Path) -> None:
    path = archive(tmp_path)
    items = [item for item, _size in warc_articles(path, "crawl.warc.gz", 1000)]
    assert all(isinstance(item, InputError) and "over the size limit" in str(item)
               for item in items)
    fake = tmp_path / "nep.warc.gz"
    fake.write_bytes(b"Dit is geen archief maar gewone tekst.\n" * 10)
    [error] = [item for item, _ in warc_articles(fake, "nep.warc.gz", 1 << 20)]
    assert isinstance(error, InputError)
    assert str(error).startswith("nep.warc.gz: not a WARC or ARC archive")



def test_archives_are_found_in_directories_and_read_through_the_sources(tmp_path: Path) -> None:
    path = archive(tmp_path)
    [source] = [s for s in expand([str(tmp_path)]) if isinstance(s, Source)]
    assert source.path == path
    with Fetcher() as fetcher:
        items = list(articles_of(source, fetcher, 1 << 20))
    assert len(items) == 3 and sum(size for _, size in items) <= path.stat().st_size


def test_memory_stays_bounded_by_the_largest_record(tmp_path: Path) -> None:
    photo = b"\xff\xd8" + bytes(range(256)) * (3 * 4096)  # 3 MB
    records = [(f"http://127.0.0.1/foto/{n}.jpg", "image/jpeg", photo, "200 OK")
               for n in range(20)]
    records.insert(10, ("http://127.0.0.1/nieuws/dijken", HTML,
                        article_page("dijken").encode(), "200 OK"))
    path = write_warc(tmp_path / "groot.warc.gz", records)
    list(warc_articles(archive(tmp_path), "warm", 1 << 20))  # imports are not the archive
    tracemalloc.start()
    try:
        items = [item for item, _ in warc_articles(path, path.name, 1 << 20)]
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], RawArticle)
    # 60 MB of records, never more than the largest (3 MB) and the extractor's own at once
    assert peak < 12 * 1024 * 1024
