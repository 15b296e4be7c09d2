"""Writing through the Python API: ``kroniek.open(path, write=True).ingest(...)`` with the
real Frog (the session's warm one, shared as the CLI tests share it).

Every path into the store keeps two different inputs as two documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kroniek

FIRST = ("Titel: Beschietingen aan de grens\n\nHet Russische leger heeft dinsdag de "
         "Oekraïense stad Charkiv met raketten beschoten.")
SECOND = ("Titel: Overleg in Genève\n\nDe Amerikaanse minister van Buitenlandse Zaken "
          "heeft woensdag in Genève gesproken met zijn Chinese ambtgenoot.")


@pytest.fixture
def shared_frog(frog_server, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KRONIEK_FROG_SERVER", frog_server.address)


@pytest.mark.frog
def test_two_texts_are_two_documents_and_a_repeat_is_skipped(
        shared_frog: None, tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    with kroniek.open(path, write=True) as db:
        first = db.ingest(texts=[FIRST, SECOND])
        again = db.ingest(texts=[FIRST])
        documents = db.documents()
    assert (first.new, first.failed, again.new, again.skipped) == (2, 0, 0, 1)
    assert len(set(first.document_ids)) == 2 and again.document_ids[0] in first.document_ids
    assert sorted(d.title or "" for d in documents) == ["Beschietingen aan de grens",
                                                        "Overleg in Genève"]
    with kroniek.open(path) as db:
        assaults = list(db.events(type="ASSAULT"))
    assert assaults and assaults[0].title == "Beschietingen aan de grens"


@pytest.mark.frog
def test_records_files_and_bad_inputs(shared_frog: None, tmp_path: Path) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text(SECOND, encoding="utf-8")
    with kroniek.open(tmp_path / "k.sqlite", write=True) as db:
        result = db.ingest(
            [article],
            records=[{"id": "a-1", "text": FIRST.split("\n\n", 1)[1], "date": "2024-03-05",
                      "title": "Raketten op Charkiv"},
                     {"id": "a-2", "text": 42},
                     {"text": "   "}],
            texts=[""])
        replaced = db.ingest(records=[{"id": "a-1", "date": "2024-03-06",
                                       "text": "Het Russische leger heeft woensdag Odesa "
                                               "met drones aangevallen."}])
        documents = db.documents()
    assert (result.new, result.failed) == (2, 3), result.errors
    assert len(result.errors) == 3 and all("\n" not in e for e in result.errors)
    assert any("records[2]" in e for e in result.errors)
    assert (replaced.new, replaced.replaced) == (0, 1)
    assert replaced.replacements[0]["old_title"] == "Raketten op Charkiv"
    assert len(documents) == 2


def test_ingest_needs_something_to_read(tmp_path: Path) -> None:
    with kroniek.open(tmp_path / "k.sqlite", write=True) as db, \
            pytest.raises(ValueError, match="give paths, texts or records"):
        db.ingest()
