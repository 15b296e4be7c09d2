"""Errors a user can act on. The CLI prints their message as one line, never a traceback."""


class KroniekError(Exception):
    """Base class: the message is complete, user-facing and fits on one line."""


class InputError(KroniekError):
    """An input (file, line, URL) that cannot be read as an article."""


class BadValue(InputError, ValueError):
    """A filter or option value that is not allowed (an unknown type, a malformed date).

    A ``ValueError`` too, so Python callers of :mod:`kroniek.python_api` can catch it as
    the kind of error it is."""


class NLPUnavailable(KroniekError):
    """The NLP backend (Frog) is missing or broken."""


class StoreError(KroniekError):
    """The database cannot be opened or is of an unknown schema version."""
