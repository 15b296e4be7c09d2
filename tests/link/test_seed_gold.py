"""The reference article (../shared/gold/seed.json) through Frog and the linker.

Actors: the codes of linked, coded mentions (places excluded) must equal the gold
``actors`` up to ``actors_optional``; every form under ``persons`` must link to its person
and act for its code (the sector comes from the KB's offices, e.g. IGO for the CSTO head,
where the gold says GOV: a KB question, not checked here).
"""

from __future__ import annotations

import json

from bench.link_actors import load_gold_document, score, system_actors

from kroniek.link import Linker
from tests.conftest import shared_path


def test_seed_actors_and_persons(frog) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads(shared_path("gold/seed.json").read_text(encoding="utf-8"))
    shared_path(gold["text_file"])
    document = load_gold_document(gold)
    frog.analyse(document)
    Linker()(document)
    system = system_actors(document)
    _, fp, fn = score(system, gold)
    assert (fp, fn) == (0, 0), (sorted(system), gold["actors"])
    persons = {a: spec for a, spec in gold["persons"].items()}
    for name, spec in persons.items():
        for form in spec["forms"]:
            hits = []
            start = document.text.find(form)
            while start >= 0:
                covering = [
                    m for m in document.mentions
                    if m.start <= start and start + len(form) <= m.end
                ]
                hits.extend(covering)
                start = document.text.find(form, start + 1)
            assert hits, (name, form)
            assert any(
                m.actor_id and Linker().kb.actor(m.actor_id).name == name
                and m.code == spec["acts_for"]
                for m in hits
            ), (name, form, [(m.text, m.actor_id, m.code) for m in hits])
