"""The review queue: what most deserves an analyst's eye, ranked by impact on the graph.

Impact is how central the actors are (claims they take part in): a wrong alias on an actor with
eighty claims misleads more than one on an actor with two. Three kinds of item:
- a suspicious alias: a name clustered into an actor that shares no word with its name and is not
  its acronym or a gazetteer alias (a bad merge drags claims onto the wrong actor);
- a contradicted claim: some evidence affirms it, some denies it;
- a single-origin violent event: an attack only one independent origin reports.
Claims an analyst already confirmed or rejected are left out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from ..gazetteer import load_gazetteer
from ..geocode import name_key
from ..model import Entity
from ..relations import load_ontology
from ..store.reviews import ReviewedGraph
from .summaries import summarize_entity_ref, summarize_group

# Relations whose single-origin claims are worth a second look: violence is what gets cited.
VIOLENT_RELATIONS = load_ontology().names(violent=True)
# How much each kind weighs against the others at equal centrality.
WEIGHTS = {"contradicted": 2.0, "violent_single_origin": 1.5, "suspicious_alias": 1.0}
# Items the page lists.
QUEUE_LENGTH = 300


@dataclass
class QueueItem:
    kind: str  # contradicted | violent_single_origin | suspicious_alias
    score: float
    reason: str
    href: str  # where the analyst decides (claim page or entity page)
    claim: dict[str, Any] | None = None
    entity: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"\W+", name_key(name)) if len(w) > 2 or w.isdigit()}


def _is_acronym(short: str, name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", short)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", name) if w[0].isupper())
    return len(letters) >= 2 and letters.isupper() and letters in (initials, initials.upper())


def suspicious_aliases(entity: Entity) -> list[str]:
    """Aliases that share no word with the name or any trusted alias and are not an acronym of it."""
    entry = load_gazetteer().get(entity.gazetteer_id or "")
    trusted = [entity.name, *(entry.names if entry else ()), *(entry.demonyms if entry else ())]
    trusted_words = set().union(*(_words(n) for n in trusted))
    trusted_keys = {name_key(n) for n in trusted}
    return [alias for alias in entity.aliases
            if name_key(alias) not in trusted_keys and _words(alias) and not (_words(alias) & trusted_words)
            and not any(_is_acronym(alias, n) for n in trusted)]


def build_queue(graph: ReviewedGraph) -> list[QueueItem]:
    """Every item, highest impact first."""
    degree: Counter = Counter()
    for group in graph.groups:
        degree[group.subject] += 1
        degree[group.object] += 1
    items = []
    for entity in graph.entities.values():
        if degree[entity.id] == 0:
            continue
        odd = suspicious_aliases(entity)
        if odd:
            items.append(QueueItem(
                "suspicious_alias", WEIGHTS["suspicious_alias"] * degree[entity.id] * len(odd),
                f"{entity.name} ({degree[entity.id]} claims) is also called " + "; ".join(f"“{a}”" for a in odd[:5]),
                f"/entities/{entity.id}", entity=summarize_entity_ref(entity, entity.id)))
    for group in graph.groups:
        if graph.review_of(group.id):
            continue
        centrality = degree[group.subject] + degree[group.object]
        if group.contradicted:
            items.append(QueueItem("contradicted", WEIGHTS["contradicted"] * centrality,
                                   f"evidence both affirms and denies it ({group.documents} documents)",
                                   f"/claims/{group.id}", claim=summarize_group(graph, group)))
        if group.relation in VIOLENT_RELATIONS and group.origins == 1 and group.polarity != "negated":
            items.append(QueueItem("violent_single_origin", WEIGHTS["violent_single_origin"] * centrality,
                                   "only one independent origin reports this attack",
                                   f"/claims/{group.id}", claim=summarize_group(graph, group)))
    items.sort(key=lambda item: (-item.score, item.kind, item.href))
    return items
