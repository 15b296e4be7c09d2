"""The scoring rules of ``shared/EVAL.md``, as pure functions over one document.

Events become triples ``(type, actor, recipient)``; a missing recipient is ``*``. Gold
``*`` matches any system recipient; a system ``*`` matches only a gold ``*``. System
triples are a set per document: the same triple coded twice (say, from the body and a
repeated sentence) is one triple, so repeating a correct event neither earns a second true
positive nor costs a false positive. Status, mode and date are judged on one representative
system event per matched gold triple (see :func:`representative`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from itertools import permutations

from kroniek.evaluation.gold import GoldDocument, GoldEvent, GoldFigure, GoldQuote, GoldRelation
from kroniek.evaluation.records import (
    PRF,
    ErrorItem,
    Score,
    SystemDocument,
    SystemEvent,
    SystemFigure,
    SystemQuote,
    SystemRelation,
    Tally,
)
from kroniek.ingest.pubdate import interval_from_iso

ANY = "*"
Triple = tuple[str, str, str]
Resolver = Callable[[str], frozenset[str]]


def event_triples(type_: str, actors: Iterable[str], recipients: Iterable[str],
                  reciprocal: bool) -> list[Triple]:
    """Triples of one event; reciprocal events give every ordered pair of distinct sides."""
    actors, recipients = list(dict.fromkeys(actors)), list(dict.fromkeys(recipients))
    if reciprocal:
        sides = list(dict.fromkeys([*actors, *recipients]))
        if len(sides) >= 2:
            return [(type_, a, b) for a, b in permutations(sides, 2)]
        return [(type_, a, ANY) for a in sides]
    if not recipients:
        return [(type_, a, ANY) for a in actors]
    return [(type_, a, r) for a in actors for r in recipients if a != r]


def gold_triples(events: Iterable[GoldEvent]) -> dict[Triple, GoldEvent]:
    """Gold triples; a triple both required and optional (two readings) is required."""
    found: dict[Triple, GoldEvent] = {}
    for event in events:
        for triple in event_triples(event.type, event.actor, event.recipient, event.reciprocal):
            if triple not in found or (event.required and not found[triple].required):
                found[triple] = event
    return found


def system_triples(events: Iterable[SystemEvent]) -> tuple[dict[Triple, list[SystemEvent]],
                                                             int]:
    """Deduplicated system triples of non-furniture events, each with the events coding it
    (most confident first), and how many duplicates were merged."""
    found: dict[Triple, list[SystemEvent]] = {}
    ordered = sorted((e for e in events if not e.furniture),
                     key=lambda e: (-e.confidence, e.index))
    for event in ordered:
        # PLOVER codes mutual action as several actors and no recipient (manual, 2.2).
        mutual = event.reciprocal or (len(set(event.actor)) >= 2 and not event.recipient)
        for triple in event_triples(event.type.upper(), event.actor, event.recipient, mutual):
            found.setdefault(triple, []).append(event)
    return found, sum(len(coded) - 1 for coded in found.values())


_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def representative(gold: GoldEvent, candidates: list[SystemEvent]) -> SystemEvent:
    """The system event that stands for a matched gold triple: the one coded from the
    gold's evidence sentence (most evidence words in its sentence), else the most confident,
    earliest. Its status, mode and date are judged, so a second mention of the same triple
    elsewhere (a later summary, another tense) neither helps nor hurts."""
    evidence = _words(gold.evidence)

    def overlap(event: SystemEvent) -> float:
        return len(evidence & _words(event.sentence)) / len(evidence) if evidence else 0.0

    return max(candidates, key=lambda e: (overlap(e), e.confidence, -e.index))


def matches(system: Triple, gold: Triple) -> bool:
    return system[:2] == gold[:2] and (gold[2] == ANY or gold[2] == system[2])


def _show(triple: Triple) -> str:
    return f"{triple[0]} {triple[1]} → {triple[2]}"


def _date_ok(gold_date: str, event: SystemEvent) -> bool:
    if event.date_start is None or event.date_end is None:
        return False
    try:
        gold = interval_from_iso(gold_date)
    except ValueError:
        return False
    return event.date_start <= gold.start and gold.end <= event.date_end


def _attributes(score: Score, gold: GoldEvent, system: SystemEvent, triple: Triple) -> None:
    label = _show(triple)
    if gold.status:
        ok = (system.status or "") == gold.status
        score.status.add(ok)
        if not ok:
            score.errors.append(ErrorItem("status", "wrong", f"{label}: {system.status} "
                                          f"(gold {gold.status})", system.sentence))
    if gold.mode:
        ok = (system.mode or "").lower() == gold.mode.lower()
        score.mode.add(ok)
        if not ok:
            score.errors.append(ErrorItem("mode", "wrong", f"{label}: {system.mode} "
                                          f"(gold {gold.mode})", system.sentence))
    if gold.date:
        ok = _date_ok(gold.date, system)
        score.date.add(ok)
        if system.date_start and system.date_end:
            score.date_widths.append((system.date_end - system.date_start).days + 1)
        if not ok:
            shown = (f"{system.date_start}…{system.date_end}" if system.date_start
                     else "no date")
            score.errors.append(ErrorItem("date", "wrong", f"{label}: {shown} "
                                          f"(gold {gold.date})", system.sentence))


def score_events(gold_events: Iterable[GoldEvent], system_events: Iterable[SystemEvent],
                 score: Score) -> None:
    gold = gold_triples(gold_events)
    system, score.duplicates = system_triples(system_events)
    # Strict: precision over system triples, recall over required gold triples.
    for triple, coded in system.items():
        event = coded[0]
        hits = [g for g in gold if matches(triple, g)]
        if any(gold[g].required for g in hits):
            score.events_strict.tp += 1
        elif not hits:
            score.events_strict.fp += 1
            score.errors.append(ErrorItem("event", "false positive",
                                          _show(triple) + _near(triple, gold, "gold"),
                                          _evidence(event)))
    for triple, event in gold.items():
        if not event.required:
            continue
        candidates = [e for s, coded in system.items() if matches(s, triple) for e in coded]
        if candidates:
            score.events_strict.found += 1
            _attributes(score, event, representative(event, candidates), triple)
        else:
            score.events_strict.fn += 1
            score.errors.append(ErrorItem("event", "missed",
                                          _show(triple) + _near(triple, system, "system"),
                                          event.evidence))
    _score_actor_level(gold, system, score)


def _near(triple: Triple, others: Iterable[Triple], side: str) -> str:
    """What the other side has instead: another recipient, or another type for the dyad."""
    recipients = sorted({o[2] for o in others if o[:2] == triple[:2] and o != triple})
    if recipients:
        return f"  ({side} has recipient {', '.join(recipients)})"
    types = sorted({o[0] for o in others if o[1:] == triple[1:] and o != triple})
    if types:
        return f"  ({side} has type {', '.join(types)} for this dyad)"
    return ""


def _evidence(event: SystemEvent) -> str:
    return f"{event.sentence}  [trigger: {event.trigger}]" if event.trigger else event.sentence


def _score_actor_level(gold: dict[Triple, GoldEvent],
                       system: dict[Triple, list[SystemEvent]], score: Score) -> None:
    required: dict[tuple[str, str], bool] = {}
    evidence: dict[tuple[str, str], str] = {}
    for triple, event in gold.items():
        pair = (triple[0], triple[1])
        required[pair] = required.get(pair, False) or event.required
        evidence.setdefault(pair, event.evidence)
    pairs: dict[tuple[str, str], SystemEvent] = {}
    for triple, coded in system.items():
        pairs.setdefault((triple[0], triple[1]), coded[0])
    prf = score.events_actor
    for pair, event in pairs.items():
        if pair not in required:
            prf.fp += 1
            score.errors.append(ErrorItem("event-actor", "false positive",
                                          f"{pair[0]} {pair[1]}", _evidence(event)))
        elif required[pair]:
            prf.tp += 1
    for pair, is_required in required.items():
        if not is_required:
            continue
        if pair in pairs:
            prf.found += 1
        else:
            prf.fn += 1
            score.errors.append(ErrorItem("event-actor", "missed", f"{pair[0]} {pair[1]}",
                                          evidence[pair]))


def score_actors(gold: frozenset[str], optional: frozenset[str], system: Iterable[str]) -> tuple[
        PRF, list[ErrorItem]]:
    """Actor codes per document; codes listed as optional count neither way."""
    codes = {code.upper() for code in system} - optional
    prf = PRF(tp=len(codes & gold), fp=len(codes - gold), fn=len(gold - codes),
              found=len(codes & gold))
    errors = [ErrorItem("actor", "false positive", code) for code in sorted(codes - gold)]
    errors += [ErrorItem("actor", "missed", code) for code in sorted(gold - codes)]
    return prf, errors


def identity_resolver(value: str) -> frozenset[str]:
    return frozenset({value.casefold()})


def score_relations(gold: Iterable[GoldRelation], system: Iterable[SystemRelation],
                    resolve: Resolver = identity_resolver) -> tuple[PRF, list[ErrorItem]]:
    """``(type, source, target)``; ends compare through every name the resolver knows."""

    def keyed(type_: str, source: str, target: str) -> tuple[str, frozenset[str], frozenset[str]]:
        return type_.lower(), resolve(source), resolve(target)

    def same(a: tuple[str, frozenset[str], frozenset[str]],
             b: tuple[str, frozenset[str], frozenset[str]]) -> bool:
        return a[0] == b[0] and bool(a[1] & b[1]) and bool(a[2] & b[2])

    gold_items = {(g.type, g.source, g.target): keyed(g.type, g.source, g.target) for g in gold}
    system_items: dict[tuple[str, str, str], tuple[SystemRelation, tuple]] = {}  # type: ignore[type-arg]
    for relation in system:
        raw = (relation.type, relation.source, relation.target)
        system_items.setdefault(raw, (relation, keyed(*raw)))
    prf, errors = PRF(), []
    for raw, (relation, key) in system_items.items():
        if any(same(key, g) for g in gold_items.values()):
            prf.tp += 1
        else:
            prf.fp += 1
            errors.append(ErrorItem("relation", "false positive", " ".join(raw),
                                    relation.sentence))
    for raw, key in gold_items.items():
        if any(same(s, key) for _, s in system_items.values()):
            prf.found += 1
        else:
            prf.fn += 1
            errors.append(ErrorItem("relation", "missed", " ".join(raw)))
    return prf, errors


FRACTION = "fraction_of_population"


def figure_found(gold: GoldFigure, system: SystemFigure) -> bool:
    if gold.kind != system.kind or abs(gold.value - system.value) > 1e-6 * max(1, gold.value):
        return False
    if gold.qualifier and gold.qualifier != system.qualifier:
        return False
    # A fraction of the population is not a head count, whatever the number.
    return (gold.unit == FRACTION) == (system.unit == FRACTION)


def score_figures(gold: Iterable[GoldFigure], system: list[SystemFigure]) -> tuple[
        Tally, list[ErrorItem]]:
    tally, errors = Tally(), []
    for figure in gold:
        ok = any(figure_found(figure, s) for s in system)
        tally.add(ok)
        if not ok:
            qualifier = f" {figure.qualifier}" if figure.qualifier else ""
            unit = f" {figure.unit}" if figure.unit else ""
            errors.append(ErrorItem("figure", "missed",
                                    f"{figure.kind} {figure.value:g}{qualifier}{unit}"))
    return tally, errors


_QUOTE_MARKS = str.maketrans({c: "'" for c in "‘’‚‛`´′\"“”„‟«»‹›"})


def normalise_quote(text: str) -> str:
    """NFC, one kind of quote mark, none at the ends, single spaces, case-folded."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS)
    return re.sub(r"\s+", " ", text).strip(" '").casefold()


def quote_found(gold: GoldQuote, system: SystemQuote) -> bool:
    if normalise_quote(gold.text) not in normalise_quote(system.text):
        return False
    by_code = bool(gold.speaker and system.speaker and gold.speaker == system.speaker.upper())
    by_name = bool(gold.person and system.speaker_name
                   and gold.person.casefold() == system.speaker_name.casefold())
    return by_code or by_name


def score_quotes(gold: Iterable[GoldQuote], system: list[SystemQuote]) -> tuple[
        Tally, list[ErrorItem]]:
    tally, errors = Tally(), []
    for quote in gold:
        ok = any(quote_found(quote, s) for s in system)
        tally.add(ok)
        if not ok:
            near = [s for s in system
                    if normalise_quote(quote.text) in normalise_quote(s.text)]
            why = (f" (text found, speaker {near[0].speaker or near[0].speaker_name or 'none'})"
                   if near else "")
            errors.append(ErrorItem("quote", "missed",
                                    f"{quote.speaker or quote.person}: {quote.text!r}{why}"))
    return tally, errors


def score_document(gold: GoldDocument, system: SystemDocument,
                   resolve: Resolver = identity_resolver) -> Score:
    score = Score()
    score_events(gold.events, system.events, score)
    score.actors, errors = score_actors(gold.actors, gold.actors_optional, system.actor_codes)
    score.errors.extend(errors)
    # A layer the gold file leaves out entirely was not annotated, so it is not scored.
    if gold.relations is not None:
        score.relations, errors = score_relations(gold.relations, system.relations, resolve)
        score.errors.extend(errors)
    if gold.figures is not None:
        score.figures, errors = score_figures(gold.figures, system.figures)
        score.errors.extend(errors)
    if gold.quotes is not None:
        score.quotes, errors = score_quotes(gold.quotes, system.quotes)
        score.errors.extend(errors)
    return score
