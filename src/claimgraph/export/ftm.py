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

from ..claimtime import ClaimTime, claim_time, single_date
from ..errors import ClaimgraphError
from ..gazetteer import Gazetteer, load_gazetteer
from ..model import ClaimGroup, Entity
from ..relations import load_ontology
from ..store import Store
from ..store.reviews import ReviewedGraph, load_graph
from .ftm_ids import ID_PREFIX, ftm_id

log = logging.getLogger(__name__)

# Ties of belonging (`tie: membership` in data/relations.yaml): a Membership.
STRUCTURAL_RELATIONS = load_ontology().membership
# Relations that describe a standing tie rather than a dated event (`tie: standing`; DESIGN.md "Interop").
TIE_RELATIONS = load_ontology().names(tie="standing")
SCHEMA_BY_TYPE = {"person": "Person", "organization": "Organization", "state": "PublicBody",
                  "location": "Address", "other": "LegalEntity"}
# FtM description fields get long: at most this many evidence sentences go into one.
MAX_EVIDENCE_IN_DESCRIPTION = 10


def _make(schema: str, kind: str, raw_id: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(kind, raw_id)
    return proxy


def _add_reference(proxy: EntityProxy, prop: str, target: EntityProxy) -> None:
    """Set an entity reference, failing loudly: FtM's `add` drops a value it rejects without a word."""
    proxy.add(prop, target.id)
    if target.id not in proxy.get(prop):
        raise ClaimgraphError(f"FollowTheMoney rejected {proxy.schema.name}.{prop} = {target.id!r} "
                              f"({target.schema.name}) on {proxy.id}")


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
    proxy.add("description", "\n".join([header, _describe_time(claim_time(group)), *sentences]))
    proxy.add("sourceUrl", [u for u in urls if u and registry.url.clean(u)], quiet=True)
    proxy.add("publisher", [p for p in publishers if p])


def _describe_time(time: ClaimTime) -> str:
    """The description line that says which date the link carries and where it comes from."""
    if time.basis == "event":
        said = f"“{time.text}”, " if time.text else ""
        return f"event time: {said}{time.start}" + (f" to {time.end}" if time.end != time.start else "")
    if time.basis == "report":
        return f"no event time in the text; reported {time.start}" + (
            f" to {time.end}" if time.end != time.start else "")
    return "undated: no event time in the text and no dated report"


def _add_time(proxy: EntityProxy, group: ClaimGroup) -> None:
    """date, startDate, endDate: the extracted event time. Without one, `date` is the first report
    (it happened by then) and there is no start or end: reporting days are not the event's span."""
    time = claim_time(group)
    if time.basis == "event":
        proxy.add("date", single_date(time), quiet=True)
        proxy.add("startDate", time.start, quiet=True)
        if time.end != time.start:
            proxy.add("endDate", time.end, quiet=True)
    elif time.basis == "report":
        proxy.add("date", time.start, quiet=True)


def make_link(group: ClaimGroup, graph: ReviewedGraph, actors: dict[str, EntityProxy]) -> EntityProxy | None:
    """The FtM link for one claim group, or None when its ends are not entities of the export."""
    subject, obj = actors.get(group.subject), actors.get(group.object)
    if subject is None or obj is None:
        return None
    label = f"{group.relation} ({group.mode})" if group.mode else group.relation
    legal = model.get("LegalEntity")
    if (group.relation in STRUCTURAL_RELATIONS and subject.schema.is_a(legal)
            and obj.schema.is_a(model.get("Organization"))):
        proxy = _make("Membership", "claim", group.id)
        _add_reference(proxy, "member", subject)
        _add_reference(proxy, "organization", obj)
        proxy.add("role", group.mode or group.relation.lower())
    elif group.relation in TIE_RELATIONS or not (subject.schema.is_a(legal) and obj.schema.is_a(legal)):
        proxy = _make("UnknownLink", "claim", group.id)
        _add_reference(proxy, "subject", subject)
        _add_reference(proxy, "object", obj)
        proxy.add("role", label)
    else:
        proxy = _make("Event", "claim", group.id)
        proxy.add("name", f"{subject.caption} {label} {obj.caption}")
        _add_reference(proxy, "organizer", subject)
        _add_reference(proxy, "involved", obj)
        proxy.add("summary", label)
        place = group.attributes.get("place") if isinstance(group.attributes, dict) else None
        proxy.add("location", place, quiet=True)
    _add_time(proxy, group)
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
        # one Mention per name as FtM stores it (whitespace collapsed): two spans that differ only
        # in whitespace would otherwise get one id twice
        key = (mention.document_id, entity_id, " ".join(mention.text.split()))
        if actor is None or not actor.schema.is_a(model.get("LegalEntity")) or key in seen:
            continue
        seen.add(key)
        proxy = model.make_entity("Mention")
        proxy.make_id(ID_PREFIX, "mention", *key)
        proxy.add("document", ftm_id("doc", mention.document_id))
        proxy.add("name", key[2])
        _add_reference(proxy, "resolved", actor)
        proxy.add("detectedSchema", actor.schema.name)
        yield proxy


def write_ftm(store: Store, out: str | Path) -> dict[str, int]:
    """Write FtM entities as JSON lines (one entity per line, Aleph's `ftm` format); counts per schema."""
    counts: dict[str, int] = {}
    # (the CLI writes through export.output.write_export: to a temporary file, checked, then moved)
    try:
        with open(out, "w", encoding="utf-8") as handle:
            for proxy in iter_ftm(store):
                handle.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
                counts[proxy.schema.name] = counts.get(proxy.schema.name, 0) + 1
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the FtM export: {err}") from err
    return counts
