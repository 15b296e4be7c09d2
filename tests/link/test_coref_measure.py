"""Pronoun coreference measured on short texts of our own (docs/quality.md).

Each case: a text, and for each "Hij"/"Zij" in it the person it refers to, or None when a
reader could not tell (the linker must then leave it unlinked).
"""

from __future__ import annotations

import re

from tests.link.conftest import LinkFn

CASES: list[tuple[str, list[str | None]]] = [
    ("Poetin sprak met journalisten. Hij zei dat er geen oorlog komt.", ["vladimir-putin"]),
    ("Erdogan belde met Poetin. Hij vroeg om een bestand.", ["recep-tayyip-erdogan"]),
    ("De Franse president opende de top. Hij pleitte voor eenheid.", ["emmanuel-macron"]),
    ("Zelensky bezocht het front. Hij sprak met soldaten. Daarna reisde hij naar Kiev.",
     ["volodymyr-zelensky", "volodymyr-zelensky"]),
    ("Het weer was slecht in de hoofdstad. Hij bleef binnen.", [None]),
    ("Lavrov ontmoette Blinken in Genève. Volgens diplomaten was de sfeer koel.\n\n"
     "Hij verliet de zaal na een uur.", ["sergey-lavrov"]),
    ("De Duitse bondskanselier sprak in Berlijn. Zij verdedigde de steun aan Oekraïne.",
     ["angela-merkel"]),
    ("Macron en Scholz spraken elkaar. Een woordvoerder bevestigde dat. Het was kort.\n\n"
     "Niemand wist wat er besproken was. Hij zweeg erover.", [None]),
]
DAYS = {6: "2020-05-01"}


def test_pronoun_precision_and_recall(link: LinkFn) -> None:
    tp = fp = fn = 0
    for number, (text, expected) in enumerate(CASES):
        doc = link(text, DAYS.get(number, "2021-06-01"))
        pronouns = [m for m in doc.mentions if m.method == "coref" and m.label == "PRON"]
        found = {m.start: m.actor_id for m in pronouns}
        starts = [match.start() for match in re.finditer(r"\b(?:Hij|hij|Zij)\b", text)]
        assert len(starts) == len(expected), text
        for start, gold in zip(starts, expected, strict=True):
            system = found.get(start)
            if gold is None:
                fp += system is not None
            elif system == gold:
                tp += 1
            else:
                fn += 1
                fp += system is not None
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"pronoun coreference: precision {precision:.2f} recall {recall:.2f} "
          f"(tp={tp} fp={fp} fn={fn})")
    assert precision == 1.0
    assert recall >= 0.8
