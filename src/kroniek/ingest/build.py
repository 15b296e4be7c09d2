"""From a read article to a :class:`~kroniek.model.Document` ready for analysis."""

from __future__ import annotations

from kroniek.errors import InputError
from kroniek.ingest.furniture import find_furniture
from kroniek.ingest.identity import document_id, normalise_text
from kroniek.ingest.language import detect
from kroniek.ingest.readers import RawArticle
from kroniek.model import Document

LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish",
                  "it": "Italian", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish",
                  "ar": "Arabic", "pl": "Polish", "uk": "Ukrainian"}


def to_document(article: RawArticle, check_language: bool = True) -> Document:
    text = normalise_text(article.text)
    if not text:
        raise InputError(f"{article.source}: no article text after the header")
    language = detect(text) or "nl"
    if check_language and language != "nl":
        name = LANGUAGE_NAMES.get(language, language)
        raise InputError(
            f"{article.source}: the text looks {name}, not Dutch; kroniek reads Dutch "
            "(use --any-language to analyse it anyway)"
        )
    identity = document_id(text)
    return Document(
        id=identity,
        text=text,
        source=article.source,
        # Without a stable identity from the source, the text is the identity: only the
        # same text can meet this key again, so nothing else is ever replaced by it.
        key=article.key or identity,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        lang=language,
        published=article.published,
        date_origin=article.date_origin,
        notes=list(article.notes),
        # Bylines, "Lees ook" links, credits, pull quotes and fact boxes: the extractor
        # codes no event in them and the scorer and exports leave them out.
        furniture=find_furniture(text),
    )
