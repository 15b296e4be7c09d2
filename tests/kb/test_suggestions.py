"""``kroniek kb search`` for a name the KB does not know: close spellings are suggested,
unrelated names are not (the threshold is measured in docs/kb.md)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.kb import KnowledgeBase
from kroniek.kb.base import SUGGEST_MIN_SCORE


def _search(text: str) -> str:
    result = CliRunner().invoke(app, ["kb", "search", text, "--at", "2024-06-01"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Hun Manet", "hun-manet"),
        ("Anwar Ibrahim", "anwar-ibrahim"),
        ("Netanjahoe", "benjamin-netanyahu"),
        ("Erdogan", "recep-tayyip-erdogan"),
    ],
)
def test_known_name_finds_its_entry(text: str, actor_id: str) -> None:
    output = _search(text)
    assert output.startswith(f"{actor_id} (person"), output
    assert "fuzzy" not in output and "no match" not in output


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Stoltenburg", "jens-stoltenberg"),
        ("Loekasjenka", "alexander-lukashenko"),
        ("Anwar Ibrahiem", "anwar-ibrahim"),
        ("Frankrijkk", "fra"),
    ],
)
def test_misspelt_name_gets_its_entry_as_suggestion(text: str, actor_id: str) -> None:
    output = _search(text)
    assert "no match" in output
    assert f"did you mean {actor_id} " in output, output


@pytest.mark.parametrize(
    "text", ["Piet Pietersen", "Karel de Grote", "Bakkerij Van Dam", "Fietsenmaker", "Qwerty Asdf"]
)
def test_unrelated_name_gets_no_suggestion(text: str) -> None:
    output = _search(text)
    assert output.strip() == f"no match for {text!r} in the KB", output


def test_suggestions_respect_the_threshold(kb: KnowledgeBase) -> None:
    # WRatio ranks 'Estonia' and 'Latvia' at 72 for 'Hun Manet'-like queries; the rescored
    # suggestions keep only whole-name resemblance.
    for text in ("Hun Maneth", "Piet Pietersen", "Mevrouw Klaassen"):
        for _, score in kb.suggest(text):
            assert score >= SUGGEST_MIN_SCORE
    assert [a.id for a, _ in kb.suggest("Hun Maneth")] == ["hun-manet"]
    assert kb.suggest("Piet Pietersen") == []
