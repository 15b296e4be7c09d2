"""Language identification on short texts: py3langid (as kroniek used it, and with
Afrikaans among its candidates), lingua, and kroniek's ``ingest.language.detect``, in one
run on the composed samples of ``tests/data/language/samples.yaml``.

What counts is the decision kroniek takes: read a text (Dutch) or refuse it (anything
else). Writes the section "## Language identification" of ``docs/quality.md``.

    PYTHONPATH=src .venv/bin/python bench/language_id.py [--no-write]

lingua (``lingua-language-detector``, about 100 MB, not a dependency) is measured when it
is installed: ``.venv/bin/pip install lingua-language-detector``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import py3langid
import yaml

from kroniek.ingest import language
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "language" / "samples.yaml"
SECTION = "## Language identification"
BEFORE = ["nl", "en", "de", "fr", "es", "it", "pt", "ru", "tr", "ar", "pl", "uk"]


def _langid(candidates: list[str]) -> Callable[[str], str]:
    identifier = py3langid.langid.LanguageIdentifier.from_model_file(
        py3langid.langid.MODEL_FILE, norm_probs=True)
    identifier.set_languages(candidates)
    return lambda text: str(identifier.classify(text)[0])


def _lingua() -> Callable[[str], str] | None:
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    wanted = [Language.DUTCH, Language.ENGLISH, Language.GERMAN, Language.FRENCH,
              Language.AFRIKAANS, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
              Language.RUSSIAN, Language.TURKISH, Language.ARABIC, Language.POLISH,
              Language.UKRAINIAN]
    detector = LanguageDetectorBuilder.from_languages(*wanted).build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "?"

    assert IsoCode639_1  # imported to fail early on an incompatible release
    return detect


def _kroniek(text: str) -> str:
    return language.detect(text) or "nl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    samples = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))["samples"]
    systems: dict[str, Callable[[str], str]] = {
        "py3langid, kroniek's candidates before (no af)": _langid(BEFORE),
        "py3langid, with af": _langid([*BEFORE, "af"]),
    }
    lingua = _lingua()
    if lingua:
        systems["lingua (13 languages, af included)"] = lingua
    systems["kroniek `detect` now"] = _kroniek
    languages = sorted({sample["lang"] for sample in samples}, key=lambda x: (x != "nl", x))
    totals = Counter(sample["lang"] for sample in samples)
    rows = []
    for name, detect in systems.items():
        right: Counter[str] = Counter()
        detect(samples[0]["text"])  # loads its model, which is not per-text cost
        began = time.perf_counter()
        for sample in samples:
            accepted = detect(sample["text"]) == "nl"
            right[sample["lang"]] += accepted == (sample["lang"] == "nl")
        seconds = time.perf_counter() - began
        decided = sum(right.values()) / len(samples)
        cells = " | ".join(f"{right[lang]}/{totals[lang]}" for lang in languages)
        rows.append(f"| {name} | {cells} | **{decided:.2f}** | "
                    f"{1000 * seconds / len(samples):.1f} |")
    lines = [
        SECTION, "",
        f"`bench/language_id.py`, {dt.date.today().isoformat()}: {len(samples)} short texts "
        "composed for kroniek (`tests/data/language/samples.yaml`: Dutch and Flemish news "
        "sentences and headlines, Dutch with English or French quotes, Frisian, Afrikaans, "
        "English, German). A cell counts the texts whose decision is right: Dutch read, "
        "anything else refused.", "",
        "| identifier | " + " | ".join(languages) + " | right | ms per text |",
        "|---|" + "---:|" * (len(languages) + 2),
        *rows, "",
        "Neither library knows Frisian, so kroniek adds a check of its own "
        "(`ingest/data/language.yaml`: words Frisian writes and Dutch never does, such as "
        "*fan*, *yn*, *troch*, *hawwe*), and asks py3langid to choose Afrikaans too.",
    ]
    if lingua:
        lines[-1] += (" The lingua row was measured with `lingua-language-detector` installed "
                      "by hand; it is not a dependency (no more accurate here, and slower).")
    lines.append("`tests/ingest/test_language.py` holds every sample to its decision, and "
                 "eight sentences written after the Frisian list was chosen.")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        write_section(ROOT / "docs" / "quality.md", SECTION, text)


if __name__ == "__main__":
    main()
