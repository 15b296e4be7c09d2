"""Shared fixtures of the event coder's tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.extract.component import Extractor
from kroniek.link import Linker
from kroniek.model import DateInterval, Document


@pytest.fixture(scope="module")
def code(frog):  # type: ignore[no-untyped-def]
    """Our own sentence through the real Frog, the linker and the event coder."""
    linker, extractor = Linker(), Extractor()

    def run(text: str, published: str = "2021-03-05") -> Document:
        day = dt.date.fromisoformat(published)
        document = Document(id="t", text=text, source="t", key="t",
                            published=DateInterval(day, day, "day"), date_origin="header")
        frog.analyse(document)
        linker(document)
        extractor(document)
        return document

    return run
