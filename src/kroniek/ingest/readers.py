"""Readers for the article formats: seed-style text, plain text and JSON Lines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.headers import split_header
from kroniek.ingest.pubdate import interval_from_filename, publication_interval
from kroniek.ingest.record import article_from_record

__all__ = ["RawArticle", "is_jsonl", "parse_json", "read", "read_jsonl", "read_text"]

# `` date 2020-10 `` before the article text on its first line (see shared/EVAL.md).
_SEED_HEADER = re.compile(r"^\s?date (\d{4}-\d{2}(?:-\d{2})?)[ \t]+")
_TITLE_MAX_CHARS = 150


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
        try:
            published = publication_interval(header.group(1))
        except ValueError as error:
            raise InputError(f"{source}: in the date header, {error}") from None
        return RawArticle(
            text=text[header.end() :],
            source=source,
            key=key,
            published=published,
            date_origin="header",
            notes=notes,
        )
    block = split_header(text)
    if block is not None:
        return _from_header(block.fields, block.body, source, key, notes)
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


def _from_header(fields: dict[str, str], body: str, source: str, key: str | None,
                 notes: list[str]) -> RawArticle:
    """An article whose ``Titel:``/``Datum:``/``Bron:``/``URL:`` lines gave its metadata."""
    title = fields.get("title")
    if title is None:
        title, body = _title_and_body(body)
    published = None
    if "date" in fields:
        try:
            published = publication_interval(fields["date"])
        except ValueError as error:
            raise InputError(f"{source}: in the date line of the header, {error}") from None
    from_name = None if published else interval_from_filename(PurePath(source).name)
    return RawArticle(
        text=body,
        source=source,
        key=key,
        title=title,
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        published=published or from_name,
        date_origin="header" if published else ("file" if from_name else "none"),
        notes=notes,
    )


def read_jsonl(text: str, source: str, notes: list[str]) -> Iterator[RawArticle | InputError]:
    """One article per line; a bad line is reported and the others still read."""
    # Only "\n" ends a line: str.splitlines would also split at U+2028 or a form feed,
    # which JSON allows inside a string, and every later line number would be wrong.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            article = article_from_record(parse_json(line, where), where)
        except InputError as error:
            yield error
            continue
        article.notes.extend(notes)
        yield article


def parse_json(text: str, where: str) -> object:
    """``text`` as JSON, or an :class:`InputError` saying in one line why not."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise InputError(f"{where}: JSON with a number too long to read") from None


def is_jsonl(name: str, text: str) -> bool:
    if name.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
        return True
    return name == "stdin" and text.lstrip().startswith("{")


def read(text: str, source: str, notes: list[str],
         keyed: bool = True) -> Iterator[RawArticle | InputError]:
    """``keyed``: whether ``source`` names the article stably (a file path, not stdin)."""
    if is_jsonl(PurePath(source).name, text):
        yield from read_jsonl(text, source, notes)
        return
    try:
        yield read_text(text, source, notes, keyed=keyed)
    except InputError as error:
        yield error
