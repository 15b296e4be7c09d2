"""``kroniek serve``: the web UI and REST API over the database."""

from __future__ import annotations

from typing import Annotated

import typer

from kroniek.cli.common import DbOption, console, fail, friendly


@friendly
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="KRONIEK_TOKEN",
        help="Allow POST /api/v1/documents with this bearer token (read-only without).")] = None,
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /docs). Read-only unless --token."""
    import uvicorn

    from kroniek.serve import create_app

    app = create_app(db, token, read_only=token is None)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    console.print(f"kroniek serves on [bold]http://{shown}:{port}/[/] "
                  f"(API docs at /docs; {'writes need the token' if token else 'read-only'}); "
                  "Ctrl-C stops it", highlight=False)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as error:
        raise fail(f"cannot listen on {host}:{port}: {error.strerror}") from None
