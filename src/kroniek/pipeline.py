"""Run articles through the stages: ingest -> nlp -> link -> extract -> store.

Like spaCy's pipeline, each stage after nlp is a component, a callable that reads and
enriches a :class:`~kroniek.model.Document`. Components are registered by dotted name, so
a stage is imported only when used and none of them needs to know the others.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from kroniek.errors import InputError, KroniekError
from kroniek.ingest import RawArticle, Source, expand, to_document
from kroniek.ingest.decode import DEFAULT_MAX_BYTES
from kroniek.ingest.fetch import Fetcher
from kroniek.ingest.formats import articles_of
from kroniek.ingest.neardup import StoryIndex, from_bytes, signature, to_bytes
from kroniek.model import Document
from kroniek.nlp import FrogBackend, NLPBackend
from kroniek.store import ActorRow, queries, save
from kroniek.store.stories import rows as story_rows
from kroniek.store.writer import stored_id_for


class Component(Protocol):
    name: str

    def __call__(self, document: Document) -> None: ...

    def actors(self, document: Document) -> Iterable[ActorRow]:
        """KB actors the document now refers to, for the store's actor table."""
        ...


# name -> "module:factory"; the factory takes no arguments and returns a Component.
REGISTRY: dict[str, str] = {}
DEFAULT_COMPONENTS: tuple[str, ...] = ()


def register(name: str, target: str, default: bool = True) -> None:
    global DEFAULT_COMPONENTS
    REGISTRY[name] = target
    if default and name not in DEFAULT_COMPONENTS:
        DEFAULT_COMPONENTS = (*DEFAULT_COMPONENTS, name)


register("link", "kroniek.link:Linker")
register("extract", "kroniek.extract.component:Extractor")


def load_component(name: str) -> Component:
    module_name, _, factory = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), factory)()  # type: ignore[no-any-return]


class Pipeline:
    """An NLP backend kept warm for the pipeline's lifetime, followed by components."""

    def __init__(
        self, backend: NLPBackend | None = None, components: Iterable[str] | None = None
    ) -> None:
        self.backend: NLPBackend = backend or FrogBackend()
        names = DEFAULT_COMPONENTS if components is None else tuple(components)
        self.components = [load_component(name) for name in names]
        self._stories: dict[str, StoryIndex] = {}

    def stories(self, engine: Engine) -> StoryIndex:
        """The wire-copy index of ``engine``'s documents, loaded on first use."""
        where = engine.url.render_as_string(hide_password=False)
        if where not in self._stories:
            self._stories[where] = story_index(engine)
        return self._stories[where]

    def __call__(self, document: Document) -> Document:
        self.backend.analyse(document)
        for component in self.components:
            component(document)
        return document

    def actors(self, document: Document) -> list[ActorRow]:
        rows: list[ActorRow] = []
        for component in self.components:
            finder = getattr(component, "actors", None)
            if finder is not None:
                rows.extend(finder(document))
        return rows

    def close(self) -> None:
        self.backend.close()


@dataclass
class IngestSummary:
    new: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    sentences: int = 0
    entities: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    nlp_starts: int = 0
    nlp_startup_seconds: float = 0.0
    copies: int = 0  # new documents that are wire copies of a stored story
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    # One per stored document that took the place of an older version with the same key.
    replacements: list[dict[str, str | None]] = field(default_factory=list)


def _label(title: str | None, opening: str) -> str:
    """How a user recognises a document: its title, else the start of its text."""
    if title:
        return title
    words = opening.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def replacement(document: Document, older: dict[str, Any]) -> dict[str, str | None]:
    return {"source": document.source, "key": document.key,
            "old_id": older["id"], "old_title": _label(older["title"], older["opening"] or ""),
            "new_id": document.id, "new_title": _label(document.title, document.text[:80])}


# Called after each article with (bytes of it, words analysed, summary so far).
Progress = Callable[[int, int, IngestSummary], None]


def articles(
    sources: Iterable[Source | InputError], max_bytes: int, fetcher: Fetcher
) -> Iterator[tuple[RawArticle | InputError, int]]:
    for source in sources:
        if isinstance(source, InputError):
            yield source, 0
            continue
        yield from articles_of(source, fetcher, max_bytes)


def total_bytes(arguments: list[str]) -> int | None:
    """Bytes the run will read, for the progress bar's ETA; None when reading stdin."""
    total = 0
    for source in expand(arguments):
        if isinstance(source, InputError):
            continue
        if source.path is None:
            return None
        total += source.size()
    return total


def analyse(pipeline: Pipeline, document: Document) -> None:
    """Run the pipeline on one document; a fault in analysing it fails that document only.

    Bad input is refused before this point; what still goes wrong here is a fault of ours
    that this one text triggers, and it must not cost the rest of the run. Frog and the
    database failing (KroniekError, SQLAlchemy, OS errors) still end the run.
    """
    try:
        pipeline(document)
    except (KroniekError, SQLAlchemyError, OSError, MemoryError):
        raise
    except Exception as error:
        raise InputError(f"{document.source}: could not be analysed "
                         f"({type(error).__name__}: {error}); nothing of it was stored") from None


def story_index(engine: Engine) -> StoryIndex:
    """The wire-copy index of ``engine``'s stored documents."""
    index = StoryIndex()
    index.load(story_rows(engine))
    return index


def place_in_story(stories: StoryIndex, document: Document,
                   replacing: list[str]) -> str | None:
    """Give ``document`` its story (the one of a stored wire copy, else its own) and its
    signature; a note naming the copy, or None when it is a story of its own."""
    minhash = signature(document.text)
    document.minhash = to_bytes(minhash)
    found = stories.story_of(minhash, ignore=[*replacing, document.id])
    document.story = found[0] if found else document.id
    if found is None:
        return None
    return (f"{document.source}: a wire copy of a stored story ({found[0][:12]}, similarity "
            f"{found[1]:.2f}); counted as one story")


def remember_story(stories: StoryIndex, document: Document, replacing: list[str]) -> None:
    for older in replacing:
        stories.remove(older)
    if document.minhash is not None:
        stories.add(document.id, document.story or document.id, from_bytes(document.minhash))


def prepare(article: RawArticle, engine: Engine, replace: bool, check_language: bool,
            summary: IngestSummary) -> Document | None:
    """The document to analyse for ``article``; None (counted as skipped) when stored."""
    document = to_document(article, check_language=check_language)
    summary.notes.extend(document.notes)
    if not replace and stored_id_for(engine, document.id):
        summary.skipped += 1
        summary.document_ids.append(document.id)
        return None
    return document


def store(document: Document, actors: list[ActorRow], backend: str, engine: Engine,
          replace: bool, summary: IngestSummary, stories: StoryIndex) -> int:
    """Save an analysed document in one transaction, counting it; the words analysed."""
    # Read just before saving, so a parallel run's writer sees every earlier document.
    older = queries.other_versions(engine, document.key, document.id)
    replacing = [str(o["id"]) for o in older]
    # In the writer, just before saving: a copy of a story stored a moment ago is found.
    copy = place_in_story(stories, document, replacing)
    outcome = save(engine, document, backend, actors, replace=replace)
    if outcome != "skipped":
        remember_story(stories, document, replacing)
        if copy:
            summary.copies += 1
            summary.notes.append(copy)
    summary.words += document.word_count
    if outcome != "skipped":  # skipped: another process stored it meanwhile
        summary.sentences += len(document.sentences)
        summary.entities += len(document.mentions)
        summary.events += len(document.events)
    summary.document_ids.append(document.id)
    if outcome == "skipped":
        summary.skipped += 1
    elif outcome == "replaced":
        summary.replaced += 1
        summary.replacements.extend(replacement(document, o) for o in older)
    else:
        summary.new += 1
    return document.word_count


def _ingest_one(article: RawArticle, engine: Engine, pipeline: Pipeline, replace: bool,
                check_language: bool, summary: IngestSummary) -> int:
    """Store one article, counting it in ``summary``; the words analysed."""
    document = prepare(article, engine, replace, check_language, summary)
    if document is None:
        return 0
    analyse(pipeline, document)
    return store(document, pipeline.actors(document), pipeline.backend.name, engine, replace,
                 summary, pipeline.stories(engine))


def ingest(
    arguments: list[str],
    engine: Engine,
    pipeline: Pipeline,
    replace: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Every article of ``arguments`` (files, directories, globs, URLs, stdin); a bad one is
    counted as failed and the run goes on. ``fetcher`` downloads URLs (one with the size
    limit ``max_bytes`` when not given)."""
    own = fetcher is None
    web = fetcher or Fetcher(max_bytes=max_bytes)
    try:
        return _ingest_all(articles(expand(arguments), max_bytes, web), engine, pipeline,
                           replace, check_language, progress)
    finally:
        if own:
            web.close()


def ingest_articles(
    articles: Iterable[RawArticle | InputError],
    engine: Engine,
    pipeline: Pipeline,
    replace: bool = False,
    check_language: bool = True,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Articles already read (the Python API's texts and records), with the guarantees of
    :func:`ingest`; counted into ``summary`` when given."""
    return _ingest_all(((article, 0) for article in articles), engine, pipeline, replace,
                       check_language, None, summary)


def _ingest_all(
    items: Iterable[tuple[RawArticle | InputError, int]],
    engine: Engine,
    pipeline: Pipeline,
    replace: bool,
    check_language: bool,
    progress: Progress | None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    summary = summary or IngestSummary()
    began = time.perf_counter() - summary.seconds
    for item, size in items:
        words = 0
        try:
            if isinstance(item, InputError):
                raise item
            words = _ingest_one(item, engine, pipeline, replace, check_language, summary)
        except InputError as error:
            summary.failed += 1
            summary.errors.append(str(error))
        summary.nlp_starts = pipeline.backend.starts
        summary.nlp_startup_seconds = pipeline.backend.startup_seconds
        summary.seconds = time.perf_counter() - began
        if progress:
            progress(size, words, summary)
    return summary
