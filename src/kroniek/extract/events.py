"""Events from one linked sentence: trigger, arguments, mode, status, date, PLOVER rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from functools import cache

from kroniek.extract import trace
from kroniek.extract.arguments import Arguments, find_arguments
from kroniek.extract.implicit import implicit_actor
from kroniek.extract.lexicon import Lexicon, Match, find_triggers, mode_for, trigger_data
from kroniek.extract.location import place_of, targeted_state
from kroniek.model import DateInterval, Document, Event, Mention
from kroniek.plover import score

# An event dated this long before publication is "historical" (DESIGN: "well before").
HISTORICAL_DAYS = 180


def _codes(mentions: list[Mention]) -> tuple[list[str], list[str | None], list[str | None]]:
    codes: list[str] = []
    sectors: list[str | None] = []
    kb_ids: list[str | None] = []
    for mention in mentions:
        if mention.code and mention.code not in codes:
            codes.append(mention.code)
            sectors.append(mention.sector)
            kb_ids.append(mention.actor_id)
    return codes, sectors, kb_ids


def _event(document: Document, sentence: int, match: Match, lexicon: Lexicon,
           actor: list[Mention], recipient: list[Mention], reciprocal: bool,
           implicit: Event | None = None) -> Event | None:
    """The event of one trigger; ``implicit``: the earlier event whose actor acts here too,
    when the clause does not say who acted."""
    actor_codes, actor_sectors, actor_kb = _codes(actor)
    if implicit is not None:
        actor_codes, actor_sectors, actor_kb = (list(implicit.actor),
                                                list(implicit.actor_sector),
                                                list(implicit.actor_kb))
    recipient_codes, recipient_sectors, recipient_kb = _codes(
        [m for m in recipient if m.code not in {a.code for a in actor}])
    if not actor_codes:
        return None
    entry = match.entry
    tokens = document.sentence_tokens(sentence)
    mode = mode_for(entry, tokens, lexicon)
    sentence_span = document.sentences[sentence]
    return Event(
        type=entry.type, sentence=sentence, start=sentence_span.start, end=sentence_span.end,
        trigger=document.text[match.span[0] : match.span[1]], mode=mode,
        context=list(entry.context), actor=actor_codes, recipient=recipient_codes,
        actor_sector=actor_sectors, recipient_sector=recipient_sectors, actor_kb=actor_kb,
        recipient_kb=recipient_kb, reciprocal=reciprocal and len(actor_codes) > 1,
        rule=entry.rule, plover_score=score(entry.type, mode),
        confidence=0.7 if entry.kind == "noun" else 0.8,
    )


# How many sentences back an event named again by a noun ("de lancering") may be.
REFERENCE_WINDOW = 4


def _aimed_at_earlier(event: Event, kind: str, earlier: Sequence[Event]) -> None:
    """A reaction with no recipient of its own is aimed at whoever did the event its
    object names: "Japan veroordeelt de lancering" after North Korea's launch."""
    window = [previous for previous in earlier if previous.type == kind
              and event.sentence - previous.sentence <= REFERENCE_WINDOW]
    # Condemning "de aanvallen" is about attacks that happened, not ones only alleged.
    window.sort(key=lambda previous: previous.status == "asserted")
    for previous in reversed(window):
        sides = [i for i, code in enumerate(previous.actor) if code not in event.actor]
        if sides:
            event.recipient = [previous.actor[i] for i in sides]
            event.recipient_kb = [previous.actor_kb[i] if i < len(previous.actor_kb) else None
                                  for i in sides]
            event.recipient_sector = [previous.actor_sector[i]
                                      if i < len(previous.actor_sector) else None
                                      for i in sides]
            trace.note(event.sentence, "arguments", f"{event.rule}: aimed at "
                       f"{', '.join(event.recipient)}, who did the {kind} event named here "
                       f"(sentence {previous.sentence})")
        return


def sentence_events(document: Document, sentence: int, lexicon: Lexicon,
                    earlier: Sequence[Event] = ()) -> list[Event]:
    """The events of one sentence; ``earlier`` are the article's events before it."""
    events: list[Event] = []
    for match in find_triggers(document.sentence_tokens(sentence), lexicon):
        arguments: Arguments | None = find_arguments(document, sentence, match)
        if arguments is None:
            continue
        source = None
        if arguments.unstated_actor:
            source = implicit_actor(document, sentence, [*earlier, *events],
                                    {m.code for m in arguments.recipient if m.code},
                                    state_only=arguments.state_act)
            if source is None:
                trace.note(sentence, "dropped", f"{match.entry.rule}: a passive with no "
                           "agent: who acted is not said")
                continue
            trace.note(sentence, "arguments", f"{match.entry.rule}: actor "
                       f"{', '.join(source.actor)} implicit, the actor of the "
                       f"{source.type} event in sentence {source.sentence}")
        event = _event(document, sentence, match, lexicon, arguments.actor,
                       arguments.recipient, arguments.reciprocal, source)
        if event is not None and source is not None and arguments.state_act \
                and not event.recipient and source.recipient:
            # The side whose state acts on it (extract/implicit.py).
            event.recipient = list(source.recipient)
            event.recipient_sector = list(source.recipient_sector)
            event.recipient_kb = list(source.recipient_kb)
        if event is None:
            trace.note(sentence, "dropped", f"{match.entry.rule}: its actor phrases name no "
                       "actor with an event code")
            continue
        event.trigger_token = match.token
        place = place_of(document, sentence, match.token)
        if place is not None:
            event.location = place.actor_id
            target = targeted_state(place, event.type, event.actor)
            # Not for mutual fighting: its sides are its actors, the place only where.
            if target is not None and not event.recipient and not event.reciprocal:
                event.recipient, event.recipient_kb = [target], [place.actor_id]
                event.recipient_sector = [None]
        if arguments.status is not None:
            event.status = arguments.status  # type: ignore[assignment]
        if arguments.refers_to is not None and not event.recipient:
            _aimed_at_earlier(event, arguments.refers_to, earlier)
        events.append(event)
        if match.entry.symmetric and event.recipient and not event.reciprocal:
            # A talk "met" someone: PLOVER codes each side as acting on the other.
            mirror = _event(document, sentence, match, lexicon, arguments.recipient,
                            arguments.actor, False)
            if mirror is not None:
                mirror.trigger_token = match.token
                mirror.location = event.location
                mirror.confidence = event.confidence - 0.1
                events.append(mirror)
    return _one_per_actor(_without_lesser_duplicates(events))


@cache
def _mutual_types() -> frozenset[str]:
    data = trigger_data()
    return frozenset(data["mutual_types"])


def _one_per_actor(events: list[Event]) -> list[Event]:
    """Joint actors with no recipient, of a type that is not mutual, as one event each."""
    out: list[Event] = []
    for event in events:
        if (len(event.actor) < 2 or event.recipient or event.reciprocal
                or event.type in _mutual_types()):
            out.append(event)
            continue
        for i, code in enumerate(event.actor):
            out.append(dataclasses.replace(
                event, actor=[code],
                actor_sector=event.actor_sector[i:i + 1],
                actor_kb=event.actor_kb[i:i + 1], context=list(event.context)))
    return out


def _without_lesser_duplicates(events: list[Event]) -> list[Event]:
    """Drop an event that another of the sentence states more precisely: same type and
    actors, fewer recipients ("Bij de Israëlische luchtaanvallen zijn twee Palestijnse
    tieners gedood": the noun and the verb name one attack, and the verb knows its
    target)."""
    def covered(event: Event) -> bool:
        return any(other is not event and other.type == event.type
                   and other.actor == event.actor
                   and set(event.recipient) < set(other.recipient) for other in events)
    kept = []
    for event in events:
        if covered(event):
            trace.note(event.sentence, "dropped", f"{event.rule}: another event of the "
                       "sentence says the same with more recipients")
        else:
            kept.append(event)
    return kept


def apply_plover_rules(event: Event, published: DateInterval | None,
                       announced: bool = False) -> None:
    """Reductions from the PLOVER manual, in kroniek's terms. ``announced``: the event's
    "future" status comes from a word saying so ("zal", "gaat ... terugtrekken"), not only
    from a date read as future."""
    if event.type == "CONSULT" and event.status == "future":
        # A planned meeting is an agreement to meet.
        event.type, event.mode, event.status = "AGREE", None, "asserted"
        trace.note(event.sentence, "rule", "PLOVER: a planned meeting is AGREE")
    if event.type == "RETREAT" and event.status == "future" and announced:
        # "announced ... would withdraw troops" is RETREAT + future, coded CONCEDE (manual,
        # RETREAT and CONCEDE ambiguities): the announcement is the event, and it happened.
        # The mode says what is conceded (withdraw, release, ceasefire).
        event.type, event.status = "CONCEDE", "asserted"
        trace.note(event.sentence, "rule", "PLOVER: an announced retreat is CONCEDE")
    too_old = published.start - dt.timedelta(days=HISTORICAL_DAYS) if published else None
    if too_old and event.date and event.status == "asserted" and event.date.end < too_old:
        event.status = "historical"
        trace.note(event.sentence, "rule", f"dated {event.date.iso()}, more than "
                   f"{HISTORICAL_DAYS} days before publication: historical")
    event.plover_score = score(event.type, event.mode)
