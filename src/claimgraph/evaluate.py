"""Score a JSON export against gold claims, with the rules of the shared evaluation (docs/extraction.md).

Entities are matched to gold by normalized alias (or a multi-word alias contained in a name); relations
are matched at the level of gold entities, strictly (same entities) or leniently (a parent or child of
the gold entity counts). Symmetric relations match in either direction. Evidence must be a verbatim
(NFKC, whitespace-collapsed) substring of its source file.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .relations import load_ontology

# Relations that match in either direction (`symmetric` in data/relations.yaml).
SYMMETRIC = load_ontology().symmetric


def normalize(text: str | None) -> str:
    """Alias key: ASCII, lowercase, no possessive, punctuation to spaces, no leading article."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"'s\b|'\b", "", text.replace("\u2019", "'"))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def flatten(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


class GoldIndex:
    """Gold entities, their alias keys and hierarchy."""

    def __init__(self, gold: dict):
        self.names = [e["name"] for e in gold["entities"]]
        self.keys: dict[str, set[str]] = {}
        for entity in gold["entities"]:
            for alias in [entity["name"], *entity.get("aliases", [])]:
                self.keys.setdefault(normalize(alias), set()).add(entity["name"])
        self.parents = {e["name"]: list(e.get("parents", [])) for e in gold["entities"]}

    def family(self, name: str) -> set[str]:
        """The entity, its ancestors and its descendants."""
        up, todo = {name}, [name]
        while todo:
            for parent in self.parents.get(todo.pop(), []):
                if parent not in up:
                    up.add(parent)
                    todo.append(parent)
        down, todo = set(), [name]
        while todo:
            current = todo.pop()
            for child, parents in self.parents.items():
                if current in parents and child not in down:
                    down.add(child)
                    todo.append(child)
        return up | down

    def match(self, entity: dict) -> tuple[str | None, set[str]]:
        votes: dict[str, int] = {}
        exact: set[str] = set()
        for alias in [entity.get("name", ""), *(entity.get("aliases") or [])]:
            key = normalize(alias)
            if not key:
                continue
            for name in self.keys.get(key, ()):
                votes[name] = votes.get(name, 0) + 2
                exact.add(name)
            if len(key.split()) >= 2 or len(key) >= 6:
                padded = f" {key} "
                for gold_key, names in self.keys.items():
                    if gold_key == key:
                        continue
                    if (len(gold_key.split()) >= 2 and f" {gold_key} " in padded) or (
                            len(key.split()) >= 2 and padded in f" {gold_key} "):
                        for name in names:
                            votes[name] = votes.get(name, 0) + 1
        if not votes:
            return None, exact
        best = max(votes.values())
        tied = {name for name, count in votes.items() if count == best}
        for name in sorted(tied):  # a child beats its parent
            if not any(name in self.parents.get(other, []) for other in tied if other != name):
                return name, exact
        return sorted(tied)[0], exact


def _relation_matches(gold_rel: dict, subject, obj, relation, mode, index: GoldIndex, lenient: bool) -> bool:
    allowed = gold_rel["relation"] if isinstance(gold_rel["relation"], list) else [gold_rel["relation"]]
    if relation not in allowed or (gold_rel.get("mode") and (mode or "") != gold_rel["mode"]):
        return False

    def same(found, wanted):
        return found is not None and (found == wanted or (lenient and found in index.family(wanted)))

    if same(subject, gold_rel["subject"]) and same(obj, gold_rel["object"]):
        return True
    return (relation in SYMMETRIC or gold_rel.get("symmetric")) and same(subject, gold_rel["object"]) \
        and same(obj, gold_rel["subject"])


@dataclass
class RelationScore:
    recall: float
    core_recall: float
    precision: float
    f1: float
    claims: int
    wrong: int
    off_gold: int
    missed: list[str] = field(default_factory=list)
    per_relation: dict[str, dict[str, float]] = field(default_factory=dict)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _describe(rel: dict) -> str:
    relation = "|".join(rel["relation"]) if isinstance(rel["relation"], list) else rel["relation"]
    return f"{rel['subject']} {relation}{'/' + rel['mode'] if rel.get('mode') else ''} {rel['object']}"


def score_relations(gold: dict, export: dict, index: GoldIndex, mapping: dict, *, lenient: bool) -> RelationScore:
    relations = gold["relations"]
    found = [False] * len(relations)
    right = wrong = off = 0
    per: dict[str, list[int]] = {}  # relation -> [gold, found, predicted, right predicted]
    for rel in relations:
        for name in (rel["relation"] if isinstance(rel["relation"], list) else [rel["relation"]]):
            per.setdefault(name, [0, 0, 0, 0])[0] += 1
    for claim in export.get("claims", []):
        subject, obj = mapping.get(claim.get("subject")), mapping.get(claim.get("object"))
        hit = False
        for i, rel in enumerate(relations):
            if _relation_matches(rel, subject, obj, claim.get("relation"), claim.get("mode"), index, lenient):
                found[i] = hit = True
        counts = per.setdefault(claim.get("relation") or "?", [0, 0, 0, 0])
        if hit:
            right += 1
            counts[2] += 1
            counts[3] += 1
        elif subject and obj:
            wrong += 1
            counts[2] += 1
        else:
            off += 1
    for i, rel in enumerate(relations):
        if found[i]:
            for name in (rel["relation"] if isinstance(rel["relation"], list) else [rel["relation"]]):
                per[name][1] += 1
    core = [i for i, rel in enumerate(relations) if rel.get("core")]
    recall = sum(found) / max(1, len(relations))
    precision = right / max(1, right + wrong)
    return RelationScore(
        recall=recall, core_recall=sum(found[i] for i in core) / max(1, len(core)), precision=precision,
        f1=_f1(precision, recall), claims=len(export.get("claims", [])), wrong=wrong, off_gold=off,
        missed=[_describe(rel) for i, rel in enumerate(relations) if not found[i]],
        per_relation={name: {"gold": c[0], "recall": c[1] / c[0] if c[0] else 0.0,
                             "predicted": c[2], "precision": c[3] / c[2] if c[2] else 0.0}
                      for name, c in sorted(per.items())})


def score_export(gold: dict, export: dict, corpus: str | Path | None = None) -> dict[str, Any]:
    """Entities, relations (strict and lenient, per relation), grounding and attribution of an export."""
    index = GoldIndex(gold)
    mapping: dict[str, str | None] = {}
    hits: dict[str, list[str]] = {}
    for entity in export.get("entities", []):
        name, _ = index.match(entity)
        mapping[entity["id"]] = name
        if name:
            hits.setdefault(name, []).append(entity["id"])
    result: dict[str, Any] = {
        "entities": {"recall": len(hits) / max(1, len(index.names)), "gold": len(index.names),
                     "predicted": len(export.get("entities", [])),
                     "missing": sorted(set(index.names) - set(hits))},
        "strict": score_relations(gold, export, index, mapping, lenient=False),
        "lenient": score_relations(gold, export, index, mapping, lenient=True),
    }
    texts: dict[str, str] = {}
    if corpus:
        for name in os.listdir(corpus):
            path = os.path.join(corpus, name)
            if os.path.isfile(path):
                texts[name] = flatten(Path(path).read_text(encoding="utf-8", errors="replace"))
    sources = {d["id"]: os.path.basename(str(d.get("source", ""))) for d in export.get("documents", [])}
    checks = gold.get("attribution_checks", [])
    attributed = [False] * len(checks)
    total = grounded = boilerplate = 0
    for claim in export.get("claims", []):
        for evidence in claim.get("evidence", []):
            total += 1
            text = flatten(evidence.get("text"))
            source = sources.get(evidence.get("document"), "")
            grounded += bool(text and texts.get(source) and text in texts[source])
            boilerplate += any(b.lower() in text.lower() for b in gold.get("boilerplate_not_content", []))
            for i, check in enumerate(checks):
                if source != check["document"] or normalize(check["sentence_contains"]) not in normalize(text):
                    continue
                said = evidence.get("attributed_to") or ""
                said = said.get("name", "") if isinstance(said, dict) else str(said)
                wanted = check["attributed_to"] if isinstance(check["attributed_to"], list) else [check["attributed_to"]]
                matched, _ = index.match({"name": said})
                if matched in wanted or any(said and (normalize(said) == normalize(w) or normalize(w) in normalize(said))
                                            for w in wanted):
                    attributed[i] = True
    result["evidence"] = {"total": total, "grounded": grounded if texts else None, "boilerplate": boilerplate}
    result["attribution"] = {"checked": len(checks), "right": sum(attributed)}
    return result


def build_and_export(sources: list[str], *, db: str | None = None, settings=None) -> dict[str, Any]:
    """Build `sources` into `db` (a temporary database when None) and return its JSON export."""
    from .export import build_export
    from .pipeline import build
    from .store import Store

    with tempfile.TemporaryDirectory(prefix="claimgraph-eval-") as folder:
        target = db or os.path.join(folder, "eval.db")
        build([str(source) for source in sources], target, settings=settings)
        store = Store(target)
        try:
            return build_export(store)
        finally:
            close = getattr(store, "close", None)
            if close:
                close()


def evaluate(gold_path: str | Path, corpus: str | Path, *, db: str | None = None, settings=None) -> dict[str, Any]:
    """Build `corpus` into a temporary database, export it as JSON and score it against the gold file."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    export = build_and_export([str(corpus)], db=db, settings=settings)
    return score_export(gold, export, corpus)
