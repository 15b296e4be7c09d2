"""Stage 3: link mentions to actors in the knowledge base, at the article's date."""


class Linker:
    """Placeholder until the linker lands: leaves Frog's mentions unlinked."""

    name = "link"

    def __call__(self, document: object) -> None:
        return None
