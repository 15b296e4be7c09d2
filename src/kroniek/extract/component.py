"""The extract component: runs the extractors over a linked document, in order.

Publication date refinement comes first (everything else is dated against it), then
events per sentence with their status and date, figures attached to the event of their
sentence, quotes, and relations stated in the text.
"""

from __future__ import annotations

from kroniek.extract import figures, quotes, relations, status, timex, trace
from kroniek.extract.events import apply_plover_rules, sentence_events
from kroniek.extract.implicit import implicit_recipient, protest_target
from kroniek.extract.lexicon import load_lexicon
from kroniek.kb import load_kb
from kroniek.model import DateInterval, Document, Event

COMPONENT = "extract.events"


def _per_sentence(
    expressions: list[timex.TimeExpression],
) -> dict[int, list[timex.TimeExpression]]:
    """Each sentence's time expressions in text order, from the document-wide list already
    computed, instead of rescanning each sentence."""
    found: dict[int, list[timex.TimeExpression]] = {}
    for expression in sorted(expressions, key=lambda e: e.start):
        found.setdefault(expression.sentence, []).append(expression)
    return found


def _relative_clauses(document: Document, sentence: int) -> list[tuple[int, int]]:
    """Character spans of relative clauses: from a relative pronoun (*die*, *dat*,
    *waar*...) to the next comma or the sentence's end. "De VN-vredesmacht, die sinds
    1978 in Libanon gestationeerd is, riep ... op": 1978 dates the stationing, not the
    call."""
    spans = []
    tokens = document.sentence_tokens(sentence)
    for position, token in enumerate(tokens):
        if token.pos == "VNW" and "betr" in token.features.split(","):
            end = next((t.start for t in tokens[position + 1:] if t.text == ","),
                       tokens[-1].end)
            spans.append((token.start, end))
    return spans


def _time_for(document: Document, event: Event,
              in_sentence: list[timex.TimeExpression]) -> timex.TimeExpression | None:
    """The sentence's first time expression that is not inside a relative clause the
    trigger is outside of (or the trigger's own relative clause's expression)."""
    token = event.trigger_token if event.trigger_token is not None else 0
    at = document.tokens[token].start
    clauses = _relative_clauses(document, event.sentence)
    own = next(((a, b) for a, b in clauses if a <= at < b), None)
    for expression in in_sentence:
        inside = next(((a, b) for a, b in clauses if a <= expression.start < b), None)
        if inside is None or inside == own:
            return expression
    return None


class Extractor:
    name = "extract"

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.kb = load_kb()

    def __call__(self, document: Document) -> None:
        timex.refine_publication_date(document)
        expressions = timex.find_time_expressions(document)
        by_sentence = _per_sentence(expressions)
        document.events = []
        for sentence in document.sentences:
            if document.in_furniture(sentence.start):
                trace.note(sentence.index, "dropped", "page furniture (a pull quote, fact box "
                           "or byline repeating the text): not coded")
                continue
            for event in sentence_events(document, sentence.index, self.lexicon,
                                         document.events):
                token = event.trigger_token if event.trigger_token is not None else 0
                cue: str | None = None
                if self._attributive(document, token):
                    # "de strijdende partijen" describes a state of affairs; the tense and
                    # cues of the sentence it sits in are about something else.
                    event.status = "asserted"
                    self._ongoing_date(document, event, expressions)
                else:
                    found, cue = status.status_of(document, sentence.index, token)
                    # An accusation makes its event alleged even with no cue word.
                    if not (found == "asserted" and event.status == "alleged"):
                        event.status = found
                    if trace.active():
                        self._note_status(sentence.index, event, cue)
                    self._date(document, event, by_sentence)
                if event.date is not None and trace.active():
                    trace.note(sentence.index, "date", f"{event.rule}: {event.date.iso()}"
                               + (" (inferred, not written out)" if event.date_inferred
                                  else ""))
                apply_plover_rules(event, document.published,
                                   announced=status.future_by_word(cue))
                implicit_recipient(document, event, document.events)
                protest_target(event)
                document.events.append(event)
        document.figures = figures.find_figures(document)
        events_of: dict[int, list[int]] = {}  # sentence -> its events, looked up per figure
        for number, event in enumerate(document.events):
            events_of.setdefault(event.sentence, []).append(number)
        for figure in document.figures:
            figure.event = self._event_for_figure(document.events,
                                                  events_of.get(figure.sentence, []))
        document.quotes = quotes.find_quotes(document)
        document.relations = relations.find_relations(document, self.kb)

    @staticmethod
    def _note_status(sentence: int, event: Event, cue: str | None) -> None:
        reason = (f"cue: \"{cue}\"" if cue else
                  "accused of it" if event.status == "alleged" else "no cue")
        trace.note(sentence, "status", f"{event.rule}: {event.status} ({reason})")

    @staticmethod
    def _date(document: Document, event: Event,
              by_sentence: dict[int, list[timex.TimeExpression]]) -> None:
        in_sentence = _time_for(document, event, by_sentence.get(event.sentence, []))
        if in_sentence is None:
            # News carries a day over to the next sentence ("Donderdag waarschuwde hij...
            # Hij gaf ook..."), but not across paragraphs.
            paragraph = document.sentences[event.sentence].paragraph
            previous = event.sentence - 1
            if previous >= 0 and document.sentences[previous].paragraph == paragraph:
                earlier = by_sentence.get(previous)
                in_sentence = earlier[0] if earlier else None
                if in_sentence is not None and in_sentence.kind in {"since", "span", "year"}:
                    in_sentence = None
        if in_sentence is not None:
            interval = in_sentence.interval
            if in_sentence.kind == "since":
                # "sinds 27 september" dates the start of what is still going on.
                interval = DateInterval(interval.start, interval.start, "day")
            event.date, event.date_inferred = interval, in_sentence.inferred
        elif document.published is not None:
            event.date, event.date_inferred = document.published, True

    @staticmethod
    def _attributive(document: Document, token: int) -> bool:
        trigger = document.tokens[token]
        return trigger.pos == "WW" and "prenom" in trigger.features.split(",")

    @staticmethod
    def _ongoing_date(document: Document, event: Event,
                      expressions: list[timex.TimeExpression]) -> None:
        """An ongoing conflict runs from the start the article gives it ("sinds 27
        september") to publication; without one, it is dated by publication."""
        since = [e for e in expressions if e.kind == "since"]
        if since and document.published is not None:
            start = since[0].interval.start
            end = max(document.published.end, start)
            event.date, event.date_inferred = DateInterval(start, end, "day"), True
        elif document.published is not None:
            event.date, event.date_inferred = document.published, True

    @staticmethod
    def _event_for_figure(events: list[Event], candidates: list[int]) -> int | None:
        violent = [i for i in candidates if events[i].type in {"ASSAULT", "COERCE"}]
        chosen = violent or candidates
        return chosen[0] if chosen else None

    def actors(self, document: Document) -> list:  # type: ignore[type-arg]
        return []
