"""Who acts on whom: actor and recipient codes for a trigger in a sentence.

Frog's dependency parse of news sentences is often wrong about subjects (a fronted
"Donderdag" parsed as subject), so arguments come from the order of coordinated mention
groups within the clause, which Dutch word order makes reliable enough: the first bare
noun phrase of the clause is its subject, a ``door`` phrase in a passive is the agent, and
prepositional phrases carry recipients by preposition. The parse is used where it is
robust: particles, participles and prepositions.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache

from kroniek.extract import trace
from kroniek.extract.clauses import clause_of, conditional_inversion, finite
from kroniek.extract.lexicon import PARTICLES, Entry, Match, load_lexicon, trigger_data
from kroniek.extract.places import is_place, seat_code, state_code
from kroniek.kb import load_kb
from kroniek.model import Document, Mention, Token

_SKIPPABLE_POS = {"LID", "ADJ", "TW", "BW"}
_AUXILIARIES = frozenset({"hebben", "zijn", "worden", "zullen", "kunnen", "moeten", "willen",
                          "gaan", "blijven"})
_COORDINATION = re.compile(r"^(?:\s|,|en|of|evenals|alsook|alsmede|noch|de|het|&)*$")
_COORDINATOR = re.compile(r",|&|\b(?:en|of|evenals|alsook|alsmede|noch)\b")


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = trigger_data()
    return frozenset(data["agent_nouns"]), frozenset(data["clause_openers"])


@cache
def _verb_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = trigger_data()
    return frozenset(data["zijn_perfect"]), frozenset(data["reporting_verbs"])


@dataclass
class Group:
    """Coordinated coded mentions (``Armenië en Azerbeidzjan``) and how they attach."""

    mentions: list[Mention]
    first_token: int
    last_token: int
    preposition: str | None  # None for a bare noun phrase
    direct: str | None = None  # the preposition right before it, before possessor lifting
    via: str | None = None  # the noun a "van" possessor hangs from ("zijde", "leiders")
    codes: list[str] = field(default_factory=list)
    # A place inside another phrase ("op het ziekenhuis in Kiev", "doelen in Iran"):
    # ``preposition`` is the outer phrase's. Only a recipient, and only when no phrase
    # names one itself.
    place: bool = False


@cache
def _embedding_verbs() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Per kind, each verb's lemma and the other words it needs in the clause
    ("verantwoordelijk houden": ``houden`` with ``verantwoordelijk``)."""
    data = trigger_data()
    return {kind: tuple((words.split()[-1], tuple(words.split()[:-1])) for words in lemmas)
            for kind, lemmas in data["embedding_verbs"].items()}


def _verb_lemmas(clause: list[Token], verb: Token) -> set[str]:
    """A verb's lemma, and with a separated particle after it ("schrijven ... toe" is
    toeschrijven)."""
    lemma = verb.lemma.lower()
    # Frog often reads the particle as the end of a circumposition ("op ... toe"): any
    # postposed particle after the verb counts.
    return {lemma} | {token.lemma.lower() + lemma for token in clause
                      if token.index > verb.index and token.lemma.lower() in PARTICLES
                      and (token.deprel == "svp" or (
                          token.pos == "VZ" and "fin" in token.features.split(",")))}


@cache
def _reference_prepositions() -> frozenset[str]:
    data = trigger_data()
    return frozenset(data["reference_prepositions"])


def _definite(tokens: list[Token], noun: int) -> bool:
    """Is the noun at ``noun`` introduced by a definite article or a demonstrative
    ("het historische bezoek", "deze aanvallen")?"""
    base = tokens[0].index
    position = noun - 1
    while position >= base and tokens[position - base].pos in {"ADJ", "TW"}:
        position -= 1
    if position < base:
        return False
    word = tokens[position - base]
    return (word.pos == "LID" and word.features.startswith("bep")) or (
        word.pos == "VNW" and word.features.startswith("aanw"))


@dataclass
class Arguments:
    actor: list[Mention]
    recipient: list[Mention]
    reciprocal: bool = False
    status: str | None = None  # "alleged" when the clause accuses the actor of the event
    refers_to: str | None = None  # PLOVER type of an earlier event its object names
    # The clause does not say who acted (an agentless passive): the discourse may
    # (extract/implicit.py).
    unstated_actor: bool = False
    state_act: bool = False  # ... and only a state's authorities do it (an arrest)


@cache
def _referent_nouns() -> dict[str, str]:
    data = trigger_data()
    return dict(data["referent_nouns"])


def _event_reference(tokens: list[Token], start: int, end: int, trigger: int) -> str | None:
    """The type of an event a definite noun in the clause names ("de lancering", "deze
    aanvallen"): the verb reacts to an event reported before."""
    lexicon = load_lexicon()
    base = tokens[0].index
    clause = tokens[start - base : end - base]
    for token in clause:
        if token.index == trigger or token.pos != "N" or token.index - 1 < base:
            continue
        if token.index < trigger and any(
                other.pos == "WW" and other.index != trigger
                and other.lemma.lower() not in _AUXILIARIES
                for other in clause if other.index < token.index):
            continue  # "veroordeelde de aanvallen en dreigde": the noun is the other verb's
        before = tokens[token.index - 1 - base]
        definite = (before.pos == "LID" and before.features.startswith("bep")) or (
            before.pos == "VNW" and before.features.startswith("aanw"))
        if not definite:
            continue
        lemma = token.lemma.lower()
        entries = [*lexicon.nouns.get(lemma, []),
                   *(entry for suffix, entry in lexicon.suffixes if lemma.endswith(suffix))]
        kinds = [entry.type for entry in entries if entry.type != "none"]
        kind = kinds[0] if kinds else _referent_nouns().get(lemma)
        if kind is not None:
            return kind
    return None


def _embedding(tokens: list[Token], start: int, end: int, noun: int) -> str | None:
    """``accuse``, ``attribute`` or ``report`` when a verb of that kind governs the noun
    trigger in its clause, or the noun sits in an "over" phrase or is a definite noun in a
    phrase that refers back ("als reactie op het bezoek"); else None."""
    verbs = _embedding_verbs()
    base = tokens[0].index
    clause = tokens[start - base : end - base]
    words = {token.lemma.lower() for token in clause}
    # Anywhere in the clause: a perfect puts the participle last ("hebben de gevechten
    # gestaakt").
    for token in clause:
        if token.pos == "WW" and token.index != noun:
            lemmas = _verb_lemmas(clause, token)
            for kind, entries in verbs.items():
                if any(verb in lemmas and set(needs) <= words for verb, needs in entries):
                    return kind
    preposition, _ = _preposition(tokens, noun, base)
    if preposition == "over" or (preposition in _reference_prepositions()
                                 and _definite(tokens, noun)):
        return "report"
    return None


@cache
def _patient_van_settings() -> tuple[tuple[str, ...], frozenset[str]]:
    data = trigger_data()["patient_van"]
    return tuple(data["suffixes"]), frozenset(data["types"])


def _patient_van(entry: Entry, trigger: Token) -> bool:
    """Does this action noun take what is acted on in its "van" phrase? Its frame says so
    (``recipient: pp:van``), it is a nominalised infinitive ("het neerhalen van een
    drone"), or a nominalisation by suffix of a verb that does something to someone
    (clauses.yaml, ``patient_van``)."""
    if entry.recipient == "pp:van":
        return True
    if trigger.pos == "WW":
        return "nom" in trigger.features.split(",")
    suffixes, types = _patient_van_settings()
    return entry.type in types and trigger.lemma.lower().endswith(suffixes)


def _token_at(tokens: list[Token], offset: int) -> Token | None:
    return next((t for t in tokens if t.start <= offset < t.end), None)


def _preposition_word(token: Token) -> str:
    """A preposition's own word: Frog glues some to their article ("tegen_de")."""
    return token.lemma.lower().split("_", 1)[0]


def _preposition(tokens: list[Token], first: int, base: int) -> tuple[str | None, int]:
    """The preposition a noun phrase starting at token ``first`` hangs from, and its start."""
    position = first - 1
    while position >= base and tokens[position - base].pos in _SKIPPABLE_POS | {"VNW"} and (
        tokens[position - base].pos != "VNW" or tokens[position - base].features.startswith(
            ("bez", "aanw"))):
        position -= 1
    if position < base or tokens[position - base].pos != "VZ":
        return None, position + 1
    word = _preposition_word(tokens[position - base])
    if word == "van" and position - 1 >= base:
        # "de leiders van Armenië", "stellingen van Hamas": the possessor stands for the
        # noun phrase it belongs to, and takes that phrase's place in the clause.
        noun = tokens[position - 1 - base]
        if noun.pos == "N":
            return _preposition(tokens, position - 1, base)
    if word == "in" and position - 1 >= base:
        # "zijn ambtsgenoten in Armenië": an office holder's state, lifted like "van".
        noun = tokens[position - 1 - base]
        agents, _ = _word_lists()
        if noun.pos == "N" and (noun.lemma.lower() in agents or noun.text.lower() in agents):
            return _preposition(tokens, position - 1, base)
    return word, position


_LOCATIVES = frozenset({"in", "bij", "nabij", "rond", "rondom", "boven", "buiten", "langs"})
_NOUN_PHRASE_POS = _SKIPPABLE_POS | {"N", "SPEC", "VNW"}


def _outer_preposition(tokens: list[Token], first: int, base: int) -> str | None:
    """For a phrase in a locative phrase that follows a noun ("het ziekenhuis in Kiev"),
    the preposition of that noun's own phrase ("op"), ``""`` when the noun is a bare
    phrase, None when the locative follows no noun (it then modifies the clause)."""
    position = first - 1
    while position >= base and tokens[position - base].pos != "VZ":
        position -= 1
    position -= 1  # the token before the locative preposition
    if position < base or tokens[position - base].pos not in {"N", "SPEC"}:
        return None
    while position >= base and tokens[position - base].pos in _NOUN_PHRASE_POS:
        position -= 1
    if position >= base and tokens[position - base].pos == "VZ":
        word = _preposition_word(tokens[position - base])
        return None if word in _LOCATIVES else word
    return ""


def _direct(tokens: list[Token], first: int, base: int) -> tuple[str | None, str | None]:
    position = first - 1
    while position >= base and tokens[position - base].pos in _SKIPPABLE_POS:
        position -= 1
    if position < base or tokens[position - base].pos != "VZ":
        return None, None
    word = _preposition_word(tokens[position - base])
    noun = tokens[position - 1 - base] if position - 1 >= base else None
    # The head "van" hangs from: a noun, or a nominalised infinitive ("het neerhalen van").
    head = noun is not None and (noun.pos == "N" or (
        noun.pos == "WW" and "nom" in noun.features.split(",")))
    return word, noun.lemma.lower() if word == "van" and noun and head else None


def groups_in(document: Document, sentence: int) -> list[Group]:
    tokens = document.sentence_tokens(sentence)
    if not tokens:
        return []
    base = tokens[0].index
    coded = [m for m in document.sentence_mentions(sentence)
             if m.code and not document.in_furniture(m.start)]
    groups: list[Group] = []
    for mention in sorted(coded, key=lambda m: m.start):
        first = _token_at(tokens, mention.start)
        last = _token_at(tokens, mention.end - 1)
        if first is None or last is None:
            continue
        previous = groups[-1] if groups else None
        between = document.text[previous.mentions[-1].end : mention.start] if previous else ""
        # Names with no coordinator between are two phrases ("nadat Noord-Korea de VS had
        # bedreigd"); a shared span (a plural back-reference) is one group.
        lowered = between.lower()
        joined = between == "" or bool(_COORDINATION.match(lowered)
                                       and _COORDINATOR.search(lowered))
        if previous and joined:
            previous.mentions.append(mention)
            previous.last_token = last.index
            continue
        preposition, _ = _preposition(tokens, first.index, base)
        direct, via = _direct(tokens, first.index, base)
        place = False
        if preposition in _LOCATIVES:
            outer = _outer_preposition(tokens, first.index, base)
            if outer is not None:
                preposition, place = outer, True
        groups.append(Group([mention], first.index, last.index, preposition, direct, via,
                            place=place))
    for group in groups:
        group.codes = [m.code for m in group.mentions if m.code]
    return groups


@cache
def _destination_types() -> frozenset[str]:
    return frozenset(trigger_data()["destination_types"])


def place_groups(document: Document, sentence: int) -> list[Group]:
    """Places with no event code, each standing for the state it is or lies in, with the
    preposition right before it: where a frame's recipient phrase names a place ("een
    bezoek aan Peking", "arriveerde in Teheran", "hulp naar Kathmandu"), that state is the
    recipient."""
    tokens = document.sentence_tokens(sentence)
    if not tokens:
        return []
    base = tokens[0].index
    found = []
    for mention in document.sentence_mentions(sentence):
        if not is_place(mention) or document.in_furniture(mention.start):
            continue
        code = state_code(mention)
        first = _token_at(tokens, mention.start)
        last = _token_at(tokens, mention.end - 1)
        if code is None or first is None or last is None:
            continue
        direct, _ = _direct(tokens, first.index, base)
        found.append(Group([dataclasses.replace(mention, code=code)], first.index, last.index,
                           direct, direct, codes=[code]))
    return found


def _inside_noun_phrase(document: Document, tokens: list[Token], first: int,
                        base: int) -> bool:
    """Does the preposition before the phrase at ``first`` modify a noun ("de landing in
    Minsk") rather than the clause ("werd woensdag in Londen ontboden")? Frog's head for
    the preposition says, where it has one; a day name before it is no noun to modify."""
    position = first - 1
    while position >= base and tokens[position - base].pos != "VZ":
        position -= 1
    if position < base:
        return False
    head = tokens[position - base].head
    return head is not None and document.tokens[head].pos == "N"


@cache
def _state_acts() -> tuple[frozenset[str], frozenset[str]]:
    data = trigger_data()["state_acts"]
    return frozenset(data["verbs"]), frozenset(data["types"])


def _is_state_act(entry: Entry, trigger: Token) -> bool:
    verbs, types = _state_acts()
    # Not a participle used as a noun ("Palestijnse gedetineerden").
    return (entry.type in types and trigger.lemma.lower() in verbs
            and "nom" not in trigger.features.split(","))


_DOMESTIC_SIDES = frozenset({"OPP", "ACT", "PTY", "LAB"})
_SITES = frozenset({"in", "bij", "nabij", "rond", "te", "op"})


def _state_act_actor(document: Document, sentence: int, own: set[int], entry: Entry,
                     trigger: Token, recipient: list[Group]) -> list[Group]:
    """For an agentless passive of what only a state's authorities do ("werden opgepakt",
    "is veroordeeld tot zestien jaar"), the state it is done in: the place its clause puts
    it at ("in Jekaterinenburg"), else the state whose domestic side is its target
    (*Navalny*, RUS-OPP: Russia)."""
    if not _is_state_act(entry, trigger):
        return []
    sites = [g for g in place_groups(document, sentence)
             if g.first_token in own and g.preposition in _SITES]
    if sites:
        return sites[:1]
    for group in recipient:
        for mention in group.mentions:
            state, _, sector = (mention.code or "").partition("-")
            # A domestic political side, not a national abroad ("De Amerikaanse
            # journalist ... is veroordeeld": not by the United States).
            if sector in _DOMESTIC_SIDES and len(state) == 3:
                return [Group([dataclasses.replace(mention, code=state)], group.first_token,
                              group.last_token, None, codes=[state])]
    return []


@cache
def _labour_protests() -> frozenset[str]:
    return frozenset(trigger_data()["labour_protests"])


def _crowd(document: Document, sentence: int, own: set[int], trigger: Token) -> list[Group]:
    """The unnamed people of a protest that names no one ("in Tbilisi gingen tienduizenden
    mensen de straat op", "in Los Angeles wordt gedemonstreerd"): the domestic side of the
    state its clause puts it in, ``ISO3-ACT``, or ``ISO3-LAB`` for a strike (EVAL.md)."""
    sector = "LAB" if trigger.lemma.lower() in _labour_protests() else "ACT"
    sites = [g for g in place_groups(document, sentence)
             if g.first_token in own and g.preposition in _SITES]
    if not sites:
        # "In heel Frankrijk braken rellen uit": a state named as where, coded as a state;
        # "twee miljoen Hongkongers demonstreerden": the people named by their demonym.
        states = [g for g in groups_in(document, sentence) if g.first_token in own
                  and len(g.codes) == 1 and len(g.codes[0]) == 3
                  and g.preposition in _SITES]
        if states:
            mention, first, state = (states[0].mentions[0], states[0].first_token,
                                     states[0].codes[0])
        else:
            tokens = document.sentence_tokens(sentence)
            people = [(m, token.index) for m in document.sentence_mentions(sentence)
                      if m.method == "demonym-national" and not m.code and m.actor_id
                      for token in [_token_at(tokens, m.start)]
                      if token is not None and token.index in own]
            if not people:
                return []
            (mention, first), state = people[0], load_kb().code_of(people[0][0].actor_id or "")
        if not state or len(state) != 3:
            return []
        code = f"{state}-{sector}"
        return [Group([dataclasses.replace(mention, code=code, sector=sector)], first, first,
                      None, codes=[code])]
    # "in Londen, Parijs en Berlijn": the places coordinated with the first one too.
    chain = [sites[0]]
    for group in sorted(place_groups(document, sentence), key=lambda g: g.first_token):
        between = document.tokens[chain[-1].last_token + 1:group.first_token]
        if group.first_token > chain[-1].last_token and between and all(
                t.text == "," or t.lemma.lower() == "en" for t in between):
            chain.append(group)
    mentions = [dataclasses.replace(g.mentions[0], code=f"{g.codes[0]}-{sector}", sector=sector)
                for g in chain]
    return [Group(mentions, chain[0].first_token, chain[-1].last_token, None,
                  codes=[m.code for m in mentions if m.code])]


@cache
def _seat_types() -> frozenset[str]:
    return frozenset(trigger_data()["seat_types"])


def _seats(document: Document, sentence: int, own: set[int], trigger: int) -> list[Group]:
    """The seats of government the clause puts itself in before its verb ("werd in Tokio
    en Seoel veroordeeld"), as one group of the authorities they stand for. Not a place
    inside a noun phrase ("de landing in Minsk"), nor one after the verb ("om de dialoog
    in Brussel te hervatten")."""
    tokens = document.sentence_tokens(sentence)
    base = tokens[0].index
    found: list[Mention] = []
    first = last = -1
    for mention in document.sentence_mentions(sentence):
        start = _token_at(tokens, mention.start)
        end = _token_at(tokens, mention.end - 1)
        if start is None or end is None or start.index not in own or start.index > trigger:
            continue
        if mention.method == "name-place":
            continue  # "in Slowakije gestationeerd": a state's territory, not its seat
        code = seat_code(mention, document.text[mention.start:mention.end])
        preposition = _direct(tokens, start.index, base)[0]
        if found and preposition is None and start.index - last <= 2:
            preposition = "in"  # "in Beijing, Moskou en Ankara": a conjunct
        elif preposition in {"in", "te"} and _inside_noun_phrase(document, tokens,
                                                                 start.index, base):
            continue
        if code is None or preposition not in {"in", "te"}:
            continue
        found.append(dataclasses.replace(mention, code=code))
        first = start.index if first < 0 else first
        last = end.index
    return [Group(found, first, last, "in", "in", codes=[m.code for m in found
                                                          if m.code])] if found else []


def clause_bounds(tokens: list[Token], trigger: int) -> tuple[int, int]:
    """Token range of the clause holding ``trigger``: from the last clause opener before it
    to the next one after it (or the sentence's ends)."""
    _, openers = _word_lists()
    _, reporting = _verb_lists()
    start, end = tokens[0].index, tokens[-1].index + 1
    for position, token in enumerate(tokens):
        lemma = token.lemma.lower()
        opens = lemma in openers and (token.pos in {"VG", "VNW", "BW"} or lemma == "om")
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        # A fronted subordinate clause ends at the comma before the main clause's verb,
        # and ", zegt het leger" starts a reporting clause.
        closes_fronted = token.text == "," and following is not None and (
            (start == tokens[0].index and (tokens[0].lemma.lower() in openers
                                           or conditional_inversion(tokens[0]))
             and (following.pos == "WW" or following.lemma.lower() == "dan"))
            or (following.lemma.lower() in reporting and following.pos in {"WW", "BW"}))
        if (opens or closes_fronted or token.text == ";") and token.index <= trigger:
            start = token.index
        elif (opens or closes_fronted or token.text in {";", ":"}) and token.index > trigger:
            end = token.index
            break
    return start, end


def _complement_subject(document: Document, sentence: int, groups: list[Group],
                        own: set[int], trigger: int) -> list[Group]:
    """The first bare phrase of a "dat" clause right after the trigger's own clause."""
    after = [index for index in range(trigger + 1, document.sentences[sentence].token_end)
             if index not in own]
    if not after or document.tokens[after[0]].lemma.lower() != "dat" \
            or document.tokens[after[0]].pos != "VG":
        return []
    complement = clause_of(document, sentence, after[0])
    return [g for g in groups if g.preposition is None and g.first_token in complement][:1]


def _number(token: Token) -> str | None:
    features = token.features.split(",")
    if token.pos == "SPEC":
        return "ev"  # a name: a state, a body, a person
    if "mv" in features or "mv-n" in features:
        return "mv"
    if "ev" in features or "met-t" in features:
        return "ev"
    return None


def _number_disagrees(document: Document, antecedent: Group, pronoun: int,
                      own: set[int]) -> bool:
    """Does the relative clause's finite verb disagree in number with the phrase the
    pronoun refers to (its head noun, the first noun or name from the group to the
    pronoun)?"""
    head = next((document.tokens[i] for i in range(antecedent.last_token, pronoun)
                 if document.tokens[i].pos in {"N", "SPEC"}), None)
    verb = next((document.tokens[i] for i in sorted(own) if finite(document.tokens[i])), None)
    if head is None or verb is None:
        return False
    wanted, got = _number(head), _number(verb)
    return wanted is not None and got is not None and wanted != got


def _relative_pronoun(token: Token) -> bool:
    return token.pos == "VNW" and "betr" in token.features.split(",")


def _in(groups: list[Group], start: int, end: int) -> list[Group]:
    return [g for g in groups if start <= g.first_token < end]


def _dropped(sentence: int, match: Match, reason: str) -> None:
    """No event for this trigger; the reason is kept for ``kroniek explain``."""
    if trace.active():
        trace.note(sentence, "dropped", f"{match.entry.rule}: {reason}",
                   rule=match.entry.rule)


def _describe(document: Document, groups: list[Group]) -> str:
    return "; ".join(
        f"{' + '.join(document.text[m.start:m.end] for m in g.mentions)} "
        f"[{', '.join(g.codes)}] {g.preposition or 'bare'}" for g in groups) or "none"


def find_arguments(document: Document, sentence: int, match: Match) -> Arguments | None:
    tokens = document.sentence_tokens(sentence)
    groups = groups_in(document, sentence)
    # With no coded phrase, only an agentless passive can still be an event, its actor
    # given by the place or the text before (below).
    places = [g for g in groups if g.place]
    groups = [g for g in groups if not g.place]
    entry = match.entry
    start, end = clause_bounds(tokens, match.token)
    if trace.active():
        words = document.text[document.tokens[start].start:document.tokens[end - 1].end]
        trace.note(sentence, "clause", f"{entry.rule}: clause \"{words}\"; phrases: "
                   f"{_describe(document, _in(groups, start, end))}")
    if document.tokens[start].lemma.lower() == "om":
        # "om ... te helpen met de strijd": a purpose, not an event
        return _dropped(sentence, match, "a purpose clause (om ... te), not an event")
    # Within those bounds, only the trigger's own clause: a relative or subordinate clause
    # nested in it has arguments of its own ("Hamas liet gijzelaars vrij, in ruil voor
    # gevangenen die door Israël werden vrijgelaten": no passive, no agent Israël).
    own = clause_of(document, sentence, match.token)
    clause = [g for g in _in(groups, start, end) if g.first_token in own]
    bare = [g for g in clause if g.preposition is None]
    lemmas = {t.lemma.lower() for t in tokens if start <= t.index < end and t.index in own}
    trigger = document.tokens[match.token]
    participle = trigger.pos == "WW" and trigger.features.startswith("vd")
    passive = (participle or "worden" in lemmas) and any(g.preposition == "door" for g in clause)
    zijn_perfect, _ = _verb_lists()
    auxiliaries = {t.lemma.lower() for t in tokens
                   if start <= t.index < end and t.index in own and t.pos == "WW"}
    # "zijn twee tieners gedood", "werd Kiev getroffen": a passive whose agent, if any, is
    # not a coded actor. Its subject is the target, never the actor.
    agentless_passive = participle and not passive and entry.verbal and (
        "worden" in auxiliaries or ("zijn" in auxiliaries and "hebben" not in auxiliaries
                                    and entry.rule.removeprefix("verb:") not in zijn_perfect
                                    and trigger.lemma.lower() not in zijn_perfect))

    def by_preposition(word: str, after: int | None = None) -> list[Group]:
        if entry.verbal:
            # Verb-final subordinate clauses put objects before the verb: the clause is
            # the limit, not the trigger's position.
            return [g for g in clause if g.preposition == word]
        return [g for g in groups if g.preposition == word
                and (after is None or g.first_token > after)]

    opening = document.tokens[min(own)]
    if _relative_pronoun(opening) and not any(g.first_token <= opening.index for g in bare):
        # "de ambassadeur, die zondag met Macron belde": the pronoun opening a relative
        # clause stands for the phrase it follows, in the subject's place.
        antecedent = [g for g in groups
                      if g.last_token < opening.index and opening.index - g.last_token <= 3]
        if antecedent:
            found = antecedent[-1]
            stand_in = Group(found.mentions, opening.index, opening.index, None,
                             codes=found.codes)
            # "het Strafhof, die de Russische autoriteiten beschuldigen": a finite verb
            # whose number is not the antecedent's has another subject; the pronoun is
            # then its object.
            if _number_disagrees(document, found, opening.index, own):
                bare = [*bare, stand_in]
            else:
                bare = [stand_in, *bare]
    # "Nicaragua breekt met Taiwan en erkent Peking": a conjunct opening with its finite
    # verb shares the subject of the one before; its bare phrases are objects.
    elliptic = (opening.pos == "VG" and "neven" in opening.features.split(",")
                and opening.index + 1 < len(document.tokens)
                and finite(document.tokens[opening.index + 1]))
    subject: Group | None = bare[0] if bare and not elliptic else None
    # A clause without a coded subject borrows the one of the clause before it ("...,
    # waarna hij ...", "X ontbiedt de ambassadeur en eist ..."), except a "dat"/"of"
    # complement, whose subject is someone the speaker talks about ("Armenië meende dat
    # [een onbekende] een raket had afgeschoten").
    # A relative clause's subject is its pronoun: when that stands for nothing coded, the
    # clause has no coded subject, whatever the main clause's.
    complement = opening.lemma.lower() in {"dat", "of"} or _relative_pronoun(opening)
    own_start = max(start, opening.index)
    if subject is None and own_start > tokens[0].index and entry.verbal and not complement:
        main = [g for g in groups if g.preposition is None and g.first_token < own_start]
        subject = main[0] if main else None

    actor: list[Group] = []
    recipient: list[Group] = []
    patient: list[Group] = []  # an action noun's "van" phrase, when it is the one acted on
    alleged = False
    unstated = False
    if entry.kind == "noun":
        # "Russische raketaanvallen": an adjective right before the noun is its actor;
        # "de aanvallen van Hamas": so is the possessor right after it.
        noun_lemma = trigger.lemma.lower()
        adjective = [g for g in groups if g.last_token == match.token - 1]
        own_van = [g for g in groups if g.direct == "van" and g.via == noun_lemma
                   and g.first_token > match.token][:1]
        embedding = _embedding(tokens, start, end, match.token)
        # "de erkenning van twee regio's door Rusland": the noun's own agent; but in a
        # passive of a verb that reports or ascribes the event ("de aanslag wordt door
        # Ankara toegeschreven aan de PKK") the "door" phrase is that verb's.
        agent = [] if embedding is not None and "worden" in lemmas else [
            g for g in groups if g.direct == "door" and g.first_token > match.token
            and g.first_token - match.token <= 8][:1]
        if own_van and (agent or _patient_van(entry, trigger)):
            # "de uitzetting van Russische diplomaten (door Polen)": the "van" phrase is
            # what is acted on; the actor is the agent, an adjective, or the subject.
            patient = own_van
            actor = adjective or agent
            subject = None if subject in patient else subject
        else:
            actor = adjective or own_van or agent
        if not actor and embedding == "accuse":
            actor = [g for g in bare if g is not subject and g.first_token < match.token][:1]
            alleged = True
        if not actor and embedding == "attribute":
            # "schrijven de aanval toe aan Noord-Korea": the "aan" phrase is accused.
            actor = [g for g in clause if g.preposition == "aan"][:1]
            alleged = True
        if not actor and embedding is not None:
            return _dropped(sentence, match, "the noun names someone else's event, reported, "
                            "judged or discussed here, and has no actor of its own")
        if actor:
            subject = None if subject in actor else subject
    if not actor:
        if entry.actor == "pp:van":
            # "rekenen op de inzet van Turkse drones": the possessor itself, not lifted.
            actor = [g for g in groups if g.direct == "van" and g.first_token > match.token]
        elif entry.actor == "pp:door" or passive:
            actor = by_preposition("door")
        elif entry.actor == "obj":
            actor = [g for g in bare if subject is None or g is not subject][:1]
        if agentless_passive:
            # "Bij een offensief van het Syrische leger zijn vier Turkse militairen
            # gedood": the occasion's own actor is the agent, the subject the target.
            actor = [g for g in clause if g.preposition == "bij" and g.first_token < match.token]
            if not actor:
                # "werd in Den Haag ontboden", "er wordt in Kiev en Brussel geëist": what is
                # done, unattributed, at a seat of government is that government's act.
                actor = (_seats(document, sentence, own, match.token)
                         if entry.type in _seat_types() else [])
            # Else who acted is not said here: the events before may say it.
            unstated = not actor
            passive = True  # so the subject is read as the target below
        if not actor and not unstated and subject is not None \
                and entry.actor not in {"pp:van", "obj"}:
            actor = [subject]
    def destination(word: str) -> list[Group]:
        """A place the phrase with ``word`` names, standing for its state; for a meeting,
        only when no coded "met" phrase names whom it is with ("vloog naar Rome voor
        gesprekken met de Amerikanen": Rome is the venue)."""
        if entry.type == "CONSULT" and by_preposition("met", after=match.token - 1):
            return []
        return [g for g in place_groups(document, sentence) if g.preposition == word
                and (g.first_token in own if entry.verbal else g.first_token > match.token)][:1]

    if patient:
        recipient = patient
    elif entry.recipient and entry.recipient.startswith("pp:"):
        recipient = (by_preposition(entry.recipient[3:], after=match.token - 1)
                     or (destination(entry.recipient[3:]) if not entry.reciprocal else []))
    elif entry.recipient == "su" or (passive and entry.actor != "pp:door"):
        recipient = [subject] if subject is not None and subject not in actor else []
    if not recipient and entry.type in _destination_types() and not (
            entry.recipient == "su" or passive or entry.reciprocal):
        # "stuurt wapens naar Oekraïne", "reisde naar Peking": where help goes or a
        # visitor travels is who receives it, before any object (the thing sent).
        recipient = by_preposition("naar", after=match.token - 1) or destination("naar")
    if not recipient and entry.recipient != "su":
        # Skip phrases naming the actor again ("De Russische minister Sergej Lavrov").
        acting = {code for g in actor for code in g.codes}
        objects = [g for g in bare if g not in actor and g is not subject
                   and not set(g.codes) <= acting]
        recipient = objects[:1]
        if not recipient:
            for word in ("met", "tegen", "op", "aan", "tot"):
                recipient = by_preposition(word, after=match.token - 1)
                if recipient:
                    break
    if not recipient and entry.verbal and entry.type == "REQUEST":
        # "eist dat Ankara de operatie stopzet": a demand's addressee is the subject of
        # the "dat" clause that says what is demanded.
        recipient = _complement_subject(document, sentence, groups, own, match.token)
    if not recipient and not (entry.recipient == "su" or passive):
        # "een luchtaanval op het ziekenhuis in Kiev", "bestookte doelen in Iran": the
        # target named by the place it is in.
        wanted = entry.recipient[3:] if entry.recipient and entry.recipient.startswith(
            "pp:") else None
        recipient = [g for g in places if g.first_token in own or not entry.verbal
                     if (g.preposition == wanted if wanted else g.preposition in {"", "op"})
                     and (entry.verbal or g.first_token > match.token)][:1]
    if not recipient and entry.type in {"AID", "SUPPORT", "COOPERATE"}:
        # "... om te vechten aan de zijde van X": whose side the help is on.
        recipient = [g for g in groups if g.via == "zijde" and g not in actor]
    actor_mentions = [m for g in actor for m in g.mentions]
    recipient_mentions = [m for g in recipient for m in g.mentions
                          if m not in actor_mentions]
    reciprocal = entry.reciprocal or "elkaar" in lemmas
    if reciprocal:
        actor_mentions = actor_mentions + recipient_mentions
        recipient_mentions = []
    if not actor_mentions and unstated:
        state_act = _state_act_actor(document, sentence, own, entry, trigger, recipient)
        if state_act:
            actor_mentions = [m for g in state_act for m in g.mentions]
            trace.note(sentence, "arguments", f"{entry.rule}: actor "
                       f"{_describe(document, state_act)}, where only the state's "
                       "authorities do this")
    if not actor_mentions and entry.type == "PROTEST":
        crowd = _crowd(document, sentence, own, trigger)
        if crowd:
            actor_mentions = [m for g in crowd for m in g.mentions]
            trace.note(sentence, "arguments", f"{entry.rule}: actor "
                       f"{_describe(document, crowd)}, the unnamed people protesting there")
    if not actor_mentions and unstated:
        trace.note(sentence, "arguments", f"{entry.rule}: a passive with no agent: who "
                   f"acted is not said here; recipient {_describe(document, recipient)}")
        return Arguments([], recipient_mentions, reciprocal, unstated_actor=True,
                         state_act=_is_state_act(entry, trigger))
    if not actor_mentions and not groups:
        return _dropped(sentence, match, "no mention with an actor code in the sentence")
    if not actor_mentions:
        return _dropped(sentence, match, "no actor: no coded subject, agent or possessor")
    if trace.active():
        trace.note(sentence, "arguments", f"{entry.rule}: actor "
                   f"{_describe(document, actor)}; recipient {_describe(document, recipient)}"
                   + ("; reciprocal" if reciprocal else ""))
    refers_to = (_event_reference(tokens, start, end, match.token)
                 if entry.verbal and not recipient_mentions and not reciprocal
                 else None)
    return Arguments(actor_mentions, recipient_mentions, reciprocal,
                     "alleged" if alleged else None, refers_to)
