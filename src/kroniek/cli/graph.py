"""Graph commands: ``dyad``, ``actor``, ``ask defence`` and ``fuse``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from kroniek.cli.common import DbOption, console, engine_for, errors, friendly, reader_for
from kroniek.cli.events import SinceFilter, UntilFilter
from kroniek.cli.terminal import in_markup, json_text
from kroniek.filters import date_range
from kroniek.graph import actor_timeline, defence_obligations, dyad, fuse, fused_events, unfuse
from kroniek.graph.common import ident, parse_day, resolve
from kroniek.graph.dyads import quad_names
from kroniek.kb import load_kb
from kroniek.store.database import MissingDatabase

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
# What the totals count (kroniek.plover.counted), said wherever totals are shown.
COUNTED = ("Counted by PLOVER's rules: negated and hypothetical events are left out, "
           "planned meetings and aid count as AGREE, an announced withdrawal as CONCEDE.")
ask_app = typer.Typer(help="Questions the graph can answer.", no_args_is_help=True)


def _print_json(data: Any) -> None:
    typer.echo(json_text(data, indent=2))


@friendly
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor: code (RUS), id or name.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    since: SinceFilter = None,
    until: UntilFilter = None,
    by: Annotated[str, typer.Option(help="Period: day, week or month.")] = "day",
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Events between two actors per period: counts by PLOVER type and quad, summed score."""
    kb = load_kb()
    code_a, code_b = (ident(kb, resolve(kb, x)) for x in (a, b))
    result = dyad(reader_for(db), code_a, code_b, *date_range(since, until), by)
    if as_json:
        _print_json(result.to_dict())
        return
    table = Table(title=f"{result.a} and {result.b}: {result.total_events} events, "
                        f"PLOVER score {result.total_score:+.1f}", caption=COUNTED)
    table.add_column(by)
    table.add_column("direction")
    for name in quad_names():
        table.add_column(name, justify="right")
    table.add_column("types")
    table.add_column("score", justify="right")
    for period in result.periods:
        direction = {"A->B": f"{result.a} → {result.b}", "B->A": f"{result.b} → {result.a}",
                     "A<->B": f"{result.a} ↔ {result.b}"}[period.direction]
        table.add_row(
            period.start.isoformat(), direction,
            *(str(period.quads.get(name, "")) for name in quad_names()),
            ", ".join(f"{k} {n}" for k, n in sorted(period.counts.items())),
            f"{period.score:+.1f}",
        )
    if not result.periods:
        console.print(f"no events between {result.a} and {result.b} in that range")
        return
    console.print(table)


@friendly
def actor_command(
    reference: Annotated[str, typer.Argument(help="Actor: code (RUS), id or name.")],
    at: Annotated[str | None, typer.Option(help="Relations valid on this day.")] = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    by: Annotated[str, typer.Option(help="Event periods: day, week or month.")] = "month",
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """An actor's roles, relations valid at a date (KB and text, labelled) and events."""
    timeline = actor_timeline(reader_for(db), load_kb(), reference, parse_day(at, "--at"),
                              *date_range(since, until), by)
    if as_json:
        _print_json(timeline.to_dict())
        return
    console.print(f"[bold]{in_markup(timeline.name)}[/] ({timeline.code}, {timeline.kind}) "
                  f"on {timeline.at.isoformat()}")
    for role in timeline.roles:
        console.print(in_markup(f"  role: {role['title'] or role['office']} of {role['of']} "
                                f"{role['start'] or '?'}..{role['end'] or ''}"))
    relations = Table(title="Relations")
    for column in ("type", "source", "target", "origin", "valid", "evidence"):
        relations.add_column(column)
    for fact in timeline.relations:
        valid = f"{fact.valid_from or ''}..{fact.valid_to or ''}"
        evidence = fact.sentence or fact.note or ""
        origin = "KB (background)" if fact.origin == "kb" else f"text ({fact.outlet or '?'})"
        relations.add_row(*(in_markup(value) for value in (
            fact.type, fact.source, fact.target, origin, valid, evidence[:90])))
    console.print(relations)
    events = Table(title="Events over time", caption=COUNTED)
    for column in ("period", "as actor", "as recipient"):
        events.add_column(column)
    for start, roles in sorted(timeline.periods.items()):
        events.add_row(start.isoformat(), *(
            ", ".join(f"{k} {n}" for k, n in sorted(roles.get(r, {}).items()))
            for r in ("actor", "recipient")
        ))
    console.print(events if timeline.periods else "no events stored for this actor")


@friendly
def defence_command(
    attacked: Annotated[str, typer.Option("--attacked", help="The attacked state.")],
    by: Annotated[str | None, typer.Option("--by", help="The attacker.")] = None,
    where: Annotated[str | None, typer.Option("--where", help="Place attacked.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Day of the attack.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Would an attack trigger a collective-defence clause, and who would be bound?"""
    try:
        engine = reader_for(db)
    except MissingDatabase as error:
        engine = None  # the clauses come from the KB; articles only add sentences
        errors.print(f"note: {error}; answering from the KB alone", highlight=False)
    answer = defence_obligations(load_kb(), attacked, by, where, parse_day(at, "--at"),
                                 engine)
    if as_json:
        _print_json(answer.to_dict())
        return
    console.print(f"[bold]Attack on {answer.attacked}"
                  f"{' by ' + answer.attacker if answer.attacker else ''}"
                  f"{' in ' + where if where else ''} on {answer.at.isoformat()}: "
                  f"{answer.verdict}[/]")
    if not answer.clauses:
        console.print(f"{answer.attacked} is in no alliance with a collective-defence clause "
                      "on that day")
    for clause in answer.clauses:
        console.print(f"\n[bold]{clause.alliance}[/] {clause.article}: {clause.verdict}")
        for reason in clause.reasons:
            console.print(f"  - {reason}")
        if clause.bound:
            console.print(f"  bound: {', '.join(clause.bound)}")
    if answer.kb_facts:
        console.print("\n[bold]KB facts[/] (background)")
        for fact in answer.kb_facts:
            console.print(f"  - {in_markup(fact)}")
    if answer.sentences:
        console.print("\n[bold]From articles[/]")
        for sentence in answer.sentences:
            console.print(in_markup(f"  - {sentence['outlet'] or sentence['document'][:10]}: "
                                    f"{sentence['text']}"))


@friendly
def fuse_command(
    undo: Annotated[bool, typer.Option("--undo", help="Remove all fused events.")] = False,
    show: Annotated[bool, typer.Option("--show", help="List fused events.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Join reports of the same event from different articles into fused events."""
    engine = engine_for(db)
    if undo:
        removed = unfuse(engine)
        console.print(f"removed {removed} fused events; the reports are unchanged")
        return
    summary = fuse(engine, load_kb())
    rows = fused_events(engine) if (show or as_json) else []
    if as_json:
        _print_json({"reports": summary.reports, "fused": summary.fused,
                     "joined": summary.joined, "events": rows})
        return
    console.print(f"{summary.reports} reports, {summary.fused} fused events "
                  f"joining {summary.joined} reports")
    for row in rows:
        console.print(in_markup(
            f"  #{row['id']} {row['type']} {','.join(row['actors'])} -> "
            f"{','.join(row['recipients'])} {row['date_start']}: {row['sources']} "
            f"sources ({', '.join(row['outlets'])}), first {row['first_report']}"))


ask_app.command("defence")(defence_command)
