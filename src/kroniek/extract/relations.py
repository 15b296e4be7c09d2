"""Relations stated in text: member_of, leads, allied_with, hosts_base_of, supplies_arms_to,
partner_of, claims, controls.

Patterns are Dutch lemma sequences from ``data/relations.yaml``; their arguments are the
linked mentions around a match. Enumerations yield one relation per member, counted phrases
("de twee landen", "beide ex-Sovjetrepublieken") and place nouns ("het gebied") point back
at earlier mentions, and an organisation described but not named ("een militair
bondgenootschap") is found in the KB by the members the sentence lists.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kroniek.datafiles import load_yaml
from kroniek.kb import KnowledgeBase
from kroniek.model import Document, Mention, Relation, Token

COMPONENT = "extract.relations"
_GAP = 6  # tokens a "*" may skip
# Words that may sit between the members of an enumeration ("X, Y en Z").
_JOINERS = re.compile(r"^[\s,]*(?:(?:en|of|als ook|alsook|evenals|and)\s+)?(?:de|het)?\s*$", re.I)
_YEAR = re.compile(r"\b(?:sinds|vanaf|sedert|in)\s+(1[89]\d\d|20\d\d)\b", re.I)


@dataclass(frozen=True)
class Pattern:
    type: str
    steps: tuple[frozenset[str] | None, ...]  # None is a gap
    source: str
    target: str | None
    many: bool
    pairwise: bool
    source_kinds: frozenset[str]
    target_kinds: frozenset[str]
    require_target: bool
    nearest_target: bool


@dataclass
class Arg:
    """A linked mention, or a phrase resolved to one or more actors."""

    start: int
    end: int
    actors: tuple[str, ...]  # KB ids
    codes: tuple[str | None, ...]  # acts-for codes of the mention, per actor


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    military: frozenset[str]
    general: frozenset[str]
    place_nouns: frozenset[str]
    group_nouns: frozenset[str]
    counts: dict[str, int]


def relation_types() -> list[str]:
    """Every type of relation the text reader states (member_of, leads, ...)."""
    return sorted({pattern.type for pattern in lexicon().patterns})


def _steps(pattern: str) -> tuple[frozenset[str] | None, ...]:
    return tuple(
        None if part == "*" else frozenset(part.lower().split("|")) for part in pattern.split()
    )


def _pattern(kind: str, sequence: str, entry: dict[str, Any]) -> Pattern:
    return Pattern(
        type=kind, steps=_steps(sequence), source=entry["source"],
        target=entry.get("target"), many=bool(entry.get("many")),
        pairwise=bool(entry.get("pairwise")),
        source_kinds=frozenset(entry.get("source_kinds", ())),
        target_kinds=frozenset(entry.get("target_kinds", ())),
        require_target=bool(entry.get("require_target")),
        nearest_target=bool(entry.get("nearest_target")),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data: dict[str, Any] = load_yaml(
        resources.files("kroniek.extract").joinpath("data/relations.yaml").read_text("utf-8")
    )
    patterns = []
    for kind, entries in data["relations"].items():
        for entry in entries:
            sequences = entry["pattern"]
            for sequence in [sequences] if isinstance(sequences, str) else sequences:
                patterns.append(_pattern(kind, sequence, entry))

    unnamed, anaphora = data["unnamed_orgs"], data["anaphora"]
    return Lexicon(
        patterns=tuple(patterns), military=frozenset(unnamed["military"]),
        general=frozenset(unnamed["general"]), place_nouns=frozenset(anaphora["places"]),
        group_nouns=frozenset(anaphora["groups"]), counts=dict(anaphora["counts"]),
    )


def _match(lemmas: list[str], steps: tuple[frozenset[str] | None, ...], at: int) -> int | None:
    """End (exclusive) of a match of ``steps`` starting at token ``at``, or None."""
    if not steps:
        return at
    step, rest = steps[0], steps[1:]
    if step is None:
        for skip in range(_GAP + 1):
            end = _match(lemmas, rest, at + skip)
            if end is not None:
                return end
        return None
    if at < len(lemmas) and lemmas[at] in step:
        return _match(lemmas, rest, at + 1)
    return None


def _lemma(token: Token) -> str:
    return token.lemma.lower()


class _Context:
    """What one document offers for argument resolution."""

    def __init__(self, document: Document, kb: KnowledgeBase, day: dt.date) -> None:
        self.document, self.kb, self.day = document, kb, day
        self.lex = lexicon()
        self.by_sentence: dict[int, list[Arg]] = {}
        seen: set[tuple[int, int, str]] = set()
        for mention in sorted(document.mentions, key=lambda m: (m.start, -m.end)):
            if not mention.actor_id or mention.actor_id not in kb:
                continue
            if mention.method == "coref-plural":
                continue  # this extractor resolves "de twee landen" itself, per relation
            if (mention.start, mention.end, mention.actor_id) in seen:
                continue
            seen.add((mention.start, mention.end, mention.actor_id))
            self.by_sentence.setdefault(mention.sentence, []).append(self._arg(mention))

    def _arg(self, mention: Mention) -> Arg:
        return Arg(mention.start, mention.end, (mention.actor_id or "",), (mention.code,))

    def kind(self, actor_id: str, code: str | None) -> set[str]:
        actor = self.kb.get(actor_id)
        if actor is None:
            return set()
        kinds = {actor.kind}
        if actor.kind == "person" and code:
            # A person acting in an office counts as the state or organisation of it.
            body = self.kb.by_code(code)
            if body is not None:
                kinds.add(body.kind)
        return kinds

    def mentions(self, sentence: int) -> list[Arg]:
        """Linked mentions plus resolved anaphoric phrases, in text order, no overlaps."""
        args = list(self.by_sentence.get(sentence, []))
        args.extend(self._anaphora(sentence, args))
        args.sort(key=lambda a: (a.start, -(a.end - a.start)))
        kept: list[Arg] = []
        for arg in args:
            if kept and arg.start < kept[-1].end:
                continue  # nested mention of the same phrase ("Russische" in a role phrase)
            kept.append(arg)
        return kept

    def _anaphora(self, sentence: int, named: list[Arg]) -> list[Arg]:
        document, lex = self.document, self.lex
        tokens = document.sentence_tokens(sentence)
        found: list[Arg] = []
        for i, token in enumerate(tokens):
            lemma = _lemma(token)
            prev = _lemma(tokens[i - 1]) if i else ""
            prev2 = _lemma(tokens[i - 2]) if i > 1 else ""
            if lemma in lex.place_nouns and prev in ("het", "de", "die", "dat", "deze"):
                place = self._earlier(sentence, token.start, 1, {"place"}, set())
                if place:
                    found.append(Arg(tokens[i - 1].start, token.end, place, (None,)))
            elif lemma in lex.group_nouns and token.text.lower() != lemma:
                count_word = prev if prev in lex.counts else prev2 if prev2 in lex.counts else ""
                if not count_word:
                    continue
                first = i - (1 if prev == count_word else 2)
                if first > 0 and _lemma(tokens[first - 1]) in ("de", "die", "deze"):
                    first -= 1
                # The states named earlier in this sentence are the contrast set ("samen met
                # X en Y vormen de twee landen ..."), never the referents.
                exclude = {a.actors[0] for a in named if a.end <= token.start}
                states = self._earlier(
                    sentence, tokens[first].start, lex.counts[count_word], {"state"}, exclude
                )
                if len(states) == lex.counts[count_word]:
                    found.append(Arg(tokens[first].start, token.end, states, (None,) * len(states)))
        return found

    def _earlier(
        self, sentence: int, before: int, count: int, kinds: set[str], exclude: set[str]
    ) -> tuple[str, ...]:
        """The ``count`` latest distinct actors of ``kinds`` named before offset ``before``,
        looking back at most three sentences."""
        picked: list[str] = []
        for index in range(sentence, max(sentence - 4, -1), -1):
            candidates = [a for a in self.by_sentence.get(index, []) if a.end <= before]
            if index != sentence:
                candidates = list(self.by_sentence.get(index, []))
            for arg in sorted(candidates, key=lambda a: -a.start):
                for actor_id in arg.actors:
                    actor = self.kb.get(actor_id)
                    if actor is None or actor.kind not in kinds:
                        continue
                    ident = self.kb.code_of(actor_id) or actor_id
                    if actor_id in exclude or ident in picked:
                        continue
                    if any(self.kb.code_of(e) == ident for e in exclude):
                        continue
                    picked.append(actor_id)
                    if len(picked) == count:
                        return tuple(picked)
        return tuple(picked)


def _enumeration(text: str, args: list[Arg], first: int, step: int) -> list[Arg]:
    """``args[first]`` and its neighbours joined by commas and "en" (walking by ``step``)."""
    chosen = [args[first]]
    index = first + step
    while 0 <= index < len(args):
        left, right = (args[index], chosen[-1]) if step < 0 else (chosen[-1], args[index])
        if not _JOINERS.match(text[left.end : right.start]):
            break
        chosen.append(args[index])
        index += step
    return chosen


def _ok(ctx: _Context, arg: Arg, kinds: frozenset[str]) -> bool:
    return all(kinds & ctx.kind(a, c) for a, c in zip(arg.actors, arg.codes, strict=True))


def _ident(ctx: _Context, actor_id: str, code: str | None, keep_person: bool) -> str:
    actor = ctx.kb.get(actor_id)
    if actor is not None and actor.kind == "person":
        return actor_id if keep_person else (code or actor_id)
    return ctx.kb.code_of(actor_id) or actor_id


def _described_at(
    ctx: _Context, tokens: list[Token], end: int, limit: int | None
) -> tuple[bool, bool]:
    """Whether an organisation is described (not named) right after the trigger, before
    offset ``limit``; and whether the description says it is military."""
    window: list[str] = []
    for token in tokens:
        if token.index < end:
            continue
        if token.pos == "LET" or len(window) == 8 or (limit is not None and token.start >= limit):
            break
        window.append(_lemma(token))
    military = any(lemma in ctx.lex.military for lemma in window)
    general = any(lemma in ctx.lex.general for lemma in window)
    return military or general, military or ("militair" in window and general)


def _unnamed_org(ctx: _Context, members: list[str], military: bool) -> str | None:
    """The smallest KB organisation whose members at the article's date include all stated
    members; only alliances with a defence clause when the description is military."""
    states = {m for m in members if (a := ctx.kb.get(m)) is not None and a.kind == "state"}
    if len(states) < 2:
        return None
    with_clause = {c.alliance for c in ctx.kb.defence_clauses()}
    best: tuple[int, str] | None = None
    for actor in ctx.kb.all_actors():
        if actor.kind != "igo" or (military and actor.id not in with_clause):
            continue
        roster = set(ctx.kb.members(actor.id, ctx.day))
        if states <= roster and (best is None or len(roster) < best[0]):
            best = (len(roster), actor.id)
    return best[1] if best else None


def _validity(document: Document, sentence_text: str) -> tuple[dt.date | None, dt.date | None]:
    published = document.published
    start = published.start if published else None
    end = published.end if published else None
    year = _YEAR.search(sentence_text)
    if year and (end is None or int(year.group(1)) <= end.year):
        start = dt.date(int(year.group(1)), 1, 1)
    return start, end


def _sentence_relations(ctx: _Context, sentence: int) -> list[Relation]:
    document = ctx.document
    tokens = document.sentence_tokens(sentence)
    lemmas = [_lemma(t) for t in tokens]
    text = document.text
    args = ctx.mentions(sentence)
    out: list[Relation] = []
    for pattern in ctx.lex.patterns:
        for at in range(len(tokens)):
            end = _match(lemmas, pattern.steps, at)
            if end is None:
                continue
            t_start, t_end = tokens[at].start, tokens[end - 1].end
            out.extend(_apply(ctx, pattern, sentence, tokens, args, text, t_start, t_end))
    return out


def _side(
    ctx: _Context, where: str | None, args: list[Arg], text: str, kinds: frozenset[str],
    t_start: int, t_end: int, many: bool, exclude: list[Arg],
) -> list[Arg]:
    pool = [a for a in args if a not in exclude and _ok(ctx, a, kinds)]
    if where == "sentence":
        return pool
    if where == "before":
        left = [a for a in pool if a.end <= t_start]
        return _enumeration(text, left, len(left) - 1, -1) if many and left else left[-1:]
    if where == "after":
        right = [a for a in pool if a.start >= t_end]
        return _enumeration(text, right, 0, 1) if many and right else right[:1]
    if where == "between":  # inside a gapped trigger: "eist Taiwan op"
        return [a for a in pool if a.start >= t_start and a.end <= t_end][:1]
    if where == "any":
        return [a for a in pool if a.start >= t_end][:1] or [
            a for a in pool if a.end <= t_start
        ][-1:]
    return []


def _apply(
    ctx: _Context, pattern: Pattern, sentence: int, tokens: list[Token], args: list[Arg],
    text: str, t_start: int, t_end: int,
) -> list[Relation]:
    kinds_t = pattern.target_kinds
    # For "source: before, target: between" the source is the subject before the object.
    targets: list[Arg] = []
    if pattern.target:
        targets = _side(ctx, pattern.target, args, text, kinds_t, t_start, t_end,
                        pattern.many and not pattern.nearest_target, [])
    if pattern.target == "between" and targets:
        sources = _side(ctx, "before", args, text, pattern.source_kinds, t_start, t_start,
                        pattern.many, targets)
    else:
        sources = _side(ctx, pattern.source, args, text, pattern.source_kinds, t_start, t_end,
                        pattern.many, targets)
    member_ids = [(a, c) for arg in sources for a, c in zip(arg.actors, arg.codes, strict=True)]
    target_ids: list[tuple[str, str | None]] = [
        (a, c) for arg in targets for a, c in zip(arg.actors, arg.codes, strict=True)
    ]
    if pattern.type == "member_of" and pattern.target == "after":
        token_end = next((t.index + 1 for t in tokens if t.end == t_end), tokens[-1].index + 1)
        named = [a for a in targets if text[a.start : a.start + 1].isupper()]
        limit = named[0].start if named else None
        described, military = _described_at(ctx, tokens, token_end, limit)
        if described:
            # A described organisation nearer the trigger than any named one is the target.
            org = _unnamed_org(ctx, [a for a, _ in member_ids], military)
            target_ids = [(org, None)] if org else []
    if pattern.require_target and not target_ids:
        return []
    sentence_text = ctx.document.sentence_text(sentence)
    valid_from, valid_to = _validity(ctx.document, sentence_text)
    pairs: list[tuple[str, str]] = []
    keep_person = pattern.type == "leads"
    if pattern.pairwise:
        ids = [_ident(ctx, a, c, keep_person) for a, c in member_ids]
        pairs = [(x, y) for x in ids for y in ids if x != y]
    else:
        for a, c in member_ids:
            for b, d in target_ids:
                pairs.append((_ident(ctx, a, c, keep_person), _ident(ctx, b, d, False)))
    spans = [t_start, t_end, *(a.start for a in sources + targets), *(a.end for a in sources)]
    spans.extend(a.end for a in targets)
    start, end = min(spans), max(spans)
    return [
        Relation(
            type=pattern.type, source=s, target=t, sentence=sentence, start=start, end=end,
            valid_from=valid_from, valid_to=valid_to, origin="text", component=COMPONENT,
            confidence=0.8,
        )
        for s, t in pairs
        if s != t
    ]


def find_relations(document: Document, kb: KnowledgeBase) -> list[Relation]:
    """Relations the linked ``document`` states, one per (type, source, target).

    Sources and targets are event codes (RUS, CSTO) where the actor has one, else KB ids
    (``nagorno-karabakh``; persons for ``leads``). Page furniture is skipped: a pull quote
    repeats body text and must not count twice.
    """
    if not document.sentences or not document.tokens:
        return []
    day = document.published.start if document.published else dt.date.today()
    ctx = _Context(document, kb, day)
    found: dict[tuple[str, str, str], Relation] = {}
    for sentence in document.sentences:
        if document.in_furniture(sentence.start):
            continue
        for relation in _sentence_relations(ctx, sentence.index):
            found.setdefault((relation.type, relation.source, relation.target), relation)
    return list(found.values())
