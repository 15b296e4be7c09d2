"""A web page as an article: main text and metadata by trafilatura, the date by htmldate.

Both lead the published extraction benchmarks; kroniek only decides the page's encoding,
turns their results into a :class:`RawArticle` and refuses what is not an article (an
empty page, a list of links, a paywall stub) with one line saying which.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import yaml

from kroniek.errors import InputError
from kroniek.ingest.article import RawArticle
from kroniek.ingest.pubdate import publication_interval
from kroniek.model import DateInterval, DateOrigin

_DATA = Path(__file__).with_name("data") / "html_pages.yaml"
_HEAD = 4096  # the HTML standard's prescan window for a <meta charset>
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
_LOOKS_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@cache
def _rules() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048].decode("latin-1") if isinstance(data, bytes) else data[:2048]
    return bool(_LOOKS_HTML.match(head.lstrip("\ufeff")))


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def html_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """The page's characters: the encoding the server or the page declares, else UTF-8,
    else what charset-normalizer detects. Notes say when it was guessed."""
    for mark, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            return data.decode(name, "replace"), []
    meta = _META_CHARSET.search(data[:_HEAD])
    for name in (_known(declared), _known(meta.group(1).decode("ascii")) if meta else None):
        if name:
            # A page mislabelled as Latin-1 is read by browsers as cp1252; do the same.
            name = "cp1252" if name in ("latin_1", "ascii") else name
            return data.decode(name, "replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # imported when needed: every kroniek command would wait

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: the page's encoding cannot be determined")
    text, name = str(best), best.encoding
    try:
        # Several single-byte code pages read a Dutch page alike; name the usual one.
        if data.decode("cp1252") == text:
            name = "cp1252"
    except UnicodeDecodeError:
        pass
    return text, [f"{source}: no encoding declared; read as {name} (detected)"]


def _link_density(page: str) -> float:
    """Share of the page's visible text that sits inside links."""
    try:
        tree = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return 0.0
    for junk in tree.xpath("//script|//style|//noscript"):
        junk.drop_tree()
    total = len(" ".join(tree.text_content().split()))
    linked = sum(len(" ".join(a.text_content().split())) for a in tree.xpath("//a"))
    return linked / total if total else 0.0


def _publication(page: str, url: str | None) -> tuple[DateInterval | None, DateOrigin]:
    """The date from the page's markup (meta tags, <time>), else the URL, else the text."""
    import htmldate  # imported when needed: every kroniek command would wait for it

    found = htmldate.find_date(page, extensive_search=False, original_date=True)
    if found:
        return publication_interval(found), "html-meta"  # type: ignore[return-value]
    if url:
        found = htmldate.find_date("<html><body></body></html>", url=url,
                                   extensive_search=False)
        if found:  # htmldate takes only a complete date from a URL: day precision
            return publication_interval(found), "url"  # type: ignore[return-value]
    found = htmldate.find_date(page, extensive_search=True, original_date=True)
    if found:
        return publication_interval(found), "text"
    return None, "none"


def _body(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    return "\n\n".join(lines)


def _refuse_non_article(text: str, page: str, source: str) -> None:
    rules = _rules()
    words = len(text.split())
    if _link_density(page) > rules["max_link_density"] and words < 150:
        raise InputError(f"{source}: a page of links, not an article")
    lowered = " ".join(text.split()).casefold()
    if words <= rules["paywall_max_words"] and any(
            phrase in lowered for phrase in rules["paywall_phrases"]):
        raise InputError(f"{source}: a paywall or subscription stub ({words} words), "
                         "not the article")
    if words < rules["min_words"]:
        raise InputError(f"{source}: only {words} words of article text on the page")


def read_html(data: bytes | str, source: str, url: str | None = None, key: str | None = None,
              declared_charset: str | None = None) -> RawArticle:
    """The article on a web page, or an :class:`InputError` saying why there is none."""
    import trafilatura  # imported when needed: every kroniek command would wait for it

    notes: list[str] = []
    if isinstance(data, bytes):
        if not data.strip():
            raise InputError(f"{source}: an empty page, nothing to ingest")
        page, notes = html_text(data, source, declared_charset)
    else:
        page = data
    if not page.strip():
        raise InputError(f"{source}: an empty page, nothing to ingest")
    extracted = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True)
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        if _link_density(page) > _rules()["max_link_density"]:
            raise InputError(f"{source}: a page of links, not an article")
        raise InputError(f"{source}: no article text found in the HTML (empty, broken or "
                         "only navigation)")
    title = getattr(extracted, "title", None) or None
    body = _body(text, title)
    _refuse_non_article(body, page, source)
    published, origin = _publication(page, url)
    return RawArticle(
        text=body,
        source=source,
        key=key or url,
        title=title,
        url=url,
        outlet=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
        author=getattr(extracted, "author", None) or None,
        published=published,
        date_origin=origin,
        notes=notes,
    )
