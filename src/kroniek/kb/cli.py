"""``kroniek kb ...``: search, show, add and import-wikidata (a typer sub-app)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from kroniek.cli.terminal import printable
from kroniek.kb.base import KnowledgeBase
from kroniek.kb.explain import explain, render_actor
from kroniek.kb.loader import KBError, load_kb, user_kb_dir, validate_file
from kroniek.kb.wikidata import WikidataError, dump_entries, import_wikidata

AtOption = Annotated[str | None, typer.Option("--at", help="Date YYYY-MM-DD")]
OutputOption = Annotated[Path, typer.Option("-o", "--output", help="YAML file to write")]

# Names and texts a user typed or the KB files hold are printed with controls escaped.
kb_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _fail(message: str) -> NoReturn:
    # A list of problems keeps its lines; each is shown with its controls escaped.
    shown = escape(printable(message, newlines=True))
    err.print(f"[red]error:[/red] {shown}", highlight=False, markup=True)
    raise typer.Exit(1)


def _day(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"bad date {text!r} (want YYYY-MM-DD)")


def _kb() -> KnowledgeBase:
    try:
        return load_kb()
    except KBError as exc:
        _fail("the KB has problems:\n" + "\n".join(exc.problems))


@kb_app.command()
def search(text: str, at: AtOption = None) -> None:
    """What TEXT names in the KB on a date, and why."""
    for line in explain(_kb(), text, _day(at)):
        out.print(printable(line), highlight=False, markup=False)


@kb_app.command()
def show(actor_id: str, at: AtOption = None) -> None:
    """Everything the KB knows about one actor."""
    try:
        lines = render_actor(_kb(), actor_id, _day(at))
    except KeyError as exc:
        _fail(str(exc.args[0]))
    for line in lines:
        out.print(printable(line), highlight=False, markup=False)


@kb_app.command()
def add(file: Path) -> None:
    """Validate a KB YAML file and copy it into the user's KB folder."""
    problems = validate_file(file)
    if problems:
        _fail(f"{file} was not added:\n" + "\n".join(problems))
    folder = user_kb_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / file.name
        shutil.copyfile(file, target)
    except OSError as exc:
        _fail(f"cannot write to {folder}: {exc.strerror}")
    out.print(f"added {file.name} to {folder}", highlight=False, markup=False)


@kb_app.command("import-wikidata")
def import_wikidata_command(file: Path, output: OutputOption) -> None:
    """Convert a Wikidata JSON dump (one entity per line) into a KB YAML file."""
    try:
        entries = import_wikidata(file)
    except FileNotFoundError:
        _fail(f"{file}: no such file")
    except (WikidataError, UnicodeDecodeError) as exc:
        _fail(str(exc))
    try:
        output.write_text(dump_entries(entries), encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")
    out.print(f"wrote {len(entries)} entries to {output}", highlight=False, markup=False)
