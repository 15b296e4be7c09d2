"""Precision and recall of fuzzy person-name linking per threshold.

Usage: .venv/bin/python bench/fuzzy_threshold.py
Reads tests/link/data/name_variants.yaml: spelling variants the KB does not list (each
must link to its person) and unknown names (must stay unlinked). A variant the KB knows
exactly is skipped: it measures the KB, not the fuzzy matcher.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kroniek.kb import load_kb
from kroniek.link.fuzzy import best_match

DATA = Path(__file__).resolve().parent.parent / "tests" / "link" / "data" / "name_variants.yaml"
THRESHOLDS = (70, 75, 80, 82, 85, 86, 88, 90, 95)


def measure(threshold: float) -> tuple[float, float, int, int, int]:
    kb = load_kb()
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for variant, expected in data["positives"].items():
        if any(a.kind == "person" for a, _ in kb.lookup(variant)):
            continue
        match = best_match(kb, variant, {"person"}, threshold)
        if match is None:
            fn += 1
        elif match[0].id == expected:
            tp += 1
        else:
            fp += 1
            fn += 1
    for name in data["negatives"]:
        if best_match(kb, name, {"person"}, threshold) is not None:
            fp += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main() -> None:
    print("| threshold | precision | recall | tp | fp | fn |")
    print("|---:|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        p, r, tp, fp, fn = measure(threshold)
        print(f"| {threshold} | {p:.2f} | {r:.2f} | {tp} | {fp} | {fn} |")


if __name__ == "__main__":
    main()
