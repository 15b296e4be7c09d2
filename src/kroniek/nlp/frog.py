"""The Frog implementation of :class:`~kroniek.nlp.backend.NLPBackend`."""

from __future__ import annotations

from bisect import bisect_right

from kroniek.model import Document, Sentence, Token
from kroniek.nlp.align import Aligner
from kroniek.nlp.chunking import paragraphs, requests
from kroniek.nlp.entities import ner_mentions
from kroniek.nlp.frog_output import parse_frog_output
from kroniek.nlp.frog_server import FrogServer

COMPONENT = "nlp.frog"


class FrogBackend:
    name = "frog"

    def __init__(self, server: FrogServer | None = None) -> None:
        self.server = server or FrogServer()

    @property
    def starts(self) -> int:
        return self.server.starts

    @property
    def startup_seconds(self) -> float:
        return self.server.startup_seconds

    def start(self) -> None:
        self.server.start()

    def analyse(self, document: Document) -> None:
        document.sentences.clear()
        document.tokens.clear()
        document.mentions.clear()
        aligner = Aligner(document.text)
        paragraph_starts = [start for start, _ in paragraphs(document.text)]
        for answer in self.server.answers(requests(document.text)):
            for frog_sentence in parse_frog_output(answer):
                self._add_sentence(document, frog_sentence, aligner, paragraph_starts)
        document.mentions = ner_mentions(document)

    @staticmethod
    def _add_sentence(document, frog_sentence, aligner, paragraph_starts) -> None:  # type: ignore[no-untyped-def]
        base = len(document.tokens)
        index = len(document.sentences)
        for frog_token in frog_sentence:
            start, end = aligner.place(frog_token.parts)
            document.tokens.append(
                Token(
                    index=base + frog_token.position - 1,
                    sentence=index,
                    start=start,
                    end=end,
                    text=frog_token.word,
                    lemma=frog_token.lemma,
                    pos=frog_token.pos,
                    features=frog_token.features,
                    morph=frog_token.morph,
                    ner=frog_token.ner,
                    chunk=frog_token.chunk,
                    head=base + frog_token.head - 1 if frog_token.head else None,
                    deprel=frog_token.deprel,
                    confidence=frog_token.confidence,
                )
            )
        tokens = document.tokens[base:]
        document.sentences.append(
            Sentence(
                index=index,
                start=tokens[0].start,
                end=tokens[-1].end,
                paragraph=max(bisect_right(paragraph_starts, tokens[0].start) - 1, 0),
                token_start=base,
                token_end=len(document.tokens),
            )
        )

    def close(self) -> None:
        self.server.stop()
