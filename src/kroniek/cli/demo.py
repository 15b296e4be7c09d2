"""``kroniek demo``: ingest the sample articles kroniek ships and show what it found."""

from __future__ import annotations

import contextlib
import shlex
import shutil
import sys
from importlib.resources import files
from pathlib import Path

from kroniek.cli.common import DbOption, console, engine_for, errors, friendly
from kroniek.cli.documents import docs_command, stats_command
from kroniek.cli.events import events_command
from kroniek.cli.ingest import print_summary
from kroniek.pipeline import IngestSummary, Pipeline, ingest
from kroniek.store import database_url


def demo_articles() -> str:
    return str(files("kroniek") / "demo" / "articles")


@friendly
def demo_command(db: DbOption = None) -> None:
    """Ingest the shipped sample articles into the database and summarise them."""
    engine = engine_for(db)
    console.print(f"Ingesting the demo articles into {database_url(db)} …")
    total = sum(1 for _ in Path(demo_articles()).iterdir())
    pipeline = Pipeline()
    # Frog takes 5-30 s to start before the first article is read; say so, then count.
    with errors.status("starting Frog …") as status:

        def progress(_size: int, _words: int, summary: IngestSummary) -> None:
            done = summary.new + summary.replaced + summary.skipped + summary.failed
            status.update(f"read {done} of {total} demo articles …")

        try:
            summary = ingest([demo_articles()], engine, pipeline, progress=progress)
        finally:
            pipeline.close()
    print_summary(summary)
    docs_command(db=db)
    stats_command(db=db)
    console.rule("a sample of the coded events")
    events_command(limit=12, db=db)
    console.print(next_steps(db), highlight=False)


def _program() -> str:
    """How the user can run kroniek again: by name when it is on PATH (``./run demo``
    runs it from the project's virtual environment, which usually is not)."""
    if shutil.which("kroniek"):
        return "kroniek"
    script = Path(sys.argv[0])
    if script.name == "kroniek" and script.exists():
        with contextlib.suppress(ValueError):
            return str(script.resolve().relative_to(Path.cwd().resolve()))
        return str(script)
    return "kroniek"


def next_steps(db: str | None) -> str:
    """What to try next, with the database the demo just used (a ``serve`` without it
    would show another, maybe empty, database)."""
    program = _program()
    where = f" --db {shlex.quote(db)}" if db else ""
    return (f"\nNext: [bold]{program} show ID{where}[/] reads one article with its entities, "
            f"[bold]{program} events{where} --help[/] filters events, and "
            f"[bold]{program} serve{where}[/] starts the web UI: open "
            "[bold]http://127.0.0.1:8000/[/] in your browser.")
