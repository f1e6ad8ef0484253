"""Entity-ruler patterns built from the shipped gazetteer (names, aliases, demonyms, capitals)."""
from __future__ import annotations

from ..gazetteer import Gazetteer

# spaCy labels for gazetteer types: what NER would call a correctly recognised name of that type.
LABELS = {"person": "PERSON", "organization": "ORG", "state": "GPE", "location": "LOC", "other": "ORG"}


def build_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns (one per distinct surface form) with the gazetteer id as pattern id."""
    patterns, seen = [], set()
    for entry in gazetteer:
        label = LABELS[entry.type]
        forms = [(name, label) for name in entry.names]
        if entry.type == "person":  # "Ursula Von der Leyen": a name particle is written capitalised too
            forms += [(capitalised, label) for name in entry.names
                      if (capitalised := _capitalise_first_particle(name)) != name]
        forms += [(name, "GPE") for name in entry.capitals]
        forms += [(name, "NORP") for name in entry.demonyms]
        for text, form_label in forms:
            text = text.strip()
            if not text or (text, form_label) in seen:
                continue
            seen.add((text, form_label))
            patterns.append({"label": form_label, "pattern": text, "id": entry.id})
            # "the Islamic State group" style aliases starting with "the" also match without it; a one-word
            # rest ("The National", "The Atlantic", "The Times") is a common word inside other names
            # ("National Assembly", "Atlantic Council"), so it needs its article, in either case
            if text.lower().startswith("the "):
                rest = text[4:]
                variant = rest if len(rest.split()) > 1 else ("the " if text[0] == "T" else "The ") + rest
                if (variant, form_label) not in seen:
                    seen.add((variant, form_label))
                    patterns.append({"label": form_label, "pattern": variant, "id": entry.id})
    return patterns


def _capitalise_first_particle(name: str) -> str:
    """The name with its first lower-case word (a particle: "von", "de", "bin") capitalised."""
    words = name.split(" ")
    for k, word in enumerate(words[1:], start=1):
        if word[:1].islower():
            words[k] = word[0].upper() + word[1:]
            break
    return " ".join(words)
