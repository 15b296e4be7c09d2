"""Stage serve: the REST API and the web UI over the store (``kroniek serve``)."""

from kroniek.serve.app import create_app

__all__ = ["create_app"]
