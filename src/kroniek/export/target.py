"""Where an export writes: a file (written whole or not at all) or standard output."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kroniek.errors import InputError


@contextlib.contextmanager
def open_text_target(target: Path | None) -> Iterator[IO[str]]:
    """A text stream; a file appears only once complete, so a failed export leaves no stub."""
    if target is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
