"""Which texts kroniek reads: Dutch and Flemish, also with quotes in other languages;
Frisian, Afrikaans, English and German pages are refused, each in one line naming the
language, and nothing of them is stored. Through ``kroniek ingest``, with the real Frog."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from kroniek.ingest.language import detect

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "language" / "samples.yaml"

# Written after the Frisian word list, so not the sentences it was chosen on.
LATER = {
    "fy": ["De fiskers út Harns hawwe juster op it wetter protestearre tsjin de nije kwota.",
           "Neffens de boargemaster moat de dyk noch dit jier ferbettere wurde.",
           "Wy witte noch net oft de trein moarn wer ride sil, sei in wurdfierder."],
    "af": ["Die minister het gesê dat die regering nie die belasting sal verhoog nie.",
           "Die betogers het die pad na die lughawe vir ure lank versper."],
    "nl": ["De fractievoorzitter zei dat het kabinet de uitgaven voor Defensie niet verlaagt.",
           "Vissers uit Harlingen protesteerden gisteren tegen de nieuwe vangstquota.",
           "Volgens de burgemeester moet de dijk nog dit jaar worden versterkt."],
}


def test_every_composed_sample_gets_the_right_decision() -> None:
    samples = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))["samples"]
    wrong = [(s["lang"], s["text"]) for s in samples
             if ((detect(s["text"]) or "nl") == "nl") != (s["lang"] == "nl")]
    assert wrong == []


@pytest.mark.parametrize(("lang", "text"), [(lang, text) for lang, texts in LATER.items()
                                            for text in texts])
def test_sentences_written_after_the_rule(lang: str, text: str) -> None:
    assert ((detect(text) or "nl") == "nl") == (lang == "nl")


@pytest.mark.frog
def test_ingest_refuses_frisian_and_afrikaans_in_one_line(cli, db: str,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    files = {"fries.txt": LATER["fy"][0] + " " + LATER["fy"][1],
             "afrikaans.txt": LATER["af"][0] + " " + LATER["af"][1],
             "nederlands.txt": "De Britse premier noemde de aanval 'an act of war' en "
                               "kondigde nieuwe sancties tegen Moskou aan."}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("ingest", "--json", *(str(tmp_path / name) for name in files))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (1, 2)
    errors = "\n".join(summary["errors"])
    assert "looks Frisian, not Dutch" in errors and "looks Afrikaans, not Dutch" in errors
    assert all("\n" not in error for error in summary["errors"])
    with sqlite3.connect(db) as connection:
        sources = [row[0] for row in connection.execute("SELECT source FROM documents")]
    assert [Path(source).name for source in sources] == ["nederlands.txt"]
