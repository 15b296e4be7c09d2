"""Conservative within-document coreference.

- *hij*/*zij* as subject -> the person mentioned in the same sentence before it or in
  the previous two sentences of the paragraph (the last two of the previous
  paragraph when the pronoun opens one): the only person there, else the most recent
  one in subject position (across a paragraph break: the subject of the previous
  paragraph's last sentence), else nothing;
- a later bare surname -> the person an earlier full name or role phrase resolved to;
- *die alliantie*, *dit bondgenootschap* -> the alliance mentioned last.
"""

from __future__ import annotations

from kroniek.kb.text import fold
from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate

WINDOW = 2  # sentences looked back


# Persons the KB lacks, linked to the state they act for (described.py, roles.py).
_DESCRIBED_PERSONS = frozenset({"described", "coref-described", "role-office"})


def is_person(ctx: LinkContext, candidate: Candidate) -> bool:
    if candidate.actor_id is None or (
        candidate.method in _DESCRIBED_PERSONS and candidate.label == "PER"
    ):
        return candidate.label == "PER"
    return ctx.kb.actor(candidate.actor_id).kind == "person"


def _subject(ctx: LinkContext, candidate: Candidate) -> bool:
    return any(ctx.tokens[i].deprel == "su" for i in range(candidate.first, candidate.last + 1))


def _window(ctx: LinkContext, sentence: int) -> tuple[set[int], bool]:
    """Sentences to look back in, and whether they lie in an earlier paragraph."""
    sentences = ctx.document.sentences
    paragraph = sentences[sentence].paragraph
    inside = {
        s for s in range(max(0, sentence - WINDOW), sentence)
        if sentences[s].paragraph == paragraph
    }
    crossed = False
    if not inside and sentence > 0:  # the pronoun opens a paragraph: the previous one's end
        crossed = True
        previous = sentences[sentence - 1].paragraph
        inside = {
            s for s in range(max(0, sentence - WINDOW), sentence)
            if sentences[s].paragraph == previous
        }
    return inside | {sentence}, crossed


def _entity(candidate: Candidate, text: str) -> str:
    if candidate.actor_id is not None:
        return candidate.actor_id
    return "?" + fold(text[candidate.start : candidate.end]).split()[-1]


def pronoun_candidates(
    ctx: LinkContext, sentence: int, mentions: list[Candidate]
) -> list[Candidate]:
    info = ctx.document.sentences[sentence]
    window, crossed = _window(ctx, sentence)
    found: list[Candidate] = []
    for index in range(info.token_start, info.token_end):
        token = ctx.tokens[index]
        features = token.features.split(",")
        subject = token.deprel == "su" or "nomin" in features  # hij/zij are nominative
        if (
            token.pos != "VNW" or not subject or "ev" not in features
            or fold(token.text) not in ctx.lexicon.person_pronouns
        ):
            continue
        before = [
            m for m in mentions
            if m.sentence in window and m.start < token.start and is_person(ctx, m)
        ]
        entities = {_entity(m, ctx.document.text) for m in before}
        antecedent: Candidate | None = None
        if len(entities) == 1:
            antecedent = before[-1]
        elif not crossed:
            subjects = [m for m in before if _subject(ctx, m)]
            antecedent = subjects[-1] if subjects else None
        else:
            # A paragraph opening with "Hij" continues the subject of the previous
            # paragraph's last sentence; any other person there is too far to be meant.
            last = max(window - {sentence})
            subjects = [m for m in before if m.sentence == last and _subject(ctx, m)]
            antecedent = subjects[-1] if subjects else None
        if antecedent is None or antecedent.actor_id is None:
            continue
        score = 0.8 if len(entities) == 1 else 0.6
        found.append(Candidate(
            sentence=sentence, first=index, last=index, start=token.start, end=token.end,
            label="PRON", actor_id=antecedent.actor_id, method="coref", score=score, rank=6,
            code=antecedent.code, sector=antecedent.sector,
        ))
    return found


def remember_surnames(ctx: LinkContext, chosen: list[Candidate]) -> None:
    for candidate in chosen:
        if candidate.actor_id is None or candidate.code is not None:
            continue  # described persons' surnames: see described.py
        if not is_person(ctx, candidate):
            continue
        last = ctx.tokens[candidate.last]
        if last.text[:1].isupper():
            words = fold(ctx.document.text[last.start : last.end]).split()
            if words:
                ctx.surnames.setdefault(words[-1], candidate.actor_id)


def surname_links(ctx: LinkContext, chosen: list[Candidate]) -> None:
    """An unlinked one-word person name that an earlier mention's surname resolves."""
    for candidate in chosen:
        if candidate.actor_id is None and candidate.label == "PER" and candidate.code is None:
            words = fold(ctx.document.text[candidate.start : candidate.end]).split()
            if len(words) == 1 and words[0] in ctx.surnames:
                candidate.actor_id = ctx.surnames[words[0]]
                candidate.method, candidate.score = "coref-surname", 0.8


def alliance_candidates(ctx: LinkContext, sentence: int) -> list[Candidate]:
    """"die alliantie" standing alone (role phrases resolve their own complement)."""
    info = ctx.document.sentences[sentence]
    found: list[Candidate] = []
    if ctx.last_alliance is None:
        return found
    for index in range(info.token_start + 1, info.token_end):
        token, before = ctx.tokens[index], ctx.tokens[index - 1]
        if (
            token.pos == "N" and fold(token.lemma) in ctx.lexicon.alliance_nouns
            and fold(before.text) in ("die", "deze", "dit", "dat")
        ):
            found.append(Candidate(
                sentence=sentence, first=index - 1, last=index, start=before.start,
                end=token.end, label="ORG", actor_id=ctx.last_alliance, method="coref",
                score=0.7, rank=6,
            ))
    return found


def note_alliances(ctx: LinkContext, chosen: list[Candidate]) -> None:
    for candidate in chosen:
        if candidate.actor_id in ctx.alliances:
            ctx.last_alliance = candidate.actor_id
