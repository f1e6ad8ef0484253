"""Evidence sentences are cut into plain and highlighted pieces that rebuild the exact text."""
from __future__ import annotations

import pytest

from claimgraph.model import Cue, Entity, Evidence, Mention
from claimgraph.web.highlight import find_marks, split_pieces

TEXT = "Earlier. The Gulf Clan reportedly armed the Zetas."
START = TEXT.index("The")
SENTENCE = TEXT[START:]


@pytest.mark.parametrize("marks, expected", [
    ([], [("abcdef", "")]),
    ([(0, 2, "subject")], [("ab", "subject"), ("cdef", "")]),
    ([(1, 3, "subject"), (2, 5, "object")], [("a", ""), ("bc", "subject"), ("de", "object"), ("f", "")]),
    ([(4, 99, "hedge")], [("abcd", ""), ("ef", "hedge")]),
])
def test_highlight_split_pieces(marks, expected):
    pieces = split_pieces("abcdef", marks)
    assert [(p.text, p.mark) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == "abcdef"


def test_highlight_marks_actors_and_cues():
    evidence = Evidence("d1", SENTENCE, START, len(TEXT), cues=[Cue("hedge", "reportedly", TEXT.index("reportedly"),
                                                                  TEXT.index("reportedly") + 10)])
    gulf = Entity("e1", "Gulf Clan", "organization")
    zetas = Entity("e2", "Los Zetas", "organization", aliases=["Zetas"])
    mention = Mention("d1", TEXT.index("Gulf Clan"), TEXT.index("Gulf Clan") + 9, "Gulf Clan", "a1", "Gulf Clan",
                      "organization")
    marks = find_marks(evidence, subject=gulf, obj=zetas, mentions=[mention], actor_entity={("d1", "a1"): "e1"})
    pieces = {(p.text, p.mark) for p in split_pieces(SENTENCE, marks)}
    assert ("Gulf Clan", "subject") in pieces  # from the stored mention
    assert ("Zetas", "object") in pieces  # found by alias when no mention fits
    assert ("reportedly", "hedge") in pieces
