"""The link component: Frog's mentions and the words around them -> KB actors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kroniek.kb import KnowledgeBase, load_kb
from kroniek.link import coref, plural
from kroniek.link.context import LinkContext
from kroniek.link.described import describe
from kroniek.link.generic import generic_candidates, resolve_pending
from kroniek.link.home import home_candidates, resolve_home
from kroniek.link.lexicon import load_lexicon
from kroniek.link.names import name_candidates
from kroniek.link.roles import role_candidates
from kroniek.link.spans import Candidate, select, to_mention
from kroniek.link.states import count_states, group_code, national_code, side_code
from kroniek.model import Document, Mention
from kroniek.store import ActorRow


def article_day(document: Document) -> dt.date:
    """The date roles are resolved at: the start of the publication interval, else today."""
    return document.published.start if document.published else dt.date.today()


class Linker:
    """Links mentions to actors as of the article's date (see the package docstring)."""

    name = "link"

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self._kb = kb

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def __call__(self, document: Document) -> None:
        kb = self.kb
        ctx = LinkContext(
            document=document, kb=kb, lexicon=load_lexicon(), day=article_day(document),
            alliances=frozenset(
                c.alliance for c in kb.defence_clauses() if kb.actor(c.alliance).kind == "igo"
            ),
        )
        chosen: list[Candidate] = []
        for sentence in range(len(document.sentences)):
            names = name_candidates(ctx, sentence)
            coref.note_alliances(ctx, [c for c in names if c.rank <= 3])
            roles = role_candidates(ctx, sentence, names)
            generics = generic_candidates(ctx, sentence, names)
            picked = select([
                *names, *roles, *generics, *coref.alliance_candidates(ctx, sentence),
                *home_candidates(ctx, sentence),
            ])
            picked = describe(ctx, sentence, picked)
            coref.surname_links(ctx, picked)
            coref.remember_surnames(ctx, picked)
            pronouns = coref.pronoun_candidates(ctx, sentence, [*chosen, *picked])
            picked = select([*picked, *pronouns])
            coref.note_alliances(ctx, picked)
            ctx.seen.extend(c.actor_id for c in picked if c.actor_id)
            ctx.by_sentence[sentence] = picked
            count_states(ctx, picked)
            chosen.extend(picked)
        resolve_home(ctx, chosen)
        resolve_pending(ctx, chosen)
        document.mentions = plural.resolve(document, [self._mention(ctx, c) for c in chosen])

    def _mention(self, ctx: LinkContext, candidate: Candidate) -> Mention:
        code, sector = candidate.code, candidate.sector
        if candidate.actor_id is not None and candidate.code is None:
            if candidate.national:
                code = national_code(ctx, candidate)  # "Israëlische kolonisten": ISR-CVL
                sector = code.partition("-")[2] if code else sector
            else:
                code, acting_sector = ctx.kb.acts_for(candidate.actor_id, ctx.day)
                sector = acting_sector or sector
                code = side_code(ctx, code, acting_sector)  # an opposition leader: RUS-OPP
        code = group_code(ctx, candidate.actor_id, code)  # FARC -> COL-REB (EVAL.md)
        return to_mention(candidate, ctx.document.text, code, sector)

    def actors(self, document: Document) -> Iterable[ActorRow]:
        kb = self.kb
        seen: set[str] = set()
        for mention in document.mentions:
            if mention.actor_id is None or mention.actor_id in seen:
                continue
            seen.add(mention.actor_id)
            actor = kb.get(mention.actor_id)
            if actor is not None:
                yield ActorRow(
                    id=actor.id, kind=actor.kind, name=actor.name,
                    code=kb.code_of(actor.id), iso3=actor.iso3, wikidata=actor.wikidata,
                )
