"""How the coder assigns actor and recipient, by sentence form (issue 11, part 3).

For every gold event of the composed corpus (tests/data/composed) that the coder found
with the right type in the same text, the arguments it gave are sorted into one outcome:

- ``right``: actor and recipient (or the reciprocal set) as gold has them;
- ``swapped``: actor and recipient exchanged;
- ``mutual``: a one-way event coded reciprocal, or the reverse;
- ``actor``: recipient right, actor wrong; ``recipient``: actor right, recipient wrong or
  missing; ``both``: neither right;
- ``unlinked``: a gold code is not among the sentence's linked mentions at all, so the
  argument rules never had a chance (a linking miss, not a structure one).

Gold events with no system event of their type are ``dropped`` when a trigger of that type
matched and the argument rules gave it up (the reasons are counted below the table), else
``no trigger`` (a lexicon miss). The table is
printed per gold ``form`` (main, inverted, subordinate, passive, nominal, ...), as
Markdown for docs/quality.md. Frog's output is cached (``--cache``) so argument rules can
be compared quickly; delete the cache after changing nlp.

Usage: python bench/argument_confusion.py [--cache FILE] [--only TYPE] [--show OUTCOME|fp|missed]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
from collections import Counter, defaultdict
from pathlib import Path

from kroniek.evaluation.gold import read_gold_file
from kroniek.evaluation.records import Score, SystemEvent
from kroniek.evaluation.scoring import score_events
from kroniek.extract import trace
from kroniek.extract.arguments import groups_in
from kroniek.extract.clauses import clause_of
from kroniek.ingest import RawArticle, to_document
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.model import Document, Event
from kroniek.nlp import FrogBackend
from kroniek.pipeline import load_component

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "composed"
OUTCOMES = ("right", "swapped", "mutual", "actor", "recipient", "both", "unlinked",
            "dropped", "no trigger")


def _records(only: str | None) -> list[dict]:  # type: ignore[type-arg]
    records = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        if only and path.stem != only.lower():
            continue
        records.extend(json.loads(line) for line in path.read_text("utf-8").splitlines()
                       if line.strip())
    return records


def _analysed(records: list[dict], cache: Path) -> dict[str, Document]:  # type: ignore[type-arg]
    """Documents after Frog, keyed by record id; Frog runs only for texts not cached."""
    stored: dict[str, Document] = {}
    if cache.exists():
        stored = pickle.loads(cache.read_bytes())
    backend: FrogBackend | None = None
    documents = {}
    for record in records:
        key = hashlib.sha1((record["date"] + record["text"]).encode()).hexdigest()
        if key not in stored:
            backend = backend or FrogBackend()
            article = RawArticle(text=record["text"], source=record["id"], key=record["id"],
                                 published=interval_from_iso(record["date"]),
                                 date_origin="metadata")
            document = to_document(article, check_language=False)
            backend.analyse(document)
            stored[key] = document
        documents[record["id"]] = stored[key]
    if backend is not None:
        backend.close()
        cache.write_bytes(pickle.dumps(stored))
    return documents


def _outcome(gold: dict, found: list[tuple[set[str], set[str], bool]],  # type: ignore[type-arg]
             linked: set[str]) -> str:
    actor, recipient = set(gold["actor"]), set(gold.get("recipient") or [])
    reciprocal = bool(gold.get("reciprocal")) or (len(actor) >= 2 and not recipient)
    if not found:
        return "no trigger"
    if not (actor | recipient) <= linked:
        return "unlinked"
    best = "both"
    rank = {name: position for position, name in enumerate(OUTCOMES)}
    for system_actor, system_recipient, system_reciprocal in found:
        if reciprocal or system_reciprocal:
            everyone = system_actor | system_recipient
            if reciprocal and system_reciprocal and everyone == actor | recipient:
                outcome = "right"
            elif everyone == actor | recipient:
                outcome = "mutual"
            else:
                outcome = "both"
        elif system_actor == actor and system_recipient == recipient:
            outcome = "right"
        elif system_actor == recipient and system_recipient == actor and actor:
            outcome = "swapped"
        elif system_recipient == recipient:
            outcome = "actor"
        elif system_actor == actor:
            outcome = "recipient"
        else:
            outcome = "both"
        if rank[outcome] < rank[best]:
            best = outcome
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kroniek-composed-frog.pkl"))
    parser.add_argument("--only", help="one PLOVER type's file")
    parser.add_argument("--show", help="print the sentences with this outcome")
    parser.add_argument("--trace", help="print the coder's decisions for this record id")
    parser.add_argument("--subjects", action="store_true",
                        help="also a table: Frog's su against the word-order subject")
    arguments = parser.parse_args()
    records = _records(arguments.only)
    documents = _analysed(records, arguments.cache)
    linker, extractor = load_component("link"), load_component("extract")
    gold_events = {gold.id: gold.events for path in sorted(CORPUS.glob("*.jsonl"))
                   if not arguments.only or path.stem == arguments.only.lower()
                   for gold in read_gold_file(path, None)}
    score = Score()
    table: dict[str, Counter[str]] = defaultdict(Counter)
    subjects: dict[str, Counter[str]] = defaultdict(Counter)
    reasons: Counter[str] = Counter()
    for record in records:
        document = pickle.loads(pickle.dumps(documents[record["id"]]))
        linker(document)
        with trace.tracing() as steps:
            extractor(document)
        triggered = {step.detail.get("type") for step in steps.steps if step.stage == "trigger"}
        linked = {m.code for m in document.mentions if m.code}
        score_events(gold_events[record["id"]], [
            SystemEvent(e.type, tuple(e.actor), tuple(e.recipient), e.reciprocal, e.status,
                        e.mode, furniture=e.furniture, confidence=e.confidence, index=index,
                        sentence=document.text[document.sentences[e.sentence].start:
                                               document.sentences[e.sentence].end])
            for index, e in enumerate(document.events)], score)
        if arguments.trace == record["id"]:
            for step in steps.steps:
                print(f"  s{step.sentence} {step.stage}: {step.message}")
            for token in document.tokens:
                print(f"    {token.index} {token.text} {token.lemma} {token.pos}({token.features})"
                      f" {token.deprel}->{token.head}")
        for gold in record["events"]:
            if not gold.get("required", True) or not gold["actor"]:
                continue  # an event without a gold actor has no triple to score
            # Several actors and no recipient is mutual action, as the scorer reads it.
            found = [(set(e.actor), set(e.recipient),
                      e.reciprocal or (len(set(e.actor)) >= 2 and not e.recipient))
                     for e in document.events if e.type == gold["type"]]
            outcome = _outcome(gold, found, linked)
            if outcome == "no trigger" and gold["type"] in triggered:
                outcome = "dropped"
                reasons.update(step.message.split(": ", 1)[-1] for step in steps.steps
                               if step.stage == "dropped")
            table[gold.get("form", "?")][outcome] += 1
            if arguments.subjects and outcome not in {"no trigger", "dropped", "unlinked"}:
                kinds = [e for e in document.events if e.type == gold["type"]
                         and e.trigger_token is not None]
                best = next((e for e in kinds if set(e.actor) & set(gold["actor"])), None)
                event = best or (kinds[0] if kinds else None)
                if event is not None:
                    subjects[gold.get("form", "?")][_subject_outcome(
                        document, event, set(gold["actor"]))] += 1
            if arguments.show == outcome:
                print(f"[{record['id']}] ({gold.get('form', '?')}) "
                      f"{gold.get('evidence') or record['text'][:120]}\n"
                      f"   gold {gold['actor']} -> {gold.get('recipient')}"
                      f"{' (reciprocal)' if gold.get('reciprocal') else ''}; system "
                      f"{[(sorted(a), sorted(r), m) for a, r, m in found]}")
    print("| form | " + " | ".join(OUTCOMES) + " | right of found |")
    print("|---|" + "---|" * (len(OUTCOMES) + 1))
    total: Counter[str] = Counter()
    for form in sorted(table, key=lambda f: -sum(table[f].values())):
        counts = table[form]
        total.update(counts)
        print(_row(form, counts))
    print(_row("**all**", total))
    if arguments.show in {"fp", "missed"}:
        # The strict scorer's own errors: system triples it did not match, gold triples
        # nothing matched.
        kind, tag = ("false positive", "FP") if arguments.show == "fp" else ("missed", "FN")
        for error in score.errors:
            if error.kind == kind and error.layer == "event":
                print(f"{tag} {error.what}\n   {error.evidence[:160]}")
    if arguments.subjects:
        _print_subjects(subjects)
    strict, actor_level = score.events_strict, score.events_actor
    print(f"\nstrict P/R/F1 {strict.p or 0:.3f}/{strict.r or 0:.3f}/{strict.f1 or 0:.3f}; "
          f"actor-level F1 {actor_level.f1 or 0:.3f}")
    print("\nWhy triggers of the gold type were dropped (texts with a dropped event):")
    for reason, count in reasons.most_common(12):
        print(f"- {count} {reason}")


SUBJECT_OUTCOMES = ("both", "su only", "order only", "neither")


def _subject_outcome(document: Document, event: Event, actor: set[str]) -> str:
    """Is the gold actor Frog's ``su`` of the trigger's clause, the word-order subject
    (the clause's first bare coded phrase, as the coder reads it), both or neither?"""
    own = clause_of(document, event.sentence, event.trigger_token or 0)
    verbs = {i for i in own if document.tokens[i].pos == "WW"}
    su = next((i for i in sorted(own) if document.tokens[i].deprel == "su"
               and document.tokens[i].head in verbs), None)
    su_codes: set[str] = set()
    if su is not None:
        # The su head's phrase: it and every token that depends on it, in the clause.
        phrase = {su}
        for _ in range(4):
            phrase |= {i for i in own if document.tokens[i].head in phrase}
        su_codes = {m.code for m in document.sentence_mentions(event.sentence) if m.code
                    and any(document.tokens[i].start < m.end and m.start < document.tokens[i].end
                            for i in phrase)}
    bare = [g for g in groups_in(document, event.sentence)
            if g.preposition is None and not g.place and g.first_token in own]
    order_codes = set(bare[0].codes) if bare else set()
    by_su, by_order = bool(su_codes & actor), bool(order_codes & actor)
    return SUBJECT_OUTCOMES[0 if by_su and by_order else 1 if by_su else 2 if by_order else 3]


def _print_subjects(subjects: dict[str, Counter[str]]) -> None:
    print("\nWho is the gold actor: Frog's su of the trigger's clause, or the first bare "
          "phrase (word order)?\n")
    print("| form | " + " | ".join(SUBJECT_OUTCOMES) + " |")
    print("|---|" + "---|" * len(SUBJECT_OUTCOMES))
    total: Counter[str] = Counter()
    for form in sorted(subjects, key=lambda f: -sum(subjects[f].values())):
        total.update(subjects[form])
        print(f"| {form} | " + " | ".join(str(subjects[form][o]) for o in SUBJECT_OUTCOMES)
              + " |")
    print("| **all** | " + " | ".join(str(total[o]) for o in SUBJECT_OUTCOMES) + " |")


def _row(form: str, counts: Counter[str]) -> str:
    found = sum(counts.values()) - counts["dropped"] - counts["no trigger"]
    share = f"{counts['right'] / found:.2f}" if found else "-"
    return f"| {form} | " + " | ".join(str(counts[o]) for o in OUTCOMES) + f" | {share} |"


if __name__ == "__main__":
    main()
