"""Finding, reading, checking and caching KB files."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import platformdirs
import yaml

from kroniek.kb.base import KnowledgeBase
from kroniek.kb.build import build, merge_entries
from kroniek.kb.countries import seed_entries
from kroniek.kb.geo import save_cache
from kroniek.kb.offices import GENERIC_LEADER, OfficeTable, load_offices
from kroniek.kb.schema import RawEntry, check_entry, references, split_file
from kroniek.kb.yamlio import load_yaml

ACTOR_DIR = Path(__file__).with_name("data") / "actors"
USER_DIR_ENV = "KRONIEK_KB_DIR"


class KBError(Exception):
    """A KB file that cannot be used; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def user_kb_dir() -> Path:
    """Where ``kroniek kb add`` puts user files (``$KRONIEK_KB_DIR`` overrides)."""
    override = os.environ.get(USER_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir("kroniek")) / "kb"


def shipped_files() -> list[Path]:
    return sorted(ACTOR_DIR.glob("*.yaml"))


def user_files() -> list[Path]:
    folder = user_kb_dir()
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []


def read_file(path: Path) -> tuple[list[RawEntry], dict[str, str], list[str]]:
    """Entries, office phrases and problems of one file; never raises for bad content."""
    source = str(path)
    try:
        with path.open(encoding="utf-8") as handle:
            doc = load_yaml(handle)
    except FileNotFoundError:
        return [], {}, [f"{source}: no such file"]
    except UnicodeDecodeError:
        return [], {}, [f"{source}: not UTF-8 text"]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [], {}, [f"{where}: YAML error: {problem}"]
    except OSError as exc:
        return [], {}, [f"{source}: cannot read ({exc.strerror})"]
    return split_file(doc, path.name if path.is_relative_to(ACTOR_DIR) else source)


@functools.cache
def _shipped() -> tuple[tuple[RawEntry, ...], OfficeTable]:
    entries = [RawEntry(data, "<countries>", i) for i, data in enumerate(seed_entries())]
    offices = load_offices()
    for path in shipped_files():
        found, phrases, _ = read_file(path)
        entries += found
        offices.add_phrases(phrases)
    return tuple(entries), offices


def _problems(
    entries: list[RawEntry],
    phrases: dict[str, str],
    known_ids: set[str],
    offices: OfficeTable,
    existing_ids: set[str] | None = None,
) -> list[str]:
    """Problems of one file's entries; ``known_ids`` may be referenced, ``existing_ids``
    (default: the same) may be extended without a ``kind``."""
    existing = known_ids if existing_ids is None else existing_ids
    office_keys = {*offices.offices, *phrases.values(), GENERIC_LEADER}
    problems: list[str] = []
    for entry in entries:
        problems += check_entry(entry, office_keys)
    counts = Counter((e.source, e.data.get("id")) for e in entries)
    for (source, ident), count in sorted(counts.items(), key=str):
        if count > 1 and ident:
            problems.append(f"{source}:{ident}: duplicate id ({count} entries in this file)")
    ids = known_ids | {e.data["id"] for e in entries if isinstance(e.data.get("id"), str)}
    for entry in entries:
        if entry.data.get("id") not in existing and not entry.data.get("kind"):
            problems.append(f"{entry.where}: new actor needs a 'kind'")
        for field_name, ref in references(entry):
            if ref not in ids:
                problems.append(f"{entry.where}: {field_name}: unknown actor id {ref!r}")
    for phrase, office in phrases.items():
        if office not in offices.offices and office != GENERIC_LEADER:
            problems.append(f"offices: phrase {phrase!r} maps to unknown office {office!r}")
    return problems


def _shipped_ids() -> set[str]:
    entries, _ = _shipped()
    return {e.data["id"] for e in entries if isinstance(e.data.get("id"), str)}


def validate_file(path: Path | str) -> list[str]:
    """Problems of a user KB file, one line each as ``file:entry: problem``; [] when valid."""
    path = Path(path)
    entries, phrases, problems = read_file(path)
    if problems and not entries:
        return problems
    _, offices = _shipped()
    return problems + _problems(entries, phrases, _shipped_ids(), offices)


def check_shipped() -> list[str]:
    """Problems in the shipped data (a test keeps this empty)."""
    _, offices = _shipped()
    all_ids = _shipped_ids()
    seed_ids = {str(data["id"]) for data in seed_entries()}
    problems: list[str] = []
    for path in shipped_files():
        found, phrases, file_problems = read_file(path)
        problems += file_problems + _problems(found, phrases, all_ids, offices, seed_ids)
    return problems


def _assemble(paths: Iterable[Path]) -> KnowledgeBase:
    shipped, shipped_offices = _shipped()
    offices = OfficeTable(dict(shipped_offices.offices), dict(shipped_offices.phrases))
    entries = list(shipped)
    problems: list[str] = []
    known = _shipped_ids()
    for path in paths:
        found, phrases, file_problems = read_file(path)
        problems += file_problems + _problems(found, phrases, known, offices)
        known |= {e.data["id"] for e in found if isinstance(e.data.get("id"), str)}
        entries += found
        offices.add_phrases(phrases)
    if problems:
        raise KBError(problems)
    knowledge_base = KnowledgeBase(build(merge_entries(entries), offices), offices)
    save_cache()
    return knowledge_base


@functools.cache
def _default_kb(user_dir: str) -> KnowledgeBase:
    return _assemble(user_files())


def load_kb(extra_files: Iterable[Path | str] = ()) -> KnowledgeBase:
    """The shipped KB, plus the user's KB folder, plus ``extra_files`` (merged by id).

    The default (no extras) is built once per process and per user folder.
    Raises :class:`KBError` when a user or extra file has problems.
    """
    extras = [Path(p) for p in extra_files]
    if not extras:
        return _default_kb(str(user_kb_dir()))
    return _assemble([*user_files(), *extras])
