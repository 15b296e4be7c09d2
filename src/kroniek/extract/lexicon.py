"""The trigger lexicon (data/triggers.yaml) and matching it against a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, cast

from kroniek.datafiles import load_yaml
from kroniek.model import Token

# Separable verb particles: ``oproepen`` also matches ``riep ... op``.
PARTICLES = ("terug", "samen", "neer", "aan", "op", "af", "in", "uit", "toe", "mee", "bij",
             "door", "over", "voor", "na", "weg", "tegen", "los", "vast", "binnen")


@dataclass(frozen=True)
class Entry:
    type: str
    kind: str  # verb | noun | idiom
    mode: str | None = None
    context: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    actor: str | None = None
    recipient: str | None = None
    symmetric: bool = False
    reciprocal: bool = False
    loose_particle: bool = False  # the particle may stand anywhere after the verb
    rule: str = ""


@dataclass(frozen=True)
class Match:
    entry: Entry
    token: int  # document index of the trigger token
    span: tuple[int, int]  # character span of the trigger words


_SOFT = (*tuple("tkfsp"), "ch")  # 't kofschip: these stems take -te(n) and -t
_UNSTRESSED = ("be", "ver", "ont", "her", "ge", "er")


def inflections(infinitive: str) -> set[str]:
    """Regular Dutch verb forms of an infinitive (past tense, participles).

    Frog sometimes returns the surface form as the lemma of an inflected verb
    ("veroordeelden" -> "veroordeelden"); matching these forms recovers the trigger. Written
    by hand because no maintained Dutch conjugation package is on PyPI; irregular verbs
    keep relying on Frog's lemma.
    """
    particle = next((p for p in PARTICLES if infinitive.startswith(p)
                     and len(infinitive) > len(p) + 3), "")
    verb = infinitive[len(particle):]
    if not verb.endswith("en"):
        return set()
    stem = verb[:-2]
    stems = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems = {stem[:-1]}  # bellen -> bel
    elif len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
        stems.add(stem[:-1] + stem[-2] + stem[-1])  # veroordelen -> veroordeel
    stems = {s[:-1] + "f" if s.endswith("v") else s[:-1] + "s" if s.endswith("z") else s
             for s in stems}
    forms: set[str] = set()
    for base in stems:
        soft = base.endswith(_SOFT)
        past = "te" if soft else "de"
        ending = "t" if soft else "d"
        prefix = "" if verb.startswith(_UNSTRESSED) else "ge"
        finite = {base + "t", base + past, base + past + "n"}
        # A separable verb's finite forms stand without their particle only in a main
        # clause, where the particle follows ("zegt ... toe"); the separable table matches
        # those. Alone, "zegt" is zeggen, not toezeggen.
        forms |= {particle + form for form in finite}
        forms |= {particle + prefix + base + ending, particle + prefix + base + ending + "e",
                  particle + prefix + base + ending + "en"}
    return forms


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)  # full lemma -> entries
    separable: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    forms: dict[str, list[Entry]] = field(default_factory=dict)  # inflected form -> entries
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    suffixes: list[tuple[str, Entry]] = field(default_factory=list)
    idioms: list[tuple[tuple[str, ...], Entry]] = field(default_factory=list)
    mode_cues: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return (sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))
                + len(self.suffixes) + len(self.idioms))


def _entry(raw: dict[str, Any], kind: str, rule: str) -> Entry:
    return Entry(
        type=raw["type"], kind=kind, mode=raw.get("mode"),
        context=tuple(raw.get("context", ())), needs=frozenset(raw.get("needs", ())),
        unless=frozenset(raw.get("unless", ())), actor=raw.get("actor"),
        recipient=raw.get("recipient"), symmetric=bool(raw.get("symmetric")),
        reciprocal=bool(raw.get("reciprocal")),
        loose_particle=bool(raw.get("loose_particle")), rule=rule,
    )


@cache
def trigger_data() -> dict[str, Any]:
    """data/triggers.yaml as read once: the lexicon and the word lists the clause rules
    use."""
    return cast(dict[str, Any],
                load_yaml((files("kroniek.extract") / "data" / "triggers.yaml").read_text()))


@cache
def load_lexicon() -> Lexicon:
    data = trigger_data()
    lexicon = Lexicon()
    for raw in data["verbs"]:
        lemma = raw["lemma"]
        entry = _entry(raw, "verb", f"verb:{lemma}")
        lexicon.verbs.setdefault(lemma, []).append(entry)
        for form in inflections(lemma):
            lexicon.forms.setdefault(form, []).append(entry)
        for particle in PARTICLES:
            if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
                key = (particle, lemma[len(particle):])
                lexicon.separable.setdefault(key, []).append(entry)
                break
    for raw in data["nouns"]:
        if "suffix" in raw:
            lexicon.suffixes.append((raw["suffix"], _entry(raw, "noun", f"noun:*{raw['suffix']}")))
        else:
            lexicon.nouns.setdefault(raw["lemma"], []).append(
                _entry(raw, "noun", f"noun:{raw['lemma']}"))
    for raw in data["idioms"]:
        words = tuple(raw["lemmas"])
        lexicon.idioms.append((words, _entry(raw, "idiom", "idiom:" + " ".join(words))))
    lexicon.mode_cues = {
        kind: {mode: frozenset(cues) for mode, cues in modes.items()}
        for kind, modes in data.get("mode_cues", {}).items()
    }
    return lexicon


def _lemma(token: Token) -> str:
    return token.lemma.lower()


def _allowed(entry: Entry, lemmas: set[str]) -> bool:
    if entry.needs and not _overlaps(entry.needs, lemmas):
        return False
    return not (entry.unless and _overlaps(entry.unless, lemmas))


def _overlaps(cues: frozenset[str], lemmas: set[str]) -> bool:
    # A cue matches a lemma, its plural (Frog leaves some plurals as lemma) or the head of
    # a compound (``raket`` in ``kruisraket``).
    return any(
        lemma in cues or any(
            len(cue) > 3 and (lemma.endswith(cue) or lemma in {cue + "s", cue + "en", cue + "n"})
            for cue in cues)
        for lemma in lemmas)


def _nominal(tokens: list[Token], verb: Token) -> bool:
    """``zijn aandringen``, ``het vechten``: an infinitive used as a noun."""
    if not verb.features.startswith("inf"):
        return False
    before = [t for t in tokens if t.index == verb.index - 1]
    return bool(before) and before[0].pos in {"LID"} | (
        {"VNW"} if before[0].features.startswith("bez") else set())


def _complement_infinitive(tokens: list[Token], verb: Token) -> bool:
    """``(om) ... te staken``: the content of another event, not an event of its own."""
    before = [t for t in tokens if t.index == verb.index - 1]
    return bool(before) and before[0].text.lower() == "te" and verb.lemma.lower() != "zullen"


def _has_particle(tokens: list[Token], verb: Token, particle: str, loose: bool) -> bool:
    for position, token in enumerate(tokens):
        if token.index <= verb.index or token.lemma.lower() != particle:
            continue
        if loose or token.deprel == "svp":
            return True
        previous = tokens[position - 1]
        if previous.text.lower().startswith("er") and previous.pos == "BW":
            return True  # "stemden ermee in"
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is None or following.pos == "LET" or following.text.lower() in {
                "te", "om", "dat", "en"}:
            return True
    return False


def find_triggers(tokens: list[Token], lexicon: Lexicon) -> list[Match]:
    """Trigger matches in one sentence's tokens, in order, at most one per token."""
    lemmas = {_lemma(token) for token in tokens} | {token.text.lower() for token in tokens}
    matches: list[Match] = []
    used: set[int] = set()
    for words, entry in lexicon.idioms:
        position = 0
        found: list[Token] = []
        for token in tokens:
            if position < len(words) and _lemma(token) in (words[position],
                                                           words[position] + "en"):
                found.append(token)
                position += 1
        if position == len(words) and _allowed(entry, lemmas):
            head = next((t for t in found if t.pos == "WW"), found[0])
            verb = next((t for t in tokens if t.pos == "WW" and t.index < found[0].index),
                        None)
            anchor = head if head.pos == "WW" or verb is None else verb
            matches.append(Match(entry, anchor.index, (found[0].start, found[-1].end)))
            used.update(t.index for t in found)
    for token in tokens:
        if token.index in used:
            continue
        lemma = _lemma(token)
        candidates: list[Entry] = []
        if token.pos == "WW":
            if _nominal(tokens, token) or _complement_infinitive(tokens, token):
                continue
            # A separable verb with its particle is the more specific reading:
            # "eisten ... op" is opeisen (claim), not eisen (demand).
            for particle in PARTICLES:
                for entry in lexicon.separable.get((particle, lemma), []):
                    if _has_particle(tokens, token, particle, entry.loose_particle):
                        candidates.append(entry)
            candidates += list(lexicon.verbs.get(lemma, [])) or list(
                lexicon.forms.get(token.text.lower(), []))
        elif token.pos == "N":
            candidates = list(lexicon.nouns.get(lemma, []))
            candidates += [entry for suffix, entry in lexicon.suffixes if lemma.endswith(suffix)]
        for entry in candidates:
            if _allowed(entry, lemmas):
                if entry.type != "none":  # "none" entries block a misleading reading
                    matches.append(Match(entry, token.index, (token.start, token.end)))
                used.add(token.index)
                break
    return sorted(matches, key=lambda match: match.span)


def mode_for(entry: Entry, tokens: list[Token], lexicon: Lexicon) -> str | None:
    if entry.mode:
        return entry.mode
    lemmas = {_lemma(token) for token in tokens}
    for mode, cues in lexicon.mode_cues.get(entry.type, {}).items():
        if _overlaps(cues, lemmas):
            return mode
    return None
