"""Score claim extraction on the written battery: thirty-seven sets of 90 sentences about conflicts the rules were not written on.

    python benchmarks/battery/score.py                 # every set, one line each, plus totals
    python benchmarks/battery/score.py --errors        # and each sentence with a missed or wrong claim
    python benchmarks/battery/score.py --set b3        # one set

Each line of `sentences.jsonl` is a sentence with its expected claims (README.md beside this file says how
they were written). A sentence is extracted on its own, as a one-sentence document. An expected claim
`Subject REL Object` is found when a claim of that relation links an actor matching one of the subject's
`/`-separated names to one matching an object name (either way for a symmetric relation); `REL1|REL2` accepts
either relation; a leading `?` marks a claim that may be found and is never missed. A claim that matches no
expectation is wrong, except PART_OF and MEMBER_OF claims (side claims, often true and rarely listed).
Names match as in the VOA scorer (`claimgraph.evaluate_pairs.names_match`), against every name of the actor:
its best name, the words of each mention, and its gazetteer aliases.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from claimgraph.evaluate_pairs import SYMMETRIC, names_match
from claimgraph.extract import extract_document
from claimgraph.gazetteer import load_gazetteer
from claimgraph.model import Document
from claimgraph.nlp import load_nlp

HERE = Path(__file__).resolve().parent
GAZETTEER = load_gazetteer()
SIDE = frozenset({"PART_OF", "MEMBER_OF"})


def parse_expectation(text: str, relations: frozenset[str]) -> tuple[bool, list[str], set[str], list[str]]:
    """(optional, subject names, relations, object names) of one `Subject REL Object` line."""
    optional = text.startswith("?")
    words = text.lstrip("?").split(" ")
    at = next(i for i, word in enumerate(words) if set(word.split("|")) <= relations)
    return optional, " ".join(words[:at]).split("/"), set(words[at].split("|")), " ".join(words[at + 1:]).split("/")


def score_sentence(nlp, row: dict, relations: frozenset[str]) -> dict:
    document = Document.from_text(row["text"], source=f"battery:{row['id']}")
    extraction = extract_document(nlp(document.text), document)
    names: dict[str, list[str]] = {}
    for mention in extraction.mentions:  # every name of the actor, its gazetteer aliases too ("PKK", "ADF")
        entry = GAZETTEER.get(mention.gazetteer_id) if mention.gazetteer_id else None
        names.setdefault(mention.actor, []).extend([mention.name, mention.text, *mention.aliases,
                                                    *(entry.aliases if entry else ())])
    # A negated claim says the relation does not hold: the sentences list no denied relation, so it is right
    # to make one, as long as it says "negated".
    kept = [c for c in extraction.claims if c.polarity != "negated"]
    claims = [(names.get(c.subject, [c.subject]), c.relation, names.get(c.object, [c.object])) for c in kept]
    used: set[int] = set()
    missed, found = [], 0
    for line in row["expect"]:
        optional, subject, wanted, obj = parse_expectation(line, relations)
        hits = [k for k, (s, rel, o) in enumerate(claims) if rel in wanted and (
            (names_match(subject, s) and names_match(obj, o))
            or (rel in SYMMETRIC and names_match(subject, o) and names_match(obj, s)))]
        used.update(hits)
        if not optional:
            found += bool(hits)
            if not hits:
                missed.append(line)
    # Either side of a clash may be written as the attacker: its reverse reading is no wrong claim.
    used.update(k for k, c in enumerate(kept) if c.mode == "clash" and any(
        claims[j][1] == c.relation and claims[j][0] == claims[k][2] and claims[j][2] == claims[k][0] for j in used))
    wrong = sorted({f"{s[0]} {rel} {o[0]}" for k, (s, rel, o) in enumerate(claims) if k not in used and rel not in SIDE})
    required = sum(not line.startswith("?") for line in row["expect"])
    return {"id": row["id"], "set": row["set"], "style": row["style"], "text": row["text"], "required": required,
            "found": found, "missed": missed, "wrong": wrong}


# Sets nobody may read the errors of (README.md): their totals are the nearest thing to unseen text.
HELD_OUT = frozenset({"b5", "b7", "b11", "b13", "b15", "b17", "b19", "b21", "b23", "b25", "b27", "b29", "b31", "b33",
                      "b35", "b37"})


def read_rows(only: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if only in (None, r["set"])]


def totals(results: list[dict]) -> dict[str, Counter]:
    """Per set and over all: sentences, fully right, required claims, found, wrong claims."""
    out: dict[str, Counter] = {}
    for r in results:
        for key in (r["set"], "all"):
            t = out.setdefault(key, Counter())
            t["sentences"] += 1
            t["right"] += not r["missed"] and not r["wrong"]
            t["required"] += r["required"]
            t["found"] += r["found"]
            t["wrong"] += len(r["wrong"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", help="score only this set (b1 ... b37)")
    parser.add_argument("--errors", action="store_true",
                        help="list each sentence with a missed or wrong claim (never of a held-out set)")
    args = parser.parse_args()
    from claimgraph.relations import load_ontology

    relations = frozenset(load_ontology().relations)
    nlp = load_nlp()
    results = [score_sentence(nlp, row, relations) for row in read_rows(args.set)]
    if args.errors:
        for r in results:
            if (r["missed"] or r["wrong"]) and r["set"] not in HELD_OUT:
                print(f"{r['id']}: {r['text']}\n    missed: {r['missed']}\n    wrong: {r['wrong']}")
    for key, t in sorted(totals(results).items(), key=lambda item: item[0] == "all"):
        recall = t["found"] / t["required"] if t["required"] else 0.0
        print(f"{key}: {t['sentences']} sentences, {t['right']} fully right; required claims {t['required']}, "
              f"found {t['found']} (recall {recall:.3f}); wrong claims {t['wrong']}")


if __name__ == "__main__":
    main()
