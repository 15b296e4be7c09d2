"""What every command shares: the database option, consoles and error handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from kroniek.errors import InputError, KroniekError, NLPUnavailable
from kroniek.store import open_engine

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


def fail(message: str, code: int = 1) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def friendly(function: F) -> F:
    """Turn kroniek's errors into one line on stderr and a non-zero exit."""

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

    return wrapper  # type: ignore[return-value]


def engine_for(db: str | None) -> Engine:
    return open_engine(db)
