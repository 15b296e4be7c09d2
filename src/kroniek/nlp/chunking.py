"""Cut a document into requests Frog can handle, without losing offsets.

Each paragraph (blank-line separated) is its own request: Frog's server ignores blank
lines, and a headline without a full stop would otherwise run into the next sentence. A
paragraph over ``MAX_REQUEST_CHARS`` is cut at sentence ends into several requests, and a
run with no sentence end for ``MAX_SENTENCE_CHARS`` (a table, a list, a scraped page
without punctuation) is cut at a space into requests of its own, so Frog never sees an
oversized sentence. The aligner maps tokens back onto the unmodified text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_REQUEST_CHARS = 20_000
MAX_SENTENCE_CHARS = 600
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*\s")


def _runs(paragraph: str) -> list[tuple[str, bool]]:
    """The paragraph cut at sentence ends; True marks a piece cut where no sentence ended."""
    runs: list[tuple[str, bool]] = []
    run_start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        runs.extend(_split_run(paragraph[run_start : match.end()]))
        run_start = match.end()
    if run_start < len(paragraph):
        runs.extend(_split_run(paragraph[run_start:]))
    return runs


def _split_run(run: str) -> list[tuple[str, bool]]:
    # Walk an offset instead of slicing off the rest each time: slicing copied the
    # remainder per piece, quadratic in the run's length (8 MB took seconds).
    pieces: list[tuple[str, bool]] = []
    start = 0
    while len(run) - start > MAX_SENTENCE_CHARS:
        cut = run.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((run[start:cut], True))
        start = cut
    pieces.append((run[start:], False))
    return pieces


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.S)]


def requests(text: str) -> Iterator[str]:
    """The texts to send to Frog, in order; together they hold every token of ``text``."""
    for start, end in paragraphs(text):
        batch: list[str] = []
        size = 0
        # Frog reads a single newline inside a paragraph as a space.
        for run, forced in _runs(text[start:end].replace("\n", " ")):
            if batch and size + len(run) > MAX_REQUEST_CHARS:
                yield "".join(batch)
                batch, size = [], 0
            batch.append(run)
            size += len(run)
            if forced:
                yield "".join(batch)
                batch, size = [], 0
        if batch:
            yield "".join(batch)
