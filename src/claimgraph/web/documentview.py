"""The reading view: one document's full text with every evidence span highlighted, and an outlet's page."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import ClaimGroup, Document
from ..store.reviews import ReviewedGraph
from .summaries import evidence_anchor, summarize_document, summarize_group


@dataclass
class TextPiece:
    """A run of the document text; `claims` are the claim groups whose evidence covers all of it."""

    start: int
    end: int
    text: str
    claims: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # evidence anchors that start here

    def to_dict(self) -> dict[str, Any]:
        return dict(start=self.start, end=self.end, text=self.text, claims=self.claims, anchors=self.anchors)


def cut_text(text: str, spans: list[tuple[int, int, str, str]]) -> list[TextPiece]:
    """The text cut at every span boundary: (start, end, group id, anchor) spans may overlap or nest.

    Each piece lists the groups whose spans cover it, so overlapping evidence (one sentence, three
    claims) is one highlighted run naming all three.
    """
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[str]] = defaultdict(list)
    for start, _end, _group, anchor in spans:
        starts[start].append(anchor)
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = sorted({group for s, e, group, _ in spans if s <= a and b <= e})
        pieces.append(TextPiece(a, b, text[a:b], covering, starts.get(a, [])))
    return pieces


def _groups_citing(graph: ReviewedGraph, document_id: str) -> list[ClaimGroup]:
    seen, out = set(), []
    for group in graph.groups + graph.rejected:
        if group.id not in seen and any(e.document_id == document_id for e in group.evidence):
            seen.add(group.id)
            out.append(group)
    return out


def summarize_document_page(graph: ReviewedGraph, document: Document) -> dict[str, Any]:
    """The document with its text cut into highlighted pieces and the claims it produced."""
    groups = _groups_citing(graph, document.id)
    spans, ungrounded = [], []
    for group in groups:
        for index, evidence in enumerate(group.evidence):
            if evidence.document_id != document.id:
                continue
            if document.text[evidence.start:evidence.end] != evidence.text:
                ungrounded.append(evidence_anchor(group.id, index))  # never expected: the store's invariant
                continue
            spans.append((evidence.start, evidence.end, group.id, evidence_anchor(group.id, index)))
    claims = sorted((summarize_group(graph, g) for g in groups), key=lambda c: (-c["origins"], c["label"]))
    return dict(document=summarize_document(document, document.id), pieces=[p.to_dict() for p in cut_text(document.text, spans)],
                claims=claims, spans=len(spans), ungrounded=ungrounded,
                duplicate_of=summarize_document(graph.documents.get(document.duplicate_of), document.duplicate_of)
                if document.duplicate_of else None)


def outlet_name(document: Document | dict) -> str:
    """The outlet a document counts under (the sources page's "(unknown outlet)" for none)."""
    name = document.outlet if isinstance(document, Document) else document.get("outlet")
    return name or "(unknown outlet)"


def summarize_outlet(graph: ReviewedGraph, name: str) -> dict[str, Any] | None:
    """An outlet's documents, the claims its articles support and those it is an origin of."""
    documents = [d for d in graph.documents.values() if outlet_name(d) == name]
    if not documents:
        return None
    ids = {d.id for d in documents}
    supported = [g for g in graph.groups if any(e.document_id in ids for e in g.evidence)]
    origin = [g for g in supported if any(o.key == f"outlet:{name}" or o.name == name for o in g.origin_list)]
    sole = [g for g in supported if g.origins == 1 and g in origin]
    rows = sorted((summarize_document(d, d.id) for d in documents),
                  key=lambda d: (d["published"] or "", d["title"] or ""), reverse=True)
    return dict(name=name, documents=rows, copies=sum(1 for d in documents if d.duplicate_of),
                claims=sorted((summarize_group(graph, g) for g in supported), key=lambda c: (-c["origins"], c["label"])),
                origin_of=len(origin), sole_origin_of=len(sole))
