"""What every command shares: the database option, consoles and error handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from kroniek.cli.terminal import in_markup
from kroniek.errors import InputError, KroniekError, NLPUnavailable
from kroniek.store import database_url, failures, open_engine, open_reader
from kroniek.store.database import label

console = Console()
errors = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="KRONIEK_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL "
        "(default: kroniek.sqlite in the user's data directory).",
    ),
]

F = TypeVar("F", bound=Callable[..., Any])

# The database the running command opened, so an error of its environment (disk full, a
# damaged file) can name it; one command opens one database.
_database: list[str] = []


def fail(message: str, code: int = 1) -> typer.Exit:
    # Messages name files and documents the user gave: neither their control characters nor
    # their square brackets (Rich markup) may act on the terminal.
    errors.print(f"[bold red]error:[/] {in_markup(message)}", soft_wrap=True,
                 markup=True, highlight=False)
    return typer.Exit(code)


def friendly(function: F) -> F:
    """Turn kroniek's errors, and those of the database's environment, into one line on
    stderr and a non-zero exit."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except NLPUnavailable as error:
            raise fail(str(error), 3) from None
        except InputError as error:
            raise fail(str(error), 2) from None
        except KroniekError as error:
            raise fail(str(error), 1) from None
        except KeyboardInterrupt:
            raise fail("interrupted; everything committed before stays stored", 130) from None
        except Exception as error:
            if failures.is_database_error(error) or isinstance(error, OSError):
                where = getattr(error, "filename", None) or (
                    _database[-1] if _database else "the database")
                raise fail(failures.describe(error, where), 1) from None
            raise

    return wrapper  # type: ignore[return-value]


def remember_database(db: str | None) -> str:
    """Note the database this command uses, for error messages; returns how they name it."""
    where = label(database_url(db))
    _database.append(where)
    return where


def engine_for(db: str | None) -> Engine:
    """A writer's engine (ingest, demo, fuse): creates and migrates the database."""
    remember_database(db)
    return open_engine(db)


def reader_for(db: str | None) -> Engine:
    """A reader's engine: read-only, never creates or upgrades the database."""
    remember_database(db)
    return open_reader(db)
