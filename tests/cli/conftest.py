"""Fixtures of these tests: a real HTTP server on 127.0.0.1 (tests.ingest.site)."""

from tests.ingest.site import site  # noqa: F401 (a fixture)
