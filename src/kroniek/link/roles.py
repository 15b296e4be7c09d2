"""Role phrases resolved at the article's date.

"de Armeense premier" -> the holder of Armenia's head of government office that day;
"de topman van die alliantie" -> the head of the alliance mentioned last; "de sterke man
in Moskou" -> Russia's leader. A name right after the phrase (apposition: "de Russische
president Vladimir Poetin", "de topman van de CSTO, Stanislav Zas") makes one mention of
that person; the name wins over the role when they disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.kb import Actor
from kroniek.kb.text import fold, key
from kroniek.link import fuzzy
from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate
from kroniek.link.states import nearby_state, side_code

_MODIFIER_POS = frozenset({"ADJ", "SPEC", "TW"})
_COMPLEMENT_WORDS = frozenset({"van", "in", "uit"})
_OF_KINDS = frozenset({"state", "igo", "armed_group", "organisation", "authority"})


@dataclass
class _Phrase:
    first: int
    last: int
    office: str
    of: Actor | None = None
    former: bool = False


def _office_at(ctx: LinkContext, index: int) -> tuple[int, int, str] | None:
    """Office named by the words starting at noun ``index``, with the phrase's token range."""
    tokens, sentence = ctx.tokens, ctx.tokens[index].sentence
    phrases = ctx.kb.offices.phrases
    extra = ctx.lexicon.extra_roles
    if ctx.in_sentence(index - 1, sentence):
        pair = fold(f"{tokens[index - 1].text} {tokens[index].text}")
        if pair in extra:
            return index - 1, index, extra[pair]
    for size in (4, 3, 2):  # "minister van Buitenlandse Zaken", "chef van de generale staf"
        last = index + size - 1
        if ctx.in_sentence(last, sentence):
            found = phrases.get(fold(ctx.surface(index, last)))
            if found:
                return index, last, found
    word = fold(tokens[index].text)
    office = extra.get(word) or phrases.get(word) or ctx.kb.office_key(tokens[index].text)
    return (index, index, office) if office else None


def _former(ctx: LinkContext, text: str) -> bool:
    words = fold(text).split()
    return len(words) > 1 and words[0] in ctx.lexicon.former_prefixes


def _as_of(ctx: LinkContext, candidate: Candidate) -> Actor | None:
    """The state or organisation a name in a role phrase stands for (a capital -> its state)."""
    if candidate.actor_id is None:
        return None
    actor = ctx.kb.actor(candidate.actor_id)
    if actor.kind in _OF_KINDS:
        return actor
    if actor.kind == "place":
        surface = ctx.document.text[candidate.start : candidate.end]
        for other, route in ctx.kb.lookup(surface):
            if route == "metonym" and other.kind in _OF_KINDS:
                return other
    return None


def _phrase(ctx: LinkContext, index: int, at: dict[int, Candidate]) -> _Phrase | None:
    token = ctx.tokens[index]
    if token.pos != "N" or "mv" in token.features.split(","):
        return None
    found = _office_at(ctx, index)
    prefix_actor: Actor | None = None
    former = False
    if found is None and "-" in token.text:  # "NAVO-chef", "Hamas-leider", "oud-premier"
        prefix, _, rest = token.text.partition("-")
        office = ctx.kb.office_key(rest) or ctx.lexicon.extra_roles.get(fold(rest))
        if office and fold(prefix) in ctx.lexicon.former_prefixes:
            found, former = (index, index, office), True
        elif office:
            hits = [a for a, r in ctx.kb.lookup(prefix) if a.kind in _OF_KINDS]
            if hits:
                found, prefix_actor = (index, index, office), hits[0]
    if found is None:
        return None
    phrase = _Phrase(found[0], found[1], found[2], prefix_actor, former or _former(ctx, token.text))
    sentence = token.sentence
    left = phrase.first - 1
    while ctx.in_sentence(left, sentence):
        before = ctx.tokens[left]
        if before.pos == "LID" or (before.pos == "VNW" and "det" in before.features):
            if before.text.lower() == "een":
                return None  # "een leider van ...": one of several, not the office holder
            phrase.first = left
            break
        if before.pos not in _MODIFIER_POS:
            break
        if fold(before.text) in ctx.lexicon.former_prefixes or _former(ctx, before.text):
            phrase.former = True
        candidate = at.get(left)
        if candidate is not None and phrase.of is None:
            phrase.of = _as_of(ctx, candidate)
            left = candidate.first
        phrase.first = left
        left -= 1
    if phrase.of is None:
        _complement(ctx, phrase, at)
    return phrase


def _complement(ctx: LinkContext, phrase: _Phrase, at: dict[int, Candidate]) -> None:
    """"van Rusland", "van de NAVO", "in Moskou", "van die alliantie"."""
    sentence = ctx.tokens[phrase.first].sentence
    word = phrase.last + 1
    if not ctx.in_sentence(word, sentence):
        return
    if fold(ctx.tokens[word].text) not in _COMPLEMENT_WORDS:
        return
    index = word + 1
    determiner = None
    while ctx.in_sentence(index, sentence) and ctx.tokens[index].pos in ("LID", "VNW"):
        determiner = fold(ctx.tokens[index].text)
        index += 1
    if not ctx.in_sentence(index, sentence):
        return
    candidate = at.get(index)
    if candidate is not None and candidate.first == index and candidate.label != "ADJ":
        of = _as_of(ctx, candidate)
        if of is not None:
            phrase.of, phrase.last = of, candidate.last
        return
    noun = ctx.tokens[index]
    if (
        determiner in ctx.lexicon.anaphoric_determiners
        and fold(noun.lemma) in ctx.lexicon.alliance_nouns
        and ctx.last_alliance
    ):
        phrase.of, phrase.last = ctx.kb.actor(ctx.last_alliance), index


def _apposition(ctx: LinkContext, last: int, names: list[Candidate]) -> Candidate | None:
    sentence = ctx.tokens[last].sentence
    index = last + 1
    if ctx.in_sentence(index, sentence) and ctx.tokens[index].text == ",":
        index += 1
    for candidate in names:
        if candidate.first == index and candidate.label == "PER":
            return candidate
    return None


def _holders(ctx: LinkContext, phrase: _Phrase) -> list[Actor]:
    if phrase.of is None or phrase.former:
        return []
    if phrase.office == "leader":
        return ctx.kb.leaders(phrase.of.id, ctx.day)
    return ctx.kb.holders(phrase.office, phrase.of.id, ctx.day)


def role_candidates(ctx: LinkContext, sentence: int, names: list[Candidate]) -> list[Candidate]:
    info = ctx.document.sentences[sentence]
    at: dict[int, Candidate] = {}
    for candidate in names:
        for index in range(candidate.first, candidate.last + 1):
            at[index] = candidate
    found: list[Candidate] = []
    for index in range(info.token_start, info.token_end):
        phrase = _phrase(ctx, index, at)
        if phrase is None:
            continue
        name = _apposition(ctx, phrase.last, names)
        made = None
        if phrase.of is None and not phrase.former:
            made = _from_context(ctx, phrase, name, names)
        if made is None:
            made = _resolve(ctx, phrase, name)
        if made is not None:
            found.append(made)
    return found


def _from_context(
    ctx: LinkContext, phrase: _Phrase, name: Candidate | None, names: list[Candidate]
) -> Candidate | None:
    """A bare office ("de president", "de generaal"): the person the article described
    with it, else the office of the state the text is about (see link/states.py)."""
    tokens = ctx.tokens
    if phrase.office not in ctx.words.contextual_offices:
        return None
    if name is not None and name.actor_id is not None:
        return None
    after = phrase.last + 1
    sentence = tokens[phrase.first].sentence
    if ctx.in_sentence(after, sentence) and (
        fold(tokens[after].text) in ctx.words.complement_prepositions
    ):
        return None  # "de president van de voetbalbond": someone else's office
    last = name.last if name is not None else phrase.last
    made = Candidate(
        sentence=sentence, first=phrase.first, last=last, start=tokens[phrase.first].start,
        end=tokens[last].end, label="PER", actor_id=None, method="role-pending", score=0.5,
        rank=1,
    )
    described = ctx.described.get(fold(tokens[phrase.last].lemma)) if name is None else None
    if described is not None:
        made.actor_id, made.code, made.sector = described
        made.method, made.score = "coref-described", 0.7
        return made
    state = nearby_state(ctx, sentence, made.start, names)
    if state is None:
        made.pending = ("office", phrase.office)
        return made
    phrase.of = ctx.kb.actor(state)
    return _resolve(ctx, phrase, name)


def _resolve(ctx: LinkContext, phrase: _Phrase, name: Candidate | None) -> Candidate | None:
    holders = _holders(ctx, phrase)
    last = name.last if name is not None else phrase.last
    tokens = ctx.tokens
    made = Candidate(
        sentence=tokens[phrase.first].sentence, first=phrase.first, last=last,
        start=tokens[phrase.first].start, end=tokens[last].end, label="PER", actor_id=None,
        method="role", score=0.9 if len(holders) == 1 else 0.6, rank=1,
    )
    if name is not None and name.actor_id is not None:
        if ctx.kb.actor(name.actor_id).kind == "person":
            made.actor_id, made.method, made.score = name.actor_id, "apposition", name.score
            return made
        return None
    if name is not None and holders:
        surface = key(ctx.document.text[name.start : name.end])
        forms = (holders[0].name, *holders[0].aliases)
        best = max((fuzzy.similarity(surface, key(form)) for form in forms), default=0.0)
        if best < 70:  # a name the KB does not know, not today's holder
            holders = []
    if holders:
        made.actor_id = holders[0].id
        return made
    if phrase.of is None or phrase.former:
        return None if name is None else _unknown(made)
    made.method = "role-office"  # holder unknown to the KB: the office's state or body
    made.actor_id = phrase.of.id
    made.sector = ctx.kb.offices.sector(phrase.office)
    made.code = side_code(ctx, ctx.kb.code_of(phrase.of.id), made.sector)
    made.score = 0.5
    return made


def _unknown(made: Candidate) -> Candidate:
    made.method = "role-unknown"
    made.score = 0.5
    return made
