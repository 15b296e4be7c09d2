"""``kroniek demo``: ingest the sample articles kroniek ships and show what it found."""

from __future__ import annotations

from importlib.resources import files

from kroniek.cli.common import DbOption, console, engine_for, friendly
from kroniek.cli.documents import docs_command, stats_command
from kroniek.cli.events import events_command
from kroniek.cli.ingest import print_summary
from kroniek.pipeline import Pipeline, ingest
from kroniek.store import database_url


def demo_articles() -> str:
    return str(files("kroniek") / "demo" / "articles")


@friendly
def demo_command(db: DbOption = None) -> None:
    """Ingest the shipped sample articles into the database and summarise them."""
    engine = engine_for(db)
    console.print(f"Ingesting the demo articles into {database_url(db)} …")
    pipeline = Pipeline()
    try:
        summary = ingest([demo_articles()], engine, pipeline)
    finally:
        pipeline.close()
    print_summary(summary)
    docs_command(db=db)
    stats_command(db=db)
    console.rule("a sample of the coded events")
    events_command(limit=12, db=db)
    console.print(
        "\nNext: [bold]kroniek show ID[/] reads one article with its entities, "
        "[bold]kroniek events --help[/] filters events, and\n"
        "      [bold].venv/bin/kroniek serve[/] starts the web UI: open "
        "[bold]http://127.0.0.1:8000/[/] in your browser.", highlight=False)
