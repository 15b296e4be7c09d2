"""*Ons land*: the outlet's own country, one of ``home_states`` (data/context.yaml).

Which one only the whole article can tell: the home state it names most (by name,
adjective, capital or person), else the first listed; never one named in the phrase's own
sentence (*ons land en Nederland*). Resolved after the last sentence,
like the article's main state (generic.py).
"""

from __future__ import annotations

from kroniek.kb.text import fold
from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate
from kroniek.link.states import state_of


def home_candidates(ctx: LinkContext, sentence: int) -> list[Candidate]:
    """Unresolved candidates over each "ons land" of the sentence."""
    info = ctx.document.sentences[sentence]
    found = []
    for index in range(info.token_start, info.token_end - 1):
        if fold(ctx.surface(index, index + 1)) in ctx.words.home_phrases:
            found.append(Candidate(
                sentence=sentence, first=index, last=index + 1,
                start=ctx.tokens[index].start, end=ctx.tokens[index + 1].end, label="LOC",
                actor_id=None, method="home", score=0.6, rank=1, pending=("home", ""),
            ))
    return found


def resolve_home(ctx: LinkContext, chosen: list[Candidate]) -> None:
    """Give every "ons land" the home state the article names most."""
    homes = [c for c in chosen if c.pending == ("home", "")]
    if not homes:
        return
    states = [state for code in ctx.words.home_states
              if (state := ctx.kb.by_code(code)) is not None]
    if not states:
        return
    for candidate in homes:
        # "ons land en Nederland": a home state named in the same sentence is another one.
        here = {state_of(ctx, c) for c in ctx.by_sentence.get(candidate.sentence, [])}
        others = [s for s in states if s.id not in here] or states
        best = max(others, key=lambda s: ctx.state_counts[s.id])  # the first of equals
        candidate.pending = None
        candidate.actor_id, candidate.code = best.id, ctx.kb.code_of(best.id)
