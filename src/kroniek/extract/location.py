"""Where an event happened: the place its clause names, else what a reader takes.

The linker already tells places used as places (``in Oekraïne``, ``bij Charkiv``: KB id,
no event code) from states acting (``Oekraïne eist``: event code), so a state that is only
an actor is never a location. An event's location is the first such place in the trigger's
own clause, else in its sentence. A sentence that names no place takes what a reader of
the report takes: the place the article's last earlier event of the same type happened
(the follow-up sentence about the same attack), else the dateline ("KIEV -",
"Kiev, 3 maart -"), where the report was filed.

A state named as the place of an attack with no other target (*doelen in Libanon
gebombardeerd*) is also its recipient, as PLOVER codes the state whose territory is hit;
a place only carried over from elsewhere never makes a recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kroniek.datafiles import load_yaml
from kroniek.extract import trace
from kroniek.extract.arguments import clause_bounds
from kroniek.extract.lexicon import Match, find_triggers, load_lexicon
from kroniek.extract.places import is_place, state_code
from kroniek.kb import load_kb
from kroniek.model import Document, Mention

# Methods of the mentions this module makes for places not named in the sentence itself.
CARRIED = "place-carried"
DATELINE = "place-dateline"


@dataclass(frozen=True)
class _Settings:
    sites: frozenset[str]
    territorial: frozenset[str]
    area_nouns: frozenset[str]
    carry_window: int
    dateline: re.Pattern[str]
    compass: re.Pattern[str]
    target_prepositions: frozenset[str]
    territory_nouns: frozenset[str]


@cache
def _settings() -> _Settings:
    data = load_yaml((files("kroniek.extract") / "data" / "location.yaml").read_text())
    return _Settings(frozenset(data["site_prepositions"]), frozenset(data["territorial_types"]),
                     frozenset(data["area_nouns"]), int(data["carry_window"]),
                     re.compile(data["dateline"]),
                     re.compile(rf"^(?:{'|'.join(data['compass_prefixes'])})-(?P<rest>.+)$"),
                     frozenset(data["target_prepositions"]),
                     frozenset(data["territory_nouns"]))


def _governing(document: Document, mention: Mention) -> str | None:
    """The preposition the place's phrase hangs from; ``""`` for a bare noun phrase (a
    subject or object: "bombardeerden Gaza-Stad"); None when something else (a verb's
    particle, a conjunction) stands between, so that the place's role is unknown."""
    tokens = document.sentence_tokens(mention.sentence)
    first = next((t for t in tokens if t.start <= mention.start < t.end), None)
    if first is None:
        return None
    before = [t for t in tokens if t.index < first.index]
    for position in range(len(before) - 1, -1, -1):
        token = before[position]
        if token.pos == "VZ":
            lemma = token.lemma.lower()
            previous = before[position - 1] if position else None
            if lemma == "van" and previous is not None and (
                    previous.lemma.lower() in _settings().area_nouns):
                continue  # "in het oosten van Oekraïne": the area's own preposition counts
            return lemma
        if token.pos == "VG" and "neven" in token.features.split(","):
            continue  # "naar Rwanda en Oeganda": a conjunct shares the first's preposition
        if token.pos == "WW" and "prenom" in token.features.split(","):
            continue  # "de geannexeerde Krim": a participle used as an adjective
        if token.pos not in {"LID", "ADJ", "TW", "SPEC", "N"} and token.text != ",":
            # A verb, adverb or pronoun before the phrase: it is an argument of the
            # clause itself, not inside a prepositional phrase.
            return "" if token.pos in {"WW", "BW", "VNW", "VG"} else None
    return ""


def _at_site(document: Document, mention: Mention) -> bool:
    """Is the place governed by a preposition of place (not of direction or origin)?"""
    return _governing(document, mention) in _settings().sites


def _specific_first(places: list[Mention]) -> Mention:
    """The first place, unless a city or region stands beside the state it names first
    ("in Oekraïne, bij Charkiv"): the narrower place is where it happened."""
    ordered = sorted(places, key=lambda m: m.start)
    narrower = [m for m in ordered if m.method != "name-place"]
    return narrower[0] if narrower and ordered[0].method == "name-place" else ordered[0]


def _is_location(mention: Mention) -> bool:
    """A place named as a place, or a city or region the linker codes as the territory
    of its state ("Charkiv bestookt": UKR is hit, and Charkiv is where)."""
    return is_place(mention) or (mention.method == "place-territory"
                                 and mention.actor_id is not None)


def _words(document: Document, sentence: int) -> list[tuple[int, str]]:
    """The sentence's words with their offsets; Frog joins some into one token
    ("zondag_Charkiv"), whose parts are words of their own here."""
    words = []
    for token in document.sentence_tokens(sentence):
        offset = token.start
        for part in token.text.split("_"):
            found = document.text.find(part, offset, token.end + 1)
            if part and found >= 0:
                words.append((found, part))
                offset = found + len(part)
    return words


def _gazetteer(surface: str) -> tuple[str | None, str]:
    """The KB place a surface names, or the state a part of it names ("Noord-Irak" is in
    Iraq); with the linker's method for it."""
    kb = load_kb()
    place = next((actor.id for actor, route in kb.lookup(surface)
                  if actor.kind == "place" and route in {"name", "alias"}), None)
    if place is not None:
        return place, "place"
    part = _settings().compass.match(surface)
    if part is None:
        return None, ""
    for actor, route in kb.lookup(part.group("rest")):
        if route == "name" and actor.kind in {"place", "state"}:
            return actor.id, "place" if actor.kind == "place" else "name-place"
    return None, ""


def _area_of(document: Document, mention: Mention) -> bool:
    """Is the mention the place of an area at a site ("in het zuidwesten van Mali") or of
    an area hit ("het noorden van Israël werd bestookt")? A state named so is where, even
    if the linker coded it as acting."""
    tokens = document.sentence_tokens(mention.sentence)
    before = [t for t in tokens if t.end <= mention.start]
    while before and before[-1].pos in {"LID", "ADJ"}:
        before.pop()
    if len(before) < 2 or before[-1].lemma.lower() != "van":
        return False
    if before[-2].lemma.lower() not in _settings().area_nouns:
        return False
    return _governing(document, mention) in _settings().sites | {""}


def _national_territory(document: Document, mention: Mention) -> bool:
    """A national adjective on a word for territory at a site ("op Israëlisch
    grondgebied", "op Syrische bodem"): the state is where, not who."""
    if mention.label != "ADJ" or mention.actor_id is None:
        return False
    return (_national_territory_word(document, mention)
            and _governing(document, mention) in _settings().sites)


def _national_territory_word(document: Document, mention: Mention) -> bool:
    following = next((t for t in document.sentence_tokens(mention.sentence)
                      if t.start >= mention.end), None)
    return following is not None and following.lemma.lower() in _settings().territory_nouns


def _unlinked_places(document: Document, sentence: int) -> list[Mention]:
    """Gazetteer places among capitalised words no mention covers: Frog's NER misses
    many cities ("Rafah", "Charkiv" as an object), but the KB knows them. Only cities and
    regions, as an unlinked state name would be the linker's to judge."""
    covered = [(m.start, m.end) for m in document.sentence_mentions(sentence) if m.actor_id]
    words = [word for word in _words(document, sentence)
             if not any(s <= word[0] < e for s, e in covered)]
    found: list[Mention] = []
    position = 0
    while position < len(words):
        # The longest run of up to three capitalised words that the KB names a place.
        for size in (3, 2, 1):
            run = words[position:position + size]
            if len(run) < size or not all(text[:1].isupper() for _, text in run):
                continue
            start, end = run[0][0], run[-1][0] + len(run[-1][1])
            surface = document.text[start:end]
            if " ".join(text for _, text in run) != " ".join(surface.split()):
                continue  # not adjacent words
            place, method = _gazetteer(surface)
            if place is not None:
                found.append(Mention(sentence=sentence, start=start, end=end, text=surface,
                                     label="LOC", actor_id=place, method=method))
                position += size
                break
        else:
            position += 1
    return found


def _as_city(document: Document, mention: Mention) -> Mention:
    """A capital the linker read as its state ("op Kiev", "in de hoofdstad Kiev": UKR) is,
    at a site preposition, the city itself; any other mention as it is."""
    if mention.method != "metonym" or not _at_site(document, mention):
        return mention
    city = next((actor.id for actor, route in load_kb().lookup(mention.text)
                 if actor.kind == "place" and route in {"name", "alias"}), None)
    if city is None:
        return mention
    return Mention(sentence=mention.sentence, start=mention.start, end=mention.end,
                   text=mention.text, label="LOC", actor_id=city, method="place")


def _is_state(mention: Mention) -> bool:
    if mention.actor_id is None or mention.label == "ADJ":
        return False
    actor = load_kb().get(mention.actor_id)
    return actor is not None and actor.kind == "state"


def _state_at_area(document: Document, mention: Mention) -> bool:
    return _is_state(mention) and _area_of(document, mention)


def _named_place(document: Document, sentence: int, trigger_token: int) -> Mention | None:
    tokens = document.sentence_tokens(sentence)
    if not tokens:
        return None
    start, end = clause_bounds(tokens, trigger_token)
    first, last = document.tokens[start].start, document.tokens[end - 1].end
    mentions = [_as_city(document, m) for m in document.sentence_mentions(sentence)]
    mentions += _unlinked_places(document, sentence)
    # The dateline says where the report was filed, the sentence where it happened.
    dateline = _dateline_end(document)
    places = [m for m in mentions if (_is_location(m) or _state_at_area(document, m)
                                      or _national_territory(document, m))
              and not document.in_furniture(m.start) and m.start >= dateline]
    if not places and _event_type(document, sentence, trigger_token) in _settings().territorial:
        # "een aanval op Israël": the state attacked is named as the territory hit.
        places = [m for m in mentions if _is_state(m) and first <= m.start < last
                  and _governing(document, m) in _settings().target_prepositions]
    sites = [m for m in places if _at_site(document, m)]
    in_clause = [m for m in sites if first <= m.start < last]
    bare = [m for m in places if first <= m.start < last and _governing(document, m) == ""]
    chosen = in_clause or bare or sites
    return _specific_first(chosen) if chosen else None


def _triggers(document: Document, sentence: int) -> list[Match]:
    """The sentence's triggers, read again without adding to an explanation's notes."""
    with trace.paused():
        return find_triggers(document.sentence_tokens(sentence), load_lexicon())


def _event_type(document: Document, sentence: int, trigger_token: int) -> str | None:
    for match in _triggers(document, sentence):
        if match.token == trigger_token:
            return match.entry.type
    return None


def _refers_back(document: Document, trigger_token: int) -> bool:
    """Is the trigger a definite noun ("de aanval", "het offensief", "haar arrestatie"),
    which names an action the article already reported, however far back?"""
    token = document.tokens[trigger_token]
    if token.pos != "N" or trigger_token == 0:
        return False
    before = document.tokens[trigger_token - 1]
    while before.pos == "ADJ" and before.index > 0:
        before = document.tokens[before.index - 1]
    return before.sentence == token.sentence and (
        before.lemma.lower() in {"de", "het", "deze", "die", "dit", "dat"}
        or (before.pos == "VNW" and "bez" in before.features.split(",")))


def _carried(document: Document, sentence: int, trigger_token: int) -> Mention | None:
    """The place of the same type of action in an earlier sentence, a few sentences back
    ("Rusland bestookte Charkiv. Donderdag bestookte Rusland opnieuw."), or any number back
    for a definite noun naming it again ("de aanval"). The earlier action need not have
    become an event: "Het noorden van Israël is bestookt." names where, though not who."""
    kind = _event_type(document, sentence, trigger_token)
    if kind is None:
        return None
    window = sentence if _refers_back(document, trigger_token) else _settings().carry_window
    coded = {(e.sentence, e.trigger_token): e.location for e in document.events}
    for earlier in range(sentence - 1, max(-1, sentence - window - 1), -1):
        if document.in_furniture(document.sentences[earlier].start):
            continue
        for match in _triggers(document, earlier):
            if match.entry.type != kind:
                continue
            place = coded.get((earlier, match.token))
            if place is None:
                named = _named_place(document, earlier, match.token)
                place = named.actor_id if named is not None else None
            if place:
                return Mention(sentence=sentence, start=0, end=0, text="", label="LOC",
                               actor_id=place, method=CARRIED)
    return None


@cache
def _dateline_of(text: str) -> tuple[str, int] | None:
    """The KB place of a report's dateline ("KIEV -", "Kiev, 3 maart -",
    "TRIPOLI (ANP) -") and where the dateline ends; only a city or region, as a state
    before a dash is a heading."""
    found = _settings().dateline.match(text)
    if found is None:
        return None
    name = found.group("place").strip()
    if not name.isupper() and found.group("date") is None:
        return None  # "Odesa - een stad in oorlog" without a date is a heading
    for actor, route in load_kb().lookup(name):
        if actor.kind == "place" and route in {"name", "alias"}:
            return actor.id, found.end()
    return None


def _dateline_end(document: Document) -> int:
    found = _dateline_of(document.text[:200])
    return found[1] if found else 0


def _dateline(document: Document, sentence: int) -> Mention | None:
    found = _dateline_of(document.text[:200])
    if found is None:
        return None
    return Mention(sentence=sentence, start=0, end=0, text="", label="LOC",
                   actor_id=found[0], method=DATELINE)


def place_of(document: Document, sentence: int, trigger_token: int) -> Mention | None:
    """The first place at a site preposition in the trigger's clause, else a place that is
    the clause's bare object or subject (what an attack hits: "bombardeerden Gaza-Stad",
    "Marioepol werd belegerd"), else the first site place in the sentence; for a sentence
    with no place, the place carried from the same action earlier, else the dateline."""
    named = _named_place(document, sentence, trigger_token)
    if named is not None:
        return named
    if _names_other_places(document, sentence, trigger_token):
        # "Vanuit de Gazastrook beschieten ze Israëlisch grondgebied": the clause names
        # where fire comes from or goes to, and a place from elsewhere would contradict it.
        return None
    return _carried(document, sentence, trigger_token) or _dateline(document, sentence)


def _names_other_places(document: Document, sentence: int, trigger_token: int) -> bool:
    """Does the trigger's clause name a place in another role (an origin, a direction)?"""
    tokens = document.sentence_tokens(sentence)
    start, end = clause_bounds(tokens, trigger_token)
    first, last = document.tokens[start].start, document.tokens[end - 1].end
    dateline = _dateline_end(document)
    mentions = [*document.sentence_mentions(sentence), *_unlinked_places(document, sentence)]
    if any(m.method == "metonym" and first <= m.start < last for m in mentions):
        return True  # "Kiev wordt getroffen": a capital read as its state
    return any(first <= m.start < last and m.start >= dateline
               and (_is_location(m) or (m.label == "ADJ" and _national_territory_word(
                   document, m))) for m in mentions)


def targeted_state(place: Mention, event_type: str, actors: list[str]) -> str | None:
    """The event code of the state whose territory the place of an attack is: the state
    itself, or the state a city or region lies in ("een luchtaanval op een ziekenhuis in
    Kiev", "beschietingen bij Charkiv")."""
    if event_type not in _settings().territorial or place.method in {CARRIED, DATELINE}:
        return None
    code = state_code(place)
    return code if code and code not in actors else None
