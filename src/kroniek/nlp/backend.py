"""What kroniek needs from a Dutch NLP engine, so Frog can be swapped for another."""

from __future__ import annotations

from typing import Protocol

from kroniek.model import Document


class NLPBackend(Protocol):
    name: str
    starts: int  # how many times the engine process was (re)started
    startup_seconds: float  # time spent starting it, to tell from time spent analysing

    def analyse(self, document: Document) -> None:
        """Fill ``document.sentences`` and ``document.tokens`` with offsets into its text."""

    def close(self) -> None:
        """Stop the engine; analyse() after close() starts it again."""
