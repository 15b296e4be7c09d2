"""Parallel ingest: ``--workers 2`` against one analyser process and ``--workers 1``, and
a Dask LocalCluster of 2 worker processes against ``--workers 2``, on the same files in
one run.

The files are the articles of ``bench/text/nl_bench.txt`` (our own text), twice (the second
copy's titles marked, so it is new text to store). Every configuration is warmed first
(its Frogs started), then ingests the files into a new SQLite database ``--rounds`` times,
the best time counting; configurations run one after another, so at most 2 Frogs (~4 GB)
are up at once. Peak memory is each analyser's
Python process plus its Frog (VmHWM). Writes ``docs/benchmarks.md`` ("## Parallel
ingest"). Usage::

    PYTHONPATH=src .venv/bin/python bench/workers.py [--rounds 3] [--no-dask]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kroniek.model import Document
from kroniek.parallel import ProcessAnalysers, ingest_parallel
from kroniek.pipeline import IngestSummary, Pipeline, ingest
from kroniek.store import open_engine
from report import write_section

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "bench" / "text" / "nl_bench.txt"
REPORT = ROOT / "docs" / "benchmarks.md"
SECTION = "## Parallel ingest"
TITLE_CHARS = 80  # a paragraph this short is an article's title


def write_files(folder: Path, copies: int = 2) -> int:
    """The bench text's articles as files, ``copies`` times; the words written."""
    paragraphs = [p.strip() for p in TEXT.read_text("utf-8").split("\n\n") if p.strip()]
    articles: list[list[str]] = []
    for paragraph in paragraphs:
        if len(paragraph) < TITLE_CHARS or not articles:
            articles.append([paragraph])
        else:
            articles[-1].append(paragraph)
    words = 0
    for copy in range(copies):
        for number, (title, *body) in enumerate(articles):
            marked = title if copy == 0 else f"{title} (deel {copy + 1})"
            text = "\n\n".join([marked, *body]) + "\n"
            (folder / f"{copy}-{number:03d}.txt").write_text(text, "utf-8")
            words += len(text.split())
    return words


def peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def with_children_kb(pid: int) -> int:
    return peak_kb(pid) + sum(peak_kb(child) for child in children(pid))


def warm_document(number: int) -> Document:
    text = f"De minister sprak dinsdag in Den Haag met {number + 2} burgemeesters."
    return Document(id=f"warm-{number}", text=text, source="warm", key=f"warm-{number}")


class Config:
    """A way to ingest: ``start()`` warms it, ``run(folder, db)`` is timed."""

    name = ""

    def start(self) -> None: ...

    def run(self, folder: Path, db: str) -> IngestSummary:
        raise NotImplementedError

    def peak_mb_per_worker(self) -> float:
        return 0.0

    def close(self) -> None: ...


class One(Config):
    name = "1 analyser (`--workers 1`)"

    def start(self) -> None:
        self.pipeline = Pipeline()
        self.pipeline.backend.start()  # type: ignore[attr-defined]

    def run(self, folder: Path, db: str) -> IngestSummary:
        return ingest([str(folder)], open_engine(db), self.pipeline)

    def peak_mb_per_worker(self) -> float:
        return with_children_kb(os.getpid()) / 1024

    def close(self) -> None:
        self.pipeline.close()


class Processes(Config):
    name = "2 analysers (`--workers 2`)"
    count = 2

    def start(self) -> None:
        self.analysers = ProcessAnalysers(self.count)
        futures = [self.analysers.submit(warm_document(n)) for n in range(self.count)]
        for future in futures:
            self.analysers.result(future)

    def run(self, folder: Path, db: str) -> IngestSummary:
        return ingest_parallel([str(folder)], open_engine(db), self.analysers)

    def peak_mb_per_worker(self) -> float:
        pids = self.analysers.pids()
        return max(with_children_kb(pid) for pid in pids) / 1024 if pids else 0.0

    def close(self) -> None:
        self.analysers.close()


class OneProcess(Processes):
    name = "1 analyser process (as each of `--workers 2`)"
    count = 1


class Dask(Config):
    name = "Dask LocalCluster, 2 worker processes"

    def start(self) -> None:
        from distributed import LocalCluster

        from kroniek.parallel.dask_workers import DaskAnalysers

        os.environ["PYTHONPATH"] = str(ROOT / "src")
        self.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                    host="127.0.0.1", dashboard_address=None)
        self.analysers = DaskAnalysers(self.cluster.scheduler_address)
        futures = [self.analysers.submit(warm_document(n)) for n in range(2)]
        for future in futures:
            self.analysers.result(future)

    def run(self, folder: Path, db: str) -> IngestSummary:
        return ingest_parallel([str(folder)], open_engine(db), self.analysers)

    def peak_mb_per_worker(self) -> float:
        pids = self.analysers.client.run(os.getpid).values()
        return max(with_children_kb(pid) for pid in pids) / 1024

    def close(self) -> None:
        self.analysers.close()
        self.cluster.close()


def measure(configs: list[Config], folder: Path, rounds: int, say: Callable[[str], None]
            ) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Seconds of each run and peak MB per analyser, one configuration after another: all
    warm at once would be 6 Frogs (~12 GB), more than a shared machine may have free."""
    times: dict[str, list[float]] = {config.name: [] for config in configs}
    peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kroniek-bench-") as scratch:
        for number, config in enumerate(configs):
            began = time.perf_counter()
            config.start()
            say(f"{config.name}: warm in {time.perf_counter() - began:.1f} s")
            try:
                for round_number in range(rounds):
                    db = str(Path(scratch) / f"{number}-{round_number}.sqlite")
                    began = time.perf_counter()
                    summary = config.run(folder, db)
                    seconds = time.perf_counter() - began
                    assert summary.failed == 0 and summary.new > 0, summary.errors
                    times[config.name].append(seconds)
                    say(f"round {round_number + 1}: {config.name}: {seconds:.1f} s")
                peaks[config.name] = config.peak_mb_per_worker()
            finally:
                config.close()
    return times, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kroniek-bench-files-") as files:
        folder = Path(files)
        words = write_files(folder)
        documents = len(list(folder.iterdir()))
        configs: list[Config] = [One(), OneProcess(), Processes()]
        if not options.no_dask:
            configs.append(Dask())
        load_before = os.getloadavg()[0]
        times, peaks = measure(configs, folder, options.rounds, lambda s: print(s, flush=True))
        load_after = os.getloadavg()[0]
    best = {name: min(values) for name, values in times.items()}
    serial, one, two = configs[0].name, configs[1].name, configs[2].name
    lines = [
        SECTION, "",
        f"Text: the articles of `bench/text/nl_bench.txt` twice, {documents} files, "
        f"{words:,} words. Measured together by `bench/workers.py` on "
        f"{dt.date.today().isoformat()}, one configuration after another (at most 2 Frogs "
        f"at once), {options.rounds} runs each, best time counts; each configuration warm "
        f"(Frogs started) before timing, each run into a new SQLite database. "
        f"Machine: {os.cpu_count()} cores, load average "
        f"{load_before:.1f} before and {load_after:.1f} after (other processes ran too).",
        "",
        "| configuration | seconds (best) | all runs (s) | words/s | peak MB per analyser |",
        "|---|---:|---|---:|---:|",
    ]
    for config in configs:
        name = config.name
        lines.append(f"| {name} | {best[name]:.1f} | "
                     f"{', '.join(f'{t:.1f}' for t in times[name])} | "
                     f"{words / best[name]:.0f} | {peaks[name]:.0f} |")
    lines += ["", f"2 analysers against 1, each with one Frog thread: "
                  f"**{best[one] / best[two]:.2f}×** (aim ≥ 1.7×). "
                  f"`--workers 2` against `--workers 1` (one Frog in the ingest process, "
                  f"with Frog's default 8 threads): **{best[serial] / best[two]:.2f}×**.",
              "An analyser process runs its Frog with one thread (`OMP_NUM_THREADS=1`, "
              "as Dask's workers do); `--workers 1` keeps Frog's default."]
    if len(configs) > 3:
        dask = configs[3].name
        lines.append(f"Dask LocalCluster of 2 workers against `--workers 2`: "
                     f"**{best[two] / best[dask]:.2f}×**.")
    lines.append("Peak memory per analyser: its Python process plus its Frog (VmHWM); for "
                 "1 analyser the benchmark process itself, which also holds the writer.")
    write_section(REPORT, SECTION, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
