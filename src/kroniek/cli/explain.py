"""``kroniek explain``: why a sentence got the records it got."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kroniek.cli.common import DbOption, console, errors, fail, friendly, reader_for
from kroniek.cli.terminal import json_text, printable
from kroniek.explain import (
    Explanation,
    document_for_text,
    document_from_row,
    explain_document,
)
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.store import queries

_STORED = re.compile(r"^([0-9a-f]{4,40}):(\d+)$")
_STAGE_STYLES = {"trigger": "green", "blocked": "dim", "dropped": "red", "status": "cyan",
                 "date": "cyan", "rule": "magenta", "clause": "", "arguments": "bold"}


def _render(explanation: Explanation) -> None:
    for sentence in explanation.sentences:
        console.rule(Text(f"sentence {sentence.index}", style="bold"))
        console.print(Text(printable(sentence.text, newlines=True)))
        mentions = Table("mention", "resolved to", "code", "sector", "how", box=None,
                         title="mentions", title_justify="left")
        for mention in sentence.mentions:
            mentions.add_row(*(Text(printable(value)) for value in (
                mention["text"], mention["kb"] or "—", mention["code"] or "—",
                mention["sector"] or "—", f"{mention['method']} {mention['score']:g}")))
        console.print(mentions if sentence.mentions else Text("no mentions", style="dim"))
        console.print(Text("decisions", style="italic"))
        for step in sentence.steps:
            console.print(Text(f"  {step.stage:<9} ", style=_STAGE_STYLES.get(step.stage, ""))
                          + Text(printable(step.message)))
        if not sentence.steps:
            console.print(Text("  no trigger word of the lexicon in this sentence", style="dim"))
        console.print(Text("records", style="italic"))
        for event in sentence.events:
            recipient = ", ".join(event["recipient"]) or "—"
            console.print(Text(printable(
                f"  {event['type']}{'/' + event['mode'] if event['mode'] else ''} "
                f"{', '.join(event['actor'])} -> {recipient}"
                f"{' (reciprocal)' if event['reciprocal'] else ''} · {event['status']} · "
                f"{event['date'] or 'undated'} · \"{event['trigger']}\"")))
        if not sentence.events:
            console.print(Text("  none", style="dim"))


@friendly
def explain_command(
    what: Annotated[str, typer.Argument(
        help="A Dutch sentence or short text, or DOC:N for sentence N of a stored document "
        "(DOC an id prefix, see `kroniek docs`).", show_default=False)],
    date: Annotated[str | None, typer.Option(
        "--date", help="Publication date of a text given here (2020, 2020-10, 2020-10-09): "
        "relative dates and statuses are read against it.")] = None,
    as_json_: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")]
    = False,
    db: DbOption = None,
) -> None:
    """Show how a sentence was coded: mentions and how each was resolved, the triggers
    considered, the clause and argument candidates, status and date cues, and why any
    candidate event was dropped."""
    stored = _STORED.match(what.strip())
    if stored:
        engine = reader_for(db)
        matches = queries.find_document(engine, stored.group(1))
        if not matches:
            raise fail(f"no stored document matches {stored.group(1)!r} (see `kroniek docs`)")
        if len(matches) > 1:
            raise fail(f"{stored.group(1)!r} matches {len(matches)} documents; give more of "
                       "the id")
        row = queries.document(engine, matches[0])
        assert row is not None
        document = document_from_row(row)
        wanted: set[int] | None = {int(stored.group(2))}
    else:
        published = None
        if date:
            try:
                published = interval_from_iso(date)
            except ValueError as error:
                raise fail(f"--date {date!r}: {error}", 2) from None
        document = document_for_text(what, published)
        wanted = None
    from kroniek.pipeline import Pipeline

    errors.print("starting Frog and analysing…", highlight=False)
    pipeline = Pipeline()
    try:
        explanation = explain_document(pipeline, document, wanted)
    finally:
        pipeline.close()
    if wanted is not None and not explanation.sentences:
        raise fail(f"the document has no sentence {min(wanted)} "
                   f"(it has {len(document.sentences)}, numbered from 0)")
    if as_json_:
        typer.echo(json_text(explanation.as_dict(), indent=2))
    else:
        _render(explanation)
