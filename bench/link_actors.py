"""Actor P/R/F1 of the linker against gold files (EVAL.md, "Actor P/R/F1").

Usage: .venv/bin/python bench/link_actors.py [GOLD.json ...]   (default: ../shared/gold)
Runs Frog (KRONIEK_FROG_SERVER to reuse a warm one) and the linker on each gold text.
The system's actor set is the codes of linked, coded mentions that are not places.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from kroniek.ingest import to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.readers import read
from kroniek.link import Linker
from kroniek.model import Document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def load_gold_document(gold: dict, shared: Path = SHARED) -> Document:  # type: ignore[type-arg]
    if "text" in gold:
        text, notes = gold["text"], []
        name = gold.get("id", "gold")
    else:
        path = shared / gold["text_file"]
        text, notes = decode(path.read_bytes(), path.name)
        name = path.name
    [article] = list(read(text, name, notes))
    return to_document(article, check_language=False)  # type: ignore[arg-type]


def system_actors(document: Document) -> set[str]:
    return {m.code for m in document.mentions if m.actor_id and m.code}


def score(system: set[str], gold: dict) -> tuple[int, int, int]:  # type: ignore[type-arg]
    """(true positives, false positives, false negatives); optional codes count neither way."""
    required = set(gold.get("actors", []))
    optional = set(gold.get("actors_optional", []))
    tp = len(system & required)
    fp = len(system - required - optional)
    fn = len(required - system)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_files(arguments: Iterable[str]) -> list[Path]:
    paths = [Path(a) for a in arguments]
    if not paths:
        paths = [SHARED / "gold" / "seed.json", *sorted((SHARED / "gold" / "dev").glob("*.json"))]
    return paths


def main(arguments: list[str]) -> int:
    from kroniek.nlp import FrogBackend

    frog, linker = FrogBackend(), Linker()
    totals = [0, 0, 0]
    link_seconds = 0.0
    words = 0
    print(f"{'file':55} {'P':>5} {'R':>5} {'F1':>5}  missing / extra")
    for path in gold_files(arguments):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document = load_gold_document(gold)
        frog.analyse(document)
        began = time.perf_counter()
        linker(document)
        link_seconds += time.perf_counter() - began
        words += document.word_count
        system = system_actors(document)
        tp, fp, fn = score(system, gold)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        p, r, f = prf(tp, fp, fn)
        required = set(gold.get("actors", []))
        optional = set(gold.get("actors_optional", []))
        extra = sorted(system - required - optional)
        print(f"{path.stem:55} {p:5.2f} {r:5.2f} {f:5.2f}  -{sorted(required - system)} +{extra}")
    p, r, f = prf(*totals)
    print(f"{'TOTAL (micro)':55} {p:5.2f} {r:5.2f} {f:5.2f}  tp={totals[0]} fp={totals[1]} "
          f"fn={totals[2]}")
    print(f"linking: {words / max(link_seconds, 1e-9):.0f} words/s")
    frog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
