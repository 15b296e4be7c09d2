"""Cut a document into requests Frog can handle, without losing offsets.

Paragraphs (blank-line separated) are kept together; a request holds at most
``MAX_REQUEST_CHARS``. A run of text with no sentence end for ``MAX_SENTENCE_CHARS`` (a
table, a list, a scraped page without punctuation) gets a paragraph break inserted, so
Frog never sees an oversized sentence. Breaks are only added to what is sent: the aligner
maps tokens back onto the unmodified text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_REQUEST_CHARS = 20_000
MAX_SENTENCE_CHARS = 600
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*\s")


def _runs(paragraph: str) -> list[str]:
    """The paragraph cut at sentence ends, each run at most ``MAX_SENTENCE_CHARS`` long."""
    runs: list[str] = []
    run_start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        runs.extend(_split_run(paragraph[run_start : match.end()]))
        run_start = match.end()
    if run_start < len(paragraph):
        runs.extend(_split_run(paragraph[run_start:]))
    return runs


def _split_run(run: str) -> list[str]:
    pieces: list[str] = []
    while len(run) > MAX_SENTENCE_CHARS:
        cut = run.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(run[:cut] + "\n\n")
        run = run[cut:]
    pieces.append(run)
    return pieces


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.S)]


def requests(text: str) -> Iterator[str]:
    """The texts to send to Frog, in order; together they hold every token of ``text``."""
    batch: list[str] = []
    size = 0
    for start, end in paragraphs(text):
        # Frog reads a single newline as a space and a blank line as a paragraph break.
        for run in _runs(text[start:end].replace("\n", " ")):
            if batch and size + len(run) > MAX_REQUEST_CHARS:
                yield "".join(batch)
                batch, size = [], 0
            batch.append(run)
            size += len(run)
        batch.append("\n\n")
    if batch:
        yield "".join(batch)
