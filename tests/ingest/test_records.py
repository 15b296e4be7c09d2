"""Checks before any analysis: record fields, publication dates, bytes that are not text."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.errors import InputError
from kroniek.ingest.decode import decode
from kroniek.ingest.pubdate import interval_from_iso, publication_interval
from kroniek.ingest.readers import read
from kroniek.ingest.record import article_from_record

TEXT = "De Oostenrijkse kanselier sprak donderdag in Wenen met de Hongaarse premier."


@pytest.mark.parametrize("value", ["-2020-01-01", "13", "1", "+2020", "2020-13-45",
                                   "morgen", "9999-99-99"])
def test_what_is_not_a_date(value: str) -> None:
    with pytest.raises(ValueError):
        interval_from_iso(value)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1799-12-31", "2201"])
def test_publication_dates_outside_the_plausible_years(value: str) -> None:
    assert interval_from_iso(value)  # a date, but not a publication date
    with pytest.raises(ValueError, match="outside the years 1800-2200"):
        publication_interval(value)


def test_publication_dates_at_the_edges_are_read() -> None:
    assert publication_interval("1800-01-01").start == dt.date(1800, 1, 1)
    assert publication_interval("2200").end == dt.date(2200, 12, 31)
    assert publication_interval("9 oct 2020").start == dt.date(2020, 10, 9)


@pytest.mark.parametrize(("record", "message"), [
    ({"text": TEXT, "title": 3.5}, "'title' must be text or null, found a number"),
    ({"text": TEXT, "id": False}, "'id' must be text or a whole number or null, found true"),
    ({"text": TEXT, "outlet": "x" * 201}, "'outlet' is longer than 200 characters"),
    ({"text": TEXT, "date": "2020" * 20}, "'date' is longer than 40 characters"),
    ({"text": TEXT + "\ud800"}, "'text' is not valid Unicode"),
    ({"text": "   "}, "no 'text' field"),
    ({"title": "Alleen een kop"}, "no 'text' field"),
    ({"text": {"nl": TEXT}, "url": 1}, "'text' must be text, found an object; 'url' must"),
    (None, "a JSON object was expected, found null"),
])
def test_record_problems_are_one_line_naming_the_field(record: object, message: str) -> None:
    with pytest.raises(InputError) as raised:
        article_from_record(record, "feed.jsonl:4")
    assert str(raised.value).startswith("feed.jsonl:4: ")
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_a_good_record_keeps_its_identity_fields() -> None:
    article = article_from_record({"text": TEXT, "id": 12, "url": "", "title": "Kop",
                                   "onbekend": [1, 2]}, "feed.jsonl:1")
    assert (article.key, article.given_id, article.url, article.title) == ("12", "12", None,
                                                                            "Kop")
    assert article_from_record({"text": TEXT}, "feed.jsonl:2").key is None


def test_a_line_separator_inside_a_string_does_not_shift_line_numbers() -> None:
    text = '{"text": "Een\u2028twee"}\n{"text": 5}\n'
    items = list(read(text, "feed.jsonl", []))
    assert len(items) == 2 and "feed.jsonl:2: 'text' must be text" in str(items[1])


def test_utf16_and_utf32_with_a_byte_order_mark_are_read() -> None:
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        data = (("\ufeff" if codec.endswith("-be") else "") + TEXT).encode(codec)
        text, notes = decode(data, "x.txt")
        assert text == TEXT and "byte order mark" in notes[0], codec


def test_a_nul_anywhere_is_refused_as_binary() -> None:
    late = (TEXT + "\n").encode() * 200 + b"\x00"
    with pytest.raises(InputError, match=r"binary data, not text \(a NUL character at"):
        decode(late, "x.txt")
    with pytest.raises(InputError, match="binary data"):
        decode(b"\x00" + TEXT.encode(), "x.txt")
    with pytest.raises(InputError, match="NUL"):
        decode(TEXT.encode("utf-16")[:-2] + "\x00".encode("utf-16-le"), "x.txt")
