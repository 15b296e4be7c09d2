"""How ``kroniek ingest`` analyses: in this process, or in parallel (``--workers``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from kroniek.errors import InputError
from kroniek.pipeline import IngestSummary, Pipeline, ingest


class SerialRun:
    """One warm Frog in this process, as kroniek always did."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()

    def ingest(self, paths: list[str], engine: Engine, **options: Any) -> IngestSummary:
        return ingest(paths, engine, self.pipeline, **options)

    def close(self) -> None:
        self.pipeline.close()


class ParallelRun:
    """Analysers elsewhere (local processes, Dask workers); this process stores."""

    def __init__(self, analysers: Any) -> None:
        self.analysers = analysers

    def ingest(self, paths: list[str], engine: Engine, **options: Any) -> IngestSummary:
        from kroniek.parallel import ingest_parallel

        return ingest_parallel(paths, engine, self.analysers, **options)

    def close(self) -> None:
        self.analysers.close()


def parallel_run(workers: int | None, scheduler: str | None = None
                 ) -> SerialRun | ParallelRun:
    """How to analyse: ``--scheduler`` (Dask), ``--workers`` processes, or this process."""
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if scheduler is not None:
        if workers is not None:
            raise InputError("--workers and --scheduler exclude each other: with a "
                             "scheduler, its workers analyse")
        from kroniek.parallel.dask_workers import DaskAnalysers

        return ParallelRun(DaskAnalysers(scheduler))
    if workers is None:
        from kroniek.parallel import default_workers

        workers = default_workers()
    if workers == 1:
        return SerialRun()
    from kroniek.parallel import ProcessAnalysers

    return ParallelRun(ProcessAnalysers(workers))
