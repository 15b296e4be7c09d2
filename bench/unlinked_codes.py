"""Why gold actor and recipient codes are not among the linked mentions (issue 11, part 4).

For every required gold event of the composed corpus (tests/data/composed) whose actor or
recipient code no linked mention of the text carries, each missing code is sorted into
one cause by looking at the event's evidence sentence:

- ``named: no mention``: words the KB knows as that actor (a name, adjective, demonym,
  capital or seat of power) are there, and the linker made no mention of them;
- ``named: no code (METHOD)``: it made a mention of them without a code (a national, a
  place);
- ``named: other code``: it gave them another code;
- ``side: ...``: for ``ISO3-SECTOR`` codes, the same for the noun of the side (*betogers*,
  *de rebellen*, *burgers*): ``no mention``, ``other code`` (the wrong state or sector),
  or ``no side noun`` when the sentence has none the word lists know (*tienduizenden
  mensen*, *vrouwen*);
- ``state without sector``: the sector code's state is linked, but only as the state;
- ``elsewhere in text``: the sentence does not name the actor, another sentence does;
- ``coded from the event's place``: no mention carries it, but the event coder took it
  from the place of an event in the text (extract/location.py);
- ``not named``: no word of the text names it (the reader infers it, e.g. a city's
  state) or the KB does not know the code.

``unlinked`` events (as in bench/argument_confusion.py: their type was found) are
tabulated apart from all gold events, since a linking miss in a text whose trigger was
missed costs nothing yet. ``--show CAUSE`` prints the cases of one cause (a prefix is
enough). Uses the Frog cache of bench/argument_confusion.py.

Usage: python bench/unlinked_codes.py [--cache FILE] [--only TYPE] [--show CAUSE]
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from argument_confusion import _analysed, _outcome, _records  # bench/ is on the path
from kroniek.kb import KnowledgeBase
from kroniek.kb.text import fold
from kroniek.link.context_words import load_context_words
from kroniek.link.lexicon import load_lexicon
from kroniek.model import Document, Mention, Token
from kroniek.pipeline import load_component

_NGRAM = 4


@dataclass
class Missing:
    record: str
    code: str
    role: str  # actor or recipient
    cause: str
    words: str  # the words that should carry the code
    made: str  # what the linker made of them
    evidence: str
    outcome: str


def _sentence_tokens(document: Document, evidence: str) -> list[Token]:
    """The tokens of the sentences the evidence lies in (the whole text if not found)."""
    start = document.text.find(evidence) if evidence else -1
    if start < 0:
        return document.tokens
    end = start + len(evidence)
    tokens = [t for t in document.tokens
              if document.sentences[t.sentence].start < end
              and start < document.sentences[t.sentence].end]
    return tokens or document.tokens


def _carriers(kb: KnowledgeBase, document: Document, tokens: list[Token],
              state: str) -> list[tuple[int, int, str]]:
    """Spans (start, end, route) of words the KB reads as the actor with code ``state``.

    Words, not tokens: Frog glues names into one token ("Kiev_dinsdag_Moskou")."""
    words = [(token.sentence, token.start + m.start(), token.start + m.end())
             for token in tokens
             for m in re.finditer(r"\S+", document.text[token.start:token.end])]
    found: list[tuple[int, int, str]] = []
    covered = -1
    for position, (sentence, start, _) in enumerate(words):
        if start < covered:
            continue
        for size in range(min(_NGRAM, len(words) - position), 0, -1):
            last_sentence, _, end = words[position + size - 1]
            if last_sentence != sentence:
                continue
            surface = document.text[start:end].strip(".,;:'\"()")
            routes = [route for actor, route in kb.lookup(surface)
                      if kb.code_of(actor.id) == state or _place_of(kb, actor.id) == state]
            if routes:
                found.append((start, end, routes[0]))
                covered = end
                break
    return found


def _place_of(kb: KnowledgeBase, actor_id: str) -> str | None:
    """A city's or region's state code (Tbilisi -> GEO)."""
    actor = kb.actor(actor_id)
    if actor.kind != "place" or not actor.parent:
        return None
    return kb.code_of(actor.parent)


def _made(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


def _describe(mentions: list[Mention]) -> str:
    return "; ".join(f"{m.text!r} {m.code or '-'}"
                     f"{'/' + m.sector if m.sector else ''} ({m.method})"
                     for m in mentions) or "nothing"


def _side_nouns(tokens: list[Token], sector: str) -> list[Token]:
    """Nouns the linker's word lists give the sector (betogers ACT, rebellen REB)."""
    words, lexicon = load_context_words(), load_lexicon()
    found = []
    for token in tokens:
        if token.pos != "N":
            continue
        lemma, text = fold(token.lemma), fold(token.text)
        sectors = {words.domestic_sides.get(lemma), words.domestic_sides.get(text),
                   words.generic_nouns.get(lemma), words.generic_nouns.get(text)}
        head = lexicon.non_state_head(lemma)
        if head is not None:
            sectors.add(lexicon.non_state_nouns[head])
        if sector in sectors:
            found.append(token)
    return found


def _cause(kb: KnowledgeBase, document: Document, code: str,
           evidence: str) -> tuple[str, str, str]:
    """(cause, the words, what the linker made of them) for one missing code."""
    tokens = _sentence_tokens(document, evidence)
    state, _, sector = code.partition("-")
    actor = kb.by_code(state)
    if actor is None:
        return "not named (code unknown to the KB)", "", ""
    mentions = document.mentions
    carriers = _carriers(kb, document, tokens, state)
    if sector:
        nouns = _side_nouns(tokens, sector)
        if not nouns:
            state_linked = any(m.code == state for m in mentions)
            words = "; ".join(document.text[s:e] for s, e, _ in carriers)
            if state_linked and carriers:
                return "side: no side noun (state linked)", words, _describe(
                    [m for s, e, _ in carriers for m in _made(mentions, s, e)])
            return "side: no side noun", words, ""
        over = [m for t in nouns for m in _made(mentions, t.start, t.end)]
        words = "; ".join(t.text for t in nouns)
        coded = [m for m in over if m.code]
        if not over or not coded:
            return "side: no mention", words, _describe(over)
        if any(m.code == state for m in coded):
            return "state without sector", words, _describe(over)
        return "side: other code", words, _describe(over)
    if carriers:
        over = [m for s, e, _ in carriers for m in _made(mentions, s, e)]
        words = "; ".join(f"{document.text[s:e]} ({route})" for s, e, route in carriers)
        if not over:
            return f"named: no mention ({carriers[0][2]})", words, ""
        coded = [m for m in over if m.code]
        if not coded:
            return f"named: no code ({over[0].method})", words, _describe(over)
        return "named: other code", words, _describe(over)
    if _carriers(kb, document, document.tokens, state):
        return "elsewhere in text", "", ""
    return "not named", "", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kroniek-composed-frog.pkl"))
    parser.add_argument("--only", help="one PLOVER type's file")
    parser.add_argument("--show", help="print the cases whose cause starts with this")
    arguments = parser.parse_args()
    records = _records(arguments.only)
    documents = _analysed(records, arguments.cache)
    linker, extractor = load_component("link"), load_component("extract")
    kb: KnowledgeBase = linker.kb
    missing: list[Missing] = []
    events = codes = 0
    for record in records:
        document = pickle.loads(pickle.dumps(documents[record["id"]]))
        linker(document)
        extractor(document)
        linked = {m.code for m in document.mentions if m.code}
        # The event coder also codes a target from the place an attack is in (location.py).
        placed = {code for e in document.events for code in e.recipient} - linked
        for gold in record["events"]:
            if not gold.get("required", True) or not gold["actor"]:
                continue
            events += 1
            found = [(set(e.actor), set(e.recipient),
                      e.reciprocal or (len(set(e.actor)) >= 2 and not e.recipient))
                     for e in document.events if e.type == gold["type"]]
            outcome = _outcome(gold, found, linked)
            for role in ("actor", "recipient"):
                for code in gold.get(role) or []:
                    codes += 1
                    if code in linked:
                        continue
                    cause, words, made = _cause(kb, document, code, gold.get("evidence", ""))
                    if code in placed:
                        cause = "coded from the event's place"
                    missing.append(Missing(record["id"], code, role, cause, words, made,
                                           gold.get("evidence", ""), outcome))
    unlinked = [m for m in missing if m.outcome == "unlinked"]
    print(f"{events} required gold events with an actor, {codes} gold codes; "
          f"{len(missing)} codes not linked ({len({(m.record, m.evidence) for m in missing})}"
          f" events), {len(unlinked)} of them in 'unlinked' events "
          f"({len({(m.record, m.evidence) for m in unlinked})} events)\n")
    print("| cause | codes in unlinked events | codes in all events |")
    print("|---|---|---|")
    everywhere = Counter(m.cause for m in missing)
    in_unlinked = Counter(m.cause for m in unlinked)
    for cause, count in everywhere.most_common():
        print(f"| {cause} | {in_unlinked[cause]} | {count} |")
    print(f"| **all** | {len(unlinked)} | {len(missing)} |")
    sectors = Counter(m.code.partition("-")[2] or "(state/org)" for m in missing)
    print("\nmissing codes by sector: " + ", ".join(f"{s} {n}" for s, n in
                                                   sectors.most_common()))
    if arguments.show is not None:
        for m in missing:
            if m.cause.startswith(arguments.show):
                print(f"\n[{m.record}] {m.code} ({m.role}, {m.outcome}) {m.cause}\n"
                      f"   evidence: {m.evidence[:140]}\n   words: {m.words}\n"
                      f"   linker: {m.made}")


if __name__ == "__main__":
    main()
