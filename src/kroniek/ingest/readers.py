"""Readers for the article formats: seed-style text, plain text and JSON Lines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from kroniek.errors import InputError
from kroniek.ingest.pubdate import interval_from_filename, interval_from_iso
from kroniek.model import DateInterval, DateOrigin

# `` date 2020-10 `` before the article text on its first line (see shared/EVAL.md).
_SEED_HEADER = re.compile(r"^\s?date (\d{4}-\d{2}(?:-\d{2})?)[ \t]+")
_TITLE_MAX_CHARS = 150


@dataclass
class RawArticle:
    """An article as read, before it becomes a :class:`~kroniek.model.Document`."""

    text: str
    source: str
    # The stable identity the source gives (path, URL, JSONL id); None when it gives none,
    # and then the content hash is the identity (see ingest.build).
    key: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    given_id: str | None = None
    published: DateInterval | None = None
    date_origin: DateOrigin = "none"
    notes: list[str] = field(default_factory=list)


def _title_and_body(text: str) -> tuple[str | None, str]:
    """Split off a first line that is a headline: short, no final stop, text follows."""
    first, newline, rest = text.lstrip().partition("\n")
    first = first.strip()
    if (
        newline
        and rest.strip()
        and 0 < len(first) <= _TITLE_MAX_CHARS
        and not first.endswith((".", ":", ";", ","))
        and len(first.split()) >= 2
    ):
        return first, rest
    return None, text


def read_text(text: str, source: str, notes: list[str], keyed: bool = True) -> RawArticle:
    """``keyed``: the source name identifies the article (a file path, not stdin)."""
    key = source if keyed else None
    header = _SEED_HEADER.match(text)
    if header:
        published = interval_from_iso(header.group(1))
        return RawArticle(
            text=text[header.end() :],
            source=source,
            key=key,
            published=published,
            date_origin="header",
            notes=notes,
        )
    title, body = _title_and_body(text)
    from_name = interval_from_filename(PurePath(source).name)
    return RawArticle(
        text=body,
        source=source,
        key=key,
        title=title,
        published=from_name,
        date_origin="file" if from_name else "none",
        notes=notes,
    )


def _jsonl_article(record: object, where: str) -> RawArticle:
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object was expected, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no 'text' field with the article's text")
    published, origin = None, "none"
    if record.get("date"):
        try:
            published, origin = interval_from_iso(str(record["date"])), "metadata"
        except ValueError as error:
            raise InputError(f"{where}: {error}") from error
    given_id = str(record["id"]) if record.get("id") is not None else None
    url = record.get("url") or None
    return RawArticle(
        text=text,
        source=where,
        key=given_id or url,  # a line number is no identity: a rotated feed reuses it
        title=record.get("title") or None,
        url=url,
        outlet=record.get("outlet") or None,
        given_id=given_id,
        published=published,
        date_origin=origin,  # type: ignore[arg-type]
    )


def read_jsonl(text: str, source: str, notes: list[str]) -> Iterator[RawArticle | InputError]:
    """One article per line; a bad line is reported and the others still read."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{where}: not JSON ({error.msg} at column {error.colno})")
            continue
        try:
            article = _jsonl_article(record, where)
        except InputError as error:
            yield error
            continue
        article.notes.extend(notes)
        yield article


def is_jsonl(name: str, text: str) -> bool:
    if name.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
        return True
    return name == "stdin" and text.lstrip().startswith("{")


def read(text: str, source: str, notes: list[str],
         keyed: bool = True) -> Iterator[RawArticle | InputError]:
    """``keyed``: whether ``source`` names the article stably (a file path, not stdin)."""
    if is_jsonl(PurePath(source).name, text):
        yield from read_jsonl(text, source, notes)
    else:
        yield read_text(text, source, notes, keyed=keyed)
