"""``kroniek events``: list coded events with the sentence each came from."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.text import Text

from kroniek import filters
from kroniek.cli.common import DbOption, console, friendly, reader_for
from kroniek.cli.terminal import json_text, printable
from kroniek.store.event_filter import EventFilter
from kroniek.store.event_queries import list_events

ActorFilter = Annotated[str | None, typer.Option(
    "--actor", help="Only events with this actor: a code (RUS), KB id or name (Rusland).")]
RecipientFilter = Annotated[str | None, typer.Option(
    "--recipient", help="Only events with this recipient (code, KB id or name).")]
TypeFilter = Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")]
StatusFilter = Annotated[str | None, typer.Option(
    "--status", help=f"One of {', '.join(filters.STATUSES)}.")]
SinceFilter = Annotated[str | None, typer.Option(
    "--since", help="Events dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilFilter = Annotated[str | None, typer.Option(
    "--until", help="Events dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]

def build_filter(actor: str | None = None, recipient: str | None = None,
                 type_: str | None = None, status: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None) -> EventFilter:
    return filters.event_filter(actor_=actor, recipient=recipient, type_=type_,
                                status_=status, since=since, until=until, limit=limit)


def _side(participants: list[dict[str, Any]]) -> str:
    if not participants:
        return "—"
    return ", ".join(p["code"] + (f"/{p['sector']}" if p.get("sector") else "")
                     for p in participants)


def _date(row: dict[str, Any]) -> str:
    start, end = row["date_start"], row["date_end"]
    if start is None:
        return "undated"
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}…{end.isoformat()}"


def highlight(sentence: str, sentence_start: int | None, row: dict[str, Any]) -> Text:
    """The sentence with the trigger in bold: by its span, else by its words."""
    plain = sentence.strip()
    offset = len(sentence) - len(sentence.lstrip())
    start = end = None
    if sentence_start is not None:
        start, end = row["start"] - sentence_start - offset, row["end"] - sentence_start - offset
    if start is None or end is None or not 0 <= start < end <= len(plain):
        found = plain.lower().find((row["trigger"] or "").lower())
        start, end = (found, found + len(row["trigger"])) if found >= 0 else (None, None)
    if start is None or end is None or not row["trigger"]:
        return Text(printable(plain, newlines=True))
    # Escaped piece by piece, so the bold still covers exactly the trigger's characters.
    text = Text(printable(plain[:start], newlines=True))
    text.append(printable(plain[start:end], newlines=True), style="bold yellow underline")
    text.append(printable(plain[end:], newlines=True))
    return text


def print_event(row: dict[str, Any]) -> None:
    header = Text()
    header.append(f"{_date(row):<23} ", style="cyan")
    header.append(row["type"] + (f"/{row['mode']}" if row["mode"] else ""), style="bold")
    header.append(f"  {_side(row['actor'])} → {_side(row['recipient'])}")
    header.append(f"  [{row['status']}]", style="magenta" if row["status"] != "asserted"
                  else "dim")
    if row["reciprocal"]:
        header.append(" (reciprocal)", style="dim")
    if row.get("location"):
        header.append(f"  @ {printable(row['location'])}", style="green")
    header.append(f"  {row['document_id'][:12]}:{row['sentence_index']}", style="dim")
    console.print(header, soft_wrap=True)
    sentence = highlight(row.get("sentence") or "", row.get("sentence_start"), row)
    console.print(Text("    ") + sentence, soft_wrap=True)


JSON_FIELDS = ("document_id", "sentence_index", "type", "mode", "status", "context",
               "reciprocal", "date_start", "date_end", "date_precision", "location",
               "plover_score", "trigger", "title", "url", "source")


def event_as_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event for ``--json``: its id as exports give it, fields as stored."""
    out: dict[str, Any] = {"id": f"{row['document_id']}-{row['event_index']}"}
    out.update({field: row.get(field) for field in JSON_FIELDS})
    for side in ("actor", "recipient"):
        out[side] = [{key: p.get(key) for key in ("code", "name", "sector", "kb_id")}
                     for p in row[side]]
    out["sentence"] = (row.get("sentence") or "").strip()
    return out


@friendly
def events_command(
    actor: ActorFilter = None,
    recipient: RecipientFilter = None,
    type_: TypeFilter = None,
    status: StatusFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 50,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the events as JSON, as stored (no PLOVER reduction; "
        "`kroniek export` applies it).")] = False,
    db: DbOption = None,
) -> None:
    """List coded events, newest articles first, each with its evidence sentence."""
    selection = build_filter(actor, recipient, type_, status, since, until, limit)
    rows = list_events(reader_for(db), selection)
    if as_json:
        typer.echo(json_text([event_as_json(row) for row in rows], indent=2))
        return
    if not rows:
        console.print("No events match (page furniture is never listed).")
        return
    for row in rows:
        print_event(row)
    console.print(Text(f"{len(rows)} event(s)" + (" (limit reached; use --limit)"
                                                  if len(rows) == limit else ""), style="dim"))
