"""Split an evidence sentence into plain and highlighted pieces (the claim's actors and cues).

Pieces are computed on the server and rendered as text (escaped by Jinja, or set
with textContent in the browser), so article text can never become markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, Evidence, Mention


@dataclass(frozen=True)
class Piece:
    """A run of evidence text; `mark` names what it is (subject, object, negation, hedge, ...) or ''."""

    text: str
    mark: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "mark": self.mark}


def _find_names(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Case-insensitive whole-word spans of any of `names` in `text` (fallback when no mention fits)."""
    spans = []
    for name in sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE):
            spans.append((match.start(), match.end()))
    return spans


def find_marks(evidence: Evidence, *, subject: Entity | None, obj: Entity | None,
               mentions: list[Mention], actor_entity: dict[tuple[str, str], str]) -> list[tuple[int, int, str]]:
    """(start, end, mark) spans relative to `evidence.text`: actors first, then cues."""
    marks: list[tuple[int, int, str]] = []
    for role, entity in (("subject", subject), ("object", obj)):
        if entity is None:
            continue
        found = []
        for mention in mentions:
            if (mention.document_id != evidence.document_id
                    or actor_entity.get((mention.document_id, mention.actor)) != entity.id
                    or mention.start < evidence.start or mention.end > evidence.end):
                continue
            start, end = mention.start - evidence.start, mention.end - evidence.start
            if evidence.text[start:end] == mention.text:
                found.append((start, end))
        if not found:
            found = _find_names(evidence.text, [entity.name, *entity.aliases])
        marks.extend((s, e, role) for s, e in found)
    for cue in evidence.cues:
        # cue offsets point into the document; older records may hold sentence offsets
        for start in (cue.start - evidence.start, cue.start):
            end = start + len(cue.text)
            if 0 <= start and evidence.text[start:end] == cue.text:
                marks.append((start, end, cue.kind))
                break
    return marks


def split_pieces(text: str, marks: list[tuple[int, int, str]]) -> list[Piece]:
    """Cut `text` at the marks; overlapping marks keep the first one that claimed a character."""
    owner = [""] * len(text)
    for start, end, mark in marks:
        for i in range(max(start, 0), min(end, len(text))):
            if not owner[i]:
                owner[i] = mark
    pieces: list[Piece] = []
    for i, char in enumerate(text):
        if pieces and pieces[-1].mark == owner[i]:
            pieces[-1] = Piece(pieces[-1].text + char, owner[i])
        else:
            pieces.append(Piece(char, owner[i]))
    return pieces
