"""What every linking rule needs: the document, the KB, the lexicon, the date, token helpers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from kroniek.kb import KnowledgeBase
from kroniek.link.context_words import ContextWords, load_context_words
from kroniek.link.lexicon import Lexicon
from kroniek.link.spans import Candidate
from kroniek.model import Document, Token

DETERMINER_POS = frozenset({"LID"})


@dataclass
class LinkContext:
    document: Document
    kb: KnowledgeBase
    lexicon: Lexicon
    day: dt.date
    alliances: frozenset[str]
    words: ContextWords = field(default_factory=load_context_words)
    last_alliance: str | None = None  # actor id of the last alliance mentioned so far
    last_group: str | None = None  # actor id of the last armed group mentioned so far
    surnames: dict[str, str] = field(default_factory=dict)  # folded surname -> person id
    seen: list[str] = field(default_factory=list)  # actor ids linked so far, in order
    by_sentence: dict[int, list[Candidate]] = field(default_factory=dict)  # chosen ones
    # Persons the KB does not know but the text described ("de Russische generaal Ivan
    # Petrov"): folded surname or describing word -> (state id, code, sector).
    described: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    # Generic nouns met so far: folded lemma -> (actor id, code) they were resolved to, or
    # None when their owner was named but not known ("van het Afrikaanse land").
    generic_seen: dict[str, tuple[str | None, str] | None] = field(default_factory=dict)
    state_counts: Counter[str] = field(default_factory=Counter)  # states named so far

    @property
    def tokens(self) -> list[Token]:
        return self.document.tokens

    def surface(self, first: int, last: int) -> str:
        return self.document.text[self.tokens[first].start : self.tokens[last].end]

    def in_sentence(self, index: int, sentence: int) -> bool:
        return 0 <= index < len(self.tokens) and self.tokens[index].sentence == sentence

    def is_locative(self, first: int) -> bool:
        """Is the name at token ``first`` (or a list it heads) governed by a place preposition?

        "naar Moskou", "in Jerevan en Bakoe": walk left over articles, names and the
        commas and conjunctions of a list to the word before them.
        """
        sentence = self.tokens[first].sentence
        before = first - 1
        if self.in_sentence(before, sentence):
            word = self.tokens[before]
            if word.pos == "N" and word.lemma.lower() in self.lexicon.place_nouns:
                return True  # "de hoofdstad Kabul"
            if word.text.lower() == "van" and self.in_sentence(before - 1, sentence):
                noun = self.tokens[before - 1]
                return noun.pos == "N" and noun.lemma.lower() in self.lexicon.place_nouns
        index = first - 1
        steps = 0
        while self.in_sentence(index, sentence) and steps < 10:
            token = self.tokens[index]
            lowered = token.text.lower()
            if token.pos in DETERMINER_POS or lowered in (",", "en", "of") or (
                token.pos == "SPEC" and token.text[:1].isupper()
            ):
                index -= 1
                steps += 1
                continue
            if lowered == "in" and self.in_sentence(index - 1, sentence):
                office = self.tokens[index - 1]
                if office.pos == "N" and office.lemma.lower() in self.lexicon.office_nouns:
                    return False  # "zijn ambtsgenoten in Armenië": Armenia's ministers
            return lowered in self.lexicon.locative_prepositions and token.pos == "VZ"
        return False

    def head_noun(self, index: int) -> Token | None:
        """The noun an adjective at ``index`` modifies: its parse head, else the next noun."""
        token = self.tokens[index]
        if token.head is not None and 0 <= token.head < len(self.tokens):
            head = self.tokens[token.head]
            if head.pos == "N" and head.sentence == token.sentence and head.index > index:
                return head
        following = index + 1
        while self.in_sentence(following, token.sentence) and following <= index + 4:
            candidate = self.tokens[following]
            if candidate.pos == "N":
                return candidate
            if candidate.pos not in ("ADJ", "BW", "TW", "WW", "LET") or candidate.text in ".;:":
                return None
            following += 1
        return None
