"""Run an evaluation: read gold files, analyse their texts, score what was stored."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from kroniek.errors import KroniekError
from kroniek.evaluation.gold import GoldDocument, expand_gold, read_gold_file
from kroniek.evaluation.records import Score
from kroniek.evaluation.scoring import score_document
from kroniek.evaluation.system import kb_resolver, load_system
from kroniek.export.names import knowledge_base
from kroniek.ingest.identity import document_id, normalise_text
from kroniek.kb import KnowledgeBase
from kroniek.pipeline import IngestSummary, Pipeline, Progress, ingest
from kroniek.store import event_queries, open_engine


@dataclass
class FileResult:
    file: Path
    documents: list[str]
    score: Score
    per_document: list[Score] = field(default_factory=list)


@dataclass
class Evaluation:
    files: list[FileResult] = field(default_factory=list)
    total: Score = field(default_factory=Score)
    notes: list[str] = field(default_factory=list)


def read_gold(arguments: list[str], shared: Path | None) -> list[tuple[Path, list[GoldDocument]]]:
    return [(path, read_gold_file(path, shared)) for path in expand_gold(arguments)]


def stored_id(gold: GoldDocument) -> str:
    """The id ingest gives the gold text (a hash of it), so failed items can be told apart."""
    return document_id(normalise_text(gold.text))


def _ingest_gold(documents: list[GoldDocument], engine: Engine, replace: bool,
                 pipeline_factory: Callable[[], Pipeline],
                 progress: Progress | None) -> IngestSummary:
    with tempfile.TemporaryDirectory(prefix="kroniek-eval-") as folder:
        path = Path(folder) / "gold.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for gold in documents:
                record = {"id": gold.id, "text": gold.text, "date": gold.date, "url": gold.url}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        try:
            pipeline = pipeline_factory()
        except ImportError as error:
            # A half-installed or broken stage must read as one line, not a traceback.
            raise KroniekError(f"cannot load the analysis pipeline: {error}") from error
        try:
            # Gold says which language a text is in; language detection must not veto it.
            return ingest([str(path)], engine, pipeline, replace=replace, check_language=False,
                          progress=progress)
        finally:
            pipeline.close()


def evaluate(
    arguments: list[str],
    db: str | None = None,
    shared: Path | None = None,
    replace: bool = False,
    kb: KnowledgeBase | None = None,
    pipeline_factory: Callable[[], Pipeline] = Pipeline,
    on_analyse: Callable[[int], Progress | None] | None = None,
) -> Evaluation:
    """Score the gold files; ``on_analyse(n)`` is told how many texts need analysing and may
    return an ingest progress callback."""
    gold_files = read_gold(arguments, shared)
    documents = [gold for _, docs in gold_files for gold in docs]
    result = Evaluation()
    with tempfile.TemporaryDirectory(prefix="kroniek-eval-db-") as folder:
        # Without --db the gold texts go to a throwaway database, never the user's own.
        engine = open_engine(db or str(Path(folder) / "eval.sqlite"))
        try:
            ids = {gold.id: stored_id(gold) for gold in documents}
            stored = event_queries.stored_ids(engine, ids.values())
            pending = [gold for gold in documents if replace or ids[gold.id] not in stored]
            if pending:
                progress = on_analyse(len(pending)) if on_analyse else None
                summary = _ingest_gold(pending, engine, replace, pipeline_factory, progress)
                result.notes.extend(f"ingest failed: {error}" for error in summary.errors)
            kb = kb or knowledge_base()
            resolve = kb_resolver(kb)
            present = event_queries.stored_ids(engine, ids.values())
            for path, docs in gold_files:
                file_result = FileResult(path, [gold.id for gold in docs], Score())
                for gold in docs:
                    if ids[gold.id] not in present:
                        result.notes.append(f"{gold.id}: not analysed, scored as finding nothing")
                    system = load_system(engine, ids[gold.id], kb)
                    document_score = score_document(gold, system, resolve)
                    file_result.per_document.append(document_score)
                    file_result.score += document_score
                result.files.append(file_result)
                result.total += file_result.score
        finally:
            engine.dispose()
    return result
