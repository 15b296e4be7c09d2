"""How many events get a place, and which (issue 12, "Places on events").

For the dev gold texts (../shared/gold/dev by default) the linker and the coder run on
Frog's cached output, and the share of ASSAULT, MOBILIZE, COERCE and PROTEST events with a
location is printed per type. Frog's output is cached (``--cache``), so location rules can be
compared in seconds; delete the cache after changing nlp. ``--list`` prints a fixed sample of
placed events (sentence, trigger, place) for checking precision by hand, ``--misses`` the
events of those types that got no place.

Usage: python bench/event_places.py [--gold DIR] [--cache FILE] [--list N] [--misses]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
from collections import Counter
from pathlib import Path

from kroniek.evaluation.gold import GoldDocument, expand_gold, read_gold_file
from kroniek.ingest import RawArticle, to_document
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.kb import load_kb
from kroniek.model import Document
from kroniek.nlp import FrogBackend
from kroniek.pipeline import load_component

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("ASSAULT", "MOBILIZE", "COERCE", "PROTEST")


def _analysed(golds: list[GoldDocument], cache: Path) -> dict[str, Document]:
    """Documents after Frog, keyed by gold id; Frog runs only for texts not cached."""
    stored: dict[str, Document] = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    backend: FrogBackend | None = None
    documents = {}
    for gold in golds:
        key = hashlib.sha1(((gold.date or "") + gold.text).encode()).hexdigest()
        if key not in stored:
            backend = backend or FrogBackend()
            article = RawArticle(text=gold.text, source=gold.id, key=gold.id,
                                 published=interval_from_iso(gold.date) if gold.date else None,
                                 date_origin="metadata")
            document = to_document(article, check_language=False)
            backend.analyse(document)
            stored[key] = document
        documents[gold.id] = stored[key]
    if backend is not None:
        backend.close()
        cache.write_bytes(pickle.dumps(stored))
    return documents


def _sentence(document: Document, index: int) -> str:
    sentence = document.sentences[index]
    return " ".join(document.text[sentence.start:sentence.end].split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "dev"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kroniek-places-frog.pkl"))
    parser.add_argument("--list", type=int, default=0, help="print a sample of N placed events")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--misses", action="store_true", help="print events with no place")
    arguments = parser.parse_args()
    golds = [gold for path in expand_gold([arguments.gold])
             for gold in read_gold_file(path, None)]
    documents = _analysed(golds, arguments.cache)
    linker, extractor = load_component("link"), load_component("extract")
    kb = load_kb()
    placed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with_coords = 0
    rows: list[tuple[str, str, str, str, str]] = []
    misses: list[str] = []
    for gold in golds:
        document = pickle.loads(pickle.dumps(documents[gold.id]))
        linker(document)
        extractor(document)
        for event in document.events:
            if event.type not in TYPES or event.furniture:
                continue
            total[event.type] += 1
            trigger = (document.tokens[event.trigger_token].text
                       if event.trigger_token is not None else "?")
            sentence_id = f"{gold.id}#{event.sentence}"
            if event.location:
                placed[event.type] += 1
                actor = kb.get(event.location)
                with_coords += bool(actor and actor.coords)
                name = actor.name if actor else event.location
                rows.append((sentence_id, event.type, trigger, name,
                             _sentence(document, event.sentence)))
            else:
                misses.append(f"{sentence_id} {event.type} '{trigger}': "
                              f"{_sentence(document, event.sentence)[:200]}")
    print("| type | events | with a place | share |")
    print("|---|---|---|---|")
    for kind in TYPES:
        share = f"{placed[kind] / total[kind]:.2f}" if total[kind] else "-"
        print(f"| {kind} | {total[kind]} | {placed[kind]} | {share} |")
    all_total, all_placed = sum(total.values()), sum(placed.values())
    print(f"| **all** | {all_total} | {all_placed} | "
          f"{all_placed / all_total if all_total else 0:.2f} |")
    print(f"\nplaced events whose place has coordinates: {with_coords} of {all_placed}")
    if arguments.list:
        sample = sorted(random.Random(arguments.seed).sample(rows, min(arguments.list,
                                                                         len(rows))))
        print("\n| sentence | type | trigger | place | sentence text |")
        print("|---|---|---|---|---|")
        for sentence_id, kind, trigger, name, text in sample:
            print(f"| {sentence_id} | {kind} | {trigger} | {name} | {text[:220]} |")
    if arguments.misses:
        print("\nEvents with no place:")
        for line in misses:
            print("- " + line)


if __name__ == "__main__":
    main()
