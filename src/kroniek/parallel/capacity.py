"""How many analysers this machine can run: one per core, ~2 GB of memory each."""

from __future__ import annotations

import os
from pathlib import Path

from kroniek.nlp.frog_endpoint import VARIABLE

# A warm Frog holds ~1.9 GB; kroniek's own stages (KB, lexicons) add ~0.1-0.2 GB.
BYTES_PER_ANALYSER = 2 << 30


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available_memory() -> int | None:
    """Bytes the kernel says can be used without swapping (MemAvailable); None if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_workers() -> int:
    """Analysers ``kroniek ingest`` runs when not told: min(cores, memory / 2 GB), >= 1.

    With ``KRONIEK_FROG_SERVER`` every analyser would queue at that one Frog, which answers
    one text at a time, so one analyser is the default then.
    """
    if os.environ.get(VARIABLE):
        return 1
    memory = available_memory()
    by_memory = cores() if memory is None else memory // BYTES_PER_ANALYSER
    return max(1, min(cores(), by_memory))
