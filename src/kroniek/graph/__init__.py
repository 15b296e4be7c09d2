"""Stage 6: the temporal knowledge graph over the store.

Relations over time (text and KB, labelled), event fusion across articles, dyad time
series, actor timelines, collective-defence reasoning and a networkx view of it all.
"""

from kroniek.graph.actors import ActorTimeline, actor_timeline
from kroniek.graph.build import build_graph
from kroniek.graph.defence import ClauseAssessment, DefenceAnswer, defence_obligations
from kroniek.graph.dyads import Dyad, DyadPeriod, busiest_pairs, counterparts, dyad
from kroniek.graph.fusion import FusionSummary, fuse, fused_events, unfuse
from kroniek.graph.plover import quad, score
from kroniek.graph.relations import RelationFact, kb_relations, relations_at, text_relations

__all__ = [
    "ActorTimeline",
    "ClauseAssessment",
    "DefenceAnswer",
    "Dyad",
    "DyadPeriod",
    "FusionSummary",
    "RelationFact",
    "actor_timeline",
    "build_graph",
    "busiest_pairs",
    "counterparts",
    "defence_obligations",
    "dyad",
    "fuse",
    "fused_events",
    "kb_relations",
    "quad",
    "relations_at",
    "score",
    "text_relations",
    "unfuse",
]
