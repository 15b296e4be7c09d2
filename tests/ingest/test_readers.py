import datetime as dt

import pytest
from tests.conftest import FIXTURES

from kroniek.errors import InputError
from kroniek.ingest.decode import decode
from kroniek.ingest.identity import document_id, normalise_text
from kroniek.ingest.pubdate import interval_from_filename, interval_from_iso
from kroniek.ingest.readers import RawArticle, read


def read_fixture(name: str) -> list[RawArticle | InputError]:
    data = (FIXTURES / name).read_bytes()
    text, notes = decode(data, name)
    return list(read(text, name, notes))


def test_seed_header_gives_month_precision_and_is_not_text() -> None:
    [article] = read_fixture("seed_month.txt")
    assert isinstance(article, RawArticle)
    assert article.published is not None
    assert article.published.precision == "month"
    assert article.published.start == dt.date(2020, 10, 1)
    assert article.published.end == dt.date(2020, 10, 31)
    assert article.date_origin == "header"
    assert not article.text.lstrip().startswith("date")


def test_seed_header_with_day() -> None:
    [article] = read_fixture("seed_day.txt")
    assert isinstance(article, RawArticle)
    assert article.published is not None
    assert (article.published.start, article.published.precision) == (dt.date(2021, 3, 5), "day")


def test_plain_text_first_line_is_title() -> None:
    [article] = read_fixture("plain_title.txt")
    assert isinstance(article, RawArticle)
    first_line = (FIXTURES / "plain_title.txt").read_text().splitlines()[0].strip()
    assert article.title == first_line
    assert first_line not in article.text
    assert article.published is None and article.date_origin == "none"


def test_a_sentence_is_not_taken_for_a_title() -> None:
    [article] = list(read("Dit is een zin.\nEn dit is er nog een.", "x.txt", []))
    assert isinstance(article, RawArticle)
    assert article.title is None


def test_file_name_date() -> None:
    [article] = list(read("Een tekst zonder kop.", "nos-2020-10-karabach.txt", []))
    assert isinstance(article, RawArticle)
    assert article.published is not None
    assert article.published.iso() == "2020-10" and article.date_origin == "file"


def test_jsonl_fields() -> None:
    articles = read_fixture("articles.jsonl")
    assert len(articles) == 4
    assert all(isinstance(a, RawArticle) for a in articles)
    with_date = [a for a in articles if isinstance(a, RawArticle) and a.published]
    assert with_date and all(a.date_origin == "metadata" for a in with_date)
    assert all(isinstance(a, RawArticle) and a.key == a.given_id for a in articles)


def test_jsonl_bad_lines_are_reported_and_the_rest_read() -> None:
    items = read_fixture("bad_line.jsonl")
    failures = [str(item) for item in items if isinstance(item, InputError)]
    assert len([i for i in items if isinstance(i, RawArticle)]) == 3
    assert any("bad_line.jsonl:3: not JSON" in message for message in failures)
    assert any("bad_line.jsonl:5: no 'text'" in message for message in failures)


@pytest.mark.parametrize(
    ("fixture", "message"),
    [("empty.txt", "empty"), ("binary.bin", "binary data")],
)
def test_refused_inputs(fixture: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode((FIXTURES / fixture).read_bytes(), fixture)


def test_size_limit() -> None:
    with pytest.raises(InputError, match="over the size limit"):
        decode(b"woord " * 1000, "groot.txt", max_bytes=100)


def test_cp1252_is_read_and_said() -> None:
    data = (FIXTURES / "cp1252.txt").read_bytes()
    text, notes = decode(data, "cp1252.txt")
    assert "€" in text and "é" in text
    assert notes and "read as cp1252" in notes[0]


def test_identity_ignores_whitespace_and_line_ends() -> None:
    one = document_id("De  NAVO vergadert.\r\nIn Brussel.")
    two = document_id("De NAVO vergadert.\nIn   Brussel.  ")
    assert one == two
    assert one != document_id("De NAVO vergadert niet.\nIn Brussel.")
    assert len(one) == 20


def test_normalise_keeps_paragraphs() -> None:
    assert normalise_text("Een.\r\n\r\n\r\n\r\nTwee.  \n") == "Een.\n\nTwee."


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2020", "2020-01-01", "2020-12-31", "year"),
        ("2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2020-10-09", "2020-10-09", "2020-10-09", "day"),
        ("2020-10-09T14:00:00+02:00", "2020-10-09", "2020-10-09", "day"),
    ],
)
def test_interval_from_iso(value: str, start: str, end: str, precision: str) -> None:
    interval = interval_from_iso(value)
    assert (interval.start.isoformat(), interval.end.isoformat(), interval.precision) == (
        start, end, precision)


def test_bad_dates() -> None:
    with pytest.raises(ValueError, match="month 13"):
        interval_from_iso("2020-13")
    with pytest.raises(ValueError, match="not a date"):
        interval_from_iso("morgen misschien")
    assert interval_from_filename("geen-datum.txt") is None
