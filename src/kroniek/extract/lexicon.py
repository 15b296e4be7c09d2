"""The trigger lexicon (data/lexicon/*.yaml, one file per PLOVER type) and matching it
against a sentence. The clause rules' word lists are in data/clauses.yaml."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, cast

from kroniek.datafiles import load_yaml
from kroniek.extract import trace
from kroniek.model import Token

# Separable verb particles: ``oproepen`` also matches ``riep ... op``. A longer particle
# comes before its prefix (``overeen`` before ``over``: "kwamen een bestand overeen" is
# overeenkomen, not over + eenkomen).
PARTICLES = ("overeen", "bijeen", "uiteen", "terug", "samen", "neer", "aan", "op", "af", "in",
             "uit", "toe", "mee", "bij", "door", "over", "voor", "na", "weg", "tegen", "los",
             "vast", "binnen", "vrij", "deel", "open", "dicht", "stop")


@dataclass(frozen=True)
class Entry:
    type: str
    kind: str  # verb | noun | light | idiom
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
    verbs: frozenset[str] = frozenset()  # a light-verb entry's verbs ("aanvallen uitvoeren")

    @property
    def verbal(self) -> bool:
        """Whether the clause's verb carries the arguments: a verb, or a light verb whose
        noun names the event ("voerde luchtaanvallen uit op")."""
        return self.kind in {"verb", "light"}


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
    # light verbs by their noun: exact lemma, or compound head (``head:``)
    light_nouns: dict[str, list[Entry]] = field(default_factory=dict)
    light_heads: list[tuple[str, Entry]] = field(default_factory=list)
    mode_cues: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()  # every verb a light-verb entry names

    def __len__(self) -> int:
        return (sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))
                + len(self.suffixes) + len(self.idioms)
                + sum(map(len, self.light_nouns.values())) + len(self.light_heads))


def _entry(raw: dict[str, Any], kind: str, rule: str, default_type: str) -> Entry:
    return Entry(
        type=raw.get("type", default_type), kind=kind, mode=raw.get("mode"),
        context=tuple(raw.get("context", ())), needs=frozenset(raw.get("needs", ())),
        unless=frozenset(raw.get("unless", ())), actor=raw.get("actor"),
        recipient=raw.get("recipient"), symmetric=bool(raw.get("symmetric")),
        reciprocal=bool(raw.get("reciprocal")),
        loose_particle=bool(raw.get("loose_particle")), rule=rule,
        verbs=frozenset(raw.get("verbs", ())),
    )


_DATA = files("kroniek.extract") / "data"


@cache
def trigger_data() -> dict[str, Any]:
    """data/clauses.yaml as read once: the word lists the clause rules use."""
    return cast(dict[str, Any], load_yaml((_DATA / "clauses.yaml").read_text()))


def lexicon_files() -> list[dict[str, Any]]:
    """The lexicon's data files, one per PLOVER type, in name order."""
    folder = _DATA / "lexicon"
    return [cast(dict[str, Any], load_yaml(path.read_text()))
            for path in sorted(folder.iterdir(), key=lambda path: path.name)
            if path.name.endswith(".yaml")]


def _specific_first(entries: list[Entry]) -> None:
    """Of several readings of one word, one conditioned on context words ("staken" with
    *gevechten*) is more specific than an unconditioned one ("staken": a strike)."""
    entries.sort(key=lambda entry: not (entry.needs or entry.unless))


@cache
def load_lexicon() -> Lexicon:
    lexicon = Lexicon()
    for data in lexicon_files():
        kind_of_file = data["type"]
        for raw in data.get("verbs") or []:
            lemma = raw["lemma"]
            entry = _entry(raw, "verb", f"verb:{lemma}", kind_of_file)
            lexicon.verbs.setdefault(lemma, []).append(entry)
            for form in inflections(lemma):
                lexicon.forms.setdefault(form, []).append(entry)
            for particle in PARTICLES:
                if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
                    key = (particle, lemma[len(particle):])
                    lexicon.separable.setdefault(key, []).append(entry)
                    break
        for raw in data.get("nouns") or []:
            if "suffix" in raw:
                lexicon.suffixes.append((raw["suffix"], _entry(
                    raw, "noun", f"noun:*{raw['suffix']}", kind_of_file)))
            else:
                lexicon.nouns.setdefault(raw["lemma"], []).append(
                    _entry(raw, "noun", f"noun:{raw['lemma']}", kind_of_file))
        for raw in data.get("light_verbs") or []:
            noun = raw.get("noun") or raw["head"]
            entry = _entry(raw, "light", f"light:{'*' if 'head' in raw else ''}{noun}",
                           kind_of_file)
            if "head" in raw:
                lexicon.light_heads.append((raw["head"], entry))
            else:
                lexicon.light_nouns.setdefault(noun, []).append(entry)
        for raw in data.get("idioms") or []:
            words = tuple(raw["lemmas"])
            lexicon.idioms.append(
                (words, _entry(raw, "idiom", "idiom:" + " ".join(words), kind_of_file)))
        if data.get("mode_cues"):
            lexicon.mode_cues[kind_of_file] = {
                mode: frozenset(cues) for mode, cues in data["mode_cues"].items()}
    lexicon.light_verbs = frozenset(
        verb for entries in lexicon.light_nouns.values() for entry in entries
        for verb in entry.verbs) | frozenset(
        verb for _, entry in lexicon.light_heads for verb in entry.verbs)
    for table in (lexicon.verbs, lexicon.forms, lexicon.separable, lexicon.nouns,
                  lexicon.light_nouns):
        for entries in table.values():
            _specific_first(entries)
    return lexicon


def _lemma(token: Token) -> str:
    return token.lemma.lower()


def noun_lemmas(token: Token) -> list[str]:
    """A noun's lemma, and when Frog left a plural it does not know as its own lemma
    ("importheffingen", "vredesplannen"), the singulars that plural may stand for."""
    lemma = _lemma(token)
    if lemma != token.text.lower() or len(lemma) < 5:
        return [lemma]
    guesses = [lemma]
    if lemma.endswith("'s"):
        guesses.append(lemma[:-2])
    elif lemma.endswith("s"):
        guesses.append(lemma[:-1])  # sancties, deals, wapens
    elif lemma.endswith("en"):
        stem = lemma[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            guesses.append(stem[:-1])  # raketten, vredesplannen
        guesses.append(stem)  # importheffingen, akkoorden
        if len(stem) > 3 and stem[-2] in "aeou" and stem[-3] not in "aeiou" \
                and stem[-1] not in "aeiouj":
            guesses.append(stem[:-1] + stem[-2] + stem[-1])  # granaten, soldaten
        if stem.endswith(("v", "z")):
            guesses.append(stem[:-1] + {"v": "f", "z": "s"}[stem[-1]])  # grenzen
    return guesses


def _allowed(entry: Entry, lemmas: set[str]) -> bool:
    if entry.needs and not _overlaps(entry.needs, lemmas):
        return False
    return not (entry.unless and _overlaps(entry.unless, lemmas))


def _why_not(entry: Entry, lemmas: set[str]) -> str:
    if entry.needs and not _overlaps(entry.needs, lemmas):
        return "needs one of " + ", ".join(sorted(entry.needs))
    return "blocked by " + ", ".join(sorted(cue for cue in entry.unless
                                            if _overlaps(frozenset({cue}), lemmas)))


def _note_candidate(token: Token, entry: Entry, lemmas: set[str], chosen: bool) -> None:
    if not trace.active():
        return
    if not chosen:
        trace.note(token.sentence, "blocked", f"{token.text}: {entry.rule} ({entry.type}) not "
                   f"used: {_why_not(entry, lemmas)}", rule=entry.rule)
    elif entry.type == "none":
        trace.note(token.sentence, "blocked", f"{token.text}: {entry.rule} blocks the other "
                   "readings of this word", rule=entry.rule)
    else:
        trace.note(token.sentence, "trigger", f"{token.text}: {entry.rule} -> {entry.type}"
                   + (f" ({entry.mode})" if entry.mode else ""), rule=entry.rule,
                   type=entry.type, token=token.index)


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


# Particles that are never prepositions: after the verb, in its clause, they are its particle
# whatever follows ("roept zijn ambassadeur terug voor overleg").
_ADVERB_PARTICLES = frozenset({"terug", "samen", "neer", "af", "toe", "mee", "weg", "los",
                               "vast", "bijeen", "uiteen", "overeen"})
# What may follow a preposition that heads a phrase; a particle-word followed by anything else
# (another preposition, a conjunction, a verb, punctuation) stands alone: "zet diplomaten uit
# wegens spionage", "schorten hun blokkades op na toezeggingen".
_PHRASE_STARTS = frozenset({"LID", "VNW", "TW", "ADJ", "N", "SPEC", "BW"})


def _has_particle(tokens: list[Token], verb: Token, particle: str, loose: bool) -> bool:
    for position, token in enumerate(tokens):
        if token.index >= verb.index:
            break
        # te-infinitive of a separable verb: "om uit te zoeken", "besloot op te heffen"
        if (token.index == verb.index - 2 and token.lemma.lower() == particle
                and tokens[position + 1].text.lower() == "te"):
            return True
    for position, token in enumerate(tokens):
        if token.index <= verb.index or token.lemma.lower() != particle:
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is not None and following.text.lower() == "te" and not loose:
            # "vragen om af te treden": a particle before te belongs to the infinitive after it
            continue
        if loose or (token.deprel == "svp" and token.head in (None, verb.index)):
            return True
        between = [t for t in tokens if verb.index < t.index < token.index]
        if particle in _ADVERB_PARTICLES and not any(
                t.pos == "WW" or t.text in {",", ";", ":"} for t in between):
            return True
        previous = tokens[position - 1]
        if previous.text.lower().startswith("er") and previous.pos == "BW":
            return True  # "stemden ermee in"
        if following is None or following.pos not in _PHRASE_STARTS or following.text.lower() in {
                "om", "dat", "en"}:
            return True
    return False


def _verb_readings(tokens: list[Token], verb: Token) -> set[str]:
    """The lemmas a verb token stands for: its own, and with a separated particle
    ("voerde ... uit" is uitvoeren)."""
    lemma = _lemma(verb)
    readings = {lemma, verb.text.lower()}
    for particle in PARTICLES:
        if _has_particle(tokens, verb, particle, False):
            readings.add(particle + lemma)
    return readings


def _light_matches(tokens: list[Token], lexicon: Lexicon, lemmas: set[str],
                   used: set[int]) -> list[Match]:
    """Light-verb constructions: an event noun with a verb that only carries it
    ("aanvallen uitvoeren op", "druk uitoefenen op", "een bezoek brengen aan"), in any
    order within the sentence. The match sits on the verb, whose clause gives the
    arguments."""
    if not lexicon.light_nouns and not lexicon.light_heads:
        return []
    # A te-infinitive is the content of another event ("dreigde troepen terug te trekken"),
    # as for a verb alone (find_triggers).
    verbs = [(token, _verb_readings(tokens, token)) for token in tokens
             if token.pos == "WW" and token.index not in used
             and not _complement_infinitive(tokens, token)]
    if not verbs:
        return []
    matches: list[Match] = []
    for noun in tokens:
        if noun.pos != "N" or noun.index in used:
            continue
        entries = []
        for lemma in noun_lemmas(noun):
            entries = list(lexicon.light_nouns.get(lemma, [])) + [
                entry for head, entry in lexicon.light_heads if lemma.endswith(head)]
            if entries:
                break
        for entry in entries:
            if not _allowed(entry, lemmas):
                continue
            carriers = [verb for verb, readings in verbs
                        if verb.index not in used and readings & entry.verbs]
            if not carriers:
                continue
            verb = min(carriers, key=lambda verb: abs(verb.index - noun.index))
            _note_candidate(verb, entry, lemmas, True)
            used.update({noun.index, verb.index})
            if entry.type != "none":
                first, last = sorted((noun, verb), key=lambda token: token.index)
                matches.append(Match(entry, verb.index, (first.start, last.end)))
            break
    return matches


def token_candidates(tokens: list[Token], token: Token, lexicon: Lexicon) -> list[Entry]:
    """The verb and noun entries one token may trigger, most specific first (before the
    needs/unless conditions are checked)."""
    lemma = _lemma(token)
    candidates: list[Entry] = []
    if token.pos == "WW":
        # A separable verb with its particle is the more specific reading:
        # "eisten ... op" is opeisen (claim), not eisen (demand).
        for particle in PARTICLES:
            for entry in lexicon.separable.get((particle, lemma), []):
                if _has_particle(tokens, token, particle, entry.loose_particle):
                    candidates.append(entry)
        candidates += list(lexicon.verbs.get(lemma, [])) or list(
            lexicon.forms.get(token.text.lower(), []))
    elif token.pos == "N":
        for lemma in noun_lemmas(token):
            candidates = list(lexicon.nouns.get(lemma, []))
            candidates += [entry for suffix, entry in lexicon.suffixes
                           if lemma.endswith(suffix)]
            if candidates:
                break
    return candidates


def _boundary(token: Token) -> bool:
    """A clause boundary: a comma, colon or semicolon, or a subordinating conjunction."""
    return (token.pos == "LET" and token.text in {",", ";", ":"}) or (
        token.pos == "VG" and token.features.startswith("onder"))


def _idiom_tokens(tokens: list[Token], words: tuple[str, ...],
                  readings: dict[int, set[str]]) -> list[Token] | None:
    """The tokens of an idiom in the sentence, or None. Its words stand in the listed order,
    except a verb, which Dutch puts second in a main clause and last in a subordinate one
    ("gingen akkoord", "akkoord gaan"; "trekken samen op", "samen optrekken"): that one may
    stand anywhere in the clause of the other words."""
    found: list[Token] = []
    position = 0
    for token in tokens:
        if position < len(words) and _lemma(token) in (words[position], words[position] + "en"):
            found.append(token)
            position += 1
    if position == len(words):
        return found
    verbs: dict[int, Token] = {}
    for position, word in enumerate(words):
        verb = next((t for t in tokens if t.index in readings and t not in verbs.values()
                     and (word in readings[t.index] or word + "en" in readings[t.index])), None)
        if verb is not None:
            verbs[position] = verb
    if not verbs or len(verbs) == len(words):
        return None
    rest = [word for position, word in enumerate(words) if position not in verbs]
    found = []
    for token in tokens:
        if len(found) < len(rest) and token not in verbs.values() and _lemma(token) in (
                rest[len(found)], rest[len(found)] + "en"):
            found.append(token)
    if len(found) < len(rest):
        return None
    for verb in verbs.values():
        low, high = sorted((verb.index, min(found, key=lambda t: abs(t.index - verb.index)).index))
        if any(_boundary(t) for t in tokens if low < t.index < high):
            return None
    return sorted(found + list(verbs.values()), key=lambda token: token.index)


# What may stand before a noun that is a noun: an article, a possessive, an adjective, a
# preposition ("haar schort", "een nieuwe schort", "met de schort").
_NOUN_OPENERS = frozenset({"LID", "ADJ", "VZ", "TW"})
_MODALS = frozenset({"zullen", "willen", "gaan", "kunnen", "moeten", "mogen", "dreigen"})


def _as_verb(tokens: list[Token], position: int, lexicon: Lexicon) -> Token:
    """A finite verb Frog tagged as something else, as the verb it is, else the token.

    Frog tags some present-tense forms of separable verbs as nouns ("Washington schort de
    heffingen op": *schort*, an apron) and some participles and finite forms as free
    adjectives ("heeft nog niet ingestemd", "Japan beperkt de export"). A noun counts as the
    verb when its form + *-en* is a lexicon verb whose separated particle follows in the
    clause and nothing marks it as a noun; a free adjective when its form is a regular form
    of a lexicon verb."""
    token = tokens[position]
    text = token.text.lower()
    before = tokens[position - 1] if position else None
    if token.pos == "N" and before is not None and (before.pos in _NOUN_OPENERS or (
            before.pos == "VNW" and before.features.startswith(("bez", "aanw", "onbep")))):
        return token
    if token.pos == "N" and "mv" in token.features and text in lexicon.verbs and any(
            t.pos == "WW" and t.lemma.lower() in _MODALS for t in tokens[:position]):
        # "zal elk schip in de Rode Zee aanvallen": an infinitive after a modal, not the
        # plural of aanval
        return dataclasses.replace(token, pos="WW", lemma=text, features="inf,vrij,zonder")
    if token.pos == "N" and "mv" not in token.features:
        verb = dataclasses.replace(token, pos="WW", lemma=text + "en", features="pv,tgw,ev")
        for particle in PARTICLES:
            joined = particle + text + "en"
            if ((particle, text + "en") in lexicon.separable or joined in lexicon.light_verbs) \
                    and _has_particle(tokens, verb, particle, False):
                return verb
        return token
    if token.pos == "ADJ" and token.features.startswith("vrij") and text in lexicon.forms:
        return dataclasses.replace(token, pos="WW", features="vd,vrij,zonder")
    return token


def find_triggers(tokens: list[Token], lexicon: Lexicon) -> list[Match]:
    """Trigger matches in one sentence's tokens, in order, at most one per token."""
    tokens = [_as_verb(tokens, position, lexicon) for position in range(len(tokens))]
    lemmas = {_lemma(token) for token in tokens} | {token.text.lower() for token in tokens}
    # plurals Frog leaves as their own lemma count as their singular for needs/unless
    # ("155mm-granaten" is a granaat)
    lemmas |= {guess for token in tokens if token.pos == "N" for guess in noun_lemmas(token)}
    matches: list[Match] = []
    used: set[int] = set()
    readings = {token.index: _verb_readings(tokens, token) for token in tokens
                if token.pos == "WW" and not _complement_infinitive(tokens, token)}
    # a separable verb counts with its particle too ("schort ... op" is opschorten), so a
    # condition may name it ("unless: [opschorten]")
    lemmas |= {reading for token_readings in readings.values() for reading in token_readings}
    for words, entry in lexicon.idioms:
        found = _idiom_tokens(tokens, words, readings)
        # one reading per word: an idiom listed in two orders matches once
        if found and not used & {t.index for t in found} and _allowed(entry, lemmas):
            head = next((t for t in found if t.pos == "WW"), found[0])
            verb = next((t for t in tokens if t.pos == "WW" and t.index < found[0].index),
                        None)
            anchor = head if head.pos == "WW" or verb is None else verb
            _note_candidate(anchor, entry, lemmas, True)
            matches.append(Match(entry, anchor.index, (found[0].start, found[-1].end)))
            used.update(t.index for t in found)
    matches += _light_matches(tokens, lexicon, lemmas, used)
    for token in tokens:
        if token.index in used:
            continue
        if token.pos == "WW" and (_nominal(tokens, token)
                                  or _complement_infinitive(tokens, token)):
            continue
        for entry in token_candidates(tokens, token, lexicon):
            allowed = _allowed(entry, lemmas)
            _note_candidate(token, entry, lemmas, allowed)
            if allowed:
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
