"""Actors from context, measured on composed sentences (data/context_references.yaml).

Generic references (*het leger*, *de regering*), unnamed domestic sides (*de rebellen*)
and persons the KB does not know but the text describes (*de Russische generaal Ivan
Petrov*) are scored by the code of the mention over the marked words; where the text
supports no state the mention must stay without a code. Run through the real Frog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kroniek.datafiles import load_yaml
from kroniek.model import Document, Mention
from tests.link.conftest import LinkFn

DATA = Path(__file__).with_name("data") / "context_references.yaml"
MIN_CODE_ACCURACY = 0.9
MIN_SECTOR_ACCURACY = 0.9


@dataclass(frozen=True)
class Case:
    text: str
    day: str
    mention: str
    occurrence: int
    code: str | None
    sector: str | None
    batch: str  # "before": written before the linker's context rules, "after": since


def cases() -> list[Case]:
    with DATA.open(encoding="utf-8") as handle:
        rows = load_yaml(handle)["cases"]
    return [
        Case(row["text"], str(row["day"]), row["mention"], int(row.get("occurrence", 1)),
             row["code"], row.get("sector"), row.get("batch", "before"))
        for row in rows
    ]


def marked(document: Document, case: Case) -> Mention | None:
    """The longest mention with a code over the marked words' occurrence, if any."""
    start = -1
    for _ in range(case.occurrence):
        start = document.text.index(case.mention, start + 1)
    end = start + len(case.mention)
    over = [m for m in document.mentions if m.code and m.start < end and start < m.end]
    return max(over, key=lambda m: m.end - m.start, default=None)


def test_the_cases_are_many_and_varied() -> None:
    rows = cases()
    assert len(rows) >= 60
    assert sum(case.code is None for case in rows) >= 10  # precision is measured too
    assert sum("-" in (case.code or "") for case in rows) >= 10  # domestic sides


def test_context_references(link: LinkFn) -> None:
    rows = cases()
    right = sector_right = sector_total = 0
    by_batch: dict[str, list[int]] = {}
    wrong: list[str] = []
    for case in rows:
        mention = marked(link(case.text, case.day), case)
        code = mention.code if mention else None
        tally = by_batch.setdefault(case.batch, [0, 0])
        tally[1] += 1
        if code == case.code:
            right += 1
            tally[0] += 1
        else:
            wrong.append(f"{case.mention!r} in {case.text[:60]!r}: {code} != {case.code}")
        if case.sector is not None and code == case.code:
            sector_total += 1
            sector_right += mention is not None and mention.sector == case.sector
            if mention is not None and mention.sector != case.sector:
                wrong.append(f"{case.mention!r}: sector {mention.sector} != {case.sector}")
    accuracy = right / len(rows)
    sectors = sector_right / sector_total if sector_total else 0.0
    print(f"context references: code accuracy {accuracy:.2f} ({right}/{len(rows)}), "
          f"sector accuracy {sectors:.2f} ({sector_right}/{sector_total}); by batch: "
          + ", ".join(f"{batch} {n}/{total}" for batch, (n, total) in by_batch.items()))
    print("\n".join(wrong))
    assert accuracy >= MIN_CODE_ACCURACY, wrong
    assert sectors >= MIN_SECTOR_ACCURACY, wrong
