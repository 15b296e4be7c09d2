"""Generic references and unnamed domestic sides, resolved to the state the text is about.

*het leger*, *de regering*, *de autoriteiten*, *Defensie* -> that state's ISO3 with the
noun's sector (MIL, GOV, COP...); *de rebellen*, *de oppositie*, *demonstranten* ->
``ISO3-SECTOR`` (SYR-REB). The state, in order of evidence: a national adjective (*het
Syrische leger*), a *van*/*in*/*uit* complement (*de regering van Mali*, *de autoriteiten
in Minsk*), the state named before it in the sentence or in the previous one, the
article's main state. A complement that names no state (*de president van de
voetbalbond*, *een leger van vrijwilligers*) or an adjective the KB does not know (*het
Romeinse leger*) leaves the phrase unresolved: no guessing. A complement naming an
armed group or organisation (*de rebellen van M23*) makes the phrase that actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.kb import Actor
from kroniek.kb.text import fold
from kroniek.link.context import DETERMINER_POS, LinkContext
from kroniek.link.spans import Candidate
from kroniek.link.states import main_state, nearby_state, state_of

_MODIFIER_POS = frozenset({"ADJ", "SPEC", "TW"})
_GROUP_KINDS = frozenset({"armed_group", "organisation", "authority"})


def _is_determiner(ctx: LinkContext, index: int) -> bool:
    token = ctx.tokens[index]
    return token.pos in DETERMINER_POS or (token.pos == "VNW" and "det" in token.features)


@dataclass
class _Left:
    """What the words before a generic noun say."""

    first: int  # first token of the phrase
    state: str | None = None  # "het Syrische leger"
    blocked: bool = False  # "het Romeinse leger", "de Europese troepen"
    against: str | None = None  # "pro-Russische separatisten": not Russia's


def _pro_state(ctx: LinkContext, index: int) -> str | None:
    """The state a "pro-Russische" names (whose side the phrase is not)."""
    prefix, dash, rest = ctx.tokens[index].text.partition("-")
    if not dash or fold(prefix) not in ctx.words.pro_prefixes:
        return None
    for actor, route in ctx.kb.lookup(rest):
        if route == "adjective" and actor.kind == "state":
            return actor.id
    return None


def _modifiers(ctx: LinkContext, noun: int, at: dict[int, Candidate]) -> _Left | None:
    """Walk left from the noun over its modifiers; None for an indefinite phrase."""
    sentence = ctx.tokens[noun].sentence
    left = _Left(noun)
    index = noun - 1
    while ctx.in_sentence(index, sentence):
        token = ctx.tokens[index]
        if _is_determiner(ctx, index):
            if fold(token.text) == "een":
                return None  # "een leger van vrijwilligers": one of many, not a state's
            left.first = index
            return left
        if token.pos not in _MODIFIER_POS or token.text in ",;:":
            break
        against = _pro_state(ctx, index)
        if against is not None:
            left.against, left.first = against, index
            index -= 1
            continue
        candidate = at.get(index)
        if candidate is not None and candidate.actor_id is not None and left.state is None:
            left.state = state_of(ctx, candidate)
            left.blocked = left.blocked or left.state is None
            left.first = index = candidate.first
        elif left.state is None and _proper_adjective(ctx, index):
            left.blocked = True  # "Koerdische rebellen": a side we can't code
            left.first = index
        else:
            left.first = index
        index -= 1
    return left


def _proper_adjective(ctx: LinkContext, index: int) -> bool:
    """A capitalised adjective the KB does not know. At a sentence's start every word has a
    capital, so there only the endings of proper adjectives count ("Koerdische")."""
    token = ctx.tokens[index]
    if token.pos not in ("ADJ", "SPEC") or not token.text[:1].isupper():
        return False
    if index != ctx.document.sentences[token.sentence].token_start:
        return True
    return token.text.lower().endswith(tuple(ctx.words.proper_adjective_endings))


def _portfolio_end(ctx: LinkContext, index: int) -> int | None:
    """"ministerie van Defensie": the portfolio's last token after "van" at ``index``."""
    sentence = ctx.tokens[index].sentence
    if fold(ctx.tokens[index].text) != "van":
        return None
    for size in (3, 2, 1):
        last = index + size
        if ctx.in_sentence(last, sentence) and fold(ctx.surface(index + 1, last)) in (
            ctx.words.portfolios
        ):
            return last
    return None


def _complement(
    ctx: LinkContext, last: int, at: dict[int, Candidate]
) -> tuple[int, Actor | None, bool]:
    """A *van*/*in*/*uit* complement after token ``last``: (new last token, the actor it
    names, blocked because it names something else)."""
    sentence = ctx.tokens[last].sentence
    preposition = last + 1
    if not ctx.in_sentence(preposition, sentence):
        return last, None, False
    word = fold(ctx.tokens[preposition].text)
    if word not in ctx.words.complement_prepositions:
        return last, None, False
    index = preposition + 1
    while ctx.in_sentence(index, sentence) and _is_determiner(ctx, index):
        index += 1
    if ctx.in_sentence(index, sentence) and index not in at and (
        ctx.kb.office_key(ctx.tokens[index].text)
        or fold(ctx.tokens[index].text) in ctx.words.descriptor_nouns
    ):
        index += 1  # "de troepen van generaal Haftar"
    candidate = at.get(index)
    if candidate is not None and candidate.first == index and candidate.actor_id is not None:
        state = state_of(ctx, candidate)
        if state is not None:
            return candidate.last, ctx.kb.actor(state), False
        actor = ctx.kb.actor(candidate.actor_id)
        if word == "van" and actor.kind in _GROUP_KINDS:
            return candidate.last, actor, False
        return last, None, word == "van"
    # "van de voetbalbond", "van zijn tegenstanders": someone else's; "in het noorden" is
    # only where, and says nothing of whose.
    return last, None, word == "van"


def generic_candidates(
    ctx: LinkContext, sentence: int, names: list[Candidate]
) -> list[Candidate]:
    info = ctx.document.sentences[sentence]
    at: dict[int, Candidate] = {}
    for candidate in names:
        for index in range(candidate.first, candidate.last + 1):
            at.setdefault(index, candidate)
    found: list[Candidate] = []
    for index in range(info.token_start, info.token_end):
        made = _generic_at(ctx, index, sentence, at, names)
        if made is not None:
            found.append(made)
    return found


def _named_noun(ctx: LinkContext, index: int, start: int, at: dict[int, Candidate]) -> bool:
    """Is the noun part of a name ("het Leger des Heils", "Houthi-rebellen", "VN-troepen")?"""
    token = ctx.tokens[index]
    if token.text[:1].isupper() and fold(token.lemma) not in ctx.words.capitalised_generics:
        following = index + 1
        if index != start:
            return True
        if ctx.in_sentence(following, token.sentence) and (
            ctx.tokens[following].text[:1].isupper()
            or fold(ctx.tokens[following].text) in ("des", "der", "van de", "voor")
        ):
            return True
    prefix, dash, _ = token.text.partition("-")
    if dash and prefix[:1].isupper():
        return True
    candidate = at.get(index)
    return candidate is not None and candidate.actor_id is not None


def _leader_state(ctx: LinkContext, name: str) -> str | None:
    """The state a leader's name stands for in "de regering-Biden": the state the person
    acts for at the article's date, else the state of their latest role."""
    for actor, _ in ctx.kb.lookup(name):
        if actor.kind == "state":
            return actor.id
        if actor.kind != "person":
            continue
        code, _ = ctx.kb.acts_for(actor.id, ctx.day)
        if code is None and actor.roles:
            code = ctx.kb.code_of(max(actor.roles, key=lambda r: r.start or ctx.day).of)
        state = ctx.kb.by_code(code) if code else None
        if state is not None and state.kind == "state":
            return state.id
    return None


def _named_government(ctx: LinkContext, index: int, sentence: int) -> Candidate | None:
    """"de regering-Maduro", "het kabinet-Rutte", "het regime-Assad": a generic noun joined
    to its leader's name is that leader's state, with the noun's sector."""
    token = ctx.tokens[index]
    noun, dash, name = token.text.partition("-")
    if not dash or not name[:1].isupper() or fold(noun) not in ctx.words.generic_nouns:
        return None
    state = _leader_state(ctx, name)
    code = ctx.kb.code_of(state) if state else None
    if code is None:
        return None
    first = index - 1 if ctx.in_sentence(index - 1, sentence) and _is_determiner(
        ctx, index - 1) else index
    return Candidate(
        sentence=sentence, first=first, last=index, start=ctx.tokens[first].start,
        end=token.end, label="ORG", actor_id=state, method="generic-leader", score=0.8,
        rank=1, code=code, sector=ctx.words.generic_nouns[fold(noun)],
    )


def _generic_at(
    ctx: LinkContext, index: int, sentence: int, at: dict[int, Candidate],
    names: list[Candidate],
) -> Candidate | None:
    token = ctx.tokens[index]
    if token.pos != "N":
        return None
    if "-" in token.text and (government := _named_government(ctx, index, sentence)):
        return government
    hit = ctx.words.sector_of(token.lemma, token.text)
    start = ctx.document.sentences[sentence].token_start
    if hit is None or _named_noun(ctx, index, start, at):
        return None
    sector, domestic = hit
    left = _modifiers(ctx, index, at)
    if left is None:
        return None
    noun = fold(token.lemma)
    last = _portfolio_end(ctx, index + 1) or index
    last, named, complement_blocked = _complement(ctx, last, at)
    if left.blocked or (left.state is None and complement_blocked):
        ctx.generic_seen[noun] = None  # later "het ministerie": that one, still unknown
        return None
    method = "domestic" if domestic else "generic"
    made = Candidate(
        sentence=sentence, first=left.first, last=last, start=ctx.tokens[left.first].start,
        end=ctx.tokens[last].end, label="ORG", actor_id=None, method=method, score=0.8,
        rank=1, sector=sector, against=left.against,
    )
    state = left.state
    if state is None and named is not None and named.kind != "state":
        made.actor_id, made.code, made.sector = named.id, ctx.kb.code_of(named.id), None
        return made
    if state is None and named is not None:
        state = named.id
    if state is None and _partitive(ctx, index):
        return None  # "het merendeel militairen": some soldiers, not a state's army
    if state is None:
        made.method, made.score = f"{method}-context", 0.6
        if noun in ctx.generic_seen:  # "het ministerie" again: the one named before
            earlier = ctx.generic_seen[noun]
            if earlier is None:
                return None
            made.actor_id, made.code = earlier
            return made
        if domestic and sector in ctx.words.group_sectors and (group := ctx.last_group):
            made.actor_id, made.code, made.sector = group, ctx.kb.code_of(group), None
            return made  # "de rebellen" after "de Houthi's": them
        if domestic:  # "Activisten hebben de Russische ambassade in Den Haag besmeurd"
            state = _place_state(ctx, index, names, made.against)
        state = state or nearby_state(ctx, sentence, made.start, names, made.against)
    if state is None:
        made.pending = (method, sector)
        return made
    fill(ctx, made, state, domestic)
    if made.code is not None:
        ctx.generic_seen[noun] = (made.actor_id, made.code)
    return made


def _place_state(
    ctx: LinkContext, noun: int, names: list[Candidate], against: str | None
) -> str | None:
    """A domestic side is where it acts: the state of the place the sentence names (*in
    Den Haag*, *in Syrië*) nearest to the noun, before or after it."""
    places = [(abs(c.first - noun), state) for c in names
              if c.method in ("place", "name-place")
              and (state := state_of(ctx, c)) is not None and state != against]
    return min(places)[1] if places else None


def _partitive(ctx: LinkContext, noun: int) -> bool:
    """A bare noun after another ("het merendeel militairen", "een groepje militairen"):
    part of a count, not a state's body acting."""
    before = noun - 1
    if not ctx.in_sentence(before, ctx.tokens[noun].sentence):
        return False
    token = ctx.tokens[before]
    return token.pos == "N" and fold(token.lemma) not in ctx.words.quantity_nouns


def fill(ctx: LinkContext, candidate: Candidate, state: str, domestic: bool) -> None:
    code = ctx.kb.code_of(state)
    if code is None:
        return
    candidate.pending = None
    if domestic:
        candidate.code = f"{code}-{candidate.sector}"
    else:
        candidate.actor_id, candidate.code = state, code


def resolve_pending(ctx: LinkContext, chosen: list[Candidate]) -> None:
    """Give what no nearby state decided the article's main state (or leave it)."""
    pending = [c for c in chosen if c.pending is not None]
    if not pending:
        return
    states: dict[str | None, str | None] = {}  # one count over the article per exclusion
    for candidate in pending:
        kind, value = candidate.pending  # type: ignore[misc]
        candidate.pending = None
        if candidate.against not in states:
            states[candidate.against] = main_state(ctx, chosen, candidate.against)
        state = states[candidate.against]
        if state is None:
            candidate.method = "role-unknown" if kind == "office" else f"{kind}-unresolved"
            continue
        if kind == "office":
            holders = ctx.kb.holders(value, state, ctx.day)
            if holders:
                candidate.actor_id, candidate.method = holders[0].id, "role-context"
                continue
            candidate.actor_id, candidate.code = state, ctx.kb.code_of(state)
            candidate.sector, candidate.method = ctx.kb.offices.sector(value), "role-office"
            continue
        candidate.method = f"{kind}-context"
        candidate.score = 0.5
        fill(ctx, candidate, state, kind == "domestic")
