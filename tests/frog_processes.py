"""Read /proc to find one process's own Frog and the sockets a process listens on."""

from __future__ import annotations

import os
from pathlib import Path

LISTEN = "0A"  # TCP state LISTEN in /proc/net/tcp


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces; fields follow the last ')'.
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    return [name, *raw[raw.rindex(")") + 2 :].split()]


def frog_children(parent: int) -> dict[int, str]:
    """Frog processes whose parent is ``parent``: pid -> start time (guards pid reuse)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            # fields: name, state, ppid, ..., starttime is field 22 of stat (index 20 here)
            if fields and fields[0] == "frog" and int(fields[2]) == parent:
                found[int(entry.name)] = fields[20]
    return found


def still_running(pid: int, start_time: str) -> bool:
    """The same process (same start time) exists and is not a zombie."""
    fields = _stat(pid)
    return fields is not None and fields[20] == start_time and fields[1] != "Z"


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def inet_listeners(pid: int) -> list[str]:
    """``address:port`` (hex, as in /proc/net/tcp*) of every TCP socket ``pid`` listens on."""
    inodes = _socket_inodes(pid)
    listening = []
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == LISTEN and fields[9] in inodes:
                listening.append(fields[1])
    return listening
