"""Kroniek: a temporal knowledge graph of international politics and conflict from Dutch news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kroniek")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
