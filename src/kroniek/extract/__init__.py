"""Stage 4: events, figures, quotes, dates and relations from linked sentences."""

from kroniek.extract.component import Extractor

__all__ = ["Extractor"]
