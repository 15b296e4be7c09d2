"""An article as read from its source, before analysis."""

from __future__ import annotations

from dataclasses import dataclass, field

from kroniek.model import DateInterval, DateOrigin


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
    author: str | None = None
    given_id: str | None = None
    published: DateInterval | None = None
    date_origin: DateOrigin = "none"
    notes: list[str] = field(default_factory=list)
