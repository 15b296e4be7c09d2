"""The status of an event from cues that govern its trigger: alleged, future, hypothetical,
negated, or asserted by default. (Historical is decided by the caller from dates.)

Scope is what matters: "Zas waarschuwde dat een interventie niet uitgesloten was" makes the
*interventie* hypothetical but not the warning. Cues are looked up per clause
(:func:`kroniek.extract.clauses.clause_ids`, built from the surface because Frog's parse of long
sentences falls apart into several roots): a cue of scope ``clause`` must be in the trigger's
own clause, one of scope ``dominates`` (a matrix verb like *beweert*, a sentence adverbial like
*volgens bronnen*) in that clause or a clause above it. A conditional (*als*, *indien*) counts
only when the trigger is inside the clause it opens. Cue phrases live in ``data/status.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, cast

from kroniek.datafiles import load_yaml
from kroniek.extract.clauses import clause_ids
from kroniek.extract.timex import clause_tense, time_for
from kroniek.model import Document, Token

DATA = Path(__file__).resolve().parent / "data" / "status.yaml"
ORDER = ("hypothetical", "negated", "alleged", "future")


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_yaml(DATA.read_text(encoding="utf-8")))


def _words(tokens: list[Token]) -> tuple[str, list[int]]:
    """The clause as lower-case words joined by spaces (Frog's multi-word units split), and
    for each character the token it belongs to."""
    text = ""
    owners: list[int] = []
    for token in tokens:
        for word in token.text.lower().split("_"):
            if text:
                text += " "
                owners.append(token.index)
            text += word
            owners.extend([token.index] * len(word))
    return text, owners


def _finditer(phrase: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\w-])(?:{phrase})(?![\w-])", text))


def _clause_members(tokens: list[Token], ids: list[int], clauses: set[int]) -> list[Token]:
    return [t for t, c in zip(tokens, ids, strict=True) if c in clauses]


def _above(clause: int, parent: dict[int, int | None]) -> set[int]:
    found = {clause}
    while parent.get(clause) is not None:
        clause = cast(int, parent[clause])
        found.add(clause)
    return found


def _negation_blocked(text: str, match: re.Match[str]) -> bool:
    """"niet alleen", "nog geen 50": a negation word that does not negate the event."""
    for phrase in _data()["not_negations"]:
        for other in re.finditer(rf"(?<!\w)(?:{phrase})(?!\w)", text):
            if other.start() <= match.start() < other.end():
                return True
    return False


def future_by_word(cue: str | None) -> bool:
    """Whether a "future" cue is a word of the future list ("zal", "gaat ... sturen", "van
    plan"), not a time expression read as future from the tense."""
    if not cue:
        return False
    first = cue.split(" ... ")[0]
    return any(re.fullmatch(item["phrase"], cue) or re.fullmatch(item["phrase"], first)
               or re.match(rf"(?:{item['phrase'].split()[0]})(?!\w)", first)
               for item in _data()["future"])


def status_of(document: Document, sentence: int, trigger_token: int) -> tuple[str, str | None]:
    tokens = document.sentence_tokens(sentence)
    if not tokens or not tokens[0].index <= trigger_token < tokens[-1].index + 1:
        return "asserted", None
    ids, parent = clause_ids(document, sentence)
    own = ids[trigger_token - tokens[0].index]
    scopes = {"clause": {own}, "dominates": _above(own, parent)}
    data = _data()
    clause_text = {name: _words(_clause_members(tokens, ids, clauses))
                   for name, clauses in scopes.items()}
    trigger = document.tokens[trigger_token]

    # a conditional clause containing the trigger ("als de soevereiniteit ... in het gedrang
    # komt"): the subordinator is the first token of a clause at or above the trigger's
    conditionals = set(data["conditionals"])
    for clause in scopes["dominates"]:
        members = _clause_members(tokens, ids, {clause})
        if clause != 0 and members and members[0].text.lower() in conditionals:
            return "hypothetical", members[0].text
    if tokens[0].text.lower() in ("mocht", "mochten"):
        comma = next((t.index for t in tokens if t.text == ","), tokens[-1].index + 1)
        if trigger_token < comma:
            return "hypothetical", tokens[0].text

    for status in ORDER:
        for cue in data[status]:
            text, owners = clause_text[cue["scope"]]
            match = next((m for m in _finditer(cue["phrase"], text)
                          if not (status == "negated" and _negation_blocked(text, m))), None)
            if match is None:
                continue
            cue_tokens = {owners[i] for i in range(match.start(), match.end())
                          if i < len(owners)}
            if cue_tokens == {trigger_token}:
                continue  # the trigger is not its own cue ("dreigt" as THREATEN)
            if cue.get("needs_infinitive") and not any(
                    document.tokens[i].features.startswith("inf") for i in cue_tokens):
                continue
            words = match.group().split()
            # a discontinuous cue ("zou ... gestuurd hebben") is reported by its ends
            return status, " ... ".join((words[0], words[-1])) if len(words) > 3 \
                else match.group()

    # present tense with a future date: "Ze sturen vrijdag hun minister naar Moskou"
    published = document.published
    if published is not None:
        expression = time_for(document, sentence, trigger.start)
        if expression is not None and expression.kind not in ("since", "span", "ago") and \
                clause_tense(document, sentence, trigger.start) in ("present", "future"):
            begins_later = expression.interval.start > published.start
            same_day_weekday = expression.kind == "weekday" and \
                expression.interval.start >= published.start
            expression_clause = _expression_clause(document, sentence, expression.start, ids)
            if (begins_later or same_day_weekday) and expression_clause == own:
                return "future", expression.text
    return "asserted", None


def _expression_clause(document: Document, sentence: int, offset: int,
                       ids: list[int]) -> int | None:
    tokens = document.sentence_tokens(sentence)
    for token, clause in zip(tokens, ids, strict=True):
        if token.start <= offset < token.end:
            return clause
    return None
