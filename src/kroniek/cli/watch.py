"""``kroniek watch``: follow feeds, ingesting each new item once, until stopped."""

from __future__ import annotations

import datetime as dt
import math
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from sqlalchemy.engine import Engine

from kroniek.cli.common import DbOption, engine_for, errors, friendly
from kroniek.cli.terminal import in_markup
from kroniek.errors import InputError
from kroniek.ingest.decode import DEFAULT_MAX_BYTES
from kroniek.ingest.feedlist import backoff, describe_seconds, parse_interval, read_feed_list
from kroniek.ingest.feeds import item_article, parse_feed
from kroniek.ingest.fetch import DEFAULT_TIMEOUT, FEED_TYPES, HTML_TYPES, Fetcher
from kroniek.ingest.sources import display_name, is_url
from kroniek.pipeline import IngestSummary, Pipeline, ingest_articles
from kroniek.store import feedstate

# Feeds served as text/html or text/plain are common enough to accept; feedparser decides.
_FEED_ANSWERS = (*FEED_TYPES, *HTML_TYPES, "text/plain", "application/octet-stream")


@dataclass
class Poll:
    """What one poll of one feed did, for its log line."""

    feed: str
    new: int = 0
    failed: int = 0
    seen: int = 0
    unchanged: bool = False
    error: str | None = None
    retry_in: float = 0.0
    seconds: float = 0.0

    def line(self) -> str:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if self.error:
            return (f"{stamp} {self.feed}: failed: {self.error}; next try in "
                    f"{describe_seconds(self.retry_in)}")
        if self.unchanged:
            return f"{stamp} {self.feed}: not modified ({self.seconds:.1f} s)"
        return (f"{stamp} {self.feed}: {self.new} new, {self.failed} failed, "
                f"{self.seen} seen before ({self.seconds:.1f} s)")


class Watcher:
    """Polls each feed when it is due; a failing feed waits longer, the others go on."""

    def __init__(self, feeds: list[str], engine: Engine, pipeline: Pipeline, fetcher: Fetcher,
                 every: float, stop: threading.Event, log: Callable[[str], None],
                 check_language: bool = True) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.engine = engine
        self.pipeline = pipeline
        self.fetcher = fetcher
        self.every = every
        self.stop = stop
        self.log = log
        self.check_language = check_language
        self.summary = IngestSummary()
        self.polls = 0
        self.failed_polls = 0

    def _download(self, feed: str,
                  state: feedstate.FeedState) -> tuple[bytes | None, str | None, str | None]:
        """The feed's bytes (None when the server says it has not changed), ETag and
        Last-Modified."""
        if not is_url(feed):
            path = Path(feed)
            try:
                return path.read_bytes(), None, None
            except OSError as error:
                raise InputError(f"cannot read ({error.strerror})") from None
        fetched = self.fetcher.get(feed, accept=_FEED_ANSWERS, etag=state.etag,
                                   last_modified=state.last_modified)
        if fetched.status == 304:
            return None, state.etag, state.last_modified
        return fetched.data, fetched.etag, fetched.last_modified

    def poll(self, feed: str) -> Poll:
        began = time.perf_counter()
        result = Poll(display_name(feed))
        state = feedstate.load(self.engine, feed)
        now = dt.datetime.now(dt.UTC)
        try:
            data, etag, last_modified = self._download(feed, state)
            if data is None:
                result.unchanged = True
            elif self._ingest_new(feed, data, result):
                # Only a feed read to its end is "seen" in this version: stopped halfway,
                # the next poll must not be told "not modified" and skip the rest.
                state.etag, state.last_modified = etag, last_modified
        except InputError as error:
            state.failures += 1
            state.last_error = str(error).removeprefix(f"{feed}: ")
            result.error = state.last_error
            result.retry_in = backoff(self.every, state.failures)
            self.failed_polls += 1
        else:
            state.failures, state.last_error = 0, None
        state.polled_at = now
        state.next_poll = now + dt.timedelta(seconds=result.retry_in or self.every)
        feedstate.store(self.engine, state)
        result.seconds = time.perf_counter() - began
        self.polls += 1
        self.log(result.line())
        return result

    def _ingest_new(self, feed: str, data: bytes, result: Poll) -> bool:
        """Ingest the feed's new items; whether all of them were (not stopped halfway)."""
        parsed = parse_feed(data, display_name(feed))
        known = feedstate.seen(self.engine, feed, [item.key for item in parsed.items])
        result.seen = len(known)
        for item in parsed.items:
            if item.key in known:
                continue
            # Stopping is checked between items only: the item under way is stored whole
            # (one transaction) and marked seen, or not at all.
            if self.stop.is_set():
                return False
            try:
                article = item_article(item, display_name(feed), parsed.title, self.fetcher)
            except InputError as error:
                self.summary.failed += 1
                self.summary.errors.append(str(error))
                result.failed += 1
                self.log(f"  failed: {error}")
                feedstate.mark_seen(self.engine, feed, item.key, None)
                continue
            one = ingest_articles([article], self.engine, self.pipeline,
                                  check_language=self.check_language)
            for error in one.errors:
                self.log(f"  failed: {error}")
            self._add(one)
            result.new += one.new + one.replaced
            result.failed += one.failed
            result.seen += one.skipped
            feedstate.mark_seen(self.engine, feed, item.key,
                                one.document_ids[-1] if one.document_ids else None)
        return True

    def _add(self, one: IngestSummary) -> None:
        total = self.summary
        for name in ("new", "replaced", "skipped", "failed", "sentences", "entities",
                     "events", "words", "copies"):
            setattr(total, name, getattr(total, name) + getattr(one, name))
        total.errors.extend(one.errors)
        for note in one.notes:
            self.log(f"  note: {note}")
        total.document_ids.extend(one.document_ids)

    def due(self) -> list[str]:
        now = dt.datetime.now(dt.UTC)
        due = []
        for feed in self.feeds:
            state = feedstate.load(self.engine, feed)
            if state.next_poll is None or state.next_poll <= now:
                due.append(feed)
        return due

    def seconds_to_next(self) -> float:
        now = dt.datetime.now(dt.UTC)
        waits = []
        for feed in self.feeds:
            next_poll = feedstate.load(self.engine, feed).next_poll
            waits.append(0.0 if next_poll is None else (next_poll - now).total_seconds())
        return max(min(waits, default=self.every), 0.0)

    def run(self, once: bool) -> None:
        if once:
            for feed in self.feeds:
                if self.stop.is_set():
                    return
                self.poll(feed)
            return
        while not self.stop.is_set():
            for feed in self.due():
                if self.stop.is_set():
                    return
                self.poll(feed)
            # Woken at once by SIGTERM/Ctrl-C; a short step keeps the wait interruptible.
            deadline = time.monotonic() + self.seconds_to_next()
            while not self.stop.is_set() and time.monotonic() < deadline:
                self.stop.wait(min(1.0, max(deadline - time.monotonic(), 0.01)))


def _stop_on_signals(stop: threading.Event) -> None:
    def handler(number: int, _frame: FrameType | None) -> None:
        if stop.is_set() and number == signal.SIGINT:
            raise KeyboardInterrupt  # a second Ctrl-C: the user means it
        stop.set()
        errors.print(f"[yellow]{signal.Signals(number).name}:[/] stopping after the current "
                     "document …", highlight=False)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


@friendly
def watch_command(
    feeds: Annotated[list[str] | None, typer.Argument(
        help="Feed URLs (RSS or Atom) or feed files.", show_default=False)] = None,
    every: Annotated[str, typer.Option(
        "--every", help="How often to poll each feed: 30s, 15m, 2h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option(
        "--once", help="Poll every feed once and stop.")] = False,
    feed_list: Annotated[Path | None, typer.Option(
        "--feeds", help="A file naming feeds: one URL a line, or OPML.",
        show_default=False)] = None,
    db: DbOption = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds to download one feed or page.")] = DEFAULT_TIMEOUT,
    max_size: Annotated[float, typer.Option(
        "--max-size", help="Largest feed or page in MB.")] = DEFAULT_MAX_BYTES / 1024 / 1024,
    any_language: Annotated[bool, typer.Option(
        "--any-language", help="Analyse texts that do not look Dutch too.")] = False,
) -> None:
    """Follow feeds: poll each (with ETag/Last-Modified), ingest every new item once (its
    page, else the item's text), and remember what was seen in the database.

    One log line per poll on stderr; a failing feed is polled less often without stopping
    the others. Ctrl-C or SIGTERM stops after the current document. With --once, exits
    non-zero if any feed or item failed.
    """
    interval = parse_interval(every)
    if not math.isfinite(timeout) or timeout <= 0:
        raise InputError(f"--timeout must be a positive number of seconds, not {timeout}")
    if not math.isfinite(max_size) or max_size <= 0:
        raise InputError(f"--max-size must be a positive number of MB, not {max_size}")
    names = list(feeds or [])
    if feed_list is not None:
        names += read_feed_list(feed_list)
    if not names:
        raise InputError("no feed to watch: name feed URLs or give --feeds FILE")
    engine = engine_for(db)
    stop = threading.Event()
    _stop_on_signals(stop)
    pipeline = Pipeline()
    fetcher = Fetcher(timeout=timeout, max_bytes=int(max_size * 1024 * 1024))

    def log(line: str) -> None:
        errors.print(in_markup(line), soft_wrap=True, highlight=False)

    watcher = Watcher(names, engine, pipeline, fetcher, interval, stop, log,
                      check_language=not any_language)
    if not once:
        log(f"watching {len(watcher.feeds)} feed{'s' * (len(watcher.feeds) != 1)} every "
            f"{describe_seconds(interval)}; stop with Ctrl-C")
    try:
        watcher.run(once)
    finally:
        pipeline.close()
        fetcher.close()
    total = watcher.summary
    log(f"{'stopped' if stop.is_set() else 'done'} after {watcher.polls} polls: "
        f"{total.new} new, {total.replaced} replaced, {total.failed} failed, "
        f"{total.events} events")
    if once and (total.failed or watcher.failed_polls):
        raise typer.Exit(1)
