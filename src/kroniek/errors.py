"""Errors a user can act on. The CLI prints their message as one line, never a traceback."""


class KroniekError(Exception):
    """Base class: the message is complete, user-facing and fits on one line."""


class InputError(KroniekError):
    """An input (file, line, URL) that cannot be read as an article."""


class NLPUnavailable(KroniekError):
    """The NLP backend (Frog) is missing or broken."""


class StoreError(KroniekError):
    """The database cannot be opened or is of an unknown schema version."""
