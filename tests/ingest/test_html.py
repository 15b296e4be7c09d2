"""Web pages read with trafilatura and htmldate: text, metadata, encodings, non-articles."""

from __future__ import annotations

import pytest
from tests.ingest.pages import BROKEN, STORIES, article_page, links_page, paywall_page

from kroniek.errors import InputError
from kroniek.ingest.build import to_document
from kroniek.ingest.fetch import Fetcher
from kroniek.ingest.formats import read_payload
from kroniek.ingest.html import html_text, looks_like_html, read_html


def test_article_text_and_metadata_without_the_page_around_it() -> None:
    article = read_html(article_page().encode(), "dijken.html")
    assert article.title == STORIES["dijken"][0]
    assert article.author == "Marieke de Vries"
    assert article.outlet == "De Dagkrant"
    assert article.published is not None and str(article.published.start) == "2024-03-14"
    assert article.published.precision == "day" and article.date_origin == "html-meta"
    assert article.text.startswith("Het kabinet trekt")
    assert article.text.count("\n\n") == 2  # three paragraphs
    for furniture in ("Binnenland", "cookies", "Lees ook", "Boeren protesteren", "Jantje88",
                      "Reacties", "Alle rechten"):
        assert furniture not in article.text


def test_date_from_the_url_then_from_the_text() -> None:
    page = article_page("grens", date=None).encode()
    from_url = read_html(page, "x", url="http://127.0.0.1/nieuws/2023/11/07/grens")
    assert from_url.date_origin == "url" and str(from_url.published.start) == "2023-11-07"
    assert from_url.published.precision == "day"
    dated = article_page("grens", date=None, extra="<p>Gepubliceerd op 2 februari 2022</p>")
    from_text = read_html(dated.encode(), "x")
    assert from_text.date_origin == "text" and str(from_text.published.start) == "2022-02-02"
    undated = read_html(page, "x")
    assert undated.published is None and undated.date_origin == "none"


def test_encoding_declared_by_the_server_the_page_or_detected() -> None:
    page = article_page("staking", charset=None)
    cp1252 = page.encode("cp1252")
    text, notes = html_text(cp1252, "p")
    assert "België" in text and "detected" in notes[0] and "cp1252" in notes[0]
    assert "België" in html_text(cp1252, "p", declared="windows-1252")[0]
    assert html_text(cp1252, "p", declared="windows-1252")[1] == []
    declared = article_page("staking", charset="iso-8859-1").encode("latin-1")
    assert "België" in read_html(declared, "p").text
    assert "België" in read_html(page.encode("utf-8"), "p").text


@pytest.mark.parametrize(("page", "expected"), [
    (links_page().encode(), "a page of links, not an article"),
    (paywall_page().encode(), "a paywall or subscription stub"),
    (BROKEN, "words of article text on the page"),
    (b"<html><body></body></html>", "no article text found in the HTML"),
    (b"   \n", "an empty page"),
])
def test_pages_that_are_not_articles_are_one_line_each(page: bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_html(page, "bad.html")
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("bad.html: ")


def test_html_is_recognised_by_suffix_or_content() -> None:
    assert looks_like_html(b"\n<!doctype html><html>") and looks_like_html(b"<HTML><body>")
    assert not looks_like_html(b"Het kabinet trekt <b>geld</b> uit.")
    [from_content] = read_payload(article_page().encode(), "stdin", False, 1 << 20, Fetcher())
    assert not isinstance(from_content, InputError) and from_content.key is None
    [from_file] = read_payload(article_page().encode(), "a.htm", True, 1 << 20, Fetcher())
    assert not isinstance(from_file, InputError) and from_file.key == "a.htm"
    [too_big] = read_payload(article_page().encode(), "a.htm", True, 1000, Fetcher())
    assert isinstance(too_big, InputError) and "over the size limit" in str(too_big)


def test_two_pages_stay_two_documents() -> None:
    one = to_document(read_html(article_page("dijken").encode(), "a.html", key="a.html"))
    other = to_document(read_html(article_page("grens").encode(), "b.html", key="b.html"))
    assert one.id != other.id and one.key != other.key
    assert one.author == "Marieke de Vries" and one.date_origin == "html-meta"
