"""`kroniek serve` under load: throughput and latency with 1 and with 20 concurrent clients.

Builds the demo database (the seven articles of ``kroniek/demo/articles`` ingested through
the real pipeline, Frog included) unless ``--db`` names one that already has documents,
starts the real server (``kroniek serve``) on 127.0.0.1 in its own process, and from this
process sends the same bounded load (``--requests`` requests cycling through a fixed mix of
pages and API routes) once per client count in ``--clients``. Every answer must be a 200.
Writes req/s and p50/p95/p99 for each count, measured in the same run, to
``docs/benchmarks.md`` under "## Server under load".

    PYTHONPATH=src .venv/bin/python bench/serve_load.py [--db /tmp/kroniek-demo.sqlite]
        [--requests 2000] [--clients 1 20]

The load client shares the machine with the server (2 shared cores here), so the figures
are the server's and the client's together; the ratio between the runs is what counts.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from report import write_section

SECTION = "## Server under load"
ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "kroniek" / "demo" / "articles"


@dataclass
class Run:
    clients: int
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def kroniek_command() -> list[str]:
    script = Path(sys.executable).with_name("kroniek")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kroniek"]


def ensure_database(path: Path) -> None:
    """Reuse ``path`` when it holds documents; otherwise ingest the demo articles into it."""
    if path.exists():
        import sqlite3

        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            try:
                if connection.execute("select count(*) from documents").fetchone()[0]:
                    return
            except sqlite3.DatabaseError:
                pass
        raise SystemExit(f"{path} exists but holds no kroniek documents; give another --db")
    print(f"building the demo database {path} (Frog starts once) ...", flush=True)
    subprocess.run([*kroniek_command(), "ingest", "--db", str(path), str(DEMO)], check=True,
                   stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([*kroniek_command(), "serve", "--db", str(db), "--host",
                               "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/documents?limit=1").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


def url_mix(base: str) -> list[str]:
    """A fixed mix: every page once, the main API routes, with ids from the database."""
    event = httpx.get(f"{base}/api/v1/events", params={"limit": 1}).json()["items"][0]
    dyad = httpx.get(f"{base}/api/v1/dyads", params={"limit": 1}).json()["items"]
    a, b = (dyad[0]["actor"], dyad[0]["recipient"]) if dyad else ("RUS", "UKR")
    return [
        "/", "/events", "/events?type=ASSAULT", f"/event/{event['id']}",
        f"/article/{event['document_id']}", "/documents", "/actors?q=Rusland", "/actor/rus",
        f"/dyad/{a}/{b}", "/network", "/map",
        "/ask?attacked=ARM&by=AZE&where=Nagorno-Karabakh&at=2020-10-08",
        "/api/v1/events", "/api/v1/events?q=aanval", "/api/v1/events/facets",
        f"/api/v1/events/{event['id']}", "/api/v1/documents",
        f"/api/v1/documents/{event['document_id']}", "/api/v1/actors?q=iran",
        "/api/v1/actors/irn", "/api/v1/dyads", "/api/v1/network", "/api/v1/map",
        "/static/kroniek.css",
    ]


async def load(base: str, urls: list[str], total: int, clients: int) -> Run:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for index in range(total):
        queue.put_nowait(urls[index % len(urls)])
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            url = queue.get_nowait()
            began = time.perf_counter()
            response = await http.get(url, headers={"accept": "text/html"})
            latencies.append((time.perf_counter() - began) * 1000)
            errors += response.status_code != 200

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        for url in urls:  # warm every route once, outside the measurement
            await http.get(url)
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        seconds = time.perf_counter() - began
    return Run(clients, total, errors, seconds, latencies)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/kroniek-demo.sqlite", type=Path)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--report", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--no-report", action="store_true", help="print only")
    args = parser.parse_args()
    ensure_database(args.db)
    port = free_port()
    server = start_server(args.db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        urls = url_mix(base)
        runs = []
        for clients in args.clients:
            run = asyncio.run(load(base, urls, args.requests, clients))
            runs.append(run)
            print(f"{clients:3} clients: {run.per_second:6.1f} req/s  p50 {run.percentile(50):6.1f}"
                  f"  p95 {run.percentile(95):6.1f}  p99 {run.percentile(99):6.1f} ms  "
                  f"errors {run.errors}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if not args.no_report:
        write_report(Path(args.report), runs, len(urls))


def write_report(report: Path, runs: list[Run], routes: int) -> None:
    first = runs[0]
    lines = [
        SECTION, "",
        f"`bench/serve_load.py` on {dt.date.today().isoformat()}: `kroniek serve` on the demo "
        "database (the seven shipped demo articles, ingested by the real pipeline) in its own "
        f"process on 127.0.0.1; from a second process, {first.requests:,} GET requests cycling "
        f"through a fixed mix of {routes} pages, API routes and a static file, after one "
        "warm-up pass, once per client count, in the same run. The client shares the 2 noisy "
        "cores with the server.", "",
        "| clients | requests | non-200 | req/s | p50 ms | p95 ms | p99 ms | req/s vs 1 client |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(f"| {r.clients} | {r.requests:,} | {r.errors} | {r.per_second:.1f} | "
          f"{r.percentile(50):.1f} | {r.percentile(95):.1f} | {r.percentile(99):.1f} | "
          f"{r.per_second / first.per_second:.2f} |" for r in runs),
        "",
    ]
    last = runs[-1]
    verdict = ("met" if last.per_second >= first.per_second and last.percentile(99) < 500
               else "not met")
    lines += [f"Target (20 clients at least the throughput of one, p99 under 500 ms): "
              f"**{verdict}**.", ""]
    write_section(report, SECTION, "\n".join(lines))


if __name__ == "__main__":
    main()
