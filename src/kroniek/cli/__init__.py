"""Stage 7: the ``kroniek`` command line."""
