"""Turn the PATH arguments of ``kroniek ingest`` into byte payloads to read."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kroniek.errors import InputError

# In a directory, only these are read; named files are read whatever their suffix.
ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".rss", ".atom"}
ARCHIVE_ENDINGS = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class Source:
    name: str
    path: Path | None  # None for stdin and URLs
    url: str | None = None  # an http(s) URL to download

    def size(self) -> int:
        return self.path.stat().st_size if self.path else 0

    def read_bytes(self, max_bytes: int) -> bytes:
        if self.path is None:
            stdin = getattr(sys.stdin, "buffer", None)  # None when stdin is closed (<&-)
            if stdin is None:
                raise InputError("stdin: closed, nothing to read (pipe an article into - "
                                 "or name a file)")
            data = stdin.read(max_bytes + 1)
        else:
            if self.path.stat().st_size > max_bytes:
                size = self.path.stat().st_size
                raise InputError(
                    f"{self.name}: {size / 1e6:.1f} MB is over the size limit of "
                    f"{max_bytes / 1e6:.1f} MB (raise it with --max-size)"
                )
            data = self.path.read_bytes()
        return data


def display_name(path: Path | str) -> str:
    """The path as printable, storable text: bytes that are not UTF-8 in a file name (kept
    by Python as lone surrogates) are shown as ``\\xff`` instead of breaking the output."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def expand(arguments: list[str]) -> Iterator[Source | InputError]:
    """Files, directories (recursively), globs, URLs and ``-``; each file once, in a stable
    order."""
    seen: set[Path] = set()

    def emit(path: Path) -> Iterator[Source]:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            yield Source(display_name(path), path)

    for argument in arguments:
        if argument == "-":
            yield Source("stdin", None)
            continue
        if is_url(argument):
            yield Source(argument, None, url=argument)
            continue
        path = Path(argument)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                wanted = child.suffix.lower() in ARTICLE_SUFFIXES \
                    or child.name.lower().endswith(ARCHIVE_ENDINGS)
                if child.is_file() and wanted and not hidden:
                    yield from emit(child)
        elif path.is_file():
            yield from emit(path)
        elif glob.has_magic(argument):
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))
            files = [match for match in matches if match.is_file()]
            if not files:
                yield InputError(f"{display_name(argument)}: no file matches this pattern")
            for match in files:
                yield from emit(match)
        else:
            yield InputError(f"{display_name(argument)}: no such file or directory")
