"""Kroniek's actor knowledge base: states, organisations, armed groups, persons and places.

Facts live in YAML beside the code (``data/``); country names come from pycountry and
Babel. ``load_kb()`` returns the shipped KB merged with the user's KB folder.
"""

from kroniek.kb.base import KnowledgeBase
from kroniek.kb.explain import explain, render_actor
from kroniek.kb.loader import KBError, load_kb, user_kb_dir, validate_file
from kroniek.kb.model import Actor, DefenceClause, Membership, Role, TerritoryStatus
from kroniek.kb.wikidata import import_wikidata

__all__ = [
    "Actor",
    "DefenceClause",
    "KBError",
    "KnowledgeBase",
    "Membership",
    "Role",
    "TerritoryStatus",
    "explain",
    "import_wikidata",
    "load_kb",
    "render_actor",
    "user_kb_dir",
    "validate_file",
]
