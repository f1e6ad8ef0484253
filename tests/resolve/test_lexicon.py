"""The normalization tables load and bad lines are reported with the file (claimgraph.resolve.lexicon)."""
from __future__ import annotations

import pytest

from claimgraph.errors import DataFileError
from claimgraph.resolve import lexicon


def test_lexicon_tables_load():
    lex = lexicon.load_lexicon()
    assert "al" in lex.particles and lex.variants["abdel"] == "abd"
    assert ("sheikh",) in lex.titles and lex.titles[0] > () and len(lex.titles[0]) >= len(lex.titles[-1])
    assert lex.state_bodies["army"].body == "military" and lex.state_bodies["officials"].body == "state"
    assert lex.wing_kinds["military"] == "armed_wing"


@pytest.mark.parametrize("name,columns", [("variants.tsv", 2), ("state_bodies.tsv", 4), ("wing_kinds.tsv", 2)])
def test_lexicon_tsv_rows_have_their_columns(name, columns):
    assert all(len(row) == columns for row in lexicon._read_tsv(name, columns))


def test_lexicon_bad_row_names_the_file():
    with pytest.raises(DataFileError, match=r"normalize/variants.tsv:\d+: expected 3"):
        lexicon._read_tsv("variants.tsv", 3)
