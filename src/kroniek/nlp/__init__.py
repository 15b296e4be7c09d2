"""Stage 2: Dutch linguistic analysis (sentences, tokens, lemmas, POS, NER, parse)."""

from kroniek.nlp.backend import NLPBackend
from kroniek.nlp.frog import FrogBackend
from kroniek.nlp.frog_server import FrogServer

__all__ = ["FrogBackend", "FrogServer", "NLPBackend"]
