"""Why the lexicon read no trigger of the gold type: the composed corpus's "no trigger" misses
(bench/argument_confusion.py) sorted by cause.

For each gold event with no system event and no trigger of its type, the tokens of its
evidence span are examined, and the first cause that holds is counted:

- (b) an entry of the gold type exists for a word of the span but did not match: a
  ``needs``/``unless`` condition, a te-infinitive or nominal infinitive, a separable verb
  whose particle was not found, an inflected form whose Frog lemma differs from the entry, a
  light-verb noun whose verb is not among the entry's verbs, a compound noun whose head has
  an entry, an idiom with only some of its words;
- (c) another type's entry took the word, or another type was read in the span (which);
- (a) no entry of the gold type has any word of the span (a lexicon gap).

Usage: python bench/trigger_misses.py [--only TYPE] [--show CAUSE] [--words] [--markdown]
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from argument_confusion import _analysed, _records  # type: ignore[import-not-found]
from kroniek.extract import trace
from kroniek.extract.lexicon import (
    PARTICLES,
    Entry,
    Lexicon,
    _allowed,
    _complement_infinitive,
    _has_particle,
    _lemma,
    _nominal,
    _why_not,
    load_lexicon,
    token_candidates,
)
from kroniek.model import Document, Token
from kroniek.pipeline import load_component

# Words that carry no event of their own: auxiliaries and reporting verbs.
_EMPTY_VERBS = {"zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "willen", "mogen",
                "zeggen", "melden", "laten", "gaan", "komen", "blijven", "lijken"}


def _span_tokens(document: Document, evidence: str | None) -> list[Token]:
    """The tokens of the gold evidence, else of the whole text."""
    start = document.text.find(evidence) if evidence else -1
    if start < 0:
        return list(document.tokens)
    end = start + len(evidence or "")
    return [t for t in document.tokens if t.start >= start and t.end <= end]


def _sentence(document: Document, token: Token) -> list[Token]:
    return [t for t in document.tokens if t.sentence == token.sentence]


def _typed(entries: list[Entry], kind: str) -> list[Entry]:
    return [entry for entry in entries if entry.type == kind]


def _cause(kind: str, span: list[Token], document: Document, lexicon: Lexicon,
           triggers: dict[int, str], other_gold: set[str]) -> tuple[str, str]:
    """(cause, detail) of one miss; the cause's first letter is its group a/b/c."""
    for token in span:
        sentence = _sentence(document, token)
        lemmas = {_lemma(t) for t in sentence} | {t.text.lower() for t in sentence}
        candidates = token_candidates(sentence, token, lexicon)
        mine = _typed(candidates, kind)
        if mine:
            won = triggers.get(token.index)
            if won and won != kind:
                return f"c other type took the word ({won})", f"{token.text}: {won}"
            if not any(_allowed(entry, lemmas) for entry in mine):
                return "b needs/unless condition", f"{token.text}: {mine[0].rule} " + "; ".join(
                    _why_not(entry, lemmas)[:70] for entry in mine)
            if token.pos == "WW" and _complement_infinitive(sentence, token):
                return "b te-infinitive", f"{token.text}: {mine[0].rule}"
            if token.pos == "WW" and _nominal(sentence, token):
                return "b nominal infinitive", f"{token.text}: {mine[0].rule}"
            first = next((e for e in candidates if _allowed(e, lemmas)), None)
            if first is not None and first.type != kind:
                return (f"c other type took the word ({first.type})",
                        f"{token.text}: {first.rule} ({first.type})")
            return "b matched word used by another entry", f"{token.text}: {mine[0].rule}"
    for token in span:
        sentence = _sentence(document, token)
        lemma, text = _lemma(token), token.text.lower()
        if token.pos == "WW":
            for particle in PARTICLES:
                entries = _typed(lexicon.separable.get((particle, lemma), []), kind)
                if entries and any(_lemma(t) == particle for t in sentence) and not any(
                        _has_particle(sentence, token, particle, e.loose_particle)
                        for e in entries):
                    return "b separable particle not found", f"{token.text} ... {particle}"
            known = _typed(lexicon.forms.get(text, []), kind)
            if known:
                return "b Frog lemma differs", f"{token.text} -> {lemma}: {known[0].rule}"
        elif _typed(lexicon.verbs.get(lemma, []) + lexicon.forms.get(text, []), kind):
            return "b verb form not tagged a verb", f"{token.text} ({token.pos})"
        if token.pos == "N":
            light = _typed(lexicon.light_nouns.get(lemma, []) + [
                entry for head, entry in lexicon.light_heads if lemma.endswith(head)], kind)
            if light:
                verbs = sorted({_lemma(t) for t in sentence if t.pos == "WW"} - _EMPTY_VERBS)
                return ("b light-verb noun without one of its verbs",
                        f"{lemma} + {'/'.join(verbs) or '-'}")
            heads = [noun for noun, entries in lexicon.nouns.items()
                     if len(noun) > 3 and lemma.endswith(noun) and lemma != noun
                     and _typed(entries, kind)]
            if heads:
                return "b compound noun, head has an entry", f"{lemma} ({heads[0]})"
            if _typed(lexicon.nouns.get(text, []), kind):
                return "b Frog lemma differs", f"{token.text} -> {lemma}"
    span_lemmas = [_lemma(t) for t in span]
    for words, entry in lexicon.idioms:
        if entry.type != kind or len(words) < 2:
            continue
        present = [w for w in words if w in span_lemmas or w + "en" in span_lemmas]
        # all words but one (of three or more), or all of them in another order
        in_order = len(present) == len(words)
        if in_order or (len(words) >= 3 and len(present) == len(words) - 1
                        and any(len(w) > 3 for w in present)):
            missing = [w for w in words if w not in present]
            return ("b idiom incomplete or in another order",
                    f"{entry.rule} (missing {', '.join(missing) or 'order'})")
    read = sorted({won for index, won in triggers.items()
                   if won != kind and won not in other_gold
                   and any(t.index == index for t in span)})
    if read:
        return f"c read as another type ({read[0]})", ", ".join(read)
    words = [_lemma(t) for t in span if (t.pos == "WW" and _lemma(t) not in _EMPTY_VERBS)
             or t.pos == "N"]
    return "a lexicon gap", " ".join(words[:8])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kroniek-composed-frog.pkl"))
    parser.add_argument("--only", help="one PLOVER type's file")
    parser.add_argument("--show", help="print the misses whose cause starts with this")
    parser.add_argument("--words", action="store_true",
                        help="list the span words of the lexicon gaps, by type")
    arguments = parser.parse_args()
    records = _records(arguments.only)
    documents = _analysed(records, arguments.cache)
    linker, extractor = load_component("link"), load_component("extract")
    lexicon = load_lexicon()
    causes: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    gaps: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        document = pickle.loads(pickle.dumps(documents[record["id"]]))
        linker(document)
        with trace.tracing() as steps:
            extractor(document)
        triggers: dict[int, str] = {}
        for step in steps.steps:
            detail: dict[str, Any] = step.detail
            if step.stage == "trigger" and detail.get("token") is not None:
                triggers.setdefault(detail["token"], detail["type"])
        triggered = set(triggers.values())
        coded = {e.type for e in document.events}
        gold_types = [g["type"] for g in record["events"]]
        for gold in record["events"]:
            kind = gold["type"]
            if not gold.get("required", True) or not gold["actor"] or kind in coded \
                    or kind in triggered:
                continue
            span = _span_tokens(document, gold.get("evidence"))
            other = set(gold_types) - {kind}
            cause, detail_text = _cause(kind, span, document, lexicon, triggers, other)
            group = cause.split(" (")[0]
            causes[group] += 1
            by_type[kind][cause[0]] += 1
            if cause.startswith("a"):
                gaps[kind].update(detail_text.split())
            if arguments.show and cause.startswith(arguments.show):
                print(f"[{record['id']}] {kind} {cause}: {detail_text}\n"
                      f"   {gold.get('evidence') or record['text'][:140]}")
    total = sum(causes.values())
    print(f"\n{total} no-trigger misses\n\n| cause | misses |\n|---|---|")
    for cause, count in causes.most_common():
        print(f"| {cause} | {count} |")
    print("\n| type | (a) gap | (b) entry did not match | (c) other type | all |")
    print("|---|---|---|---|---|")
    for kind in sorted(by_type, key=lambda k: -sum(by_type[k].values())):
        counts = by_type[kind]
        print(f"| {kind} | {counts['a']} | {counts['b']} | {counts['c']} | "
              f"{sum(counts.values())} |")
    if arguments.words:
        for kind in sorted(gaps):
            print(f"\n{kind}: " + ", ".join(f"{w} {n}" for w, n in gaps[kind].most_common(40)))


if __name__ == "__main__":
    main()
