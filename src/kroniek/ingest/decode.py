"""Bytes to text, refusing what is not an article's text."""

from __future__ import annotations

from kroniek.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SNIFF = 8192


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def decode(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[str]]:
    """The text in ``data`` and notes for the user (e.g. that it was read as cp1252)."""
    if len(data) > max_bytes:
        raise InputError(
            f"{source}: {len(data) / 1e6:.1f} MB is over the size limit of "
            f"{max_bytes / 1e6:.1f} MB (raise it with --max-size)"
        )
    if not data.strip():
        raise InputError(f"{source}: empty, nothing to ingest")
    if _looks_binary(data):
        raise InputError(f"{source}: binary data, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        position = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: not valid UTF-8 (byte {position}) and not cp1252 either"
        ) from error
    return text, [f"{source}: not valid UTF-8 (byte {position}); read as cp1252"]
