"""The one data model every pipeline stage reads and enriches.

Like spaCy's ``Doc``/``Span``/``Token``: ingest creates a :class:`Document` with its text
and metadata, nlp fills ``sentences`` and ``tokens``, link fills ``mentions``, extract fills
``events``, ``figures``, ``quotes`` and ``relations``; store writes it all in one
transaction. All offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year", "unknown"]
DateOrigin = Literal["header", "metadata", "file", "text", "html-meta", "url", "none"]
EventStatus = Literal["asserted", "alleged", "future", "hypothetical", "negated", "historical"]
Qualifier = Literal["exact", "at_least", "at_most", "about"]


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A date known to some precision: the real date lies in ``[start, end]``."""

    start: dt.date
    end: dt.date
    precision: DatePrecision

    @property
    def width_days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def iso(self) -> str:
        """The date as written at its precision: ``2020``, ``2020-10`` or ``2020-10-09``."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision == "day":
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(slots=True)
class Token:
    """One Frog token. ``text`` is Frog's form (multi-word units joined by ``_``)."""

    index: int  # position in the document's token list
    sentence: int  # index of the sentence
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # coarse tag, e.g. ``WW``
    features: str  # e.g. ``pv,verl,ev``
    morph: str
    ner: str  # BIO tag from Frog, e.g. ``B-PER``
    chunk: str  # BIO chunk tag, e.g. ``B-NP``
    head: int | None  # document token index of the head, None for the root
    deprel: str
    confidence: float = 1.0


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    token_start: int  # first token index (document-wide)
    token_end: int  # one past the last token index


@dataclass(slots=True)
class Mention:
    """A span that names (or may name) an actor, place or other entity."""

    sentence: int
    start: int
    end: int
    text: str
    label: str  # Frog NER class (PER, LOC, ORG, ...) or the linker's own (ROLE, PRON, ADJ)
    actor_id: str | None = None  # KB id, None when unlinked
    method: str = "ner"  # how it was found / linked: ner, alias, fuzzy, adjective, role, coref
    score: float = 1.0
    component: str = "nlp.frog"
    code: str | None = None  # event code of the actor at the article's date (RUS, CSTO)
    sector: str | None = None  # PLOVER sector at that date (GOV, MIL, ...)


@dataclass(slots=True)
class Figure:
    kind: Literal["dead", "injured", "displaced", "arrested"]
    value: float
    qualifier: Qualifier
    sentence: int
    start: int
    end: int
    unit: str = "people"
    event: int | None = None  # index into Document.events
    component: str = "extract.figures"
    confidence: float = 1.0


@dataclass(slots=True)
class Event:
    type: str  # PLOVER category, e.g. ASSAULT
    sentence: int
    start: int
    end: int
    trigger: str
    trigger_token: int | None = None  # document index of the trigger's head token
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)  # event codes (RUS, CSTO)
    recipient: list[str] = field(default_factory=list)
    actor_sector: list[str | None] = field(default_factory=list)
    recipient_sector: list[str | None] = field(default_factory=list)
    actor_kb: list[str | None] = field(default_factory=list)
    recipient_kb: list[str | None] = field(default_factory=list)
    reciprocal: bool = False
    status: EventStatus = "asserted"
    date: DateInterval | None = None
    date_inferred: bool = False
    location: str | None = None  # KB id of a place or state
    plover_score: float | None = None
    rule: str = ""
    component: str = "extract.events"
    confidence: float = 1.0
    furniture: bool = False


@dataclass(slots=True)
class Quote:
    text: str
    sentence: int
    start: int
    end: int
    speaker: str | None = None  # event code of the speaker (RUS)
    speaker_kb: str | None = None  # KB id of the person, when known
    direct: bool = True
    component: str = "extract.quotes"
    confidence: float = 1.0


@dataclass(slots=True)
class Relation:
    type: str
    source: str
    target: str
    sentence: int | None
    start: int | None
    end: int | None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    origin: Literal["text", "kb"] = "text"
    component: str = "extract.relations"
    confidence: float = 1.0


@dataclass(slots=True)
class Document:
    """An article and everything kroniek learned from it."""

    id: str  # stable hash of the normalised text, see ingest.identity
    text: str
    source: str  # path, URL or ``stdin``; with ``key`` it identifies versions of one article
    key: str  # what identifies this article across corrected versions (url, given id or path)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    lang: str = "nl"
    published: DateInterval | None = None
    date_origin: DateOrigin = "none"
    date_inferred: bool = False  # publication date narrowed from evidence in the text
    furniture: list[tuple[int, int]] = field(default_factory=list)  # spans of page furniture
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings worth telling the user
    # Lookup indexes, built on first use per list (see _indexed); never stored or compared.
    _indexes: dict[str, tuple[object, int, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def sentence_tokens(self, index: int) -> list[Token]:
        sentence = self.sentences[index]
        return self.tokens[sentence.token_start : sentence.token_end]

    def _indexed(self, name: str, items: list[Any], build: Any) -> Any:
        """``build(items)``, computed once while ``items`` is the same list of the same length.

        Each stage replaces (``document.mentions = ...``) or fills a list before the next
        reads it, so identity and length tell a stale index; lookups stay O(log n) instead
        of a scan of the whole document each.
        """
        cached = self._indexes.get(name)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            cached = (items, len(items), build(items))
            self._indexes[name] = cached
        return cached[2]

    def _token_starts(self) -> list[int]:
        return self._indexed("token_starts", self.tokens,  # type: ignore[no-any-return]
                             lambda tokens: [t.start for t in tokens])

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``, if any."""
        position = bisect_right(self._token_starts(), offset) - 1
        # Tokens follow the text; look one back too in case two tokens overlap.
        for index in (position, position - 1):
            if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
                return self.tokens[index]
        return None

    def tokens_starting_in(self, start: int, end: int) -> list[Token]:
        """Tokens whose first character lies in ``[start, end)``, in order."""
        starts = self._token_starts()
        return self.tokens[bisect_left(starts, start) : bisect_left(starts, end)]

    def sentence_at(self, offset: int) -> int | None:
        starts = self._indexed("sentence_starts", self.sentences,
                               lambda sentences: [s.start for s in sentences])
        position = bisect_right(starts, offset) - 1
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position].index
        return None

    def in_furniture(self, offset: int) -> bool:
        spans = self._indexed("furniture", self.furniture, _span_index)
        position = bisect_right(spans[0], offset) - 1
        # Some span starting at or before offset ends after it iff the largest end does.
        return position >= 0 and spans[1][position] > offset

    def mentions_starting_in(self, start: int, end: int) -> list[Mention]:
        """Mentions whose first character lies in ``[start, end)``, by start (ties in
        ``mentions`` order)."""
        ordered, starts = self._indexed("mention_starts", self.mentions, _by_start)
        return ordered[bisect_left(starts, start) : bisect_left(starts, end)]  # type: ignore[no-any-return]

    def sentence_mentions(self, sentence: int) -> list[Mention]:
        """The mentions of one sentence, in ``mentions`` order."""
        by_sentence = self._indexed("mentions", self.mentions, _by_sentence)
        return by_sentence.get(sentence, [])  # type: ignore[no-any-return]


def _span_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    ordered = sorted(spans)
    return [start for start, _ in ordered], list(accumulate((end for _, end in ordered), max))


def _by_start(mentions: list[Mention]) -> tuple[list[Mention], list[int]]:
    ordered = sorted(mentions, key=lambda m: m.start)
    return ordered, [m.start for m in ordered]


def _by_sentence(mentions: list[Mention]) -> dict[int, list[Mention]]:
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped
