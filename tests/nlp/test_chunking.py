import re

from kroniek.nlp.align import Aligner
from kroniek.nlp.chunking import MAX_REQUEST_CHARS, MAX_SENTENCE_CHARS, paragraphs, requests
from kroniek.nlp.frog_output import parse_frog_output


def test_paragraph_spans() -> None:
    text = "Eerste alinea.\nNog een regel.\n\nTweede alinea.\n\n\nDerde."
    spans = paragraphs(text)
    assert [text[a:b] for a, b in spans] == [
        "Eerste alinea.\nNog een regel.", "Tweede alinea.", "Derde."]


def test_requests_keep_every_word_and_break_long_runs() -> None:
    text = "Een zin. " + "woord " * 400 + "einde.\n\nTweede alinea hier."
    sent = list(requests(text))
    assert " ".join(sent).split() == text.split()
    assert len(sent) > 2
    for request in sent:
        for run in re.split(r"(?<=[.!?]) ", request):
            assert len(run) <= MAX_SENTENCE_CHARS


def test_huge_paragraph_becomes_several_requests() -> None:
    text = "Dit is een zin over de NAVO. " * 2000
    sent = list(requests(text))
    assert len(sent) > 1
    assert all(len(request) <= MAX_REQUEST_CHARS for request in sent)
    assert " ".join(sent).split() == text.split()


def test_aligner_handles_multiword_units_and_whitespace() -> None:
    text = "De president  Vladimir\nPoetin sprak."
    aligner = Aligner(text)
    spans = [aligner.place(parts) for parts in (["De"], ["president"], ["Vladimir", "Poetin"],
                                                 ["sprak"], ["."])]
    assert [text[a:b] for a, b in spans] == ["De", "president", "Vladimir\nPoetin", "sprak", "."]


def test_aligner_survives_a_rewritten_token() -> None:
    text = "Hij zei ''ja'' en ging."
    aligner = Aligner(text)
    spans = [aligner.place([p]) for p in ("Hij", "zei", '"', "ja", "''", "en", "ging", ".")]
    assert text[spans[-2][0]:spans[-2][1]] == "ging"
    assert all(a <= b for a, b in spans)


def test_parse_frog_output() -> None:
    answer = (
        "1\tDe\tde\t[de]\tLID(bep,stan,rest)\t0.98\tO\tB-NP\t2\tdet\n"
        "2\tNAVO\tNAVO\t[NAVO]\tSPEC(deeleigen)\t1.0\tB-ORG\tI-NP\t3\tsu\n"
        "3\tdreigde\tdreigen\t[dreig][de]\tWW(pv,verl,ev)\t0.99\tO\tB-VP\t0\tROOT\n\n"
        "1\tJens_Stoltenberg\tJens_Stoltenberg\t[Jens]_[Stoltenberg]\t"
        "SPEC(deeleigen)_SPEC(deeleigen)\t1.0\tB-PER_I-PER\tB-NP_I-NP\t0\tROOT\n"
    )
    first, second = parse_frog_output(answer)
    assert [t.lemma for t in first] == ["de", "NAVO", "dreigen"]
    assert (first[2].pos, first[2].features, first[2].head) == ("WW", "pv,verl,ev", 0)
    assert (second[0].parts, second[0].ner, second[0].chunk) == (
        ["Jens", "Stoltenberg"], "B-PER", "B-NP")


def test_eight_megabytes_without_punctuation_split_losslessly() -> None:
    # Speed is measured in bench/long_documents.py (0.8 MB against 8 MB in one run); here
    # the pieces of a text that long: all words kept in order, each piece short enough.
    words = "de soldaten trokken verder door het dorp zonder te stoppen "
    text = words * (8_000_000 // len(words))
    sent = list(requests(text))
    assert all(len(request) <= MAX_SENTENCE_CHARS for request in sent)
    assert len(sent) >= len(text) // MAX_SENTENCE_CHARS
    assert "".join(sent) == text.rstrip()
