"""``kroniek.open(db).events().to_pandas()`` against ``pandas.read_parquet`` of the same
events' Parquet export, on the synthetic database of ``bench/graph_queries.py``.

Each step runs in a fresh process, so its peak resident memory is its own. Writes the
section "## Python API" of ``docs/benchmarks.md``.

    PYTHONPATH=src .venv/bin/python bench/python_api.py [--events 1000000] [--reuse]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from graph_queries import prepare
from report import write_section

SECTION = "## Python API"
ROOT = Path(__file__).resolve().parents[1]

STEPS = {
    "export": "from kroniek.cli.app import main; import sys; "
              "sys.argv = ['kroniek', 'export', '-f', 'parquet', '--db', DB, '-o', PARQUET]; "
              "main()",
    "read_parquet": "import pandas; frame = pandas.read_parquet(PARQUET); ROWS = len(frame)",
    "to_pandas": "import kroniek; frame = kroniek.open(DB).events().to_pandas(); "
                 "ROWS = len(frame)",
}


def run_step(name: str, db: Path, parquet: Path) -> dict[str, float]:
    code = (
        "import json, resource, time\n"
        f"DB, PARQUET, ROWS = {str(db)!r}, {str(parquet)!r}, 0\n"
        "def cpu():\n"
        "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    return usage.ru_utime + usage.ru_stime\n"
        "began, began_cpu = time.perf_counter(), cpu()\n"
        "try:\n"
        f"    exec({STEPS[name]!r})\n"
        "except SystemExit:\n    pass\n"
        "seconds = time.perf_counter() - began\n"
        "print(json.dumps({'seconds': seconds, 'cpu': cpu() - began_cpu, 'rows': ROWS,"
        " 'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT / "src"),
                                                       "PATH": "/usr/bin:/bin"})
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/kroniek-bench.sqlite")
    parser.add_argument("--reuse", action="store_true", help="reuse a database that has them")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    engine, _ = prepare(Path(args.db), args.events, args.reuse)
    engine.dispose()
    with tempfile.TemporaryDirectory() as folder:
        parquet = Path(folder) / "events.parquet"
        steps = {name: run_step(name, Path(args.db), parquet) for name in STEPS}
    base, ours = steps["read_parquet"], steps["to_pandas"]
    ratio = ours["seconds"] / base["seconds"]
    cpu_ratio = ours["cpu"] / base["cpu"]
    lines = [
        SECTION, "",
        f"`bench/python_api.py`, {dt.date.today().isoformat()}: the synthetic SQLite database "
        f"of `bench/graph_queries.py` ({args.events:,} events); each step in its own process, "
        "peak RSS its own; in the same run.", "",
        "| step | rows | seconds | CPU seconds | peak RSS (MB) |", "|---|---:|---:|---:|---:|",
        f"| `kroniek export -f parquet` | | {steps['export']['seconds']:.1f} | "
        f"{steps['export']['cpu']:.1f} | {steps['export']['rss_mb']:.0f} |",
        f"| `pandas.read_parquet` of that file (baseline) | {base['rows']:,} | "
        f"{base['seconds']:.2f} | {base['cpu']:.2f} | {base['rss_mb']:.0f} |",
        f"| `kroniek.open(db).events().to_pandas()` | {ours['rows']:,} | "
        f"{ours['seconds']:.1f} | {ours['cpu']:.1f} | {ours['rss_mb']:.0f} |", "",
        f"`to_pandas()` takes **{ratio:.1f}x** the time of `read_parquet` and "
        f"**{cpu_ratio:.1f}x** its CPU time (target: within 2x). Wall time on a machine "
        "shared with other jobs counts the time a process waits for a core; CPU time "
        "(user + system) does not, so it is the steadier of the two.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", SECTION, text)


if __name__ == "__main__":
    main()
