"""Where an already running Frog server is: ``KRONIEK_FROG_SERVER`` as ``host:port`` or
``unix:PATH`` (the socket a kroniek process shares its own Frog on)."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from kroniek.errors import NLPUnavailable

VARIABLE = "KRONIEK_FROG_SERVER"
UNIX_PREFIX = "unix:"


@dataclass(frozen=True)
class Endpoint:
    host: str = ""
    port: int = 0
    path: str = ""

    def __str__(self) -> str:
        return f"{UNIX_PREFIX}{self.path}" if self.path else f"{self.host}:{self.port}"

    def connect(self, timeout: float) -> socket.socket:
        """A connected socket, or NLPUnavailable naming the endpoint and the reason."""
        try:
            if self.path:
                connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                connection.settimeout(timeout)
                try:
                    connection.connect(self.path)
                except OSError:
                    connection.close()
                    raise
                return connection
            return socket.create_connection((self.host, self.port), timeout=timeout)
        except OSError as error:
            reason = error.strerror or str(error) or type(error).__name__
            raise NLPUnavailable(f"cannot reach the Frog server {VARIABLE}={self}: {reason}") \
                from None


def parse_endpoint(value: str) -> Endpoint:
    """``host:port``, ``:port`` (this machine), ``unix:PATH``; anything else is one line."""
    value = value.strip()
    if value.startswith(UNIX_PREFIX):
        path = value[len(UNIX_PREFIX):]
        if not path:
            raise NLPUnavailable(f"{VARIABLE}={value!r}: give a socket path after 'unix:'")
        return Endpoint(path=path)
    host, colon, port = value.rpartition(":")
    if not colon or not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
        raise NLPUnavailable(
            f"{VARIABLE}={value!r} is not HOST:PORT (a port 1-65535) or unix:PATH"
        )
    return Endpoint(host=host.strip("[]") or "127.0.0.1", port=int(port))
