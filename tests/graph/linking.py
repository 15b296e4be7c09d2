"""A minimal stand-in for the linker in tests: capitalised spans the KB names exactly.

Relation extraction consumes linked mentions; these tests must not depend on the linker's
own quality, so they link the way a careful annotator would: names, adjectives, demonyms.
"""

from __future__ import annotations

import datetime as dt

from kroniek.kb import KnowledgeBase
from kroniek.model import Document, Mention


def link(document: Document, kb: KnowledgeBase, day: dt.date, longest: int = 5) -> Document:
    mentions: list[Mention] = []
    for sentence in document.sentences:
        tokens = document.sentence_tokens(sentence.index)
        i = 0
        while i < len(tokens):
            hit = None
            for size in range(min(longest, len(tokens) - i), 0, -1):
                first, last = tokens[i], tokens[i + size - 1]
                surface = document.text[first.start : last.end]
                if not surface[:1].isupper() or last.pos == "LET":
                    continue
                found = kb.lookup(surface)
                # Capitals and buildings stand for their state ("Moskou", "het Kremlin").
                found = [f for f in found if f[0].kind != "place"] or found
                if found:
                    hit = (size, surface, found[0][0])
                    break
            if hit is None:
                i += 1
                continue
            size, surface, actor = hit
            code, sector = kb.acts_for(actor.id, day)
            mentions.append(Mention(
                sentence=sentence.index, start=tokens[i].start, end=tokens[i + size - 1].end,
                text=surface, label="LOC", actor_id=actor.id, method="alias", code=code,
                sector=sector,
            ))
            i += size
    document.mentions = mentions
    return document
