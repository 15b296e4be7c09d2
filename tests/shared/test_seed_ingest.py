"""The reference article from ../shared: read, analysed and its persons found."""

from tests.conftest import shared_path

from kroniek.ingest import to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.readers import read


def test_seed_article_persons(frog) -> None:  # type: ignore[no-untyped-def]
    path = shared_path("corpus/seed-karabach-moskou.txt")
    text, notes = decode(path.read_bytes(), path.name)
    [article] = list(read(text, path.name, notes))
    document = to_document(article)  # type: ignore[arg-type]
    assert document.published is not None and document.published.iso() == "2020-10"
    assert not document.text.startswith("date")
    frog.analyse(document)
    persons = {m.text for m in document.mentions if m.label == "PER"}
    for surname in ("Poetin", "Aliev", "Pachinian", "Zas"):
        assert any(surname in person for person in persons), (surname, persons)
    for mention in document.mentions:
        assert document.text[mention.start : mention.end] == mention.text
