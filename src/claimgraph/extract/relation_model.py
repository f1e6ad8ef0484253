"""The learned relation decision: a relation, a direction or none for each candidate actor pair.

One logistic regression per relation over the sparse features of `pairs.PairFeaturizer` (binary
features, so a score is a sum of weights). The weights and each relation's threshold (set for
precision on the training split) are a JSON data file, `data/models/relation_model.json`, written by `benchmarks/voa/train_relations.py`
from the annotated VOA training stories; no pickle, no download, numpy-free at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

MODEL_FILE = ("data", "models", "relation_model.json")


@dataclass(frozen=True)
class RelationHead:
    relation: str
    bias: float
    weights: dict[str, float]
    threshold: float  # a pair scoring this or more gets the relation, with no rule needed

    def score(self, features: list[str]) -> float:
        total = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass(frozen=True)
class RelationModel:
    name: str
    heads: dict[str, RelationHead]

    def scores(self, features: list[str]) -> dict[str, float]:
        return {relation: head.score(features) for relation, head in self.heads.items()}


@lru_cache(maxsize=1)
def load_relation_model() -> RelationModel | None:
    """The shipped model, or None when the package has none (rules alone then decide)."""
    path = resources.files("claimgraph").joinpath(*MODEL_FILE)
    if not path.is_file():
        return None
    where = "/".join(MODEL_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        heads = {relation: RelationHead(relation=relation, bias=float(head["bias"]),
                                        weights={k: float(v) for k, v in head["weights"].items()},
                                        threshold=float(head["threshold"]))
                 for relation, head in data["relations"].items()}
        return RelationModel(name=str(data["name"]), heads=heads)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataFileError(f"{where}: not a relation model ({err})") from err
