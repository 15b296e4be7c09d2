"""Wire variants of the composed stories, as outlets publish one agency story, and pairs of
different stories on one topic: the material the near-duplicate threshold is measured on."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import yaml

STORIES: list[dict[str, object]] = yaml.safe_load(
    (Path(__file__).with_name("data") / "wire_stories.yaml").read_text(encoding="utf-8"))

EXTRA = ("De redactie houdt de ontwikkelingen in de gaten en werkt dit bericht bij zodra er "
         "meer bekend is over de gevolgen voor lezers in Nederland en Vlaanderen.")
INTROS = {"DEN HAAG (ANP) - ", "BRUSSEL (BELGA) - "}


def paragraphs(index: int) -> list[str]:
    return list(STORIES[index]["text"])  # type: ignore[call-overload]


def text(parts: list[str]) -> str:
    return "\n\n".join(parts)


def _byline(parts: list[str]) -> list[str]:
    return ["Door onze redacteur buitenland", *parts]


def _dateline(parts: list[str]) -> list[str]:
    return [f"DEN HAAG (ANP) - {parts[0]}", *parts[1:]]


def _paragraph_more(parts: list[str]) -> list[str]:
    return [*parts, EXTRA]


def _paragraph_less(parts: list[str]) -> list[str]:
    return parts[:-1]


def _new_intro(parts: list[str]) -> list[str]:
    # The outlet's own first sentence instead of the agency's.
    first, _, rest = parts[0].partition(". ")
    return [f"Dat meldt persbureau Belga. {rest or first}", *parts[1:]]


def _combined(parts: list[str]) -> list[str]:
    return _byline(_dateline(_paragraph_less(_paragraph_more(_new_intro(parts)))))


VARIANTS: dict[str, Callable[[list[str]], list[str]]] = {
    "byline": _byline, "dateline": _dateline, "paragraph more": _paragraph_more,
    "paragraph less": _paragraph_less, "new intro": _new_intro,
    "intro, dateline, byline, last paragraph swapped": _combined,
}


def same_story_pairs() -> list[tuple[str, str, str]]:
    """(original, variant, kind) for every story and kind of variant, and variant pairs."""
    pairs = []
    for index in range(len(STORIES)):
        original = paragraphs(index)
        for kind, make in VARIANTS.items():
            pairs.append((text(original), text(make(original)), kind))
        pairs.append((text(_byline(original)), text(_paragraph_less(_dateline(original))),
                      "two outlets' variants"))
    return pairs


def different_story_pairs() -> list[tuple[str, str, str]]:
    """(story, other story, same topic or not), each also with a wire variant."""
    pairs = []
    for one, other in combinations(range(len(STORIES)), 2):
        kind = "same topic" if STORIES[one]["topic"] == STORIES[other]["topic"] else "other"
        pairs.append((text(paragraphs(one)), text(paragraphs(other)), kind))
        pairs.append((text(_byline(paragraphs(one))), text(_dateline(paragraphs(other))), kind))
        if kind == "same topic":
            # A follow-up on the topic that repeats the first story's last paragraph as
            # background: the hardest different story.
            pairs.append((text(paragraphs(one)),
                          text([*paragraphs(other), paragraphs(one)[-1]]), "follow-up"))
    return pairs
