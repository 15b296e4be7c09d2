from pathlib import Path

from tests.conftest import FIXTURES

from kroniek.errors import InputError
from kroniek.ingest.language import detect
from kroniek.ingest.sources import Source, expand


def test_directories_are_read_recursively_and_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "een.txt").write_text("x")
    (tmp_path / "twee.jsonl").write_text("x")
    (tmp_path / "plaatje.png").write_bytes(b"x")
    (tmp_path / ".verborgen").mkdir()
    (tmp_path / ".verborgen" / "drie.txt").write_text("x")
    found = list(expand([str(tmp_path), str(tmp_path / "twee.jsonl")]))
    names = sorted(Path(s.name).name for s in found if isinstance(s, Source))
    assert names == ["een.txt", "twee.jsonl"]


def test_globs_stdin_and_missing(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text("x")
    found = list(expand([str(tmp_path / "x*.txt"), "-", str(tmp_path / "geen.txt"),
                         str(tmp_path / "z*.txt")]))
    sources = [s for s in found if isinstance(s, Source)]
    assert [Path(s.name).name for s in sources if s.path] == ["x1.txt", "x2.txt"]
    assert any(s.path is None and s.name == "stdin" for s in sources)
    problems = [str(s) for s in found if isinstance(s, InputError)]
    assert any("no such file" in p for p in problems)
    assert any("no file matches" in p for p in problems)


def test_language_identification() -> None:
    assert detect((FIXTURES / "english.txt").read_text()) == "en"
    assert detect((FIXTURES / "seed_day.txt").read_text()) == "nl"
    assert detect("Te kort.") is None
