"""Train the relation model shipped as `src/claimgraph/data/models/relation_model.json`.

    python benchmarks/voa/train_relations.py            # train on the annotated *train* stories, write the model
    python benchmarks/voa/train_relations.py --check    # train again and compare with the shipped file

Data: the VOA stories of `split.json`'s train split with their annotations (`annotations/*.jsonl`,
`GUIDELINES.md`); held-out stories are never read here. Each candidate actor pair of a sentence
(`claimgraph.extract.pairs`) is labelled with the gold relations whose two actors it names, in the
gold direction, when the gold quote lies in that sentence; every other candidate is a negative.
One L2 multinomial logistic regression over the relations and NONE (scikit-learn, `train` extra);
each relation's threshold is the lowest probability at which the out-of-fold precision (5 folds by
story, the median of 20 splits: none at all unless most splits reach it) of the pairs the model would add
(those no rule claims in that relation)
reaches TARGET_PRECISION.
The model adds claims and scores the rules' claims; it does not drop them: a veto learned from a
few dozen stories dropped right readings of sentences unlike them (a third of the written cases of
tests/fixtures/extraction_cases.yaml).
Deterministic: the same stories and annotations give the same file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from evaluate import STORIES, split_ids  # noqa: E402

from claimgraph.evaluate_pairs import SYMMETRIC, load_gold, names_match  # noqa: E402

MODEL_PATH = HERE.parents[1] / "src" / "claimgraph" / "data" / "models" / "relation_model.json"
# of the model's own additions: above the system's precision (0.67 held out), so what it adds raises it
TARGET_PRECISION = 0.70
MIN_POSITIVES = 8  # fewer gold pairs than this: the relation keeps its rules only
C = 1.0
MAX_ITER = 3000
NONE = "NONE"  # the class of a pair in no relation
NEVER = 1.01  # a threshold no probability reaches
PRIOR_PAIRS = 8
MIN_WEIGHT = 0.02  # smaller weights are dropped from the shipped file (they move no decision)
FOLDS = 5
# splits of the stories into folds (by a hash of the story id), each giving its own threshold: with 5, their median
# still moved MEMBER_OF's threshold from 0.54 to 0.52 between retrainings a few features apart (over 20 splits of the
# same pairs the thresholds spread from 0.50 to 0.78, their median 0.64; the first five happened to be the lowest)
REPEATS = 20


def documents(ids: set[str]):
    """(story id, Document) for each story, read as a build reads it (the JSONL reader)."""
    from claimgraph.ingest.jsonl import iter_jsonl

    with STORIES.open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if row["id"] not in ids:
                continue
            line = json.dumps({"text": row["text"], "title": row["title"], "url": row["url"],
                               "published": row["published"], "outlet": "Voice of America"})
            for document in iter_jsonl(line, str(STORIES)):
                yield row["id"], document


def examples(gold: dict[str, list[dict]]):
    """(story, features, gold relations) for every candidate pair of the annotated stories."""
    from claimgraph.extract import _Extractor
    from claimgraph.nlp import load_nlp

    nlp = load_nlp()
    out = []
    for story, document in documents(set(gold)):
        extractor = _Extractor(nlp(document.text), document)
        candidates = extractor.pair_candidates(extractor.rule_claims())
        positives = []
        for pair in gold[story]:
            if pair["relation"] == "NONE":
                continue
            at = document.text.find(pair["quote"])
            positives.append((pair, at, at + len(pair["quote"])))
        for candidate in candidates:
            sent = extractor.sents[candidate.sentence]
            start, end = sent.start_char, sent.end_char
            s, o = extractor.table.actors[candidate.subject], extractor.table.actors[candidate.object]
            s_names, o_names = [s.name, *s.aliases], [o.name, *o.aliases]
            labels = set()
            for pair, q_start, q_end in positives:
                if q_start < 0 or q_start >= end or q_end <= start:
                    continue
                if (names_match(pair["a"], s_names) and names_match(pair["b"], o_names)) or (
                        pair["relation"] in SYMMETRIC and names_match(pair["b"], s_names)
                        and names_match(pair["a"], o_names)):
                    labels.add(pair["relation"])
            out.append((story, candidate.features, labels))
    return out


def _threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """Lowest score at which the out-of-fold precision of the pairs scoring at or above it reaches
    TARGET_PRECISION, the precision smoothed towards one half by PRIOR_PAIRS pseudo-pairs: a few lucky
    hits at the top of a rare relation do not set its threshold (they made it jump between retrains)."""
    order = np.argsort(-scores)
    hits = np.cumsum(labels[order])
    precision = (hits + PRIOR_PAIRS / 2) / (np.arange(1, len(order) + 1) + PRIOR_PAIRS)
    best = NEVER
    for rank in range(len(order)):
        if precision[rank] >= TARGET_PRECISION:
            best = float(scores[order[rank]])
    return round(max(best, 0.5), 4)


def train(gold: dict[str, list[dict]]) -> dict:
    data = examples(gold)
    vectorizer = DictVectorizer(sparse=True)
    matrix = vectorizer.fit_transform([{f: 1 for f in features} for _, features, _ in data]).tocsr()
    groups = np.array([story for story, _, _ in data])
    names = vectorizer.get_feature_names_out()
    counts = Counter(label for _, _, labels in data for label in labels)
    # one softmax over every relation and NONE: a pair's evidence for one relation is evidence
    # against the others, which separate one-vs-rest heads could not share (+1 point of recall
    # at the same precision in 5-fold cross-validation on the train split)
    classes = [NONE, *sorted(counts)]
    y = np.array([classes.index(min(labels)) if labels else 0 for _, _, labels in data])
    # out-of-fold probabilities for each of REPEATS splits of the stories into folds: with one split, six
    # more candidate pairs among 12,000 (a new actor noun) turned ASSAULT's threshold from 0.64 to never
    oof = np.zeros((REPEATS, len(y), len(classes)))
    for repeat in range(REPEATS):
        fold = np.array([int(hashlib.sha256(f"{repeat}:{story}".encode()).hexdigest(), 16) % FOLDS for story in groups])
        for k in range(FOLDS):
            fit_rows, test_rows = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            model = LogisticRegression(C=C, max_iter=MAX_ITER).fit(matrix[fit_rows], y[fit_rows])
            oof[repeat][np.ix_(test_rows, model.classes_)] = model.predict_proba(matrix[test_rows])
    model = LogisticRegression(C=C, max_iter=MAX_ITER).fit(matrix, y)
    relations = {}
    for column, relation in enumerate(classes):
        weights = {str(names[i]): round(float(w), 4) for i, w in enumerate(model.coef_[column]) if abs(w) >= MIN_WEIGHT}
        head = {"bias": round(float(model.intercept_[column]), 4), "weights": weights}
        if relation != NONE:
            positives = np.array([relation in labels for _, _, labels in data], dtype=int)
            # too few gold pairs to trust a threshold: the relation keeps its rules only
            # a relation is on only when most splits of the stories reach the target (averaged over splits,
            # ASSAULT went on and off with retrains that moved a handful of pairs, and its claims cost the
            # written battery 19 wrong claims when on; requiring every split switched MEMBER_OF off when one
            # rule took a few of its surest pairs)
            # The threshold is set on the pairs the model would add, those no rule already claims in this
            # relation: over all pairs, the rules' own claims (a `rule=` feature, scored high) lifted the
            # precision of the model's few additions (ASSAULT went on at a precision its additions never had)
            added = np.array([f"rule={relation}" not in features for _, features, _ in data])
            # (the median of the splits' thresholds: the strictest one moved MEMBER_OF's from 0.60 to 0.75 between
            # retrainings a few pairs apart, its splits ranging from 0.58 to 0.81)
            splits = [_threshold(oof[r][added, column], positives[added]) for r in range(REPEATS)]
            head["threshold"] = round(float(np.median(splits)), 4) if counts[relation] >= MIN_POSITIVES else NEVER
            head["positives"] = int(positives.sum())
            print(f"{relation}: {head['positives']} positives of {len(y)}; threshold {head['threshold']}, "
                  f"{len(weights)} weights", file=sys.stderr)
        relations[relation] = head
    return {"name": "pair-softmax-2", "kind": "softmax", "none": NONE,
            "trained_on": f"VOA train split, {len(gold)} stories, {len(data)} pairs",
            "target_precision": TARGET_PRECISION, "relations": relations}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model instead of writing")
    args = parser.parse_args(argv)
    gold = load_gold(sorted((HERE / "annotations").glob("*.jsonl")), split_ids("train"))
    model = train(gold)
    # one line per relation: small enough to ship, and a diff shows which relations moved
    relations = model.pop("relations")
    lines = [f" {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in relations.items()]
    text = json.dumps(model, sort_keys=True)[:-1] + ', "relations": {\n' + ",\n".join(lines) + "\n}}\n"
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("the shipped model is reproduced" if same else "the shipped model differs from a fresh training")
        return 0 if same else 1
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(relations)} relations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
