"""Stage 4: events, figures, quotes, dates and relations from linked sentences.

The component is `kroniek.extract.component.Extractor`.
"""
