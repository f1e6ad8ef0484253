"""Write `src/claimgraph/data/models/acronym_norms.json`: the gazetteer's acronyms that the spaCy model
misreads with their own norm, and the norm it reads them by instead (nlp/components.py AcronymNorms).

    python scripts/acronym_norms.py            # probe the model, write the file
    python scripts/acronym_norms.py --check    # probe again and compare with the shipped file

Each acronym is put into written template sentences in which it can only be a name; one the model
tags as anything but a noun in any of them is misread ("IS" as the verb "is", "ECOWAS imposed ..."
as a verb). The replacement norm is the candidate with which every acronym reads as a noun in every
template. Deterministic for a given model: the same model and gazetteer give the same file.
"""
from __future__ import annotations

import argparse
import json
import sys

from claimgraph.gazetteer import load_gazetteer
from claimgraph.nlp import load_nlp
from claimgraph.nlp.components import ACRONYM, ACRONYM_NORMS_PATH

TEMPLATES = (
    "{} imposed sanctions on the group.",
    "On Friday, {} said the attack killed ten people.",
    "Officials said {} fighters attacked the village.",
    "The report blamed {} for the killings.",
    "Troops from {} and the army clashed with rebels.",
    "The {} spokesman denied the claim.",
)
# acronyms frequent in the news the model was trained on, tried in this order
CANDIDATE_NORMS = ("un", "eu", "nato", "cia")
NOUNS = ("PROPN", "NOUN")


def misread(nlp, acronyms: list[str], norm: str | None) -> list[str]:
    """The acronyms tagged as something other than a noun in any template, with `norm` (None: their own)."""
    bad = []
    for acronym in acronyms:
        docs = [nlp.make_doc(template.format(acronym)) for template in TEMPLATES]
        for doc in docs:
            for token in doc:
                if token.text == acronym and norm is not None:
                    token.norm_ = norm
        for doc in docs:
            for name, component in nlp.pipeline:
                if name != "claimgraph_acronym_norms":
                    doc = component(doc)
            if any(t.text == acronym and t.pos_ not in NOUNS for t in doc):
                bad.append(acronym)
                break
    return bad


def probe() -> dict:
    nlp = load_nlp()
    acronyms = sorted({n for entry in load_gazetteer() for n in entry.names if ACRONYM.fullmatch(n)})
    own = misread(nlp, acronyms, None)
    for norm in CANDIDATE_NORMS:
        if not misread(nlp, acronyms, norm):
            break
    else:
        raise SystemExit(f"no candidate norm reads every acronym as a noun: {CANDIDATE_NORMS}")
    return {"model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}", "norm": norm,
            "probed": len(acronyms), "acronyms": own}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args()
    found = probe()
    if args.check:
        shipped = json.loads(ACRONYM_NORMS_PATH.read_text(encoding="utf-8"))
        if shipped != found:
            print(f"the shipped file differs from a fresh probe: {found}", file=sys.stderr)
            return 1
        print(f"{len(found['acronyms'])} misread acronyms of {found['probed']}, norm {found['norm']!r}: as shipped")
        return 0
    ACRONYM_NORMS_PATH.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {ACRONYM_NORMS_PATH}: {len(found['acronyms'])} misread acronyms of {found['probed']}, "
          f"norm {found['norm']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
