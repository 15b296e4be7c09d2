"""Page furniture: text on the page that is not article body and must not be read twice.

Two families:

- blocks that repeat the body: a pull quote (a short block quoting a body sentence, perhaps
  followed by "Name Title") and a fact box ("400 doden" + a sentence repeating the body). A
  short block is compared with every other block with rapidfuzz; a block contained in a longer
  one is furniture wherever it stands, and of two near-identical blocks the later one is;
- lines that are furniture by their form: bylines, "Lees ook"/"Bekijk ook" links, photo and
  video credits, agency credits, time stamps.

Thresholds were measured on the reference article and the 28 dev texts: a real repeat scores
partial_ratio >= 98 (contained) or token_set_ratio ~ 90 (rephrased fact box), while the highest
score between two distinct body blocks of those texts was 72, under both thresholds.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

CONTAINED = 90.0  # partial_ratio of the short block's text inside a longer block
SIMILAR = 85.0  # token_set_ratio of two blocks of about the same length (rephrased repeats)
MIN_WORDS = 6  # shorter blocks are headings, not repeats
MAX_WORDS = 60  # longer blocks are body paragraphs

_LINE_FURNITURE = re.compile(
    r"^\s*(?:"
    r"(?:lees|bekijk|kijk|luister)\s+(?:ook|meer|hier|het|de\s+video)\b.*"
    r"|(?:foto|beeld|video|bron|tekst|illustratie|fotograaf)\s*:\s*(?:\S+\s*){1,6}$"
    r"|door\s+(?:[A-Z][\w.'-]+\s*){1,4}$"
    r"|\d{1,2}\s+[a-z]+\s+\d{4}(?:\s*,?\s*\d{1,2}[u:.]\d{2})?$"
    r"|\d{1,2}[u:.]\d{2}$"
    r"|.*\b(?:bekijk|kijk)\b.*\bvideo:\s*$"
    r"|.*\s[-–]\s(?:NOS|RTL\s+Nieuws|NU\.nl|VRT\s+NWS|De\s+Standaard)$"
    r"|(?:DS|HLN|VRT)\s+VIDEO\b.*"
    r")",
    re.IGNORECASE,
)
# "Bron: Belga 6 De dood van ..." carries body text on the same line: only the credit goes
_CREDIT_PREFIX = re.compile(r"^\s*[Bb]ron\s*:\s*[A-Z][\w-]*(?:\s+\d+)?(?=\s+[A-Z])")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’]?\s+(?=[A-Z])")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, trimmed, as (start, end)."""
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            blocks.append((start, match.end() - (len(line) - len(line.rstrip()))))
    return blocks


def _quoted_part(block: str) -> str:
    """The part of a pull quote to compare: its sentences without a trailing "Name Title"
    credit of a few capitalised words."""
    pieces = _SENTENCE_END.split(block)
    if len(pieces) > 1 and len(pieces[-1].split()) <= 8 and not re.search(r"[.!?]$", pieces[-1]):
        return " ".join(pieces[:-1])
    return block


def _normal(text: str) -> str:
    return re.sub(r"[\"'„“”‘’«»,]", "", text).lower()


def find_furniture(text: str) -> list[tuple[int, int]]:
    blocks = _blocks(text)
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        block = text[start:end]
        if _LINE_FURNITURE.match(block):
            spans.append((start, end))
            continue
        credit = _CREDIT_PREFIX.match(block)
        if credit:
            spans.append((start, start + credit.end()))
    for index, (start, end) in enumerate(blocks):
        block = text[start:end]
        words = len(block.split())
        if not MIN_WORDS <= words <= MAX_WORDS or (start, end) in spans:
            continue
        probe = _normal(_quoted_part(block))
        for other_index, (other_start, other_end) in enumerate(blocks):
            if other_index == index or (other_start, other_end) in spans:
                continue
            other = _normal(text[other_start:other_end])
            if len(other.split()) < MIN_WORDS:
                continue  # a heading's few words are "contained" in anything
            if len(other) >= 1.3 * len(probe) and fuzz.partial_ratio(probe, other) >= CONTAINED:
                # contained in a longer block: a pull quote or a shortened fact box
                spans.append((start, end))
                break
            if other_index < index and len(other) >= 0.7 * len(probe) \
                    and fuzz.token_set_ratio(probe, other) >= SIMILAR \
                    and fuzz.partial_ratio(probe, other) >= SIMILAR:
                # a rephrased repeat of an earlier block: the first occurrence stays body
                spans.append((start, end))
                break
    return sorted(set(spans))
