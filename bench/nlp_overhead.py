"""kroniek's overhead over raw Frog, in one run on the same Dutch text.

Measures, on ``bench/text/nl_bench.txt`` (our own text) or on ``../shared/corpus`` when
present, words per second and peak memory of:

- raw ``frog -t FILE`` (wall time minus Frog's start-up, measured in the same run with a
  one-word file), and
- ``kroniek ingest`` of the same text (wall time minus the Frog start-up kroniek reports),

and writes the table to ``docs/benchmarks.md`` (section "NLP overhead"). Usage::

    .venv/bin/python bench/nlp_overhead.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import write_section

ROOT = Path(__file__).resolve().parent.parent
OWN_TEXT = ROOT / "bench" / "text" / "nl_bench.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
REPORT = ROOT / "docs" / "benchmarks.md"
SECTION = "## NLP overhead"


def bench_text() -> tuple[str, str]:
    if SHARED_CORPUS.is_dir():
        texts = []
        for path in sorted(SHARED_CORPUS.rglob("*.txt")):
            text = path.read_text()
            texts.append(text.split(" ", 2)[2] if text.startswith(" date ") else text)
        return "\n\n".join(texts), f"../shared/corpus ({len(texts)} articles)"
    return OWN_TEXT.read_text(), "bench/text/nl_bench.txt"


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                            cwd=tempfile.gettempdir())
    return time.perf_counter() - began, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    text, origin = bench_text()
    words = len(text.split())
    work = Path(tempfile.mkdtemp(prefix="kroniek-bench-"))
    article = work / "bench.txt"
    article.write_text(text)
    tiny = work / "tiny.txt"
    tiny.write_text("Hallo.\n")
    kroniek = [sys.executable, "-m", "kroniek"]

    raw_seconds, kroniek_seconds = [], []
    raw_peak = kroniek_peak = 0.0
    for attempt in range(options.repeat):
        start_only, _ = timed(["frog", "-t", str(tiny)])
        wall, _ = timed(["frog", "-t", str(article)])
        raw_seconds.append(wall - start_only)
        raw_peak = max(raw_peak, children_peak_mb())

        env = {**os.environ, "KRONIEK_DB": str(work / f"bench-{attempt}.sqlite")}
        env.pop("KRONIEK_FROG_SERVER", None)
        _, output = timed([*kroniek, "ingest", "--json", "--any-language", str(article)], env)
        summary = json.loads(output)
        kroniek_seconds.append(summary["seconds"] - summary["nlp_startup_seconds"])
        kroniek_peak = max(kroniek_peak, children_peak_mb())
        print(f"run {attempt + 1}: raw frog {raw_seconds[-1]:.1f} s, "
              f"kroniek {kroniek_seconds[-1]:.1f} s", file=sys.stderr)

    raw, ours = min(raw_seconds), min(kroniek_seconds)
    best_overhead = (ours - raw) / raw * 100
    # Each run times raw Frog and kroniek back to back, so a run's ratio shares that
    # moment's load on this shared machine; their median is the headline figure.
    paired = sorted((k - r) / r * 100 for r, k in zip(raw_seconds, kroniek_seconds,
                                                        strict=True))
    overhead = statistics.median(paired)
    table = "\n".join([
        SECTION,
        "",
        f"Text: {origin}, {words:,} words. Best of {options.repeat} runs, measured together "
        f"by `bench/nlp_overhead.py` on {time.strftime('%Y-%m-%d')}; Frog start-up excluded "
        "from both. Peak memory is the largest process's resident set (Frog dominates).",
        "",
        "| pipeline | seconds | words/s | peak memory (MB) |",
        "|---|---:|---:|---:|",
        f"| raw `frog -t` | {raw:.1f} | {words / raw:.0f} | {raw_peak:.0f} |",
        f"| `kroniek ingest` | {ours:.1f} | {words / ours:.0f} | {kroniek_peak:.0f} |",
        "",
        f"kroniek's overhead over raw Frog: **{overhead:+.1f} %** of wall time, the median "
        f"of the {options.repeat} runs' own ratios ({', '.join(f'{x:+.1f}' for x in paired)} "
        f"%); best times against each other {best_overhead:+.1f} % (target: under 20 %).",
        "",
    ])
    write_section(REPORT, SECTION, table)
    print(table)


if __name__ == "__main__":
    main()
