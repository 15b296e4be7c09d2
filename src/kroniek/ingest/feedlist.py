"""What `kroniek watch` follows and how often: intervals, backoff and feed list files."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree

from kroniek.errors import InputError

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|u|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "u": 3600, "d": 86400, None: 60}
MIN_INTERVAL = 1.0  # seconds; polling faster is hammering a server
# A failing feed waits twice as long after each further failure, up to this many intervals
# (and never more than a day), so one dead feed costs little and a revived one is found.
MAX_BACKOFF_INTERVALS = 32
MAX_BACKOFF_SECONDS = 86400.0


def parse_interval(value: str) -> float:
    """``15m``, ``30s``, ``1h``, ``1d`` (a bare number is minutes) in seconds."""
    match = _INTERVAL.match(value)
    if not match:
        raise InputError(f"--every: {value!r} is not an interval (say 30s, 15m, 2h or 1d)")
    unit = match.group(2).lower() if match.group(2) else None
    seconds = float(match.group(1)) * _UNITS[unit]
    if seconds < MIN_INTERVAL:
        raise InputError(f"--every: {value!r} is shorter than {MIN_INTERVAL:g} s")
    return seconds


def backoff(every: float, failures: int) -> float:
    """Seconds until the next poll of a feed that failed ``failures`` times in a row."""
    if failures <= 0:
        return every
    factor = min(2 ** failures, MAX_BACKOFF_INTERVALS)
    return min(every * factor, max(every, MAX_BACKOFF_SECONDS))


def describe_seconds(seconds: float) -> str:
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds / size:.3g} {unit}"
    return f"{seconds:.3g} s"


def read_feed_list(path: Path) -> list[str]:
    """The feeds in a text file (one URL or path a line, ``#`` comments) or an OPML file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the feed list ({error.strerror})") from None
    if data.lstrip().startswith(b"<"):
        return _opml(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: the feed list is not UTF-8 (byte {error.start})") from None
    feeds = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = [feed for feed in feeds if feed]
    if not found:
        raise InputError(f"{path}: the feed list names no feed")
    return found


def _opml(data: bytes, path: Path) -> list[str]:
    # No entities, no network: an OPML file from elsewhere cannot make the parser fetch or
    # expand anything.
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        raise InputError(f"{path}: not a valid OPML file ({error})") from None
    feeds = [str(url) for url in root.xpath("//outline/@xmlUrl")]
    if not feeds:
        raise InputError(f"{path}: the OPML file has no outline with an xmlUrl")
    return feeds
