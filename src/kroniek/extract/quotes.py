"""Direct and partial quotes with their speakers.

Quote marks are paired within one line (a quote never spans paragraphs); a straight or curly
apostrophe between letters (*zo'n*, *auto's*, *Houthi's*) or before *s*/*t* (*'s avonds*) is
not a quote mark. A fragment of one or two words is a scare quote (*het 'vergeten' conflict*)
and is skipped. The speaker comes from the attribution, tried in this order:

1. after the quote: "..., zei X" / "aldus X" -> X; "..., klonk het" -> the last subject before;
2. before the quote: "X: '...'" -> X; "volgens X ... '...'" -> X (unless X is *bronnen*);
3. the subject of the sentence the quote sits in ("Hij spoorde ... 'om humanitaire redenen'
   te staken" -> Hij), which the linker resolves by coreference;
4. a short credit after it on the same line ("'...' Stanislav Zas, CSTO").

Speakers are the linker's mentions: ``code`` becomes ``Quote.speaker`` and, for persons (named,
by role or by pronoun), ``actor_id`` becomes ``Quote.speaker_kb``. Quotes inside page furniture
are not returned, nor a second copy of the same quoted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from kroniek.datafiles import load_yaml
from kroniek.model import Document, Mention, Quote

DATA = Path(__file__).resolve().parent / "data" / "quotes.yaml"
PERSON_LABELS = {"PER", "ROLE", "PRON"}


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_yaml(DATA.read_text(encoding="utf-8")))


@dataclass
class _Span:
    start: int  # the opening mark
    end: int  # one past the closing mark


def _is_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("'", "’", "\""):
        if before.isalnum():
            return False  # an apostrophe inside or after a word
        if mark != "\"" and re.match(r"[st]\b|n\b", text[i + 1: i + 3]):
            return False  # 's avonds, 't, 'n
    return not after.isspace()


def _is_close(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace():
        return False
    return not (mark in ("'", "’") and after.isalnum())


def _quote_spans(text: str) -> list[_Span]:
    pairs: dict[str, list[str]] = _data()["pairs"]
    openers = sorted(pairs, key=len, reverse=True)
    spans: list[_Span] = []
    for line in re.finditer(r"[^\n]+", text):
        position, end = line.start(), line.end()
        while position < end:
            opener = next((o for o in openers if text.startswith(o, position)), None)
            if opener is None or not _is_open(text, position, opener):
                position += 1
                continue
            close_at = None
            search = position + len(opener)
            while search < end:
                closer = next((c for c in pairs[opener] if text.startswith(c, search)), None)
                if closer and _is_close(text, search, closer):
                    close_at = search + len(closer)
                    break
                search += 1
            if close_at is None:
                position += len(opener)
                continue
            spans.append(_Span(position, close_at))
            position = close_at
    return spans


def _inner(text: str, span: _Span) -> tuple[int, int]:
    """The quoted text without its marks (and without trailing spaces)."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?…"):
        end -= 1
    return start, end


def _linked(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.code or m.actor_id]


def _mentions_between(document: Document, start: int, end: int) -> list[Mention]:
    within = [m for m in document.mentions_starting_in(start, end + 1) if m.end <= end]
    return sorted(_linked(within), key=lambda m: m.start)


def _subject_mentions(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Mentions that cover a token Frog parsed as a subject."""
    subjects = []
    for mention in mentions:
        if any(t.deprel == "su" and mention.start <= t.start < mention.end
               for t in document.sentence_tokens(mention.sentence)):
            subjects.append(mention)
    return subjects


def _last_subject(document: Document, before: int) -> Mention | None:
    """The subject most recently mentioned before an offset (for "klonk het")."""
    sentence = document.sentence_at(before)
    if sentence is None:
        return None
    for index in range(sentence, max(-1, sentence - 4), -1):
        start = document.sentences[index].start
        mentions = _mentions_between(document, start, before)
        subjects = _subject_mentions(document, mentions)
        # speakers are people: a person subject first, and Frog sometimes parses an indirect
        # object as a second subject ("Hij gaf Turkije ..."), so the first subject wins
        people = [m for m in subjects if m.label in PERSON_LABELS]
        if people or subjects:
            return (people or subjects)[0]
        if mentions:
            return mentions[-1]
    return None


def _speaker(document: Document, start: int, end: int) -> Mention | None:
    data = _data()
    text = document.text
    first = document.sentence_at(start)
    last = document.sentence_at(max(start, end - 1))
    if first is None or last is None:
        return None
    sentence_start = document.sentences[first].start
    sentence_end = document.sentences[last].end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[end:sentence_end]
    impersonal = "|".join(re.escape(p) for p in data["impersonal"])
    verbs = "|".join(sorted((re.escape(v) for v in data["attribution_verbs"]), key=len,
                            reverse=True))
    # 1. attribution after the quote
    if re.match(rf"\W*(?:{impersonal})\b", after, re.IGNORECASE):
        return _last_subject(document, start)
    verb = re.match(rf"\W*(?:zo\s+)?(?:{verbs})\b", after, re.IGNORECASE)
    if verb:
        after_verb = _mentions_between(document, end + verb.end(), sentence_end)
        if after_verb:
            return after_verb[0]
        # "..., zei hij" with the pronoun unlinked: the last subject
        return _last_subject(document, start)
    before = text[sentence_start:start]
    # 2. "X: '...'" and "volgens X"
    colon = re.search(r":\s*$", before)
    if colon:
        found = _mentions_between(document, sentence_start, sentence_start + colon.start())
        if found:
            return found[-1]
    volgens = list(re.finditer(r"\bvolgens\s+", before, re.IGNORECASE))
    if volgens:
        source_start = sentence_start + volgens[-1].end()
        unnamed = "|".join(re.escape(s) for s in data["unnamed_sources"])
        if re.match(rf"(?:[\w-]+\s+){{0,2}}(?:{unnamed})\b", text[source_start:],
                    re.IGNORECASE):
            return None
        found = _mentions_between(document, source_start, start)
        if found:
            return found[0]
    # 3. the subject of the sentence around the quote (a partial quote in a reported clause)
    around = _mentions_between(document, sentence_start, start)
    subjects = _subject_mentions(document, around)
    if subjects:
        return subjects[0]
    if around:
        return around[0]
    # 4. a short credit after the quote on its line: "'...' Stanislav Zas, CSTO"
    credit = text[end:line_end]
    if credit.strip() and len(credit.split()) <= 8:
        found = _mentions_between(document, end, line_end)
        if found:
            return found[0]
    if not before.strip() and not after.strip(" .,"):
        # a quote standing alone: the speaker is whoever spoke last
        return _last_subject(document, start)
    return None


def _attributed(document: Document, sentence: int) -> bool:
    """Does the sentence say who spoke ("noemde de aanval 'terroristisch'", "sprak van")?"""
    verbs = set(_data()["attribution_verbs"])
    words = re.findall(r"\w+", document.sentence_text(sentence).lower())
    return any(word in verbs for word in words)


def find_quotes(document: Document) -> list[Quote]:
    text = document.text
    quotes: list[Quote] = []
    seen: set[str] = set()
    for span in _quote_spans(text):
        start, end = _inner(text, span)
        inner = text[start:end]
        short = len(inner.split()) < int(_data()["min_words"]) and not re.search(r"[.!?]$",
                                                                                 inner)
        if document.in_furniture(span.start):
            continue
        key = re.sub(r"\W+", " ", inner).strip().lower()
        if key in seen:
            continue
        seen.add(key)
        sentence = document.sentence_at(start)
        if sentence is None:
            continue
        before = text[document.sentences[sentence].start: span.start]
        after = text[span.end: document.sentences[document.sentence_at(end - 1) or sentence].end]
        # direct: it stands as the sentence (or after "X:"), partial: a fragment inside one
        stands_alone = not before.strip() or before.rstrip().endswith(":")
        direct = stands_alone and (bool(re.search(r"[.!?…,]$", text[span.start:span.end - 1]
                                                  .rstrip("'\"”’»")) or not after.strip(" .")
                                   or bool(re.match(r"\s*[,.]", after))))
        speaker = _speaker(document, span.start, span.end)
        if short and (speaker is None or not _attributed(document, sentence)):
            continue  # a scare quote: het 'vergeten' conflict (a word someone used is kept)
        quotes.append(Quote(
            text=inner, sentence=sentence, start=start, end=end,
            speaker=speaker.code if speaker else None,
            speaker_kb=speaker.actor_id if speaker and speaker.label in PERSON_LABELS else None,
            direct=direct, confidence=0.9 if speaker else 0.6))
    return quotes
