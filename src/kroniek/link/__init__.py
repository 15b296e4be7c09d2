"""Stage 3: link mentions to actors in the knowledge base, at the article's date.

Routes (each mention's ``method``): KB names and aliases (``name``, ``alias``,
``abbreviation``), ``fuzzy`` spelling variants, ``adjective`` and ``demonym`` forms,
capitals and seats of power as ``metonym`` (a capital after *in/naar/uit/...* is a
``place``), ``role`` phrases resolved at the article's date (``apposition`` when a name
follows), nationals who do not act for their state (``adjective-national``, code None),
and conservative ``coref`` (pronouns, surnames, *die alliantie*).
"""

from kroniek.link.linker import Linker, article_day

__all__ = ["Linker", "article_day"]
