"""Read gold files in the format of ``shared/EVAL.md``.

A gold file is one JSON document object (``*.json``) or one per line (``*.jsonl``). The
article text is inline (``text``) or in ``text_file``, a path relative to the shared root,
found by walking up from the gold file's folder (or under ``--shared DIR``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import InputError
from kroniek.ingest.decode import decode
from kroniek.ingest.pubdate import interval_from_iso

# A seed-style text file starts with `` date YYYY-MM[-DD] ``: metadata, not article text.
_SEED_HEADER = re.compile(r"^\s?date (\d{4}-\d{2}(?:-\d{2})?)[ \t]+")


@dataclass(frozen=True)
class GoldEvent:
    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    reciprocal: bool = False
    required: bool = True
    status: str | None = None
    mode: str | None = None
    date: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class GoldRelation:
    type: str
    source: str
    target: str


@dataclass(frozen=True)
class GoldFigure:
    kind: str
    value: float
    qualifier: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None = None
    person: str | None = None


@dataclass
class GoldDocument:
    id: str
    file: Path
    text: str
    date: str | None
    lang: str = "nl"
    url: str | None = None
    actors: frozenset[str] = frozenset()
    actors_optional: frozenset[str] = frozenset()
    events: list[GoldEvent] = field(default_factory=list)
    # None when the gold file does not annotate that layer at all (then it is not scored).
    relations: list[GoldRelation] | None = None
    figures: list[GoldFigure] | None = None
    quotes: list[GoldQuote] | None = None


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: a list of actor codes was expected, found {value!r}")
    return tuple(v.strip().upper() for v in value if v.strip())


def _event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise InputError(f"{where}: an event needs a 'type'")
    return GoldEvent(
        type=raw["type"].strip().upper(),
        actor=_codes(raw.get("actor"), where),
        recipient=_codes(raw.get("recipient"), where),
        reciprocal=bool(raw.get("reciprocal", False)),
        required=bool(raw.get("required", True)),
        status=raw.get("status") or None,
        mode=raw.get("mode") or None,
        date=str(raw["date"]) if raw.get("date") else None,
        evidence=str(raw.get("evidence") or ""),
    )


def _figure(raw: Any, where: str) -> GoldFigure:
    try:
        return GoldFigure(kind=str(raw["kind"]), value=float(raw["value"]),
                          qualifier=raw.get("qualifier") or None, unit=raw.get("unit") or None)
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{where}: a figure needs 'kind' and a numeric 'value'") from None


def _quote(raw: Any, where: str) -> GoldQuote:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise InputError(f"{where}: a quote needs a 'text'")
    speaker = raw.get("speaker")
    return GoldQuote(text=raw["text"], speaker=speaker.upper() if speaker else None,
                     person=raw.get("person") or None)


def _relation(raw: Any, where: str) -> GoldRelation:
    try:
        return GoldRelation(type=str(raw["type"]), source=str(raw["source"]),
                            target=str(raw["target"]))
    except (KeyError, TypeError):
        raise InputError(f"{where}: a relation needs 'type', 'source' and 'target'") from None


def find_text_file(relative: str, gold_file: Path, shared: Path | None) -> Path:
    """``text_file`` under ``shared``, else under the first ancestor of the gold file holding it."""
    candidates = [shared] if shared else []
    candidates += [gold_file.parent, *gold_file.resolve().parent.parents]
    for root in candidates:
        path = root / relative
        if path.is_file():
            return path
    hint = "" if shared else " (give the shared folder with --shared DIR)"
    raise InputError(f"{gold_file}: text_file {relative!r} not found{hint}")


def read_text_file(path: Path) -> tuple[str, str | None]:
    """The article text and the date from a seed-style header, if any."""
    text, _notes = decode(path.read_bytes(), str(path))
    header = _SEED_HEADER.match(text)
    if header:
        return text[header.end():], header.group(1)
    return text, None


def _document(raw: Any, gold_file: Path, where: str, shared: Path | None) -> GoldDocument:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: a JSON object was expected")
    header_date = None
    if isinstance(raw.get("text"), str) and raw["text"].strip():
        text = raw["text"]
    elif isinstance(raw.get("text_file"), str):
        text, header_date = read_text_file(find_text_file(raw["text_file"], gold_file, shared))
    else:
        raise InputError(f"{where}: neither 'text' nor 'text_file' given")

    def items(name: str, parse: Any) -> list[Any] | None:
        if name not in raw:
            return None
        if not isinstance(raw[name], list):
            raise InputError(f"{where}: '{name}' must be a list")
        return [parse(item, f"{where} {name}[{i}]") for i, item in enumerate(raw[name])]

    date = str(raw["date"]) if raw.get("date") else header_date
    if date:
        try:
            interval_from_iso(date)
        except ValueError as error:
            raise InputError(f"{where}: {error}") from None
    return GoldDocument(
        id=str(raw.get("id") or gold_file.stem),
        file=gold_file,
        text=text,
        date=date,
        lang=str(raw.get("lang") or "nl"),
        url=raw.get("url") or None,
        actors=frozenset(_codes(raw.get("actors"), where)),
        actors_optional=frozenset(_codes(raw.get("actors_optional"), where)),
        events=items("events", _event) or [],
        relations=items("relations", _relation),
        figures=items("figures", _figure),
        quotes=items("quotes", _quote),
    )


def read_gold_file(path: Path, shared: Path | None = None) -> list[GoldDocument]:
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    if path.suffix in {".jsonl", ".ndjson"}:
        documents = []
        for number, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                documents.append(_document(_load(line, f"{path}:{number}"), path,
                                           f"{path}:{number}", shared))
        return documents
    return [_document(_load(content, str(path)), path, str(path), shared)]


def _load(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not JSON ({error.msg} at line {error.lineno})") from None


def expand_gold(arguments: list[str]) -> Iterator[Path]:
    """Gold files named or found (``*.json``, ``*.jsonl``) in the directories named."""
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in {".json", ".jsonl"})
            if not found:
                raise InputError(f"{path}: no gold files (*.json, *.jsonl) in this folder")
            yield from found
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such gold file or folder")
