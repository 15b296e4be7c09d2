"""Show an evaluation: a rich table per file and in total, JSON, or the errors to fix."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kroniek.cli.terminal import printable
from kroniek.evaluation.records import PRF, Score
from kroniek.evaluation.runner import Evaluation

DEDUP_NOTE = ("system event triples are deduplicated per document before scoring (a set); "
              "precision counts system triples, recall required gold triples")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _prf(prf: PRF) -> str:
    return f"{_pct(prf.p)} {_pct(prf.r)} {_pct(prf.f1)}"


def _width(score: Score) -> str:
    width = score.date_median_width_days
    return "—" if width is None else f"{width:g}"


def as_json(evaluation: Evaluation, actors_only: bool = False) -> dict[str, Any]:
    def scores(score: Score) -> dict[str, Any]:
        full = score.as_dict()
        return {"actors": full["actors"]} if actors_only else full

    return {
        "per_file": [
            {"file": str(f.file), "documents": f.documents, **scores(f.score)}
            for f in evaluation.files
        ],
        "total": scores(evaluation.total),
        "notes": [DEDUP_NOTE, *evaluation.notes],
    }


def table(evaluation: Evaluation, actors_only: bool = False) -> Table:
    columns = (["file", "actors P R F1"] if actors_only else
               ["file", "events P R F1", "actor-level P R F1", "status", "mode", "date",
                "width d", "actors P R F1", "relations P R F1", "figures R", "quotes R"])
    result = Table(title="kroniek eval", caption="P R F1 micro-averaged over documents")
    for column in columns:
        result.add_column(column, justify="left" if column == "file" else "right")

    def row(name: str, score: Score, style: str = "") -> None:
        cells = ([_prf(score.actors)] if actors_only else [
            _prf(score.events_strict), _prf(score.events_actor), _pct(score.status.value),
            _pct(score.mode.value), _pct(score.date.value), _width(score),
            _prf(score.actors), _prf(score.relations), _pct(score.figures.value),
            _pct(score.quotes.value)])
        result.add_row(Text(name), *cells, style=style)

    for file in evaluation.files:
        row(file.file.name, file.score)
    row("total", evaluation.total, "bold")
    return result


def print_report(console: Console, evaluation: Evaluation, actors_only: bool = False) -> None:
    console.print(table(evaluation, actors_only))
    total = evaluation.total
    if not actors_only:
        strict = total.events_strict
        console.print(
            f"events: {strict.found} of {strict.found + strict.fn} required gold triples found, "
            f"{strict.tp} system triples correct, {strict.fp} false positives, "
            f"{total.duplicates} duplicate system triples merged · status "
            f"{total.status.correct}/{total.status.total} · mode "
            f"{total.mode.correct}/{total.mode.total} · date "
            f"{total.date.correct}/{total.date.total} · figures "
            f"{total.figures.correct}/{total.figures.total} · quotes "
            f"{total.quotes.correct}/{total.quotes.total}",
            highlight=False, soft_wrap=True)
        console.print(Text(f"note: {DEDUP_NOTE}", style="dim"), soft_wrap=True)
    for note in evaluation.notes:
        console.print(Text(f"note: {note}", style="yellow"), soft_wrap=True)


LAYERS_ACTORS_ONLY = {"actor"}


def print_errors(console: Console, evaluation: Evaluation, actors_only: bool = False) -> None:
    """False positives, misses and wrong attributes per document, with evidence."""
    for file in evaluation.files:
        for document, score in zip(file.documents, file.per_document, strict=True):
            # Actor-level event errors repeat the strict ones; the strict ones say more.
            errors = [e for e in score.errors if e.layer != "event-actor"
                      and (not actors_only or e.layer in LAYERS_ACTORS_ONLY)]
            if not errors:
                continue
            console.rule(Text(f"{document} ({file.file.name})", style="bold"))
            for error in errors:
                style = {"false positive": "red", "missed": "yellow"}.get(error.kind, "magenta")
                line = Text(f"{error.layer:<12} ", style="dim")
                line.append(f"{error.kind:<15} ", style=style)
                line.append(printable(error.what))
                console.print(line, soft_wrap=True)
                if error.evidence:
                    console.print(Text(f"{'':28}“{printable(error.evidence)}”", style="dim"),
                                  soft_wrap=True)
