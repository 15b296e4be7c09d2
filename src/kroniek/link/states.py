"""Which state a text is about at a given point: the evidence for generic references.

A linked mention stands for a state when it names one (by name, adjective, demonym, a
capital or seat of power), when it is a person acting for one, or when it is a generic
reference or domestic side already resolved to one. Nearby evidence (the same sentence
before the reference, else the previous sentence) is read while linking; the article's
main state is known only once every sentence is linked.
"""

from __future__ import annotations

from collections import Counter

from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate


def state_of(ctx: LinkContext, candidate: Candidate) -> str | None:
    """The KB id of the state a linked candidate stands for, if any."""
    kb = ctx.kb
    code = candidate.code
    if candidate.actor_id is not None:
        actor = kb.actor(candidate.actor_id)
        if actor.kind == "state":
            return actor.id
        if actor.kind == "person" and code is None:
            code, _ = kb.acts_for(actor.id, ctx.day)
        elif actor.kind == "place":
            surface = ctx.document.text[candidate.start : candidate.end]
            for other, route in kb.lookup(surface):
                if route == "metonym" and other.kind == "state":
                    return other.id
            parent = kb.get(actor.parent or "")  # "de separatisten in Donetsk": Ukraine's
            return parent.id if parent is not None and parent.kind == "state" else None
    if code is None:
        return None
    state = kb.by_code(code.split("-")[0])
    return state.id if state is not None and state.kind == "state" else None


def side_code(ctx: LinkContext, code: str | None, sector: str | None) -> str | None:
    """A state's code with a domestic side's sector (RUS, OPP -> RUS-OPP); else the code."""
    if code is None or sector not in ctx.words.domestic_sectors or "-" in code:
        return code
    actor = ctx.kb.by_code(code)
    return f"{code}-{sector}" if actor is not None and actor.kind == "state" else code


def group_code(ctx: LinkContext, actor_id: str | None, code: str | None) -> str | None:
    """EVAL.md's code for an armed group: its own when listed (``coded_groups``), else the
    listed group it is a branch of (ISKP: ISIS), else its state's rebels (FARC: COL-REB)."""
    actor = ctx.kb.get(actor_id or "")
    listed = ctx.words.coded_groups
    if actor is None or actor.kind != "armed_group" or code is None or code in listed:
        return code
    if actor.code is None:
        return code  # a state force (Azov) acts as its state
    seen: set[str] = set()
    parent = ctx.kb.get(actor.parent or "")
    while parent is not None and parent.id not in seen:
        if parent.code in listed:
            return parent.code
        seen.add(parent.id)
        parent = ctx.kb.get(parent.parent or "")
    state = ctx.kb.code_of(actor.operates_in[0]) if actor.operates_in else None
    return f"{state}-REB" if state else code


def national_code(ctx: LinkContext, candidate: Candidate) -> str | None:
    """The code of nationals who do not act for their state: their state's domestic side
    (ISO3-SECTOR, as EVAL.md codes unnamed domestic sides) when the phrase says which
    side ("Israëlische kolonisten": ISR-CVL), else None ("Syrische huurlingen", a place,
    an attribute). A bare demonym ("waar Armeniërs wonen") names no side: it describes a
    population as often as it names people who act or are acted on."""
    if candidate.actor_id is None or candidate.method != "adjective-national":
        return None
    actor = ctx.kb.actor(candidate.actor_id)
    code = ctx.kb.code_of(actor.id)
    if candidate.sector is None or actor.kind != "state" or code is None:
        return None
    return f"{code}-{candidate.sector}"


def _subject(ctx: LinkContext, candidate: Candidate) -> bool:
    return any(ctx.tokens[i].deprel == "su" for i in range(candidate.first, candidate.last + 1))


def _pick(
    ctx: LinkContext, found: list[tuple[str, Candidate]], against: str | None = None
) -> str | None:
    """One state among several named in one stretch: the only one, the subject's, else the
    one the article has named most so far (ties: the first named). Never ``against``."""
    found = [(state, c) for state, c in found if state != against]
    states = list(dict.fromkeys(state for state, _ in found))
    if len(states) <= 1:
        return states[0] if states else None
    subjects = list(dict.fromkeys(s for s, c in found if _subject(ctx, c)))
    if len(subjects) == 1:
        return subjects[0]
    return max(states, key=lambda s: ctx.state_counts[s])  # max keeps the first of equals


def nearby_state(
    ctx: LinkContext, sentence: int, before: int, picked: list[Candidate],
    against: str | None = None,
) -> str | None:
    """The state named before character ``before`` in this sentence, else in the previous
    sentence of the article (``picked``: this sentence's candidates so far)."""
    here = [
        (state, c) for c in picked
        if c.end <= before and (state := state_of(ctx, c)) is not None
    ]
    if (state := _pick(ctx, here, against)) is not None:
        return state
    if sentence == 0:
        return None
    previous = [
        (state, c) for c in ctx.by_sentence.get(sentence - 1, [])
        if (state := state_of(ctx, c)) is not None
    ]
    return _pick(ctx, previous, against)


def count_states(ctx: LinkContext, picked: list[Candidate]) -> None:
    """Tally the states a sentence's candidates stand for (persons count for theirs), and
    note the last armed group."""
    for candidate in picked:
        if candidate.method not in GENERIC_METHODS and (state := state_of(ctx, candidate)):
            ctx.state_counts[state] += 1
        if candidate.actor_id and ctx.kb.actor(candidate.actor_id).kind == "armed_group":
            ctx.last_group = candidate.actor_id


def main_state(
    ctx: LinkContext, chosen: list[Candidate], against: str | None = None
) -> str | None:
    """The article's state: the most-named one when it leads clearly, else the state of
    the first sentence (the headline or lead) that names one."""
    named = [
        (state, c) for c in chosen
        if c.method not in GENERIC_METHODS and (state := state_of(ctx, c)) is not None
        and state != against
    ]
    counts = Counter(state for state, _ in named)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    if not named:
        return None
    first = min(c.sentence for _, c in named)
    return _pick(ctx, [(s, c) for s, c in named if c.sentence == first])


# Resolved from the context itself: not evidence of what the article is about. (A generic
# phrase resolved by its own adjective or complement names its state and counts.)
GENERIC_METHODS = frozenset({"generic-context", "domestic-context", "role-pending"})
