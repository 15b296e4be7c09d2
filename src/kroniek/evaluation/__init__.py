"""Scoring against gold data as specified in ``shared/EVAL.md`` (``kroniek eval``)."""

from kroniek.evaluation.gold import GoldDocument, read_gold_file
from kroniek.evaluation.records import PRF, Score, SystemDocument, SystemEvent
from kroniek.evaluation.runner import Evaluation, evaluate
from kroniek.evaluation.scoring import score_document

__all__ = [
    "PRF",
    "Evaluation",
    "GoldDocument",
    "Score",
    "SystemDocument",
    "SystemEvent",
    "evaluate",
    "read_gold_file",
    "score_document",
]
