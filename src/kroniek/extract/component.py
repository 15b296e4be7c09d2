"""The extract component: runs the extractors over a linked document."""

from __future__ import annotations

from kroniek.model import Document


class Extractor:
    name = "extract"

    def __call__(self, document: Document) -> None:
        return None
