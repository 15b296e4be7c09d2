"""Wire copies with MinHash LSH: precision and recall on composed variants and same-topic
stories (the figures of docs/quality.md), and the story index."""

from __future__ import annotations

from tests.ingest.wire import different_story_pairs, same_story_pairs

from kroniek.ingest.neardup import THRESHOLD, StoryIndex, from_bytes, signature, to_bytes


def decisions(threshold: float) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over all composed pairs, decided
    as ingest decides: the index holding the first text, is the second a copy of it?"""
    index = StoryIndex(threshold=threshold)  # one index: building one costs a tenth of a second
    true_positive = false_positive = false_negative = 0
    for pairs, same in ((same_story_pairs(), True), (different_story_pairs(), False)):
        for one, other, _kind in pairs:
            index.add("eerste", "eerste", signature(one))
            matched = index.story_of(signature(other)) is not None
            index.remove("eerste")
            true_positive += same and matched
            false_negative += same and not matched
            false_positive += not same and matched
    return true_positive, false_positive, false_negative


def test_precision_and_recall_at_the_chosen_threshold() -> None:
    positives, negatives = same_story_pairs(), different_story_pairs()
    assert len(positives) >= 80 and len(negatives) >= 120
    assert any(kind == "same topic" for *_, kind in negatives)
    true_positive, false_positive, false_negative = decisions(THRESHOLD)
    precision = true_positive / max(true_positive + false_positive, 1)
    recall = true_positive / (true_positive + false_negative)
    assert precision == 1.0 and recall >= 0.95, (precision, recall)


def test_a_stricter_threshold_loses_the_heavier_variants() -> None:
    _tp, _fp, missed = decisions(0.9)
    assert missed >= 40  # a paragraph more or less, a new intro: no longer one story


def test_the_index_joins_copies_to_the_first_report_and_forgets_replaced_ones() -> None:
    original, variant, _ = same_story_pairs()[2]  # a paragraph more
    other = different_story_pairs()[0][1]
    index = StoryIndex()
    index.add("eerste", "eerste", signature(original))
    found = index.story_of(signature(variant))
    assert found is not None and found[0] == "eerste" and THRESHOLD <= found[1] < 1.0
    index.add("kopie", "eerste", signature(variant))
    assert index.story_of(signature(other)) is None
    assert index.story_of(signature(original), ignore=["eerste"])[0] == "eerste"  # via kopie
    index.remove("kopie")
    index.remove("eerste")
    assert index.story_of(signature(variant)) is None and len(index) == 0


def test_signatures_survive_storage() -> None:
    text = same_story_pairs()[0][0]
    stored = from_bytes(to_bytes(signature(text)))
    assert stored.jaccard(signature(text)) == 1.0 and len(to_bytes(stored)) == 128 * 4
