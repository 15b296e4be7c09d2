"""``kroniek export``: write stored events in an exchange format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kroniek.cli.common import DbOption, errors, friendly, reader_for
from kroniek.cli.events import (
    ActorFilter,
    RecipientFilter,
    SinceFilter,
    StatusFilter,
    TypeFilter,
    UntilFilter,
    build_filter,
)
from kroniek.errors import InputError
from kroniek.export import Writer, export_plover

# Format name -> writer; a new format is one entry here (see kroniek.export.Writer).
FORMATS: dict[str, Writer] = {
    "plover": export_plover,
}


@friendly
def export_command(
    format_: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(sorted(FORMATS))}.")] = "plover",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output.")] = None,
    actor: ActorFilter = None,
    recipient: RecipientFilter = None,
    type_: TypeFilter = None,
    status: StatusFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    db: DbOption = None,
) -> None:
    """Export stored events (never page furniture), e.g. as PLOVER JSON lines."""
    writer = FORMATS.get(format_.lower())
    if writer is None:
        raise InputError(f"--format {format_!r}: use one of {', '.join(sorted(FORMATS))}")
    selection = build_filter(actor, recipient, type_, status, since, until)
    count = writer(reader_for(db), selection, output)
    if output is not None:
        errors.print(f"{count} event(s) written to {output}", highlight=False)
