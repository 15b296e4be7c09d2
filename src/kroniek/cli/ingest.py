"""``kroniek ingest``: read articles and store what they say."""

from __future__ import annotations

import math
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from kroniek.cli.common import DbOption, console, engine_for, errors, friendly
from kroniek.cli.terminal import in_markup, json_text
from kroniek.errors import InputError
from kroniek.ingest.decode import DEFAULT_MAX_BYTES
from kroniek.ingest.fetch import DEFAULT_TIMEOUT, Fetcher
from kroniek.parallel.runs import parallel_run
from kroniek.pipeline import IngestSummary, total_bytes


def _progress_bar(total: int | None) -> Progress:
    return Progress(
        TextColumn("[bold]ingest"),
        TextColumn("{task.fields[stage]}"),
        BarColumn(),
        TextColumn("{task.fields[documents]} docs"),
        TextColumn("{task.fields[rate]:>6.0f} words/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=errors,
        transient=False,
    )


def print_replacements(summary: IngestSummary) -> None:
    for change in summary.replacements:
        console.print(
            f"[cyan]replaced[/] {in_markup(change['source'])}: "
            f"\"{in_markup(change['old_title'])}\" ({str(change['old_id'])[:12]}) by "
            f"\"{in_markup(change['new_title'])}\" ({str(change['new_id'])[:12]})",
            highlight=False, soft_wrap=True,
        )


def print_summary(summary: IngestSummary) -> None:
    rate = summary.words / summary.seconds if summary.seconds else 0.0
    console.print(
        f"[bold]{summary.new}[/] new, [bold]{summary.replaced}[/] replaced, "
        f"[bold]{summary.skipped}[/] skipped (already stored), "
        f"[bold {'red' if summary.failed else 'green'}]{summary.failed}[/] failed · "
        f"{summary.sentences} sentences · {summary.entities} entities · "
        f"{summary.events} events · "
        + (f"{summary.copies} wire copies of stored stories · " if summary.copies else "")
        + f"{summary.words:,} words in {summary.seconds:.1f} s "
        f"({rate:.0f} words/s) · Frog started {summary.nlp_starts}×",
        highlight=False,
        soft_wrap=True,
    )


def _max_bytes(megabytes: float) -> int:
    # typer accepts "nan" and "inf" as floats; neither is a size
    if not math.isfinite(megabytes) or megabytes <= 0:
        raise InputError(f"--max-size must be a positive number of MB, not {megabytes}")
    return int(megabytes * 1024 * 1024)


@friendly
def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files, directories (read recursively), glob patterns, http(s) URLs, or - "
             "for stdin.",
        show_default=False)],
    db: DbOption = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Analyse again and overwrite documents already stored.")] = False,
    max_size: Annotated[float, typer.Option(
        "--max-size", help="Largest input file in MB.")] = DEFAULT_MAX_BYTES / 1024 / 1024,
    any_language: Annotated[bool, typer.Option(
        "--any-language", help="Analyse texts that do not look Dutch too.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary; errors only.")] = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the summary as JSON.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds to download one URL.")] = DEFAULT_TIMEOUT,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Analysers at once, each with its own warm Frog (~2 GB); "
                          "default: what this machine's cores and memory allow.",
        show_default=False)] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Analyse on the workers of this Dask scheduler "
                            "(tcp://HOST:PORT); see docs/scaling.md.",
        show_default=False)] = None,
) -> None:
    """Read articles (seed-style text, plain text, JSON Lines, web pages, RSS/Atom feeds,
    WARC archives, http(s) URLs) and store what they say.

    An article already stored (same text) is skipped; a new version of a stored article
    (same URL, id or path) replaces the old one. Exits non-zero if any input failed.
    """
    max_bytes = _max_bytes(max_size)
    if not math.isfinite(timeout) or timeout <= 0:
        raise InputError(f"--timeout must be a positive number of seconds, not {timeout}")
    fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes)
    engine = engine_for(db)
    run = parallel_run(workers, scheduler)
    show_bar = not quiet and not as_json and errors.is_terminal
    bar = _progress_bar(None)
    # Until the first document is done, the wait is Frog starting (5-30 s): say so.
    task = bar.add_task("ingest", total=total_bytes(paths), documents=0, rate=0.0,
                        stage="starting Frog …")
    reported = 0

    def progress(size: int, _words: int, summary: IngestSummary) -> None:
        nonlocal reported
        for message in summary.errors[reported:]:
            errors.print(f"[red]failed:[/] {in_markup(message)}", soft_wrap=True, highlight=False)
        reported = len(summary.errors)
        done = summary.new + summary.replaced + summary.skipped
        rate = summary.words / summary.seconds if summary.seconds else 0.0
        bar.update(task, advance=size, documents=done, rate=rate, stage="")

    try:
        if show_bar:
            bar.start()
        summary = run.ingest(paths, engine, replace=replace, max_bytes=max_bytes,
                             check_language=not any_language, progress=progress,
                             fetcher=fetcher)
    finally:
        bar.stop()
        run.close()
        fetcher.close()
    if not quiet:
        for note in summary.notes:
            errors.print(f"[yellow]note:[/] {in_markup(note)}", soft_wrap=True, highlight=False)
    if as_json:
        payload = {key: value for key, value in vars(summary).items()}
        # Plain JSON (no colours), its control characters as JSON escapes: exact data.
        typer.echo(json_text(payload))
    elif not quiet:
        print_replacements(summary)
        print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)
