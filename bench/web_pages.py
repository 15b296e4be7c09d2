"""Server render time of each web page on the 1-million-event database.

Reuses the synthetic database of ``bench/graph_queries.py`` (generated here with the same
``generate`` when it is missing), renders each page in-process through the ASGI app (so
the time is the server's: query plus template, no browser and no network), and writes
median and worst of ``--runs`` renders to ``docs/benchmarks.md`` under "## Web pages".

    .venv/bin/python bench/web_pages.py [--db /tmp/kroniek-bench.sqlite] [--events 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from kroniek.serve import create_app
from kroniek.store import open_engine
from kroniek.store import schema as t
from report import write_section

sys.path.insert(0, str(Path(__file__).parent))
SECTION = "## Web pages"


def ensure_database(path: Path, events: int, exact: bool = False) -> int:
    engine = open_engine(str(path))
    with engine.connect() as connection:
        count = int(connection.execute(sa.select(sa.func.count()).select_from(t.events)).scalar()
                    or 0)
    if count < events or (exact and count != events):
        from graph_queries import generate  # the graph benchmark's generator, one dataset

        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        engine = open_engine(str(path))
        generate(engine, events)
        count = events
    engine.dispose()
    return count


def pages(client: TestClient) -> list[tuple[str, str]]:
    event = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    return [
        ("overview", "/"),
        ("events", "/events"),
        ("events, type filter", "/events?type=ASSAULT"),
        ("events, actor + dates", "/events?actor=RUS&date_from=2020-01-01&date_to=2020-12-31"),
        ("events, text search (1 in 12 events)", "/events?q=luchtaanval"),
        ("events, text search (no match)", "/events?q=zzz"),
        ("event", f"/event/{event['id']}"),
        ("article", f"/article/{event['document_id']}"),
        ("articles", "/documents"),
        ("actor", "/actor/RUS?at=2020-06-01"),
        ("dyad", "/dyad/RUS/UKR"),
        ("network", "/network?date_from=2020-01-01&date_to=2020-03-31"),
        ("map", "/map"),
        ("ask", "/ask?attacked=ARM&by=AZE&where=Nagorno-Karabakh&at=2020-10-08"),
        ("events CSV download (whole filter)",
         "/api/v1/events.csv?type=ASSAULT&date_from=2024-12-01"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/kroniek-bench.sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-events", type=int, default=10_000,
                        help="the same pages on a database this size, in the same run")
    parser.add_argument(
        "--report", default=str(Path(__file__).parent.parent / "docs/benchmarks.md"))
    args = parser.parse_args()
    count = ensure_database(Path(args.db), args.events)
    small = Path(args.db).with_name("kroniek-bench-baseline.sqlite")
    ensure_database(small, args.baseline_events, exact=True)
    baseline = {name: times for (name, _), times in
                render_times(TestClient(create_app(str(small), None)), args.runs)}
    rows = []
    for (name, url), (median, worst) in render_times(TestClient(create_app(args.db, None)),
                                                     args.runs):
        rows.append((name, url, median, worst, baseline[name][0]))
        print(f"{name:40} {median:8.1f} ms  (max {worst:.1f}; "
              f"{args.baseline_events:,} events: {baseline[name][0]:.1f})")
    write_report(Path(args.report), rows, count, args.runs, args.baseline_events)


def render_times(client: TestClient,
                 runs: int) -> list[tuple[tuple[str, str], tuple[float, float]]]:
    out = []
    for name, url in pages(client):
        times = []
        for _ in range(runs + 1):  # the first render warms caches and is dropped
            began = time.perf_counter()
            response = client.get(url, headers={"accept": "text/html"})
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times = times[1:]
        out.append(((name, url), (statistics.median(times), max(times))))
    return out


def write_report(report: Path, rows: list[tuple[str, str, float, float, float]], events: int,
                 runs: int, baseline_events: int) -> None:
    slow = [name for name, url, median, _, _ in rows if median >= 300 and "/api/" not in url]
    lines = [
        SECTION, "",
        f"Database: the synthetic SQLite database of `bench/graph_queries.py` "
        f"({events:,} events, 200 actors, 10 years). Each page rendered {runs} times "
        f"in-process through the ASGI app after one warm-up render, by `bench/web_pages.py` "
        f"on {dt.date.today().isoformat()}; server time = query + template, no browser.",
        "",
        f"Baseline, in the same run: the same pages on a database of {baseline_events:,} "
        "synthetic events from the same generator; the ratio shows what a hundred times "
        "more data costs.", "",
        f"| page | URL | median (ms) | worst (ms) | median, {baseline_events:,} events (ms) "
        "| ratio |",
        "|---|---|---:|---:|---:|---:|",
        *(f"| {name} | `{url}` | {median:.0f} | {worst:.0f} | {base:.0f} | {median / base:.1f} |"
          for name, url, median, worst, base in rows),
        "",
        ("All pages render in under 300 ms (target; the CSV row is a streamed download of "
         "every matching event, not a page)." if not slow else
         f"Over the 300 ms target: {', '.join(slow)}."),
        "",
    ]
    write_section(report, SECTION, "\n".join(lines))


if __name__ == "__main__":
    main()
