"""What the entity, claim and sources pages (and their API twins) show, as plain dicts."""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..model import ClaimGroup, Document, Entity, Evidence, Mention
from ..relations import load_ontology
from ..store.reviews import ReviewedGraph
from .eventtime import When, sort_key, when_of
from .graphdata import edge_label
from .highlight import find_marks, split_pieces

log = logging.getLogger(__name__)

# Links are only made for these schemes; anything else (javascript:, data:) is shown as text.
SAFE_SCHEMES = ("http", "https")
# Structural relations are ties, not events: left out of an entity's timeline.
# Ties of belonging (`tie: membership` in data/relations.yaml): lasting, so kept off the timeline.
STRUCTURAL_RELATIONS = load_ontology().membership
# How many hits of each kind a search returns.
SEARCH_LIMIT = 50


def get_safe_url(url: str | None) -> str | None:
    """`url` when it is a plain web link, else None (so it is never rendered as a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_SCHEMES else None


def summarize_entity_ref(entity: Entity | None, entity_id: str) -> dict[str, Any]:
    if entity is None:
        return dict(id=entity_id, name=entity_id, type="other")
    return dict(id=entity.id, name=entity.name, type=entity.type)


def summarize_document(document: Document | None, document_id: str) -> dict[str, Any]:
    if document is None:
        return dict(id=document_id, title=None, outlet=None, published=None, url=None, source=None,
                    duplicate_of=None)
    return dict(id=document.id, title=document.title, outlet=document.outlet, published=document.published,
                url=get_safe_url(document.url), raw_url=document.url, source=document.source,
                authors=document.authors, duplicate_of=document.duplicate_of)


def summarize_group(graph: ReviewedGraph, group: ClaimGroup) -> dict[str, Any]:
    """A claim group's headline (no evidence): for lists, edges and the API."""
    return dict(
        id=group.id, subject=summarize_entity_ref(graph.entities.get(group.subject), group.subject),
        object=summarize_entity_ref(graph.entities.get(group.object), group.object),
        relation=group.relation, mode=group.mode, label=edge_label(group), polarity=group.polarity,
        certainty=group.certainty, documents=group.documents, outlets=group.outlets,
        origins=group.origins, unknown_outlet_documents=group.unknown_outlet_documents,
        first_reported=group.first_reported, last_reported=group.last_reported,
        contradicted=group.contradicted, review=graph.review_of(group.id), attributes=group.attributes,
        time=group.attributes.get("time") if isinstance(group.attributes, dict) else None,
        # event time, else first report (marked), else undated: what pages print and sort by
        when=when_of(group).to_dict(),
    )


def _chain(evidence: Evidence, document: Document | None, documents: dict[str, Document]) -> list[str]:
    """Who said it, who published it, and whose report a copy repeats."""
    chain = [evidence.attributed_to] if evidence.attributed_to else []
    if document is not None:
        chain.append(document.outlet or document.source)
        original = documents.get(document.duplicate_of or "")
        if original is not None:
            chain.append(f"copy of {original.outlet or original.source}")
    return chain


def evidence_anchor(group_id: str, index: int) -> str:
    """The id of an evidence span on its document page (/documents/ID#ANCHOR)."""
    return f"ev-{group_id}-{index}"


def index_mentions(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Mentions by document id (highlighting looks only at the evidence's own document)."""
    by_document: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_document[mention.document_id].append(mention)
    return by_document


def summarize_evidence(graph: ReviewedGraph, group: ClaimGroup, index: int, evidence: Evidence, *,
                       mentions: dict[str, list[Mention]],
                       actor_entity: dict[tuple[str, str], str]) -> dict[str, Any]:
    document = graph.documents.get(evidence.document_id)
    marks = find_marks(evidence, subject=graph.entities.get(group.subject), obj=graph.entities.get(group.object),
                       mentions=mentions.get(evidence.document_id, []), actor_entity=actor_entity)
    origins = [o.name for o in group.origin_list if index in o.evidence]
    return dict(
        anchor=evidence_anchor(group.id, index),  # where the document page highlights this sentence
        index=index, document=summarize_document(document, evidence.document_id), text=evidence.text,
        start=evidence.start, end=evidence.end, pieces=[p.to_dict() for p in split_pieces(evidence.text, marks)],
        attributed_to=evidence.attributed_to, attribution_kind=evidence.attribution_kind,
        certainty=evidence.certainty, polarity=evidence.polarity,
        cues=[dict(kind=c.kind, text=c.text) for c in evidence.cues],
        chain=_chain(evidence, document, graph.documents), origin=origins[0] if origins else None,
        provenance=evidence.provenance,
    )


def _find_group(graph: ReviewedGraph, group_id: str) -> ClaimGroup | None:
    for group in graph.groups + graph.rejected:
        if group.id == group_id:
            return group
    return None


def summarize_claim(graph: ReviewedGraph, group_id: str, *, mentions: dict[str, list[Mention]],
                    actor_entity: dict[tuple[str, str], str]) -> dict[str, Any] | None:
    """Everything the claim page shows, or None when no such claim group exists.

    Args:
        graph: the reviewed graph.
        group_id: the claim group id.
        mentions: mentions by document id (`index_mentions`), at least of the evidence documents.
        actor_entity: (document id, local actor) -> entity id.
    """
    group = _find_group(graph, group_id)
    if group is None:
        return None
    return summarize_group_evidence(graph, group, mentions=mentions, actor_entity=actor_entity)


def summarize_group_evidence(graph: ReviewedGraph, group: ClaimGroup, *, mentions: dict[str, list[Mention]],
                             actor_entity: dict[tuple[str, str], str]) -> dict[str, Any]:
    """A claim group with its evidence cut into highlighted pieces, origins and related claims."""
    summary = summarize_group(graph, group)
    evidence = [summarize_evidence(graph, group, i, e, mentions=mentions, actor_entity=actor_entity)
                for i, e in enumerate(group.evidence)]
    summary["evidence"] = evidence
    summary["affirmed"] = [e for e in evidence if e["polarity"] != "negated"]
    summary["negated"] = [e for e in evidence if e["polarity"] == "negated"]
    summary["origin_list"] = [dict(key=o.key, name=o.name, kind=o.kind, documents=len(o.documents))
                              for o in group.origin_list]
    summary["attribution_chains"] = group.attribution_chains
    # claims about the same pair and relation that say otherwise (another mode or polarity)
    summary["related"] = [summarize_group(graph, g) for g in graph.groups_of(group.subject)
                          if g.id != group.id and g.relation == group.relation
                          and {g.subject, g.object} == {group.subject, group.object}]
    return summary


def when_of_summary(summary: dict[str, Any]) -> When:
    """The When a summarize_group dict carries."""
    return When(**summary["when"])


def summarize_entity(graph: ReviewedGraph, entity_id: str) -> dict[str, Any] | None:
    """Everything the entity page shows, or None when no such entity exists."""
    entity = graph.entities.get(entity_id)
    if entity is None:
        return None
    outgoing: dict[str, list] = defaultdict(list)
    incoming: dict[str, list] = defaultdict(list)
    timeline = []
    for group in graph.groups_of(entity_id):
        summary = summarize_group(graph, group)
        if group.subject == entity_id:
            outgoing[group.relation].append(summary)
        if group.object == entity_id:
            incoming[group.relation].append(summary)
        if group.relation not in STRUCTURAL_RELATIONS:
            timeline.append(summary)
    timeline.sort(key=lambda s: (sort_key(when_of_summary(s)), s["label"]))
    children = [summarize_entity_ref(e, e.id) for e in graph.entities.values() if entity_id in e.parents]
    return dict(
        id=entity.id, name=entity.name, type=entity.type, aliases=entity.aliases, mentions=entity.mentions,
        gazetteer_id=entity.gazetteer_id, merge_reasons=entity.merge_reasons,
        parents=[summarize_entity_ref(graph.entities.get(p), p) for p in entity.parents],
        children=sorted(children, key=lambda c: c["name"]),
        outgoing=dict(sorted(outgoing.items())), incoming=dict(sorted(incoming.items())), timeline=timeline,
    )


def _node_key(name: str) -> str:
    return " ".join(name.casefold().split())


def build_origin_graph(graph: ReviewedGraph) -> dict[str, Any]:
    """Who cites whom: outlets citing named sources or other outlets, copies pointing at originals.

    Returns nodes, edges and the cycles (circular reporting) among them.
    """
    citations = nx.DiGraph()
    names: dict[str, str] = {}
    outlets = set()

    def add_node(name: str, *, outlet: bool = False) -> str:
        key = _node_key(name)
        names.setdefault(key, name)
        citations.add_node(key)
        if outlet:
            outlets.add(key)
        return key

    for document in graph.documents.values():
        if document.outlet:
            add_node(document.outlet, outlet=True)
    for document in graph.documents.values():
        original = graph.documents.get(document.duplicate_of or "")
        if original is not None and document.outlet and original.outlet:
            a, b = add_node(document.outlet), add_node(original.outlet)
            if a != b:
                citations.add_edge(a, b, kind="copies", claims=0)
    def add_citation(citer: str, cited: str) -> None:
        a, b = add_node(citer), add_node(cited)
        if a != b:
            data = citations.get_edge_data(a, b) or dict(kind="cites", claims=0)
            citations.add_edge(a, b, kind=data["kind"], claims=data["claims"] + 1)

    for group in graph.groups:
        # corroboration's chains (speaker -> outlet -> republishers) know publishers best ...
        pairs = {(chain[i + 1], chain[i]) for chain in group.attribution_chains for i in range(len(chain) - 1)}
        if not group.attribution_chains:  # ... else: the outlet of each attributed sentence
            for evidence in group.evidence:
                document = graph.documents.get(evidence.document_id)
                if evidence.attributed_to and document is not None and document.outlet:
                    pairs.add((document.outlet, evidence.attributed_to))
        for citer, cited in sorted(pairs):
            add_citation(citer, cited)
    cycles = [[names[k] for k in cycle] for cycle in nx.simple_cycles(citations) if len(cycle) > 1]
    return dict(
        # a name that cites someone is a publisher, whether or not a document names it as outlet
        nodes=[dict(id=k, label=names[k], kind="outlet" if k in outlets or citations.out_degree(k) else "source",
                    degree=citations.in_degree(k)) for k in sorted(citations.nodes)],
        edges=[dict(source=a, target=b, source_name=names[a], target_name=names[b], kind=d["kind"],
                    claims=d["claims"]) for a, b, d in sorted(citations.edges(data=True))],
        cycles=cycles,
    )


def summarize_sources(graph: ReviewedGraph) -> dict[str, Any]:
    """Documents, outlets, duplicates and the origin graph for the sources page."""
    claims_per_document: Counter = Counter()
    for group in graph.groups:
        for evidence in group.evidence:
            claims_per_document[evidence.document_id] += 1
    documents = sorted((summarize_document(d, d.id) | {"claims": claims_per_document[d.id]}
                        for d in graph.documents.values()),
                       key=lambda d: (d["published"] or "", d["outlet"] or "", d["id"]))
    outlets: dict[str, dict[str, Any]] = {}
    for document in documents:
        name = document["outlet"] or "(unknown outlet)"
        row = outlets.setdefault(name, dict(name=name, documents=0, duplicates=0, claims=0))
        row["documents"] += 1
        row["duplicates"] += 1 if document["duplicate_of"] else 0
        row["claims"] += document["claims"]
    by_id = {d["id"]: d for d in documents}
    duplicates = [dict(duplicate=d, original=by_id.get(d["duplicate_of"]) or dict(id=d["duplicate_of"], title=None))
                  for d in documents if d["duplicate_of"]]
    return dict(documents=documents, outlets=sorted(outlets.values(), key=lambda o: (-o["documents"], o["name"])),
                duplicates=duplicates, origin_graph=build_origin_graph(graph))


def search_graph(graph: ReviewedGraph, query: str) -> dict[str, list[dict[str, Any]]]:
    """Entities by name or alias, claims by evidence text, documents by title or outlet (case-insensitive)."""
    needle = " ".join(query.casefold().split())
    if not needle:
        return dict(entities=[], claims=[], documents=[])
    entities = [summarize_entity_ref(e, e.id) | {"aliases": e.aliases} for e in graph.entities.values()
                if any(needle in n.casefold() for n in [e.name, *e.aliases])]
    claims = [summarize_group(graph, g) for g in graph.groups
              if any(needle in e.text.casefold() for e in g.evidence)
              or needle in edge_label(g).casefold()]
    documents = [summarize_document(d, d.id) for d in graph.documents.values()
                 if needle in (d.title or "").casefold() or needle in (d.outlet or "").casefold()]
    return dict(entities=entities[:SEARCH_LIMIT], claims=claims[:SEARCH_LIMIT], documents=documents[:SEARCH_LIMIT])
