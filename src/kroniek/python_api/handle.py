"""``kroniek.open``: a handle on one kroniek database for notebooks and scripts.

Every method goes through the same code as the command line: the filters of
:mod:`kroniek.filters`, the export's rows and reduction rules, the graph's dyads and
actor timelines, the pipeline's ingest. So a question asked here and with ``kroniek
events``/``dyad``/``actor``/``ask defence`` gets the same answer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import networkx as nx
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek import filters
from kroniek.errors import BadValue, InputError
from kroniek.export.graphml import event_graph
from kroniek.export.names import knowledge_base
from kroniek.export.options import ExportOptions
from kroniek.graph import (
    ActorTimeline,
    DefenceAnswer,
    Dyad,
    actor_timeline,
    defence_obligations,
    dyad,
)
from kroniek.graph.common import ident, parse_day, resolve
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.ingest.readers import read_text
from kroniek.ingest.record import article_from_record
from kroniek.python_api.records import DocumentRecord, IngestResult
from kroniek.python_api.results import EventResult
from kroniek.store import open_engine, open_reader, queries
from kroniek.store import schema as t
from kroniek.store.database import MissingDatabase

Period = Literal["day", "week", "month"]


def open(path_or_url: str | os.PathLike[str], *, write: bool = False) -> Kroniek:
    """A handle on the kroniek database at ``path_or_url`` (a SQLite file or a SQLAlchemy
    URL such as ``postgresql+psycopg://host/db``).

    Read-only unless ``write=True``: nothing is created, upgraded or written. A missing
    path raises ``FileNotFoundError``; a file that is not a kroniek database, or one of an
    older schema, raises :class:`kroniek.errors.StoreError` saying what to do.

    >>> import kroniek
    >>> with kroniek.open("demo.sqlite") as db:          # doctest: +SKIP
    ...     db.events(type="ASSAULT", since="2020-09").to_pandas()
    """
    location = os.fspath(path_or_url)
    if not location:
        raise BadValue("open: give a database path or URL")
    try:
        engine = open_engine(location) if write else open_reader(location)
    except MissingDatabase as error:
        raise FileNotFoundError(str(error)) from None
    return Kroniek(engine, location, write)


class Kroniek:
    """One open database. Use it as a context manager, or call :meth:`close`."""

    def __init__(self, engine: Engine, location: str, writable: bool) -> None:
        self._engine = engine
        self.location = location
        self.writable = writable
        self._pipeline: Any = None

    def __enter__(self) -> Kroniek:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<kroniek {self.location!r} {'read-write' if self.writable else 'read-only'}>"

    def close(self) -> None:
        """Stop Frog if :meth:`ingest` or :meth:`explain` started it, and close the database."""
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None
        self._engine.dispose()

    # -- reading ---------------------------------------------------------------------------

    def _stored_modes(self) -> list[str]:
        with self._engine.connect() as connection:
            query = sa.select(t.events.c.mode).where(t.events.c.mode.is_not(None)).distinct()
            return [mode for (mode,) in connection.execute(query)]

    def events(self, *, actor: str | None = None, recipient: str | None = None,
               type: str | None = None, mode: str | None = None,
               status: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, place: str | None = None,
               text: str | None = None, limit: int | None = None) -> EventResult:
        """Events as ``kroniek events`` and the exports select them.

        ``actor``/``recipient``: a code (``RUS``), KB id or name (``Rusland``); ``type``: a
        PLOVER type; ``status``: asserted, alleged, future, hypothetical, negated or
        historical (negated and hypothetical events are left out unless asked for);
        ``since``/``until``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a date; ``place``: a
        place's KB id; ``text``: words in the trigger or sentence. A bad value raises
        ``ValueError`` naming the allowed ones.

        >>> db.events(actor="AZE", recipient="ARM", type="ASSAULT").to_pandas()  # doctest: +SKIP
        """
        selection = filters.event_filter(
            actor_=actor, recipient=recipient, type_=type,
            mode_=mode, status_=status, since=since, until=until, place=place, text=text,
            limit=limit, known_modes=self._stored_modes() if mode else (),
            spell=filters.keyword)
        return EventResult(self._engine, selection)

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[DocumentRecord]:
        """Stored documents, newest first, with their counts (as ``kroniek docs``)."""
        if limit < 1 or offset < 0:
            raise BadValue("documents: limit must be at least 1 and offset at least 0")
        return [DocumentRecord.from_row(row)
                for row in queries.list_documents(self._engine, limit, offset)]

    def _code(self, reference: str, name: str) -> str:
        kb = knowledge_base()
        try:
            return ident(kb, resolve(kb, reference))
        except InputError as error:
            raise BadValue(f"{name}: {error}") from None

    def dyad(self, a: str, b: str, *, since: str | dt.date | None = None,
             until: str | dt.date | None = None, by: Period = "day") -> Dyad:
        """What ``a`` and ``b`` did to each other per period, counted as ``kroniek dyad``
        counts (PLOVER's rules: negated and hypothetical events left out). ``.to_dict()``
        gives plain data; :func:`kroniek.python_api.dyad_frame` a DataFrame."""
        if by not in ("day", "week", "month"):
            raise BadValue(f"by: {by!r}: use one of day, week, month")
        since_day, until_day = filters.date_range(since, until, filters.keyword)
        return dyad(self._engine, self._code(a, "a"), self._code(b, "b"), since_day,
                    until_day, by)

    def actor(self, code_or_name: str, *, at: str | dt.date | None = None,
              since: str | dt.date | None = None, until: str | dt.date | None = None,
              by: Period = "month") -> ActorTimeline:
        """An actor's roles, relations valid on ``at`` (default today; KB and text,
        labelled), current leaders (relations of type ``leads``) and events over time."""
        day = _one_day(at, "at")
        since_day, until_day = filters.date_range(since, until, filters.keyword)
        try:
            return actor_timeline(self._engine, knowledge_base(), code_or_name, day,
                                  since_day, until_day, by)
        except InputError as error:
            raise BadValue(str(error)) from None

    def network(self, **event_filter: Any) -> nx.MultiDiGraph:
        """Actors, their KB and text relations, and the dyads of the events the filter
        (the keywords of :meth:`events`) selects, as a networkx graph (as ``kroniek export
        --format graphml`` writes it)."""
        isolated = bool(event_filter.pop("isolated", False))
        selection = self.events(**event_filter).selection
        return event_graph(self._engine, selection, ExportOptions(isolated=isolated))

    def ask_defence(self, *, attacked: str, by: str | None = None, where: str | None = None,
                    at: str | dt.date | None = None) -> DefenceAnswer:
        """Would an attack on ``attacked`` trigger a collective-defence clause? The verdict,
        each clause assessed, who is bound, and sentences from stored articles."""
        try:
            return defence_obligations(knowledge_base(), attacked, by, where,
                                       _one_day(at, "at"), self._engine)
        except InputError as error:
            raise BadValue(str(error)) from None

    # -- analysing and writing -------------------------------------------------------------

    def _analyser(self) -> Any:
        if self._pipeline is None:
            from kroniek.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def explain(self, text: str, *, date: str | None = None) -> dict[str, Any]:
        """How a sentence is coded: mentions and their resolution, triggers considered,
        argument candidates, status cues, and why a candidate was dropped (as ``kroniek
        explain --json``). Starts Frog the first time."""
        from kroniek.explain import document_for_text, explain_document

        published = None
        if date:
            try:
                published = interval_from_iso(date)
            except ValueError as error:
                raise BadValue(f"date {date!r}: {error}") from None
        document = document_for_text(text, published)
        return explain_document(self._analyser(), document).as_dict()

    def ingest(self, paths: Iterable[str | os.PathLike[str]] = (), *,
               texts: Iterable[str] = (), records: Iterable[Mapping[str, Any]] = (),
               replace: bool = False, check_language: bool = True) -> IngestResult:
        """Analyse and store articles: files, folders or globs (``paths``), plain texts
        (``texts``; a first line ``Titel: ...`` etc. as in a file), and records as JSON
        Lines holds them (``records``: ``text`` and optional ``title``, ``date``, ``url``,
        ``id``, ``outlet``). One transaction per document; an article already stored is
        skipped, a new text under a stored URL or id replaces it (listed in
        ``replacements``); a bad input is one line in ``errors`` and the rest goes on.
        Needs ``kroniek.open(..., write=True)``."""
        if not self.writable:
            raise PermissionError(f"{self.location} is open read-only: "
                                  "use kroniek.open(..., write=True) to ingest")
        from kroniek.pipeline import ingest, ingest_articles

        pipeline = self._analyser()
        arguments = [os.fspath(p) for p in ([paths] if isinstance(paths, str | Path)
                                              else paths)]
        summary = ingest(arguments, self._engine, pipeline, replace=replace,
                         check_language=check_language) if arguments else None
        articles: list[Any] = []
        for number, text in enumerate(texts, start=1):
            where = f"texts[{number}]"
            if not isinstance(text, str):
                articles.append(InputError(f"{where}: not text ({type(text).__name__})"))
                continue
            try:
                articles.append(read_text(text, where, [], keyed=False))
            except InputError as error:
                articles.append(error)
        for number, record in enumerate(records, start=1):
            try:
                articles.append(article_from_record(dict(record), f"records[{number}]"))
            except (InputError, TypeError, ValueError) as error:
                articles.append(InputError(f"records[{number}]: {error}"))
        if articles:
            summary = ingest_articles(articles, self._engine, pipeline, replace=replace,
                                      check_language=check_language, summary=summary)
        if summary is None:
            raise BadValue("ingest: give paths, texts or records")
        return IngestResult(
            new=summary.new, replaced=summary.replaced, skipped=summary.skipped,
            failed=summary.failed, errors=tuple(summary.errors), notes=tuple(summary.notes),
            document_ids=tuple(summary.document_ids),
            replacements=tuple(summary.replacements), events=summary.events)


def _one_day(value: str | dt.date | None, name: str) -> dt.date | None:
    try:
        return parse_day(value, name)
    except InputError as error:
        raise BadValue(str(error)) from None


def dyad_frame(result: Dyad) -> Any:
    """A dyad's periods as a DataFrame: one row per period and direction, with events,
    score and a column per PLOVER type."""
    try:
        import pandas
    except ImportError:
        raise ImportError("dyad_frame() needs pandas: pip install 'kroniek[analysis]'"
                          ) from None
    rows = [{"start": p.start, "direction": p.direction, "events": p.events,
             "score": p.score, **p.counts} for p in result.periods]
    frame = pandas.DataFrame(rows, columns=["start", "direction", "events", "score"]
                             if not rows else None)
    frame["start"] = pandas.to_datetime(frame["start"])
    return frame.fillna(0)
