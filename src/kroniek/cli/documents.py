"""``kroniek docs``, ``show`` and ``stats``: look at what is stored."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kroniek.cli.common import DbOption, console, fail, friendly, reader_for
from kroniek.cli.terminal import json_text, printable
from kroniek.errors import InputError
from kroniek.store import queries

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
LABEL_STYLES = {"PER": "bold magenta", "LOC": "bold green", "ORG": "bold cyan",
                "MISC": "bold yellow", "EVE": "bold blue", "PRO": "bold blue"}


def _date(start: object, precision: str) -> str:
    if start is None:
        return "—"
    text = str(start)
    return {"year": text[:4], "month": text[:7]}.get(precision, text)


@friendly
def docs_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many documents to list.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, newest first, with date, title and counts."""
    if limit < 1:
        raise InputError(f"--limit {limit}: must be at least 1")
    if offset < 0:
        raise InputError(f"--offset {offset}: must be 0 or more")
    rows = queries.list_documents(reader_for(db), limit=limit, offset=offset)
    if as_json:
        typer.echo(json_text([dict(row) for row in rows], indent=2))
        return
    if not rows:
        console.print("No documents stored yet: try [bold]kroniek ingest PATH[/].")
        return
    table = Table(show_lines=False)
    for column in ("id", "date", "title / source", "words", "sentences", "entities", "events"):
        table.add_column(column, justify="right" if column in {"words", "sentences",
                         "entities", "events"} else "left")
    for row in rows:
        table.add_row(row["id"][:12], _date(row["published_start"], row["published_precision"]),
                      Text(printable(row["title"] or row["source"])), str(row["words"]),
                      str(row["sentences"]), str(row["entities"]), str(row["events"]))
    console.print(table)


@friendly
def show_command(
    document: Annotated[str, typer.Argument(help="Document id (a prefix is enough) or source.")],
    db: DbOption = None,
) -> None:
    """Show a document: its sentences, with named entities highlighted."""
    engine = reader_for(db)
    matches = queries.find_document(engine, document)
    if not matches:
        raise fail(f"no stored document matches {document!r} (see `kroniek docs`)")
    if len(matches) > 1:
        raise fail(f"{document!r} matches {len(matches)} documents; give more of the id")
    record = queries.document(engine, matches[0])
    assert record is not None
    text: str = record["text"]
    console.rule(Text(printable(record["title"] or record["source"]), style="bold"))
    console.print(
        f"id {record['id']} · published "
        f"{_date(record['published_start'], record['published_precision'])} "
        f"({record['published_precision']}, from {record['date_origin']}) · "
        f"{record['words']} words · language {printable(record['lang'])}",
        highlight=False, markup=False)
    mentions_by_sentence: dict[int, list[dict]] = {}  # type: ignore[type-arg]
    for mention in record["mentions"]:
        mentions_by_sentence.setdefault(mention["sentence_index"], []).append(mention)
    paragraph = -1
    for sentence in record["sentences"]:
        if sentence["paragraph"] != paragraph:
            paragraph = sentence["paragraph"]
            console.print()
        line = Text(f"{sentence['sentence_index']:>3} ", style="dim")
        cursor = sentence["start"]
        for mention in mentions_by_sentence.get(sentence["sentence_index"], []):
            if mention["start"] < cursor:
                continue
            line.append(printable(text[cursor : mention["start"]], newlines=True))
            target = mention["actor_id"] or "unlinked"
            line.append(printable(text[mention["start"] : mention["end"]], newlines=True),
                        style=LABEL_STYLES.get(mention["label"], "bold"))
            line.append(printable(f"[{mention['label']}→{target}]"), style="dim")
            cursor = mention["end"]
        line.append(printable(text[cursor : sentence["end"]], newlines=True))
        console.print(line)
    unlinked = sorted({m["text"] for m in record["mentions"] if not m["actor_id"]})
    if unlinked:
        console.print(Text(f"\nunlinked mentions: {printable(', '.join(unlinked))}",
                           style="yellow"))


@friendly
def stats_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of what the database holds."""
    result = queries.stats(reader_for(db))
    if as_json:
        first, last = result["published"]
        typer.echo(json_text({**result, "published": {"first": first, "last": last}},
                             indent=2))
        return
    table = Table(title="kroniek database")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in result["counts"].items():
        table.add_row(Text(printable(name)), f"{value:,}")
    first, last = result["published"]
    table.add_row("published", f"{first or '—'} … {last or '—'}")
    console.print(table)
    if result["entity_labels"]:
        console.print(Text("entities by label: " + printable(", ".join(
            f"{label} {count}" for label, count in sorted(result["entity_labels"].items())))))
    if result["event_types"]:
        console.print(Text("events by type: " + printable(", ".join(
            f"{kind} {count}" for kind, count in sorted(result["event_types"].items())))))
