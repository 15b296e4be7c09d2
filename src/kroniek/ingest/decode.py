"""Bytes to text, refusing what is not an article's text."""

from __future__ import annotations

import codecs

from kroniek.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SNIFF = 8192
# UTF-32's marks first: the little-endian one begins with UTF-16's.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _marked_encoding(data: bytes) -> str | None:
    return next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _refuse_nul(text: str, source: str) -> str:
    # A NUL past the sniffed head: text with binary inside, which Frog and the terminal
    # cannot take; refused like binary rather than silently altered.
    position = text.find("\x00")
    if position >= 0:
        raise InputError(f"{source}: binary data, not text (a NUL character at "
                         f"character {position})")
    return text


def decode(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[str]]:
    """The text in ``data`` and notes for the user (e.g. that it was read as cp1252)."""
    if len(data) > max_bytes:
        raise InputError(
            f"{source}: {len(data) / 1e6:.1f} MB is over the size limit of "
            f"{max_bytes / 1e6:.1f} MB (raise it with --max-size)"
        )
    if not data.strip():
        raise InputError(f"{source}: empty, nothing to ingest")
    marked = _marked_encoding(data)
    if marked:
        try:
            text = data.decode(marked)  # the codec reads the mark and drops it
        except UnicodeDecodeError as error:
            raise InputError(f"{source}: starts with a {marked.upper()} byte order mark but "
                             f"is not valid {marked.upper()} (byte {error.start})") from None
        return _refuse_nul(text, source), [f"{source}: read as {marked.upper()} (byte order "
                                           "mark)"]
    if _looks_binary(data):
        raise InputError(f"{source}: binary data, not text")
    try:
        return _refuse_nul(data.decode("utf-8-sig"), source), []
    except UnicodeDecodeError as error:
        position = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: not valid UTF-8 (byte {position}) and not cp1252 either"
        ) from error
    return _refuse_nul(text, source), [
        f"{source}: not valid UTF-8 (byte {position}); read as cp1252"]
