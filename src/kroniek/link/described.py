"""Persons the KB does not know, described by nationality, party or office, act for that state.

*de Amerikaanse Democrate Nancy Pelosi* -> USA; *de Republikeinse senator John Miller* ->
USA (LEG); *de Russische generaal Ivan Petrov* (a role phrase, see roles.py) -> RUS (MIL).
Later in the article the surname (*Pelosi*) or the describing word (*de Democrate*, *de
generaal*) refers to the same person. Without a nationality or party in the phrase the
person stays unlinked: a name alone says nothing of whom it acts for.
"""

from __future__ import annotations

from kroniek.kb.text import fold, key
from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate
from kroniek.link.states import state_of


def _descriptor(ctx: LinkContext, word: str) -> str | None:
    folded = fold(word)
    words = ctx.words
    return folded if folded in words.descriptor_nouns or folded in words.party_members else None


def _adjective_state(ctx: LinkContext, word: str) -> str | None:
    for actor, route in ctx.kb.lookup(word):
        if route == "adjective" and actor.kind == "state":
            return actor.id
    return _party_state(ctx, ctx.words.party_adjectives.get(fold(word)))


def _party_state(ctx: LinkContext, code: str | None) -> str | None:
    state = ctx.kb.by_code(code) if code else None
    return state.id if state is not None else None


def _sector(ctx: LinkContext, descriptor: str) -> str | None:
    words = ctx.words
    if descriptor in words.descriptor_nouns:
        return words.descriptor_nouns[descriptor]
    return words.party_members[descriptor][1]


def _is_name(words: list[str]) -> bool:
    return bool(words) and all(word[:1].isupper() for word in words)


def _described(
    ctx: LinkContext, candidate: Candidate, picked: list[Candidate]
) -> Candidate | None:
    tokens, text = ctx.tokens, ctx.document.text
    words = text[candidate.start : candidate.end].split()
    state = descriptor = None
    first, start, rest = candidate.first, candidate.start, words
    if len(words) >= 3 and (adjective := _adjective_state(ctx, words[0])) and _descriptor(
        ctx, words[1]
    ):
        state, descriptor, rest = adjective, _descriptor(ctx, words[1]), words[2:]
    elif len(words) >= 2 and _descriptor(ctx, words[0]):
        descriptor, rest = _descriptor(ctx, words[0]), words[1:]
    else:
        before = candidate.first - 1
        if not ctx.in_sentence(before, candidate.sentence) or tokens[before].pos != "N":
            return None
        descriptor = _descriptor(ctx, tokens[before].lemma) or _descriptor(
            ctx, tokens[before].text
        )
        first, start = before, tokens[before].start
    if descriptor is None or not _is_name(rest):
        return None
    adjective_candidate = None
    if state is None and ctx.in_sentence(first - 1, candidate.sentence):
        word = tokens[first - 1]
        adjective_candidate = next(
            (c for c in picked if c.last == first - 1 and c.label == "ADJ"), None
        )
        if adjective_candidate is not None:
            state = state_of(ctx, adjective_candidate)
            first, start = adjective_candidate.first, adjective_candidate.start
        elif word.pos == "ADJ" and (party := _party_state(
            ctx, ctx.words.party_adjectives.get(fold(word.text))
        )):
            state, first, start = party, first - 1, word.start
    if state is None and descriptor in ctx.words.party_members:
        state = _party_state(ctx, ctx.words.party_members[descriptor][0])
    code = ctx.kb.code_of(state) if state else None
    if state is None or code is None:
        return None
    made = Candidate(
        sentence=candidate.sentence, first=first, last=candidate.last, start=start,
        end=candidate.end, label="PER", actor_id=state, method="described", score=0.7,
        rank=1, code=code, sector=_sector(ctx, descriptor),
    )
    remember(ctx, fold(rest[-1]), descriptor, made)
    return made


def remember(ctx: LinkContext, surname: str, descriptor: str, made: Candidate) -> None:
    assert made.actor_id is not None and made.code is not None
    for word in (surname, descriptor):
        ctx.described[word] = (made.actor_id, made.code, made.sector)


def _remember_role(ctx: LinkContext, candidate: Candidate) -> None:
    """"de Russische generaal Ivan Petrov" (an office whose holder the KB lacks, with the
    holder's name): remember the surname and the office noun."""
    tokens = ctx.tokens
    last = tokens[candidate.last]
    nouns = [tokens[i] for i in range(candidate.first, candidate.last) if tokens[i].pos == "N"]
    if not nouns or last.pos != "SPEC" or candidate.code is None:
        return
    words = fold(ctx.document.text[last.start : last.end]).split()
    if words:
        remember(ctx, words[-1], fold(nouns[-1].lemma), candidate)


def _person_or_unlinked(ctx: LinkContext, candidate: Candidate) -> bool:
    if candidate.code is not None or candidate.label == "ADJ":
        return False
    return candidate.actor_id is None or ctx.kb.actor(candidate.actor_id).kind == "person"


def _unmarked(ctx: LinkContext, sentence: int, picked: list[Candidate]) -> list[Candidate]:
    """Names Frog did not mark that are a described person's surname ("Pelosi sprak")."""
    if not ctx.described:
        return []
    info = ctx.document.sentences[sentence]
    found = []
    for index in range(info.token_start, info.token_end):
        token = ctx.tokens[index]
        if token.pos != "SPEC" or not token.text[:1].isupper():
            continue
        if any(c.start <= token.start < c.end for c in picked):
            continue
        if fold(token.text) in ctx.described:
            found.append(Candidate(
                sentence=sentence, first=index, last=index, start=token.start, end=token.end,
                label="PER", actor_id=None, method="ner", score=0.7,
            ))
    return found


def describe(ctx: LinkContext, sentence: int, picked: list[Candidate]) -> list[Candidate]:
    """This sentence's candidates with described persons and their later references linked."""
    picked = sorted([*picked, *_unmarked(ctx, sentence, picked)], key=lambda c: c.start)
    result = list(picked)
    for candidate in picked:
        if candidate.method == "role-office" and candidate.label == "PER":
            _remember_role(ctx, candidate)
        word = key(ctx.document.text[candidate.start : candidate.end])
        if " " not in word and word in ctx.described and _person_or_unlinked(ctx, candidate):
            # "Cohen" after "de Israëlische minister Avi Cohen": him, not another Cohen
            candidate.actor_id, candidate.code, candidate.sector = ctx.described[word]
            candidate.method, candidate.score = "coref-described", 0.7
            continue
        if (
            candidate.actor_id is not None or candidate.code is not None
            or candidate.label == "ADJ" or candidate.pending is not None
        ):
            continue
        made = _described(ctx, candidate, result)
        if made is not None:
            result = [c for c in result if not c.overlaps(made)] + [made]
    return sorted(result, key=lambda c: c.start)
