"""Link a Dutch text at a given date with the real Frog and the shipped KB."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable

import pytest

from kroniek.model import DateInterval, Document, Mention

# The shipped KB only: never the developer's own KB folder.
os.environ.setdefault("KRONIEK_KB_DIR", tempfile.mkdtemp(prefix="kroniek-kb-test-"))

LinkFn = Callable[[str, str], Document]


@pytest.fixture(scope="session")
def linker():  # type: ignore[no-untyped-def]
    from kroniek.link import Linker

    return Linker()


@pytest.fixture
def link(analyse, linker) -> LinkFn:  # type: ignore[no-untyped-def]
    def run(text: str, day: str = "2020-10-15") -> Document:
        document = analyse(text)
        date = dt.date.fromisoformat(day)
        document.published = DateInterval(date, date, "day")
        linker(document)
        return document

    return run


def find(document: Document, text: str) -> Mention:
    """The mention whose span contains ``text`` (first occurrence)."""
    start = document.text.index(text)
    end = start + len(text)
    for mention in document.mentions:
        if mention.start <= start and end <= mention.end:
            return mention
    raise AssertionError(f"no mention covers {text!r}: {[m.text for m in document.mentions]}")


def linked(document: Document) -> set[str]:
    return {m.actor_id for m in document.mentions if m.actor_id}
