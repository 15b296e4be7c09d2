"""Clauses of a sentence from its surface: which tokens belong to which clause.

Frog's dependency parse of long Dutch sentences is often cut into several roots, so the
clauses come from part-of-speech tags instead, the way Dutch grammar marks them: a
subordinator (*dat*, *omdat*, *zolang*: ``VG(onder)``) or a relative pronoun
(``VNW(betr)``) opens a clause, verb-final, which closes at the next comma once it has its
verb; a coordinator after a finite verb starts a sibling clause when another finite verb
follows. Argument rules (:mod:`kroniek.extract.arguments`), status cues
(:mod:`kroniek.extract.status`) and tense (:mod:`kroniek.extract.timex`) all read the
same clauses.
"""

from __future__ import annotations

from kroniek.model import Document, Token

# A finite auxiliary leaves its clause open until the verb it governs has come
# ("zouden de RSF politiek en met wapens steunen": the "en" coordinates adverbials).
_AUXILIARIES = frozenset({"zullen", "kunnen", "moeten", "willen", "mogen", "hebben", "zijn",
                          "worden", "gaan", "blijven", "laten"})
# Comparative "als" ("als bemiddelaar") and "dan" open no clause unless a finite verb
# follows; other subordinators are trusted with any verb, because a plural present in a
# verb-final clause has the infinitive's form and Frog often tags it so ("zolang de
# troepen niet vertrekken").
_WEAK_SUBORDINATORS = frozenset({"als", "dan", "of", "zoals"})


def finite(token: Token) -> bool:
    return token.pos == "WW" and "pv" in token.features.split(",")


def conditional_inversion(token: Token) -> bool:
    """A sentence-initial "mocht(en)" opens a condition ("Mocht Iran doorgaan, dan ..."),
    like "als"; call it on the sentence's first token only."""
    return finite(token) and token.lemma.lower() == "mogen"


def subordinator(token: Token) -> bool:
    features = token.features.split(",")
    return (token.pos == "VG" and "onder" in features) or \
        (token.pos == "VNW" and "betr" in features)


def _verb_like(token: Token, opener: Token | None) -> bool:
    """A finite verb, or in a clause opened by a strong subordinator any verb but a
    participle (the clause's finite verb, mis-tagged as infinitive)."""
    if finite(token):
        return True
    return (opener is not None and token.pos == "WW"
            and opener.lemma.lower() not in _WEAK_SUBORDINATORS
            and "inf" in token.features.split(","))


def clause_ids(document: Document, sentence: int) -> tuple[list[int], dict[int, int | None]]:
    """A clause number for each token of the sentence, and each clause's parent clause
    (0 is the main clause)."""
    tokens = document.sentence_tokens(sentence)
    ids: list[int] = []
    parent: dict[int, int | None] = {0: None}
    has_verb = {0: False}
    # the clause's finite verb is an auxiliary still waiting for its participle/infinitive
    waiting = {0: False}
    opener: dict[int, Token | None] = {0: None}
    stack = [0]

    def verb_ahead(position: int, first: Token | None) -> bool:
        for token in tokens[position + 1:]:
            if token.text in (",", ";", ":") or subordinator(token):
                return False
            if _verb_like(token, first):
                return True
        return False

    def open_clause(under: int, first: Token | None) -> None:
        new = len(parent)
        parent[new] = under
        has_verb[new] = False
        waiting[new] = False
        opener[new] = first
        stack.append(new)

    for position, token in enumerate(tokens):
        current = stack[-1]
        if position == 0 and conditional_inversion(token):
            open_clause(0, token)
        elif subordinator(token) and verb_ahead(position, token):
            if len(stack) > 1 and has_verb[current]:
                stack.pop()
            open_clause(stack[-1], token)
        elif token.text in (",", ";", ":") and len(stack) > 1 and has_verb[current]:
            stack.pop()
        elif (token.pos == "VG" and "neven" in token.features and has_verb[current]
              and not waiting[current] and verb_ahead(position, None)):
            stack.pop()
            open_clause(parent[current] if parent[current] is not None else 0, None)
            if len(stack) == 1:  # a second main clause replaces the first at the bottom
                stack.insert(0, 0)
        ids.append(stack[-1])
        clause = stack[-1]
        if token.pos == "WW" and has_verb[clause] and not finite(token):
            waiting[clause] = False
        if _verb_like(token, opener[clause]):
            if not has_verb[clause]:
                waiting[clause] = finite(token) and token.lemma.lower() in _AUXILIARIES
            has_verb[clause] = True
    return ids, parent


def clause_of(document: Document, sentence: int, token_index: int) -> set[int]:
    """Document token indices of the clause holding ``token_index``, without the clauses
    nested in it (a relative clause inside the main clause is not part of it)."""
    tokens = document.sentence_tokens(sentence)
    ids, _ = clause_ids(document, sentence)
    own = ids[token_index - tokens[0].index]
    return {token.index for token, clause in zip(tokens, ids, strict=True) if clause == own}
