"""Casualty, displacement and arrest figures: "zeker 400 doden", "de helft van de bevolking op
de vlucht", "niemand raakte gewond".

The sentence text is scanned with patterns built from ``data/figures.yaml`` (numbers, number
words, fractions, qualifiers, cues). A number is paired with a cue when Frog's parse says the
number modifies the cue noun, or else when it stands right before a cue noun or in the same
clause as a verbal cue (nearest first, each number and cue used once). Numbers that count days,
kilometres, euros or tanks are never figures, nor are vague amounts (*tientallen*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from kroniek.datafiles import load_yaml
from kroniek.model import Document, Figure, Qualifier

DATA = Path(__file__).resolve().parent / "data" / "figures.yaml"
Kind = Literal["dead", "injured", "displaced", "arrested"]


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_yaml(DATA.read_text(encoding="utf-8")))


def _alternation(phrases: list[str]) -> str:
    """A regex alternation, longest phrase first so "ten minste" wins over "minste"."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# --- numbers ---------------------------------------------------------------------------

def parse_number_word(word: str) -> float | None:
    """A Dutch number written as one word: "twaalf", "vierhonderd", "vijfentwintig",
    "tweeduizendvijfhonderd", "honderdtwintig". None when it is not one."""
    word = word.lower().replace("één", "een").replace("ë", "e")
    words: dict[str, float] = {k.replace("één", "een"): float(v)
                               for k, v in _data()["number_words"].items()}
    if not word:
        return None
    if word in words:
        return words[word]
    # "duizend" and "honderd" multiply what stands before them and add what follows
    for big, factor in (("duizend", 1000.0), ("honderd", 100.0)):
        position = word.find(big)
        if position >= 0:
            left, right = word[:position], word[position + len(big):]
            left_value = parse_number_word(left) if left else 1.0
            right_value = parse_number_word(right) if right else 0.0
            if left_value is None or right_value is None:
                return None
            return left_value * factor + right_value
    # "vijfentwintig": units + "en" + tens
    match = re.fullmatch(r"([a-z]+?)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig"
                         r"|negentig)", word)
    if match and match.group(1) in words and words[match.group(1)] < 10:
        return words[match.group(1)] + words[match.group(2)]
    return None


_DIGITS = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"


def parse_number(text: str) -> float | None:
    """Digits in Dutch notation ("1.200", "1,5", "400") or a number word, optionally followed
    by "miljoen"/"miljard"/"duizend" ("1,5 miljoen", "twee miljoen")."""
    parts = text.lower().split()
    if not parts:
        return None
    head = parts[0]
    if re.fullmatch(_DIGITS, head):
        value = float(head.replace(".", "").replace(",", "."))
    else:
        parsed = parse_number_word(head)
        if parsed is None:
            return None
        value = parsed
    for part in parts[1:]:
        factor = _data()["multipliers"].get(part)
        if factor is None:
            return None
        value *= float(factor)
    return value


@cache
def _number_regex() -> re.Pattern[str]:
    data = _data()
    # number words that can be written as one compound word, plus plain ones
    stems = sorted(
        {k for k in data["number_words"] if k not in ("half", "halve")}, key=len, reverse=True)
    word = r"(?:" + "|".join(stems) + r")(?:[a-zë]*)"
    multipliers = "|".join(data["multipliers"])
    return re.compile(
        rf"(?<![\w.,])(?P<number>(?:{_DIGITS}|{word})(?:\s+(?:{multipliers}))?)(?![\w])",
        re.IGNORECASE,
    )


# --- matching --------------------------------------------------------------------------

@dataclass
class _Number:
    start: int
    end: int
    value: float
    qualifier: Qualifier
    unit: str
    noun_start: int  # where the counted noun phrase begins (just after the number)
    qualifier_start: int


@dataclass
class _Cue:
    kind: Kind
    form: str  # noun | verb | count
    start: int
    end: int


@cache
def _qualifier_regexes() -> list[tuple[Qualifier, re.Pattern[str]]]:
    found = []
    for qualifier, phrases in _data()["qualifiers"].items():
        found.append((cast(Qualifier, qualifier),
                      re.compile(rf"(?:^|\W)({_alternation(phrases)})\s*$", re.IGNORECASE)))
    return found


def _qualifier(before: str) -> tuple[Qualifier, int]:
    """The qualifier ending just before a number, and how many characters it takes."""
    best: tuple[Qualifier, int] = ("exact", 0)
    for qualifier, regex in _qualifier_regexes():
        match = regex.search(before)
        if match and len(before) - match.start(1) > best[1]:
            best = (qualifier, len(before) - match.start(1))
    return best


@cache
def _cue_regexes() -> list[tuple[Kind, str, re.Pattern[str]]]:
    found = []
    for kind, forms in _data()["cues"].items():
        for form, phrases in forms.items():
            found.append((cast(Kind, kind), form,
                          re.compile(rf"(?<!\w)(?:{_alternation(phrases)})(?!\w)",
                                     re.IGNORECASE)))
    return found


def _cues(text: str, offset: int) -> list[_Cue]:
    cues: list[_Cue] = []
    for kind, form, regex in _cue_regexes():
        for match in regex.finditer(text):
            span = (match.start() + offset, match.end() + offset)
            # a longer cue already covering this one wins ("om het leven gekomen")
            if any(c.start <= span[0] and span[1] <= c.end for c in cues):
                continue
            cues = [c for c in cues if not (span[0] <= c.start and c.end <= span[1])]
            cues.append(_Cue(kind, form, *span))
    return sorted(cues, key=lambda c: c.start)


def _numbers(text: str, offset: int) -> list[_Number]:
    data = _data()
    vague = {v.lower() for v in data["vague"]}
    non_person = {u.lower() for u in data["non_person_units"]}
    months = (r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
              r"|december")
    found: list[_Number] = []
    for match in _number_regex().finditer(text):
        token = match.group("number")
        if token.lower() in vague:
            continue
        value = parse_number(token)
        if value is None:
            continue
        after = text[match.end():]
        following = re.match(r"\s*([\w%'-]+)", after)
        next_word = following.group(1).lower() if following else ""
        if next_word in non_person or re.fullmatch(months, next_word):
            continue
        before = text[: match.start()]
        if re.search(r"(?:\b(?:in|sinds|van|tot|sinds|jaar|om|op)\s+|/|-)$", before) and \
                re.fullmatch(r"(?:19|20)\d{2}", token):
            continue  # a year
        if re.search(r"\bom\s+$", before) and re.match(r"\s*uur", after):
            continue
        # "een" is an article unless a singular cue follows ("een dode en twee gewonden")
        if token.lower() in ("een", "één") and not re.match(
                r"\s*(?:dode|gewonde|vluchteling|ontheemde|arrestant)\b", after, re.IGNORECASE):
            continue
        qualifier, width = _qualifier(before)
        end = match.end()
        # a range "30 tot 35 doden" is at least its lower bound
        upper = re.match(rf"\s*(?:tot|à|-|–)\s*(?:{_DIGITS})(?!\w)", after)
        if upper:
            qualifier, end = "at_least", match.end() + upper.end()
        if any(n.start <= match.start() + offset < n.end for n in found):
            continue  # the upper bound of a range already read
        found.append(_Number(match.start() + offset, end + offset, value, qualifier,
                             "people", end + offset, match.start() + offset - width))
    # fractions and percentages of a population: "de helft van de bevolking"
    population = _alternation(data["population_nouns"])
    fractions = _alternation(list(data["fractions"]))
    fraction_regex = re.compile(
        rf"(?<!\w)(?:(?P<count>een|één|twee|drie|vier)\s+)?(?:de\s+)?(?P<fraction>{fractions})"
        rf"\s+van\s+(?:de|het|alle)\s+(?:[\w-]+\s+){{0,2}}?(?:{population})\b"
        rf"|(?<!\w)(?P<percent>\d+(?:,\d+)?)\s*(?:procent|%)\s+van\s+(?:de|het|alle)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{population})\b",
        re.IGNORECASE,
    )
    for match in fraction_regex.finditer(text):
        if match.group("percent"):
            value = float(match.group("percent").replace(",", ".")) / 100
        else:
            value = float(data["fractions"][match.group("fraction").lower()])
            count = match.group("count")
            if count and count.lower() not in ("een", "één"):
                value = round(value * (parse_number_word(count) or 1), 4)
        start = match.start() + offset
        qualifier, width = _qualifier(text[: match.start()])
        found = [n for n in found if not (start <= n.start < match.end() + offset)]
        found.append(_Number(start, match.end() + offset, value, qualifier,
                             "fraction_of_population", match.end() + offset, start - width))
    # "niemand" and "geen" + cue noun are an explicit zero, "iemand" (omgekomen) is one
    for match in re.finditer(r"(?<!\w)(niemand|geen|iemand)(?!\w)", text, re.IGNORECASE):
        start = match.start() + offset
        value = 1.0 if match.group(1).lower() == "iemand" else 0.0
        found.append(_Number(start, match.end() + offset, value, "exact", "people",
                             match.end() + offset, start))
    return sorted(found, key=lambda n: n.start)


def _boundary_between(text: str, offset: int, left: int, right: int) -> bool:
    """A clause boundary (sentence-internal punctuation or a subordinator) between two spans."""
    between = text[left - offset: right - offset]
    return bool(re.search(r"[;:()]|,\s*(?:dat|die|terwijl|maar|omdat|waarna|nadat|toen|want)\b"
                          r"|\b(?:maar|terwijl|omdat|toen|want)\b", between, re.IGNORECASE))


def _parse_link(document: Document, number: _Number, cue: _Cue) -> bool:
    """True when Frog's parse makes the number a dependent of the cue noun."""
    tokens = [t for t in document.tokens_starting_in(number.start, number.end + 1)
              if t.end <= number.end]
    cue_tokens = {t.index for t in document.tokens_starting_in(cue.start, cue.end)}
    return any(t.head in cue_tokens for t in tokens)


def _pair(document: Document, text: str, offset: int, numbers: list[_Number],
          cues: list[_Cue]) -> list[tuple[_Number, _Cue]]:
    candidates: list[tuple[float, int, int]] = []
    for ni, number in enumerate(numbers):
        for ci, cue in enumerate(cues):
            gap_text = text[number.end - offset: cue.start - offset] if number.end <= cue.start \
                else text[cue.end - offset: number.start - offset]
            words = len(gap_text.split())
            word = text[number.start - offset: number.end - offset].lower()
            if word in ("niemand", "geen", "iemand"):
                # "niemand raakte gewond", "geen doden": only right at the cue
                if not (number.end <= cue.start and words <= (0 if word == "geen" else 3)):
                    continue
                if word == "geen" and cue.form != "noun":
                    continue
            if cue.form == "noun":
                # the number stands right before the cue noun, adjectives allowed in between
                if not (number.end <= cue.start and words <= 2
                        and not re.search(r"[,;:]|\ben\b", gap_text)):
                    continue
                score = float(words)
            elif cue.form == "count":
                # "het dodental is opgelopen tot 400"
                if not (cue.end <= number.start and words <= 6):
                    continue
                score = float(words)
            else:
                if _boundary_between(text, offset, min(number.end, cue.end),
                                     max(number.start, cue.start)):
                    continue
                limit = 12 if number.end <= cue.start else 4
                if words > limit:
                    continue
                # a number before the verbal cue is its subject or object: prefer it
                score = words + (0.0 if number.end <= cue.start else 3.0)
            if _parse_link(document, number, cue):
                score -= 5
            candidates.append((score, ni, ci))
    pairs: list[tuple[_Number, _Cue]] = []
    used_numbers: set[int] = set()
    used_cues: set[int] = set()
    for _, ni, ci in sorted(candidates):
        if ni in used_numbers or ci in used_cues:
            continue
        used_numbers.add(ni)
        used_cues.add(ci)
        pairs.append((numbers[ni], cues[ci]))
    return pairs


def find_figures(document: Document) -> list[Figure]:
    figures: list[Figure] = []
    for sentence in document.sentences:
        text = document.text[sentence.start: sentence.end]
        cues = _cues(text, sentence.start)
        if not cues:
            continue
        numbers = _numbers(text, sentence.start)
        for number, cue in _pair(document, text, sentence.start, numbers, cues):
            start = min(number.qualifier_start, cue.start)
            end = max(number.end, cue.end)
            if document.in_furniture(start) or document.in_furniture(number.start):
                continue
            figures.append(Figure(kind=cue.kind, value=number.value, qualifier=number.qualifier,
                                  sentence=sentence.index, start=start, end=end, unit=number.unit,
                                  confidence=0.9 if cue.form == "noun" else 0.8))
    return sorted(figures, key=lambda f: f.start)
