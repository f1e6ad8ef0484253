"""The learned relation decision: a relation, a direction or none for each candidate actor pair.

A linear model over the sparse features of `pairs.PairFeaturizer` (binary features, so a pair's
total for a relation is a sum of weights): a softmax over the relations and "no relation" (`kind:
softmax`), or one logistic head per relation (`kind: logistic`, the first shipped model). The weights and each relation's threshold (set for
precision on the training split) are a JSON data file, `data/models/relation_model.json`, written by `benchmarks/voa/train_relations.py`
from the annotated VOA training stories; no pickle, no download.
"""
from __future__ import annotations

import json
from itertools import repeat
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy

from ..errors import DataFileError

MODEL_FILE = ("data", "models", "relation_model.json")


@dataclass(frozen=True)
class RelationHead:
    relation: str
    bias: float
    weights: dict[str, float]
    threshold: float  # a pair scoring this or more gets the relation, with no rule needed


class RelationModel:
    """Every head's score of many pairs at once: a weight matrix (feature x class), a pair's
    totals the sum of its features' rows. `heads` are the relations; a softmax model's "no
    relation" class (`none`) only takes its share of the probability."""

    def __init__(self, name: str, heads: dict[str, RelationHead], none: RelationHead | None = None):
        self.name = name
        self.heads = heads
        self.relations = list(heads)
        self.column = {relation: column for column, relation in enumerate(self.relations)}
        self.softmax = none is not None
        columns = {**heads, **({none.relation: none} if none is not None else {})}
        self._biases = numpy.array([h.bias for h in columns.values()])
        self.thresholds = numpy.array([heads[r].threshold for r in self.relations])
        features = sorted({f for head in columns.values() for f in head.weights})
        self._index = {feature: row for row, feature in enumerate(features)}
        self._weights = numpy.zeros((len(features) + 1, len(columns)))  # last row: unknown features
        for column, head in enumerate(columns.values()):
            for feature, weight in head.weights.items():
                self._weights[self._index[feature], column] = weight

    def scores(self, features: list[str]) -> dict[str, float]:
        return dict(zip(self.relations, self.probabilities([features])[0].tolist()))

    def probabilities(self, pairs: list[list[str]]) -> numpy.ndarray:
        """One row per pair, one column per relation (`self.relations`); "no relation" left out."""
        if not pairs:
            return numpy.zeros((0, len(self.relations)))
        unknown = len(self._index)
        index = self._index.get
        rows, starts = [], []
        for features in pairs:
            starts.append(len(rows))
            rows.extend(map(index, set(features), repeat(unknown)))
            rows.append(unknown)  # no pair is empty for reduceat
        totals = numpy.add.reduceat(self._weights[rows], starts, axis=0) + self._biases
        if self.softmax:
            exp = numpy.exp(totals - totals.max(axis=1, keepdims=True))
            return (exp / exp.sum(axis=1, keepdims=True))[:, :len(self.relations)]
        return 1.0 / (1.0 + numpy.exp(-numpy.clip(totals, -30.0, 30.0)))


@lru_cache(maxsize=1)
def load_relation_model() -> RelationModel | None:
    """The shipped model, or None when the package has none (rules alone then decide)."""
    path = resources.files("claimgraph").joinpath(*MODEL_FILE)
    if not path.is_file():
        return None
    where = "/".join(MODEL_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        none = data.get("none") if data.get("kind") == "softmax" else None
        heads = {relation: RelationHead(relation=relation, bias=float(head["bias"]),
                                        weights={k: float(v) for k, v in head["weights"].items()},
                                        threshold=float(head.get("threshold", 1.01)))
                 for relation, head in data["relations"].items()}
        none_head = heads.pop(none) if none is not None else None
        return RelationModel(name=str(data["name"]), heads=heads, none=none_head)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataFileError(f"{where}: not a relation model ({err})") from err
