"""Parse Frog's tab-separated output into plain records (no offsets yet)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class FrogToken:
    position: int  # 1-based within the sentence
    word: str
    lemma: str
    morph: str
    tag: str  # e.g. ``WW(pv,verl,ev)``; multi-word units join parts with ``_``
    confidence: float
    ner: str
    chunk: str
    head: int  # 1-based within the sentence, 0 for the root
    deprel: str

    @property
    def pos(self) -> str:
        return self.tag.split("_", 1)[0].split("(", 1)[0]

    @property
    def features(self) -> str:
        first = self.tag.split("_", 1)[0]
        return first[first.find("(") + 1 : -1] if "(" in first else ""

    @property
    def parts(self) -> list[str]:
        """The words of a multi-word unit (``Vladimir_Poetin``); one word otherwise."""
        return [part for part in self.word.split("_") if part] or [self.word]


def _first(tag: str) -> str:
    """Frog tags a multi-word unit per part (``B-PER_I-PER``); the unit takes the first."""
    return tag.split("_", 1)[0]


def parse_frog_output(answer: str) -> list[list[FrogToken]]:
    sentences: list[list[FrogToken]] = []
    current: list[FrogToken] = []
    for line in answer.splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        fields = line.split("\t")
        if len(fields) < 10 or not fields[0].isdigit():
            continue  # Frog's status lines; never token rows
        head = fields[8]
        current.append(
            FrogToken(
                position=int(fields[0]),
                word=fields[1],
                lemma=fields[2],
                morph=fields[3],
                tag=fields[4],
                confidence=float(fields[5] or 1.0),
                ner=_first(fields[6]),
                chunk=_first(fields[7]),
                head=int(head) if head.isdigit() else 0,
                deprel=fields[9],
            )
        )
    if current:
        sentences.append(current)
    return sentences
