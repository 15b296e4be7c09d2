"""``kroniek eval``: score the system against gold files (``shared/EVAL.md``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kroniek.cli.common import console, errors, friendly
from kroniek.evaluation import evaluate
from kroniek.evaluation.report import as_json, print_errors, print_report
from kroniek.pipeline import IngestSummary, Progress


def _announce(count: int) -> Progress:
    """Say on stderr that analysis is under way (it takes a while), and count documents."""
    errors.print(f"analysing {count} gold text(s)…", highlight=False)

    def progress(_size: int, _words: int, summary: IngestSummary) -> None:
        done = summary.new + summary.replaced + summary.skipped + summary.failed
        if errors.is_terminal:
            errors.print(f"  {done}/{count}", end="\r", highlight=False)

    return progress


@friendly
def eval_command(
    gold: Annotated[list[str], typer.Argument(
        help="Gold files (*.json, *.jsonl) or folders holding them.", show_default=False)],
    actors_only: Annotated[bool, typer.Option(
        "--actors-only", help="Only actor precision, recall and F1.")] = False,
    as_json_: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option(
        "--errors", help="Also list false positives and misses with their evidence.")] = False,
    # No KRONIEK_DB fallback on purpose: gold texts go to a throwaway database unless asked.
    db: Annotated[str | None, typer.Option(
        "--db", help="Analyse into and reuse this database instead of a temporary one.")] = None,
    shared: Annotated[Path | None, typer.Option(
        "--shared", help="Folder that text_file paths are relative to (default: found by "
        "walking up from each gold file).")] = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="With --db: analyse texts again even if already stored.")] = False,
) -> None:
    """Score events, actors, relations, figures and quotes against gold data."""
    evaluation = evaluate(gold, db=db, shared=shared, replace=replace, on_analyse=_announce)
    if as_json_:
        typer.echo(json.dumps(as_json(evaluation, actors_only), ensure_ascii=False, indent=2))
        for note in evaluation.notes:
            errors.print(f"[yellow]note:[/] {note}", soft_wrap=True, highlight=False)
    else:
        print_report(console, evaluation, actors_only)
    if show_errors:
        print_errors(console if not as_json_ else errors, evaluation, actors_only)
