"""FtM-safe ids: every claimgraph id becomes one FollowTheMoney accepts, distinct and reversible (#14)."""
from __future__ import annotations

import pytest
from followthemoney import model, registry

from claimgraph.errors import ClaimgraphError
from claimgraph.export.ftm_ids import from_ftm_id, ftm_id

pytestmark = pytest.mark.issue(14)

# gazetteer ids, hashes, and ids that only an escape keeps apart
RAW_IDS = ["state_sy", "islamic_state", "e1a2b3c4d5e6", "a.b", "a_b", "a.5fb", "a-b", "Erdoğan",
           "x y/z", "ends_", "_starts", "..", "1"]


@pytest.mark.parametrize("raw", RAW_IDS)
def test_ftm_id_valid_and_reversible(raw):
    value = ftm_id("entity", raw)
    assert registry.entity.validate(value), value
    assert from_ftm_id(value) == ("entity", raw)


def test_ftm_id_distinct():
    assert len({ftm_id("entity", raw) for raw in RAW_IDS}) == len(RAW_IDS)
    assert ftm_id("doc", "abc") != ftm_id("entity", "abc")


def test_ftm_id_kept_as_a_reference():
    """The failure of issue 14: `add` silently dropped a reference to `cg-entity-state_sy`."""
    link = model.make_entity("UnknownLink")
    link.id = ftm_id("claim", "g1")
    link.add("subject", ftm_id("entity", "state_sy"))
    link.add("object", ftm_id("entity", "islamic_state"))
    assert link.get("subject") == [ftm_id("entity", "state_sy")] and len(link.get("object")) == 1


def test_ftm_id_long_ids_hashed_within_the_limit():
    first, second = ftm_id("entity", "x" * 300), ftm_id("entity", "x" * 299 + "y")
    assert first != second and len(first) <= 200 and registry.entity.validate(first)
    with pytest.raises(ValueError):
        from_ftm_id(first)


def test_ftm_id_empty_refused():
    with pytest.raises(ClaimgraphError, match="FollowTheMoney id"):
        ftm_id("entity", "")
