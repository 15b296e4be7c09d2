"""The real Frog on sentences we wrote: tokens, lemmas, entities, parse and offsets."""

import pytest

from kroniek.errors import NLPUnavailable
from kroniek.nlp import FrogBackend, FrogServer

TEXT = (
    "De Russische president Vladimir Poetin belde dinsdag met de Turkse leider.\n"
    "Hij vroeg Ankara om de troepen uit Syrië terug te trekken.\n\n"
    "De NAVO vergaderde in Brussel over de oorlog."
)


def test_tokens_lemmas_entities_and_offsets(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse(TEXT)
    assert len(document.sentences) == 3
    assert [s.paragraph for s in document.sentences] == [0, 0, 1]
    for token in document.tokens:
        surface = document.text[token.start : token.end]
        assert surface.split() == token.text.split("_")
    by_text = {token.text: token for token in document.tokens}
    assert by_text["belde"].lemma == "bellen" and by_text["belde"].pos == "WW"
    assert by_text["vergaderde"].lemma == "vergaderen"
    entities = {(m.text, m.label) for m in document.mentions}
    assert ("Vladimir Poetin", "PER") in entities
    assert ("Brussel", "LOC") in entities
    assert ("NAVO", "ORG") in entities
    poetin = by_text["Vladimir_Poetin"]
    assert document.text[poetin.start : poetin.end] == "Vladimir Poetin"


def test_dependency_parse_points_inside_the_sentence(analyse) -> None:  # type: ignore[no-untyped-def]
    document = analyse(TEXT)
    sentence = document.sentences[2]
    tokens = document.sentence_tokens(2)
    roots = [t for t in tokens if t.head is None]
    assert len(roots) == 1 and roots[0].lemma == "vergaderen"
    subject = next(t for t in tokens if t.deprel == "su")
    assert subject.text == "NAVO"
    assert all(t.head is None or sentence.token_start <= t.head < sentence.token_end
               for t in tokens)


def test_long_text_without_full_stops_is_split(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "de soldaten trokken verder " * 300 + "en toen was het stil."
    document = analyse(text)
    assert len(document.sentences) > 1
    assert document.tokens[-1].end == len(text)
    assert all(s.end - s.start <= 700 for s in document.sentences)


def test_restarts_after_frog_dies() -> None:
    server = FrogServer()
    backend = FrogBackend(server)
    try:
        from kroniek.model import Document

        document = Document(id="a", text="De VN vergaderde.", source="t", key="t")
        backend.analyse(document)
        first_pid = server.pid
        assert server.starts == 1
        server._signal_group(9)  # a real crash of the Frog process group
        again = Document(id="b", text="De EU vergaderde ook.", source="t", key="t")
        backend.analyse(again)
        assert server.starts == 2 and server.pid != first_pid
        assert [t.lemma for t in again.tokens][:3] == ["de", "EU", "vergaderen"]
    finally:
        backend.close()
    assert server.pid is None


def test_missing_frog_says_how_to_install() -> None:
    server = FrogServer(executable="/nonexistent/frog")
    with pytest.raises(NLPUnavailable, match="apt-get install frog frogdata"):
        server.start()


def test_broken_frog_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "frog"
    broken.write_text("#!/bin/sh\necho 'cannot find frogdata config' >&2\nexit 1\n")
    broken.chmod(0o755)
    with pytest.raises(NLPUnavailable, match=r"Frog exited at start-up .*frogdata"):
        FrogServer(executable=str(broken)).start()
