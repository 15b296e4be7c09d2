"""Named-entity mentions from Frog's BIO tags."""

from __future__ import annotations

from kroniek.model import Document, Mention


def ner_mentions(document: Document) -> list[Mention]:
    mentions: list[Mention] = []
    current: Mention | None = None
    for token in document.tokens:
        tag, _, label = token.ner.partition("-")
        continues = tag == "I" and current is not None and current.label == label
        if continues and current is not None and current.sentence == token.sentence:
            current.end = token.end
            current.text = document.text[current.start : current.end]
            continue
        current = None
        if tag in ("B", "I") and label:
            current = Mention(
                sentence=token.sentence,
                start=token.start,
                end=token.end,
                text=document.text[token.start : token.end],
                label=label,
                method="ner",
                score=token.confidence,
                component="nlp.frog",
            )
            mentions.append(current)
    return mentions
