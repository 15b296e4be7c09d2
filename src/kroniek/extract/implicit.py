"""Arguments a clause leaves implicit, read from the events reported just before it.

News leaves the other side of an event unsaid when the paragraph has just named it:
"Washington zette twee Chinese diplomaten uit. Peking reageerde woedend." — China reacts
to the United States; "Rusland kondigde een bestand af. Kiev wil een bestand van dertig
dagen." — Ukraine's wish is aimed at Russia. A one-sided event with no recipient of its own
takes it from the nearest earlier event that involves its actor:

- its actor was that event's recipient: the reaction is aimed at whoever acted on it;
- its actor was that event's actor, with a recipient: the same side goes on acting on the
  same recipient ("Israël roept reservisten op" after Israel's strikes on Hamas).

Only a few sentences back and within the paragraph, the way a reader keeps the dyad of a
paragraph in mind; mutual events (several actors, no recipient) are left as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from kroniek.extract import trace
from kroniek.model import Document, Event

# Sentences looked back: the paragraph's dyad, not the whole article's.
WINDOW = 3


def _same_stretch(document: Document, event: Event | int, earlier: Event) -> bool:
    sentence = event if isinstance(event, int) else event.sentence
    sentences = document.sentences
    return (0 <= sentence - earlier.sentence <= WINDOW
            and sentences[earlier.sentence].paragraph == sentences[sentence].paragraph)


def implicit_actor(document: Document, sentence: int, earlier: Sequence[Event],
                   recipients: set[str], state_only: bool = False) -> Event | None:
    """For a clause that does not say who acted ("De heffingen zijn inmiddels geschrapt"),
    the nearest earlier event of the paragraph, whose actor is the one the text is
    following; not one whose actor is this clause's target. ``state_only``: what only a
    state does (an arrest), so only an event whose actors are states or bodies, not
    domestic sides ("Betogers bestormden het parlement. 400 mensen werden opgepakt")."""
    for previous in reversed(earlier):
        if not _same_stretch(document, sentence, previous):
            return None
        if set(previous.actor) & recipients:
            continue
        if state_only and any("-" in code for code in previous.actor):
            # "Betogers bestormden het parlement. 400 mensen werden opgepakt": the
            # authorities of the protesters' state act, on those protesters.
            states = [code.partition("-")[0] for code in previous.actor
                      if len(code.partition("-")[0]) == 3]
            if not states or len(set(states)) != 1:
                continue
            return dataclasses.replace(
                previous, actor=states[:1], actor_sector=[None], actor_kb=[None],
                recipient=[] if recipients else list(previous.actor),
                recipient_sector=[] if recipients else list(previous.actor_sector),
                recipient_kb=[] if recipients else list(previous.actor_kb))
        return previous
    return None


def _other_side(event: Event, earlier: Event) -> tuple[str, list[str], list[str | None],
                                                         list[str | None]] | None:
    """How ``earlier`` involves ``event``'s actor, and the codes (with sectors and KB ids)
    it offers as ``event``'s recipient."""
    actors = set(event.actor)
    if actors & set(earlier.recipient):
        how = "acted on it"
        indices = [i for i, code in enumerate(earlier.actor) if code not in actors]
        codes, sectors, kb = earlier.actor, earlier.actor_sector, earlier.actor_kb
    elif actors == set(earlier.actor) and earlier.recipient and not earlier.reciprocal:
        how = "its own"
        indices = [i for i, code in enumerate(earlier.recipient) if code not in actors]
        codes, sectors, kb = earlier.recipient, earlier.recipient_sector, earlier.recipient_kb
    elif (not earlier.recipient and not actors & set(earlier.actor)
          and earlier.type != event.type):
        how = "reaction"
        indices = list(range(len(earlier.actor)))
        codes, sectors, kb = earlier.actor, earlier.actor_sector, earlier.actor_kb
    else:
        return None
    if not indices:
        return None
    return (how, [codes[i] for i in indices],
            [sectors[i] if i < len(sectors) else None for i in indices],
            [kb[i] if i < len(kb) else None for i in indices])


def implicit_recipient(document: Document, event: Event, earlier: Sequence[Event]) -> None:
    """Give a one-sided ``event`` without a recipient the other side of the nearest earlier
    event of its paragraph that involves its actor."""
    if event.recipient or event.reciprocal or len(set(event.actor)) != 1:
        return
    for previous in reversed(earlier):
        if previous is event or not _same_stretch(document, event, previous):
            continue
        side = _other_side(event, previous)
        if side is None:
            continue
        how, event.recipient, event.recipient_sector, event.recipient_kb = side
        trace.note(event.sentence, "arguments", f"{event.rule}: recipient "
                   f"{', '.join(event.recipient)} implicit ({how}), the other side of the "
                   f"{previous.type} event in sentence {previous.sentence}")
        return


# Sectors of a state's own people that protest against their government (not civilians or
# journalists, often nationals abroad: "Oekraïense vluchtelingen demonstreerden in Berlijn").
_DOMESTIC = frozenset({"ACT", "LAB", "OPP", "PTY", "REL", "EDU"})


def protest_target(event: Event) -> None:
    """A protest by a state's own side ("Iraanse vrachtwagenchauffeurs gingen in staking",
    IRN-LAB) that names no target is aimed at that state's government (IRN)."""
    if event.type != "PROTEST" or event.recipient or event.reciprocal:
        return
    states = {code.partition("-")[0] for code in event.actor
              if code.partition("-")[2] in _DOMESTIC}
    if len(states) != 1 or len(set(event.actor)) != 1:
        return
    event.recipient, event.recipient_sector, event.recipient_kb = [states.pop()], [None], [None]
    trace.note(event.sentence, "arguments", f"{event.rule}: recipient "
               f"{event.recipient[0]}, the government its own side protests against")
