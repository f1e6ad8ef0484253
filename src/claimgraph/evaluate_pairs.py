"""Score a JSON export against actor-pair gold: one list of annotated pairs per story.

The gold format is `benchmarks/voa/GUIDELINES.md`'s: per story `{"id", "pairs": [{"a": [names],
"b": [names], "relation", "polarity", "certainty", ...}]}`, where `relation` may be `NONE` (a pair
that reads like a relation and is not one). Annotation is exhaustive for positives, so:

- a gold positive is *found* when a claim from that story's document links an entity matching `a`
  to one matching `b` with the same relation, in the gold direction (either way for symmetric
  relations);
- a claim is *correct* when it matches a gold positive of its story; every other claim of an
  annotated story is wrong (counted as a wrong relation, a pair the gold marks NONE, or off-gold).

Names match leniently, as a reader would: the content words of a gold name and of an entity name
or alias are the same, or one name's words are all found among the other's ("Iraqi forces" and
"Iraq", with a 4-letter prefix rule for demonyms). Words such as "the" or "of" never count.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import SYMMETRIC

STOP = frozenset("the a an of and in on for to at by with from its their his her our this that these those al el".split())
# Words that alone say nothing about which actor is meant: a name made only of them matches only itself.
GENERIC = frozenset("""forces force group groups officials official government people members member state
country authorities security military army troops""".split())


def content_words(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    return tuple(w for w in re.findall(r"[a-z0-9]+", text) if w not in STOP)


def _word_in(word: str, words: tuple[str, ...]) -> bool:
    for other in words:
        if word == other:
            return True
        short, long_ = sorted((word, other), key=len)
        if len(short) >= 4 and long_.startswith(short):
            return True
    return False


def names_match(gold_names: list[str], entity_names: list[str]) -> bool:
    """Whether an entity (its names) is the actor the gold names."""
    for gold in gold_names:
        g = content_words(gold)
        if not g:
            continue
        for name in entity_names:
            e = content_words(name)
            if not e:
                continue
            if g == e:
                return True
            # the smaller name must say something specific: "forces" alone matches no "Iraqi forces"
            small, big = (g, e) if len(g) <= len(e) else (e, g)
            if all(w in GENERIC for w in small):
                continue
            if all(_word_in(w, big) for w in small if w not in GENERIC):
                return True
    return False


@dataclass
class PairScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    wrong_relation: int = 0
    gold_none: int = 0
    off_gold: int = 0
    polarity_agrees: int = 0
    per_relation: dict[str, dict[str, int]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (f"pairs: gold {self.gold}, found {self.found} (recall {self.recall:.3f}); claims {self.predicted}, "
                f"correct {self.correct} (precision {self.precision:.3f}); F1 {self.f1:.3f}; wrong relation "
                f"{self.wrong_relation}, gold NONE {self.gold_none}, off-gold {self.off_gold}")

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "recall": round(self.recall, 4),
                "predicted": self.predicted, "correct": self.correct, "precision": round(self.precision, 4),
                "f1": round(self.f1, 4), "wrong_relation": self.wrong_relation, "gold_none": self.gold_none,
                "off_gold": self.off_gold, "polarity_agrees": self.polarity_agrees,
                "per_relation": self.per_relation}


def load_gold(paths: list[Path], story_ids: set[str] | None = None) -> dict[str, list[dict]]:
    """Story id -> annotated pairs, from annotation batches (JSONL), restricted to `story_ids`."""
    gold: dict[str, list[dict]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if story_ids is None or record["id"] in story_ids:
                    gold[record["id"]] = record["pairs"]
    return gold


def story_id_of(document: dict) -> str | None:
    """VOA story id from a document's URL (`.../<id>.html`)."""
    match = re.search(r"/(\d+)\.html?$", document.get("url") or "")
    return match.group(1) if match else None


def _pair_matches(pair: dict, subject: list[str], obj: list[str], relation: str | None) -> bool:
    if relation is not None and pair["relation"] != relation:
        return False
    if names_match(pair["a"], subject) and names_match(pair["b"], obj):
        return True
    symmetric = pair["relation"] in SYMMETRIC or pair["relation"] == "NONE"
    return symmetric and names_match(pair["b"], subject) and names_match(pair["a"], obj)


def score_pairs(gold: dict[str, list[dict]], export: dict) -> PairScore:
    entities = {e["id"]: [e["name"], *(e.get("aliases") or [])] for e in export.get("entities", [])}
    story_of = {d["id"]: story_id_of(d) for d in export.get("documents", [])}
    claims: dict[str, set[tuple[str, str, str, str]]] = {}
    for claim in export.get("claims", []):
        for evidence in claim.get("evidence", []):
            story = story_of.get(evidence.get("document"))
            if story in gold:
                claims.setdefault(story, set()).add(
                    (claim["subject"], claim["relation"], claim["object"], evidence.get("polarity", "affirmed")))
    score = PairScore()
    per = score.per_relation

    def bump(relation: str, key: str) -> None:
        per.setdefault(relation, {"gold": 0, "found": 0, "predicted": 0, "correct": 0})[key] += 1

    for story, pairs in sorted(gold.items()):
        positives = [p for p in pairs if p["relation"] != "NONE"]
        seen_positive: set[tuple] = set()
        for pair in positives:
            key = (tuple(pair["a"]), pair["relation"], tuple(pair["b"]))
            if key in seen_positive:
                continue
            seen_positive.add(key)
            score.gold += 1
            bump(pair["relation"], "gold")
            hit = [c for c in claims.get(story, ()) if _pair_matches(pair, entities.get(c[0], []),
                                                                     entities.get(c[2], []), c[1])]
            if hit:
                score.found += 1
                bump(pair["relation"], "found")
                if any(c[3] == pair.get("polarity", "affirmed") for c in hit):
                    score.polarity_agrees += 1
            else:
                score.missed.append(f"{story}: {pair['a'][0]} {pair['relation']} {pair['b'][0]}")
        for subject, relation, obj, _ in sorted(claims.get(story, ())):
            s, o = entities.get(subject, []), entities.get(obj, [])
            score.predicted += 1
            bump(relation, "predicted")
            if any(_pair_matches(p, s, o, relation) for p in positives):
                score.correct += 1
                bump(relation, "correct")
                continue
            described = f"{story}: {s[:1]} {relation} {o[:1]}"
            if any(_pair_matches(p, s, o, None) for p in positives):
                score.wrong_relation += 1
                score.wrong.append(described + " (wrong relation or direction)")
            elif any(_pair_matches(p, s, o, "NONE") for p in pairs):
                score.gold_none += 1
                score.wrong.append(described + " (gold: no relation)")
            else:
                score.off_gold += 1
                score.wrong.append(described + " (off-gold)")
    return score


def relation_table(score: PairScore) -> str:
    """A Markdown table of recall and precision per relation."""
    rows = ["| relation | gold | found | recall | claims | correct | precision |", "|---|---|---|---|---|---|---|"]
    for relation, n in sorted(score.per_relation.items()):
        recall = f"{n['found'] / n['gold']:.2f}" if n["gold"] else "–"
        precision = f"{n['correct'] / n['predicted']:.2f}" if n["predicted"] else "–"
        rows.append(f"| {relation} | {n['gold']} | {n['found']} | {recall} | {n['predicted']} | {n['correct']} | "
                    f"{precision} |")
    return "\n".join(rows)


def relation_counts(gold: dict[str, list[dict]]) -> Counter:
    return Counter(p["relation"] for pairs in gold.values() for p in pairs)
