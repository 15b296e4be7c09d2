"""Wire copies: the same agency story as published by several outlets (another headline,
byline or intro, a paragraph more or less), found with MinHash LSH (datasketch).

Each document gets a MinHash of its word 5-grams; the LSH index proposes stored documents
whose estimated Jaccard similarity is near the threshold, and a candidate is a copy when
the estimate reaches it. A copy joins the story of the document it is most similar to; a
story is named by the id of its first report. The threshold was measured on composed wire
variants and same-topic stories (docs/quality.md, tests/ingest/test_neardup.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # words: long enough that two stories on one topic share almost none
THRESHOLD = 0.5  # estimated Jaccard of the shingle sets at which two texts are one story
SEED = 1  # fixed, as the scheme: signatures are stored and compared across runs
SCHEME = "affine32"  # datasketch's scheme of 32-bit hash values (512 bytes a signature)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    from datasketch import MinHash  # imported when needed: every command would wait

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


def from_bytes(data: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=np.frombuffer(data, dtype="<u4").astype(np.uint32))


@dataclass
class StoryIndex:
    """The stored documents' signatures and stories, for one run (or one server)."""

    threshold: float = THRESHOLD
    _lsh: MinHashLSH | None = None
    _signatures: dict[str, MinHash] = field(default_factory=dict)
    _stories: dict[str, str] = field(default_factory=dict)

    @property
    def lsh(self) -> MinHashLSH:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        return self._lsh

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, document_id: str, story: str, minhash: MinHash) -> None:
        if document_id in self._signatures:
            return
        self.lsh.insert(document_id, minhash)
        self._signatures[document_id] = minhash
        self._stories[document_id] = story

    def load(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """(document id, story, signature bytes) of stored documents."""
        for document_id, story, data in rows:
            self.add(document_id, story or document_id, from_bytes(data))

    def remove(self, document_id: str) -> None:
        if document_id in self._signatures:
            self.lsh.remove(document_id)
            del self._signatures[document_id]
            del self._stories[document_id]

    def story_of(self, minhash: MinHash, ignore: Iterable[str] = ()) -> tuple[str, float] | None:
        """The story of the most similar stored document at or above the threshold, and
        that similarity; None when the text is a story of its own."""
        skipped = set(ignore)
        best: tuple[str, float] | None = None
        for candidate in self.lsh.query(minhash):
            if candidate in skipped:
                continue
            similarity = float(minhash.jaccard(self._signatures[candidate]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (self._stories[candidate], similarity)
        return best
