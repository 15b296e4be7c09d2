"""What web sources cost: a local feed against the same texts as plain files, and a ~1 GB WARC.

1. ``feed``: N pages (our composed stories, tests/ingest/data/wire_stories.yaml, each with
   its number) served by an HTTP server on 127.0.0.1 and listed in an RSS feed, ingested
   through the whole pipeline (fetch, trafilatura, htmldate, Frog, linking, extraction,
   store) against the same texts, with the same date, as plain files; pages per second.
2. ``warc``: a WARC of ~1 GB (2 MB incompressible photo records and HTML article records)
   read with ``kroniek.ingest.warc`` (records, extraction, no Frog); seconds and peak RSS.

Usage::

    PYTHONPATH=src:. .venv/bin/python bench/sources.py feed --items 200
    PYTHONPATH=src:. .venv/bin/python bench/sources.py warc --archive /tmp/groot.warc.gz
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from tests.ingest.pages import article_page, rss
from tests.ingest.site import serve
from tests.ingest.warcs import write_warc
from tests.ingest.wire import STORIES, paragraphs

from kroniek.errors import InputError
from kroniek.ingest.warc import warc_articles
from kroniek.nlp import FrogBackend, FrogServer
from kroniek.pipeline import Pipeline, ingest
from kroniek.store import open_engine

DATE = "2024-03-14"


def feed(items: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="kroniek-bench-"))
    site = next(serve())
    plain = work / "plain"
    plain.mkdir()
    entries = []
    for number in range(items):
        parts = paragraphs(number % len(STORIES))
        parts = [f"Bericht nummer {number} van de dag. {parts[0]}", *parts[1:]]
        title = f"Nieuwsbericht {number}"
        body = "".join(f"<p>{part}</p>" for part in parts)
        page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
                f"<meta property='article:published_time' content='{DATE}'></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/b'>Binnenland</a></nav><article>"
                f"<h1>{title}</h1>{body}</article><footer>Colofon</footer></body></html>")
        entries.append((site.page(f"/a/{number}", page), title, "kort"))
        (plain / f"{number:04d}.txt").write_text(
            f"Datum: {DATE}\n\n{title}\n\n" + "\n\n".join(parts), encoding="utf-8")
    url = site.page("/rss", rss(entries), content_type="application/rss+xml")
    server = FrogServer()
    server.start()
    try:
        for name, arguments in (("plain files", [str(plain)]), ("local feed", [url]),
                                ("plain files again", [str(plain)])):
            engine = open_engine(str(work / f"{name.replace(' ', '-')}.sqlite"))
            pipeline = Pipeline(backend=FrogBackend(server))
            began = time.perf_counter()
            summary = ingest(arguments, engine, pipeline)
            seconds = time.perf_counter() - began
            pipeline.close()
            print(f"{name}: {summary.new} new, {summary.failed} failed, {summary.words} words "
                  f"in {seconds:.1f} s = {summary.new / seconds:.2f} pages/s", flush=True)
    finally:
        server.stop()


def warc(archive: Path, pages_per_photo: int = 4, photos: int = 500) -> None:
    if not archive.exists():
        photo = os.urandom(2 * 1024 * 1024)
        names = ["dijken", "grens", "staking"]
        records = []
        for number in range(photos):
            records.append((f"http://127.0.0.1/foto/{number}.jpg", "image/jpeg", photo,
                            "200 OK"))
            for page in range(pages_per_photo):
                html = article_page(names[(number + page) % 3]).replace(
                    "vier jaar", f"{number} jaar")
                records.append((f"http://127.0.0.1/nieuws/{number}/{page}",
                                "text/html; charset=utf-8", html.encode(), "200 OK"))
        write_warc(archive, records)
    began = time.perf_counter()
    read = failed = 0
    for item, _size in warc_articles(archive, archive.name, 5 * 1024 * 1024):
        failed += isinstance(item, InputError)
        read += not isinstance(item, InputError)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{archive.stat().st_size / 1e9:.2f} GB: {read} articles, {failed} failed in "
          f"{seconds:.0f} s ({read / seconds:.0f} pages/s); peak RSS {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["feed", "warc"])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--archive", type=Path, default=Path("/tmp/kroniek-bench.warc.gz"))
    options = parser.parse_args()
    if options.what == "feed":
        feed(options.items)
    else:
        warc(options.archive)


if __name__ == "__main__":
    main()
