"""Keep the tests away from the developer's own KB folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Set before any test loads the KB, so the cached default KB never reads a real user folder.
os.environ["KRONIEK_KB_DIR"] = tempfile.mkdtemp(prefix="kroniek-kb-test-")

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def kb():
    from kroniek.kb import load_kb

    return load_kb()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
