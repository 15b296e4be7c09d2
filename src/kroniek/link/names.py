"""Names: Frog's NER spans and capitalised words it missed, looked up in the KB.

Routes: exact name or alias, abbreviation (NAVO, VN), adjective (Russische), demonym
(de Russen), metonym (het Kremlin, Moskou as an agent), fuzzy for spelling variants.
A capital governed by a place preposition ("naar Moskou") is the city, not the state.
"""

from __future__ import annotations

import re

from kroniek.kb import Actor
from kroniek.kb.text import key
from kroniek.link import fuzzy
from kroniek.link.context import LinkContext
from kroniek.link.spans import Candidate
from kroniek.model import Token

_GROUPS = {"igo", "organisation", "armed_group", "authority"}
_FUZZY_KINDS = {"PER": {"person"}, "ORG": _GROUPS, "MISC": _GROUPS}
_SCAN_POS = frozenset({"SPEC", "N", "ADJ"})
_MAX_NGRAM = 5
_PLACE_LIKE = frozenset({"state", "authority"})
_PLACE_ROUTES = frozenset({"name", "alias", "metonym"})


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _glued(token: Token, following: Token) -> bool:
    """Frog split one written word ("M23" -> "M", "23"), not its punctuation."""
    return following.start == token.end and token.text[-1:].isalnum() and following.text.isalnum()


def _accepts(label: str, actor: Actor, route: str, surface: str) -> bool:
    """May a span Frog labelled ``label`` name ``actor`` by ``route``?"""
    if label != "PER" or actor.kind == "person":
        return True
    if actor.kind in _GROUPS:
        return route in ("name", "abbreviation", "alias")
    # "Jordan" the person is not Jordan the country: a PER span names a state only by a
    # Dutch name ("Georgië"), never by an English one or a metonym ("Washington").
    if actor.kind == "state" and route == "name":
        return key(surface) in {key(form) for form in actor.names.get("nl", ())}
    return False


def _dutch_name(actor: Actor, surface: str) -> bool:
    return any(key(form) == surface for form in actor.names.get("nl", ()))


def _choose(
    ctx: LinkContext, hits: list[tuple[Actor, str]], first: int, surface: str = ""
) -> tuple[Actor, str] | None:
    if not hits:
        return None
    places = [hit for hit in hits if hit[0].kind == "place"]
    others = [hit for hit in hits if hit[0].kind != "place"]
    if len(others) > 1 and surface:  # "Congo": Congo-Kinshasa's Dutch name before
        others.sort(key=lambda hit: not _dutch_name(hit[0], key(surface)))  # an English one
        seat = ctx.lexicon.organisation_seats.get(key(surface))
        if seat is not None:  # "Brussel" acting: the EU, not Belgium
            others.sort(key=lambda hit: hit[0].code != seat)
    if ctx.is_locative(first):
        if places:
            return places[0]
        if others and others[0][0].kind in _PLACE_LIKE and others[0][1] in _PLACE_ROUTES:
            return others[0][0], "name-place"
        return others[0] if others else None
    return others[0] if others else places[0]


def _candidate(
    ctx: LinkContext, first: int, last: int, label: str, actor: Actor | None, route: str,
    score: float, rank: int = 5,
) -> Candidate | None:
    token = ctx.tokens[first]
    national = route == "name-place"
    sector = None
    method = route
    if actor is not None and route == "adjective":
        noun = ctx.head_noun(last)
        lemma = noun.lemma.lower() if noun is not None else ""
        if lemma in ctx.lexicon.street_nouns:
            return None
        group = ctx.lexicon.non_state_head(lemma) if noun is not None else None
        if noun is None:
            group = _nominalised_group(ctx, last)  # "Iraakse gevangenen" tagged as a verb
        if group is not None:
            national, method = True, "adjective-national"
            sector = ctx.lexicon.non_state_nouns[group]
        elif lemma in ctx.lexicon.attribute_nouns:
            national, method = True, "adjective-attribute"
    if actor is not None and route == "demonym":
        before = ctx.tokens[first - 1] if first > 0 else None
        if before is None or before.sentence != token.sentence or before.text.lower() != "de":
            national, method = True, "demonym-national"  # "Afghanen die vluchten"
    code = None
    if actor is not None and actor.kind == "place":
        method = "place"
        code = None if route == "adjective" else _territory_code(ctx, actor, first)
        if code is not None:
            method = "place-territory"
    if route == "adjective":
        label = "ADJ"
    return Candidate(
        sentence=token.sentence, first=first, last=last, start=token.start,
        end=ctx.tokens[last].end, label=label, actor_id=actor.id if actor else None,
        method=method, score=score, rank=rank, national=national, sector=sector, code=code,
    )


def _nominalised_group(ctx: LinkContext, adjective: int) -> str | None:
    """The people noun right after a national adjective when Frog did not tag it a noun
    ("Iraakse gevangenen" as a participle): its plural form stripped to the singular."""
    following = adjective + 1
    if not ctx.in_sentence(following, ctx.tokens[adjective].sentence):
        return None
    word = ctx.tokens[following].text.lower()
    for form in (word, word.removesuffix("en"), word.removesuffix("n"), word.removesuffix("s")):
        if form in ctx.lexicon.non_state_nouns:
            return form
    return None


def _territory_code(ctx: LinkContext, place: Actor, first: int) -> str | None:
    """A city or region named as subject or object, not after a preposition ("Russische
    artillerie bestookt Sjevjerodonetsk", "Israël sluit Gaza af"), stands for the
    territory of the state it lies in: that state's code. After "in", "naar", "van" it
    stays a place."""
    before = first - 1
    sentence = ctx.tokens[first].sentence
    while ctx.in_sentence(before, sentence) and ctx.tokens[before].pos in ("LID", "ADJ"):
        before -= 1
    if ctx.in_sentence(before, sentence) and ctx.tokens[before].pos in ("VZ", "N"):
        return None  # "in Kiev", "het centrum van Kiev", "de stad Cherson"
    if ctx.is_locative(first):
        return None  # the second of a list after a preposition: "in Tokio en Seoel"
    parent = ctx.kb.get(place.parent or "")
    if parent is None or parent.kind != "state":
        return None
    return ctx.kb.code_of(parent.id)


def _blocked(ctx: LinkContext, first: int, last: int) -> bool:
    """Part of a street or club name: "Moskouse weg", "Spartak Moskou"."""
    sentence = ctx.tokens[first].sentence
    after = last + 1
    if ctx.in_sentence(after, sentence) and (
        ctx.tokens[after].lemma.lower() in ctx.lexicon.street_nouns
    ):
        return True
    words = {ctx.tokens[i].text for i in range(first, last + 1)}
    before = first - 1
    if ctx.in_sentence(before, sentence) and ctx.tokens[before].text in ctx.lexicon.club_words:
        return True
    return bool(words & ctx.lexicon.club_words)


def resolve_span(ctx: LinkContext, first: int, last: int, label: str) -> list[Candidate]:
    """Candidates for one name span: linked, linked parts of it, or the span unlinked."""
    surface = ctx.surface(first, last)
    unlinked = _candidate(ctx, first, last, label, None, "ner", 1.0)
    assert unlinked is not None
    if _blocked(ctx, first, last):
        unlinked.method = "ner-blocked"
        return [unlinked]
    if key(surface) in ctx.lexicon.generic_names:
        return [_generic(ctx, first, last, label, unlinked)]
    hits = [(a, r) for a, r in ctx.kb.lookup(surface) if _accepts(label, a, r, surface)]
    chosen = _choose(ctx, hits, first, surface)
    if chosen is not None:
        found = _candidate(ctx, first, last, label, chosen[0], chosen[1], 1.0, rank=2)
        return [found] if found else []
    if label == "PER" and last > first:
        for start in range(first + 1, last + 1):  # "Vladimir Poetin" -> "Poetin"
            tail = ctx.surface(start, last)
            persons = [a for a, _ in ctx.kb.lookup(tail) if a.kind == "person"]
            if persons:
                return [_candidate(ctx, first, last, label, persons[0], "alias", 0.9, 2)]  # type: ignore[list-item]
    if last > first and (adjective := _leading_adjective(ctx, first, label)):
        return [adjective, *resolve_span(ctx, first + 1, last, label)]
    if last > first and (adjective := _leading_adjective(ctx, last, label)):
        return [*resolve_span(ctx, first, last - 1, label), adjective]
    parts = _parts(ctx, first, last, label)
    if parts:
        return parts
    words = key(surface).split()
    variant = None
    if label != "PER" and len(words) > 1 and words[-1] in ctx.lexicon.org_head_variants:
        variant = fuzzy.org_variant(ctx.kb, surface, _GROUPS, ctx.lexicon.org_head_variants)
    if variant is not None:
        found = _candidate(ctx, first, last, label, variant, "fuzzy-variant", 0.8, rank=4)
        return [found] if found else []
    kinds = _FUZZY_KINDS.get(label)
    if kinds and last - first < 4:
        match = fuzzy.best_match(ctx.kb, surface, kinds)
        if match is not None:
            found = _candidate(ctx, first, last, label, match[0], "fuzzy", match[1], rank=4)
            return [found] if found else []
    return [unlinked]


def _generic(
    ctx: LinkContext, first: int, last: int, label: str, unlinked: Candidate
) -> Candidate:
    """"de Unie": the union mentioned last, if any."""
    word = key(ctx.surface(first, last))
    for actor_id in reversed(ctx.seen):
        actor = ctx.kb.actor(actor_id)
        names = [actor.name, *(f for forms in actor.names.values() for f in forms)]
        if actor.kind != "person" and any(word in key(n).split() for n in names):
            found = _candidate(ctx, first, last, label, actor, "coref", 0.7, rank=4)
            return found or unlinked
    return unlinked


def _hyphen_adjectives(ctx: LinkContext, index: int, label: str) -> list[Candidate]:
    """"Turks-Russisch", "Russisch-Oekraïense": one adjective candidate per part."""
    token = ctx.tokens[index]
    text = ctx.document.text[token.start : token.end]
    found: list[Candidate] = []
    offset = 0
    for part in text.split("-"):
        hits = [a for a, r in ctx.kb.lookup(part) if r == "adjective"]
        if not hits:
            return []
        made = _candidate(ctx, index, index, label, hits[0], "adjective", 0.9, rank=3)
        if made is None:
            return []
        made.start, made.end = token.start + offset, token.start + offset + len(part)
        found.append(made)
        offset += len(part) + 1
    return found


def _multiword_parts(ctx: LinkContext, index: int, label: str) -> list[Candidate]:
    """Frog joins neighbouring names into one token ("Noord-Korea_Japan", "Noord-Korea_de"
    before "VS"): when the token starts with an actor's name, link the longest runs of its
    words that name one, each over its own characters, so the event coder sees two
    phrases."""
    if label == "PER":
        return []  # "Denzel Washington" is one person, not a state after a first name
    token = ctx.tokens[index]
    text = ctx.document.text[token.start : token.end]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    found: list[Candidate] = []
    position = 0
    while position < len(words):
        for stop in range(len(words), position, -1):
            begin, end = words[position][0], words[stop - 1][1]
            hits = [(a, r) for a, r in ctx.kb.lookup(text[begin:end])
                    if a.kind != "person" and r in ("name", "abbreviation", "alias", "metonym")
                    and _accepts(label, a, r, text[begin:end])]
            chosen = _choose(ctx, hits, index, text[begin:end]) if hits else None
            if chosen is not None:
                part = _candidate(ctx, index, index, label, chosen[0], chosen[1], 0.9, rank=3)
                if part is not None:
                    part.start, part.end = token.start + begin, token.start + end
                    found.append(part)
                position = stop
                break
        else:
            if position == 0 and label != "LOC":
                return []  # "Denzel Washington": a name that does not start with an actor
            position += 1  # (places may: "in Eindhoven_Nederland en Denemarken")
    return found


def _time_split(ctx: LinkContext, index: int, label: str) -> list[Candidate]:
    """Frog glues a name to a time word ("Poetin_vrijdag", "Trump_dinsdag"): link the runs
    of words between time words, each over its own characters, as names of any kind
    (a person too, by surname: "Erdogan" in "Erdogan_dinsdag")."""
    token = ctx.tokens[index]
    text = ctx.document.text[token.start : token.end]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if len(words) < 2 or not any(ctx.lexicon.time_word(text[b:e]) for b, e in words):
        return []
    runs: list[list[tuple[int, int]]] = [[]]
    for begin, end in words:
        if ctx.lexicon.time_word(text[begin:end]):
            runs.append([])
        else:
            runs[-1].append((begin, end))
    found: list[Candidate] = []
    for run in runs:
        if not run:
            continue
        begin, end = run[0][0], run[-1][1]
        surface = text[begin:end]
        hits = [(a, r) for a, r in ctx.kb.lookup(surface) if _accepts(label, a, r, surface)]
        chosen = _choose(ctx, hits, index, surface)
        if chosen is None and label == "PER":
            for start, _ in run[1:]:  # "Recep Tayyip Erdogan" -> "Erdogan"
                persons = [a for a, _ in ctx.kb.lookup(text[start:end]) if a.kind == "person"]
                if persons:
                    chosen = persons[0], "alias"
                    break
        if chosen is None:
            continue
        part = _candidate(ctx, index, index, label, chosen[0], chosen[1], 0.9, rank=3)
        if part is not None:
            part.start, part.end = token.start + begin, token.start + end
            found.append(part)
    return found


def _parts(ctx: LinkContext, first: int, last: int, label: str) -> list[Candidate]:
    """Named parts of a longer unknown span: "Koerdische Arbeiderspartij PKK" -> PKK,
    "NAVO-leest" -> NAVO. Only names and abbreviations of non-places count."""
    found: list[Candidate] = []
    if first == last:
        token = ctx.tokens[first]
        if " " in ctx.document.text[token.start : token.end] and (
                glued := _time_split(ctx, first, label) or _multiword_parts(ctx, first, label)):
            return glued
        if token.text.count("-") and (adjectives := _hyphen_adjectives(ctx, first, label)):
            return adjectives
        prefix, dash, _ = ctx.document.text[token.start : token.end].partition("-")
        if dash and prefix[:1].isupper():
            for actor, route in ctx.kb.lookup(prefix):
                if actor.kind != "person" and route in ("name", "abbreviation", "alias"):
                    part = _candidate(ctx, first, first, label, actor, route, 0.9, rank=3)
                    if part:
                        part.end = part.start + len(prefix)
                        found.append(part)
                    break
        return found
    if label == "PER":
        return found
    covered: set[int] = set()
    for size in range(last - first, 0, -1):
        for start in range(first, last - size + 2):
            end = start + size - 1
            if covered & set(range(start, end + 1)):
                continue
            for actor, route in ctx.kb.lookup(ctx.surface(start, end)):
                if actor.kind not in ("person", "place") and route in (
                    "name", "abbreviation", "alias"
                ):
                    part = _candidate(ctx, start, end, label, actor, route, 0.9, rank=3)
                    if part:
                        found.append(part)
                        covered.update(range(start, end + 1))
                    break
    return found


def _segments(ctx: LinkContext, first: int, last: int) -> list[tuple[int, int]]:
    """Split a Frog NER span at lower-case words that are not name particles
    ("zei Trump dinsdag" -> "Trump"; "PKK in Koerdistan" -> "PKK", "Koerdistan")."""
    segments: list[tuple[int, int]] = []
    start: int | None = None
    for index in range(first, last + 1):
        token = ctx.tokens[index]
        keep = _capitalised(token) or token.text[:1].isdigit() or (
            start is not None and token.text.lower() in ctx.lexicon.name_particles
        )
        if keep and start is None:
            start = index
        elif not keep and start is not None:
            segments.append((start, index - 1))
            start = None
    if start is not None:
        segments.append((start, last))
    trimmed = []
    for seg_start, seg_end in segments:  # no particle at the end ("Koerdistan van")
        while seg_end > seg_start and not _capitalised(ctx.tokens[seg_end]):
            seg_end -= 1
        trimmed.append((seg_start, seg_end))
    return trimmed


def _merged(ctx: LinkContext, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Frog's neighbouring spans that together are one KB name ("Islamitische" MISC +
    "Staat" ORG) as one span."""
    merged: list[tuple[int, int, str]] = []
    for first, last, label in sorted(spans):
        if merged and merged[-1][1] + 1 == first and ctx.kb.lookup(
            ctx.surface(merged[-1][0], last)
        ):
            merged[-1] = (merged[-1][0], last, merged[-1][2])
            continue
        merged.append((first, last, label))
    return merged


def _leading_adjective(ctx: LinkContext, index: int, label: str) -> Candidate | None:
    """A national adjective Frog put inside a name span ("Franse Rafales", "Krim Russische")."""
    token = ctx.tokens[index]
    if token.pos != "ADJ":
        return None
    for actor, route in ctx.kb.lookup(token.text):
        if route == "adjective":
            return _candidate(ctx, index, index, label, actor, "adjective", 1.0, rank=3)
    return None


def name_candidates(ctx: LinkContext, sentence: int) -> list[Candidate]:
    doc = ctx.document
    info = doc.sentences[sentence]
    covered: set[int] = set()
    found: list[Candidate] = []
    spans: list[tuple[int, int, str]] = []
    for mention in doc.sentence_mentions(sentence):
        indices = [
            t.index for t in doc.tokens[info.token_start : info.token_end]
            if t.start < mention.end and mention.start < t.end
        ]
        while len(indices) > 1 and not _capitalised(doc.tokens[indices[-1]]):
            indices.pop()  # Frog's span sometimes swallows a following "zaterdag"
        if not indices:
            continue
        first = indices[0]
        while (
            first - 1 > info.token_start and first - 1 not in covered
            and doc.tokens[first - 1].pos in ("ADJ", "SPEC") and _capitalised(doc.tokens[first - 1])
            and not ctx.kb.lookup(doc.tokens[first - 1].text)
        ):
            first -= 1  # "de Nationale Veiligheidsraad": keep the name whole
        indices = list(range(first, indices[-1] + 1))
        covered.update(indices)
        spans.append((indices[0], indices[-1], mention.label))
    for span_first, span_last, label in _merged(ctx, spans):
        for first, last in _segments(ctx, span_first, span_last):
            found.extend(resolve_span(ctx, first, last, label))
    index = info.token_start
    while index < info.token_end:
        token = doc.tokens[index]
        if index in covered or token.pos not in _SCAN_POS or not _capitalised(token):
            index += 1
            continue
        end = index
        while (
            end + 1 < info.token_end and end + 1 - index < _MAX_NGRAM and end + 1 not in covered
            and (_capitalised(doc.tokens[end + 1]) or _glued(doc.tokens[end], doc.tokens[end + 1])
                 or doc.tokens[end + 1].text.lower() in ctx.lexicon.name_particles)
        ):
            end += 1
        hit = _scan(ctx, index, end)
        if hit is None:
            index += 1
            continue
        found.extend(hit)
        index = max(c.last for c in hit) + 1
    return found


def _scan(ctx: LinkContext, first: int, limit: int) -> list[Candidate] | None:
    """The longest run of words from ``first`` that the KB knows, as candidates."""
    for last in range(limit, first - 1, -1):
        token = ctx.tokens[last]
        if not _capitalised(token) and not _glued(ctx.tokens[last - 1], token):
            continue
        surface = ctx.surface(first, last)
        hits = ctx.kb.lookup(surface)
        if not hits:
            continue
        if _blocked(ctx, first, last):
            return []
        chosen = _choose(ctx, hits, first, surface)
        if chosen is None:
            continue
        found = _candidate(ctx, first, last, "MISC", chosen[0], chosen[1], 1.0, rank=3)
        return [found] if found else []
    if "-" in ctx.tokens[first].text:
        return _parts(ctx, first, first, "MISC") or None
    return None
