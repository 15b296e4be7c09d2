"""The knowledge base as exports and the scorer use it: for names, codes and places."""

from __future__ import annotations

from kroniek.errors import KroniekError
from kroniek.kb import KBError, KnowledgeBase, load_kb


def knowledge_base() -> KnowledgeBase:
    """The KB, or a one-line error naming the first problem in the user's KB files."""
    try:
        return load_kb()
    except KBError as error:
        more = f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
        raise KroniekError(f"the knowledge base cannot be loaded: {error.problems[0]}{more} "
                           "(see `kroniek kb`)") from None
