"""FollowTheMoney export (Aleph, OpenAleph, OpenSanctions): entities and links as FtM JSON lines.

Mapping (DESIGN.md "Interop"): documents -> Article; people -> Person; armed groups, parties,
media -> Organization; states and their bodies (police, military: entities whose parent is a
state) -> PublicBody with `country`; locations -> Address; MEMBER_OF / PART_OF -> Membership;
lasting ties (COOPERATE, SUPPORT) -> UnknownLink; every other relation -> Event (organizer =
subject, involved = object); evidence -> the link's description, sourceUrl and publisher, and a
Mention per actor mention (document, name, resolved).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from followthemoney import model, registry
from followthemoney.proxy import EntityProxy

from ..errors import ClaimgraphError
from ..gazetteer import Gazetteer, load_gazetteer
from ..model import ClaimGroup, Entity
from ..store import Store
from ..store.reviews import ReviewedGraph, load_graph

log = logging.getLogger(__name__)

ID_PREFIX = "cg"
STRUCTURAL_RELATIONS = frozenset({"MEMBER_OF", "PART_OF"})
# Relations that describe a standing tie rather than a dated event (DESIGN.md "Interop").
TIE_RELATIONS = frozenset({"COOPERATE", "SUPPORT"})
SCHEMA_BY_TYPE = {"person": "Person", "organization": "Organization", "state": "PublicBody",
                  "location": "Address", "other": "LegalEntity"}
# FtM description fields get long: at most this many evidence sentences go into one.
MAX_EVIDENCE_IN_DESCRIPTION = 10


def _make(schema: str, *parts: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = "-".join((ID_PREFIX, *parts))
    return proxy


def _country_of(entity: Entity, entities: dict[str, Entity], gazetteer: Gazetteer) -> str | None:
    """The ISO code of the state an entity is (or belongs to): from the gazetteer, else FtM's names."""
    candidates = [entity, *(entities[p] for p in entity.parents if p in entities)]
    for candidate in candidates:
        entry = gazetteer.get(candidate.gazetteer_id or "")
        if entry is not None and entry.country:
            return entry.country.lower()
    for candidate in candidates:
        if candidate.type == "state":
            # FtM's own lookup indexes every territory name on first use (seconds): the fallback
            for name in [candidate.name, *candidate.aliases]:
                code = registry.country.clean(name)
                if code:
                    return code
    return None


def _schema_of(entity: Entity, entities: dict[str, Entity]) -> str:
    if entity.type == "organization" and any(entities[p].type == "state" for p in entity.parents if p in entities):
        return "PublicBody"  # a state's police, military, ministry
    return SCHEMA_BY_TYPE.get(entity.type, "LegalEntity")


def make_actor(entity: Entity, entities: dict[str, Entity], gazetteer: Gazetteer) -> EntityProxy:
    schema = _schema_of(entity, entities)
    proxy = _make(schema, "entity", entity.id)
    if schema == "Address":
        proxy.add("full", entity.name)
        return proxy
    proxy.add("name", entity.name)
    proxy.add("alias", [a for a in entity.aliases if a != entity.name])
    if schema == "PublicBody":
        proxy.add("country", _country_of(entity, entities, gazetteer))
    return proxy


def _evidence_props(proxy: EntityProxy, group: ClaimGroup, graph: ReviewedGraph) -> None:
    sentences, urls, publishers = [], [], []
    for evidence in group.evidence[:MAX_EVIDENCE_IN_DESCRIPTION]:
        document = graph.documents.get(evidence.document_id)
        who = f" ({evidence.attributed_to})" if evidence.attributed_to else ""
        outlet = document.outlet if document and document.outlet else "unknown outlet"
        sentences.append(f"“{evidence.text}” — {outlet}{who}")
        if document is not None:
            urls.append(document.url)
            publishers.append(document.outlet)
    review = graph.review_of(group.id)
    unknown = (f", plus {group.unknown_outlet_documents} document(s) of unknown outlet (weak)"  # #12
               if group.unknown_outlet_documents else "")
    header = (f"{group.origins} independent origin(s){unknown}, {group.documents} document(s), {group.certainty}, "
              f"{group.polarity}" + (", contradicted" if group.contradicted else "")
              + (f", {review} by analyst review" if review else ""))
    proxy.add("description", "\n".join([header, *sentences]))
    proxy.add("sourceUrl", [u for u in urls if u and registry.url.clean(u)], quiet=True)
    proxy.add("publisher", [p for p in publishers if p])


def make_link(group: ClaimGroup, graph: ReviewedGraph, actors: dict[str, EntityProxy]) -> EntityProxy | None:
    """The FtM link for one claim group, or None when its ends cannot be linked in FtM."""
    subject, obj = actors.get(group.subject), actors.get(group.object)
    if subject is None or obj is None:
        return None
    label = f"{group.relation} ({group.mode})" if group.mode else group.relation
    legal = model.get("LegalEntity")
    if (group.relation in STRUCTURAL_RELATIONS and subject.schema.is_a(legal)
            and obj.schema.is_a(model.get("Organization"))):
        proxy = _make("Membership", "claim", group.id)
        proxy.add("member", subject.id)
        proxy.add("organization", obj.id)
        proxy.add("role", group.mode or group.relation.lower())
    elif group.relation in TIE_RELATIONS or not (subject.schema.is_a(legal) and obj.schema.is_a(legal)):
        proxy = _make("UnknownLink", "claim", group.id)
        proxy.add("subject", subject.id)
        proxy.add("object", obj.id)
        proxy.add("role", label)
    else:
        proxy = _make("Event", "claim", group.id)
        proxy.add("name", f"{subject.caption} {label} {obj.caption}")
        proxy.add("organizer", subject.id)
        proxy.add("involved", obj.id)
        proxy.add("summary", label)
        time = group.attributes.get("time") if isinstance(group.attributes, dict) else None
        proxy.add("date", [time, group.first_reported], quiet=True)
        place = group.attributes.get("place") if isinstance(group.attributes, dict) else None
        proxy.add("location", place, quiet=True)
    if proxy.schema.name != "Event":
        proxy.add("date", group.first_reported, quiet=True)
    _evidence_props(proxy, group, graph)
    return proxy


def iter_ftm(store: Store) -> Iterator[EntityProxy]:
    """Every FtM entity of the reviewed graph: articles, actors, links, mentions."""
    graph = load_graph(store, with_text=True)
    entities = graph.entities
    for document in graph.documents.values():
        article = _make("Article", "doc", document.id)
        article.add("title", document.title or document.source)
        article.add("author", document.authors)
        article.add("publishedAt", document.published, quiet=True)
        article.add("sourceUrl", document.url if document.url and registry.url.clean(document.url) else None)
        article.add("publisher", document.outlet)
        article.add("bodyText", document.text)
        yield article
    gazetteer = load_gazetteer()
    actors = {entity.id: make_actor(entity, entities, gazetteer) for entity in entities.values()}
    yield from actors.values()
    for group in graph.groups:
        link = make_link(group, graph, actors)
        if link is None:
            log.warning("claim %s names an unknown entity; left out of the FtM export", group.id)
            continue
        yield link
    actor_entity = store.actor_entities()
    seen = set()
    for mention in store.iter_mentions():
        entity_id = actor_entity.get((mention.document_id, mention.actor))
        actor = actors.get(entity_id or "")
        key = (mention.document_id, entity_id, mention.text)
        if actor is None or not actor.schema.is_a(model.get("LegalEntity")) or key in seen:
            continue
        seen.add(key)
        proxy = model.make_entity("Mention")
        proxy.make_id(ID_PREFIX, "mention", *key)
        proxy.add("document", f"{ID_PREFIX}-doc-{mention.document_id}")
        proxy.add("name", mention.text)
        proxy.add("resolved", actor.id)
        proxy.add("detectedSchema", actor.schema.name)
        yield proxy


def write_ftm(store: Store, out: str | Path) -> dict[str, int]:
    """Write FtM entities as JSON lines (one entity per line, Aleph's `ftm` format); counts per schema."""
    counts: dict[str, int] = {}
    try:
        with open(out, "w", encoding="utf-8") as handle:
            for proxy in iter_ftm(store):
                handle.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
                counts[proxy.schema.name] = counts.get(proxy.schema.name, 0) + 1
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the FtM export: {err}") from err
    return counts
