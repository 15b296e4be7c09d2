"""``kroniek ingest --scheduler``: a real Dask LocalCluster of 2 worker processes on
127.0.0.1, each with its own warm Frog; the CLI in a real subprocess stores."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from tests.parallel.stored import rows
from tests.parallel.test_workers_cli import ARTICLES, comparable, summary_of, write_articles

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # The workers start their own Frogs, not the tests' shared one; they import kroniek
    # from this checkout.
    saved = {name: os.environ.pop(name, None) for name in ("KRONIEK_FROG_SERVER",)}
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH")) if p)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as local:
            yield local
    finally:
        for name, value in saved.items():
            if value is not None:
                os.environ[name] = value


def worker_pids(cluster: LocalCluster) -> dict[str, int]:
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        return client.run(os.getpid)  # type: ignore[no-any-return]


def _frog_pid() -> int | None:
    from kroniek.parallel import dask_workers

    holder = dask_workers.warm()
    holder.ready.wait()
    return holder.pipeline.backend.server.pid if holder.pipeline is not None else None


def worker_frogs(cluster: LocalCluster) -> dict[str, int | None]:
    """Per worker, the pid of its warm Frog."""
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        return client.run(_frog_pid)  # type: ignore[no-any-return]


def test_dask_workers_store_what_one_process_stores(  # type: ignore[no-untyped-def]
        cli, cluster: LocalCluster, tmp_path: Path) -> None:
    folder = tmp_path / "berichten"
    write_articles(folder, [*ARTICLES, ARTICLES[2]])
    one_db, dask_db = str(tmp_path / "een.sqlite"), str(tmp_path / "dask.sqlite")
    # A Frog of its own, started fresh like the other side's: a session Frog that has read
    # hundreds of texts before was seen to parse some sentences differently (heads, deprels).
    one = cli("ingest", "--json", "--workers", "1", str(folder), share_frog=False,
              env={"KRONIEK_DB": one_db})
    assert one.returncode == 0, one.stderr
    spread = cli("ingest", "--json", "--scheduler", cluster.scheduler_address, str(folder),
                 env={"KRONIEK_DB": dask_db})
    assert spread.returncode == 0, spread.stderr
    assert comparable(summary_of(spread)) == comparable(summary_of(one))
    assert rows(dask_db) == rows(one_db)
    # The Frogs stay warm: a second run uses the very same Frog processes.
    frogs = worker_frogs(cluster)
    assert len(frogs) == 2 and all(frogs.values())
    more = tmp_path / "meer"
    write_articles(more, ["De Belgische premier bezocht donderdag Kinshasa voor overleg."])
    again = cli("ingest", "--json", "--scheduler", cluster.scheduler_address, str(more),
                env={"KRONIEK_DB": dask_db})
    summary = summary_of(again)
    assert again.returncode == 0 and summary["new"] == 1
    assert worker_frogs(cluster) == frogs


def test_a_lost_worker_s_documents_are_analysed_elsewhere_and_stored_once(  # type: ignore[no-untyped-def]
        cli, cluster: LocalCluster, tmp_path: Path, db: str) -> None:
    folder = tmp_path / "veel"
    paragraph = ("De Duitse bondskanselier sprak woensdag in Berlijn met de Franse president "
                 "over de oorlog in Oekraïne. ") * 8
    write_articles(folder, [f"Artikel {number}. {paragraph}" for number in range(16)])
    environment = {**os.environ, "KRONIEK_DB": db, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "ingest", "--json", "--scheduler",
         cluster.scheduler_address, str(folder)],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and stored < 2 and process.poll() is None:
        time.sleep(0.2)
        if Path(db).exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    stored = connection.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    assert stored >= 2
    victim = next(iter(worker_pids(cluster).values()))
    os.kill(victim, signal.SIGKILL)  # a worker lost mid-run; its nanny starts a new one
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    summary = summary_of(subprocess.CompletedProcess([], 0, out, err))
    assert summary["new"] == 16 and summary["failed"] == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from documents").fetchone()[0] == 16
        half = connection.execute(
            "select count(*) from documents d where not exists "
            "(select 1 from sentences s where s.document_id = d.id)").fetchone()[0]
        assert half == 0


def test_the_same_documents_sent_twice_are_stored_once(  # type: ignore[no-untyped-def]
        cluster: LocalCluster, tmp_path: Path, db: str) -> None:
    folder = tmp_path / "dubbel"
    write_articles(folder, ARTICLES[:5])
    environment = {**os.environ, "KRONIEK_DB": db, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "kroniek", "ingest", "--json", "--scheduler",
               cluster.scheduler_address, str(folder)]
    processes = [subprocess.Popen(command, env=environment, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
    summaries = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        summaries.append(summary_of(subprocess.CompletedProcess([], 0, out, err)))
    assert sum(s["new"] for s in summaries) == 5
    assert all(s["new"] + s["skipped"] == 5 for s in summaries)
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from documents").fetchone()[0] == 5


def test_a_bad_scheduler_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0], encoding="utf-8")
    for address, code, said in (("localhost:1", 2, "must be a Dask address"),
                                ("tcp://127.0.0.1:1", 1, "cannot reach the Dask scheduler")):
        result = cli("ingest", "--scheduler", address, str(article))
        assert result.returncode == code, result.stderr
        [line] = result.stderr.strip().splitlines()
        assert said in line
