"""Analyse documents in parallel, on this machine or a Dask cluster, with one writer.

See :mod:`kroniek.parallel.processes` (``kroniek ingest --workers N``) and
:mod:`kroniek.parallel.ordered` (the writer, shared by every kind of analysers).
"""

from kroniek.parallel.capacity import default_workers
from kroniek.parallel.ordered import Analysers, ingest_parallel
from kroniek.parallel.processes import ProcessAnalysers

__all__ = ["Analysers", "ProcessAnalysers", "default_workers", "ingest_parallel"]
