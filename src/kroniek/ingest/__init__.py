"""Stage 1: read articles from files, stdin and records into :class:`Document` objects."""

from kroniek.ingest.build import to_document
from kroniek.ingest.readers import RawArticle
from kroniek.ingest.sources import Source, expand

__all__ = ["RawArticle", "Source", "expand", "to_document"]
