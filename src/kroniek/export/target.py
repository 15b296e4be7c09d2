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


def _umask() -> int:
    # The only portable way to read the umask is to set it; put it straight back.
    current = os.umask(0o022)
    os.umask(current)
    return current


@contextlib.contextmanager
def file_target(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that becomes ``target`` once the writer is done,
    so a failed export leaves no stub. The file gets the user's normal permissions
    (``mkstemp`` alone would leave it readable by its owner only)."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def open_text_target(target: Path | None) -> Iterator[IO[str]]:
    """A text stream to ``target``, or standard output when it is None."""
    if target is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with file_target(target) as temporary, temporary.open("w", encoding="utf-8",
                                                          newline="") as out:
        yield out


@contextlib.contextmanager
def open_binary_target(target: Path | None, format_name: str) -> Iterator[Path]:
    """A path for a binary writer; binary data is never sent to a terminal."""
    if target is None:
        raise InputError(f"--format {format_name} writes a binary file: give --output FILE")
    with file_target(target) as temporary:
        yield temporary
