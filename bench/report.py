"""Writing a benchmark's section into docs/benchmarks.md, shared by every bench script."""

from __future__ import annotations

from pathlib import Path


def write_section(report: Path, heading: str, body: str) -> None:
    """Replace the section that starts with ``heading`` (up to the next ``## `` heading)
    by ``body``, or append it when the report has no such section yet."""
    text = report.read_text("utf-8") if report.exists() else "# Benchmarks\n"
    body = body.rstrip("\n") + "\n"
    start = text.find(heading)
    if start >= 0:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + body + (text[end:] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, "utf-8")
