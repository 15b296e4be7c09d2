"""The ``kroniek`` command: one Typer app, one module per group of commands."""

from __future__ import annotations

import typer

from kroniek import __version__
from kroniek.cli.demo import demo_command
from kroniek.cli.documents import docs_command, show_command, stats_command
from kroniek.cli.ingest import ingest_command
from kroniek.cli.watch import watch_command
from kroniek.kb.cli import kb_app

app = typer.Typer(
    name="kroniek",
    help="Kroniek: a temporal knowledge graph of international politics and conflict, "
    "read from Dutch news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("ingest")(ingest_command)
app.command("watch")(watch_command)
app.command("docs")(docs_command)
app.command("show")(show_command)
app.command("stats")(stats_command)
app.command("demo")(demo_command)
app.add_typer(kb_app, name="kb", help="Search and extend the actor knowledge base.")
# Commands of later stages register below, one line each.
from kroniek.cli import graph as _graph  # noqa: E402

app.command("dyad")(_graph.dyad_command)
app.command("actor")(_graph.actor_command)
app.command("fuse")(_graph.fuse_command)
app.add_typer(_graph.ask_app, name="ask", help="Ask the graph, e.g. ask defence.")
from kroniek.cli.serve import serve_command  # noqa: E402

app.command("serve")(serve_command)
from kroniek.cli.evaluate import eval_command  # noqa: E402
from kroniek.cli.events import events_command  # noqa: E402
from kroniek.cli.export import export_command  # noqa: E402

app.command("eval")(eval_command)
app.command("events")(events_command)
app.command("export")(export_command)
from kroniek.cli.explain import explain_command  # noqa: E402

app.command("explain")(explain_command)
from kroniek.cli.upgrade import upgrade_command  # noqa: E402

app.command("upgrade")(upgrade_command)


@app.command("version")
def version_command() -> None:
    """Print kroniek's version."""
    typer.echo(f"kroniek {__version__}")


def main() -> None:
    app()
