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
from kroniek.export import FORMATS, ExportOptions
from kroniek.export.formats import UNITS

__all__ = ["FORMATS", "export_command"]


@friendly
def export_command(
    format_: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)} "
        "(see docs/formats.md).")] = "plover",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output "
        "(required for parquet and graphml).")] = None,
    actor: ActorFilter = None,
    recipient: RecipientFilter = None,
    type_: TypeFilter = None,
    status: StatusFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    isolated: Annotated[bool, typer.Option(
        "--isolated", help="graphml: also write actors with no selected event or "
        "relation.")] = False,
    db: DbOption = None,
) -> None:
    """Export stored events: PLOVER JSON lines, CSV, Parquet, GraphML, CAMEO (GDELT-style
    TSV) or JSON-LD. Negated and hypothetical events are left out unless asked for with
    --status; page furniture is never exported."""
    writer = FORMATS.get(format_.lower())
    if writer is None:
        raise InputError(f"--format {format_!r}: use one of {', '.join(FORMATS)}")
    selection = build_filter(actor, recipient, type_, status, since, until)
    count = writer(reader_for(db), selection, output, ExportOptions(isolated=isolated))
    if output is not None:
        unit = UNITS.get(format_.lower(), "event(s)")
        errors.print(f"{count} {unit} written to {output}", highlight=False)
