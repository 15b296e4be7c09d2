"""A stand-in annotator for the web tests, so pages have events while extraction evolves.

It runs after the real link and extract components and only fills in what they left
empty (no linked mention, no event), from a fixed list of names and trigger verbs in the
test articles. The web tests check the pages, not the quality of extraction.
"""

from __future__ import annotations

import re

from kroniek.kb import load_kb
from kroniek.model import DateInterval, Document, Event, Figure, Mention, Quote
from kroniek.store import ActorRow

NAMES = {
    "Vladimir Poetin": ("vladimir-putin", "RUS", "GOV"), "Poetin": ("vladimir-putin", "RUS", "GOV"),
    "Nikol Pasjinian": ("nikol-pashinyan", "ARM", "GOV"), "Armenië": ("arm", "ARM", None),
    "Azerbeidzjan": ("aze", "AZE", None), "Rusland": ("rus", "RUS", None),
    "Houthi's": ("houthis", "HOUTHIS", None), "Verenigde Staten": ("usa", "USA", None),
    "Iran": ("irn", "IRN", None), "Oekraïne": ("ukr", "UKR", None),
    "Sergej Lavrov": ("sergey-lavrov", "RUS", "GOV"),
}
TRIGGERS = {
    "gebeld": ("CONSULT", None), "riep": ("REQUEST", None), "beschuldigde": ("ACCUSE", None),
    "beschuldigden": ("ACCUSE", None), "overeen": ("AGREE", None),
    "gebombardeerd": ("ASSAULT", "aerial"), "dreigde": ("THREATEN", None),
    "wees": ("REJECT", None), "gevechten": ("ASSAULT", None),
}
PLACES = {"Nagorno-Karabach": "nagorno-karabakh", "Jemen": "yem", "Donbas": "ukr",
          "Ganja": "aze", "Moskou": "moscow"}


class Annotator:
    name = "serve-test-annotator"

    def __call__(self, document: Document) -> None:
        if not any(m.actor_id for m in document.mentions):
            document.mentions = self._mentions(document)
        if not document.events:
            self._events(document)

    def _mentions(self, document: Document) -> list[Mention]:
        found: list[Mention] = []
        taken: set[int] = set()
        for name, (actor_id, code, sector) in sorted(NAMES.items(), key=lambda x: -len(x[0])):
            for match in re.finditer(re.escape(name), document.text):
                if taken & set(range(match.start(), match.end())):
                    continue
                taken |= set(range(match.start(), match.end()))
                sentence = document.sentence_at(match.start())
                if sentence is not None:
                    found.append(Mention(sentence, match.start(), match.end(), name, "PER",
                                         actor_id, "alias", 1.0, "tests.annotate", code, sector))
        return sorted(found, key=lambda m: m.start)

    def _events(self, document: Document) -> None:
        day = document.published
        for sentence in document.sentences:
            text = document.sentence_text(sentence.index)
            codes = list(dict.fromkeys(m.code for m in document.mentions
                                       if m.sentence == sentence.index and m.code))
            for word, (kind, mode) in TRIGGERS.items():
                match = re.search(rf"\b{re.escape(word)}\b", text)
                if not match or (len(codes) < 2 and kind != "ASSAULT"):
                    continue
                start = sentence.start + match.start()
                place = next((kb for name, kb in PLACES.items() if name in text), None)
                document.events.append(Event(
                    type=kind, sentence=sentence.index, start=start, end=start + len(word),
                    trigger=word, mode=mode, actor=codes[:1], recipient=codes[1:2],
                    actor_kb=[None], recipient_kb=[None] if codes[1:2] else [],
                    status="alleged" if "Volgens" in text else "asserted",
                    date=day and DateInterval(day.start, day.end, day.precision),
                    location=place, rule="tests.annotate"))
                break
            for number in re.finditer(r"minstens (\d+) doden|(vijf) strijders", text):
                value = float(number.group(1) or 5)
                index = len(document.events) - 1 if document.events else None
                document.figures.append(Figure(
                    "dead", value, "at_least" if number.group(1) else "exact", sentence.index,
                    sentence.start + number.start(), sentence.start + number.end(),
                    event=index))
            for quote in re.finditer(r'"([^"]+)"', text):
                document.quotes.append(Quote(quote.group(1), sentence.index,
                                             sentence.start + quote.start(),
                                             sentence.start + quote.end(), speaker="RUS"))

    def actors(self, document: Document) -> list[ActorRow]:
        kb = load_kb()
        rows = {}
        for mention in document.mentions:
            actor = kb.get(mention.actor_id) if mention.actor_id else None
            if actor is not None:
                rows[actor.id] = ActorRow(actor.id, actor.kind, actor.name,
                                          kb.code_of(actor.id), actor.iso3, actor.wikidata)
        return list(rows.values())
