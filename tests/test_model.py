"""The shared records survive the trip to a worker process and back (pickle) unchanged."""
from __future__ import annotations

import copy
import pickle

from claimgraph.model import Claim, Cue, Document, Evidence, Extraction, Mention, Origin


def _extraction() -> Extraction:
    document = Document.from_text("Turkey may have armed the rebels, officials said.", "test:pickle")
    evidence = Evidence(document.id, document.text, 0, len(document.text), attributed_to="officials",
                        attribution_kind="anonymous", certainty="hedged",
                        cues=[Cue("hedge", "may", 7, 10), Cue("attribution", "officials said", 34, 48)])
    mentions = [Mention(document.id, 0, 6, "Turkey", "a1", "Turkey", "state", gazetteer_id="state_tr",
                        aliases=["Turkey", "Ankara"]),
                Mention(document.id, 26, 32, "rebels", "a2", "the rebels", "organization", kind="description")]
    claim = Claim(document.id, "a1", "AID", "a2", evidence, mode="military", certainty="hedged",
                  attributes={"time": {"text": "Sunday", "precision": "day"}})
    return Extraction(document, mentions, [claim])


def test_records_round_trip_through_pickle_and_copy():
    extraction = _extraction()
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(extraction, protocol)) == extraction
    assert copy.deepcopy(extraction) == extraction
    origin = Origin("outlet:Example", "Example", "outlet", documents=["d1"], evidence=[0, 2])
    assert pickle.loads(pickle.dumps(origin)) == origin


def test_a_record_copy_does_not_share_its_lists_when_deep():
    extraction = _extraction()
    mention = extraction.mentions[0]
    deep = copy.deepcopy(mention)
    deep.aliases.append("Türkiye")
    assert mention.aliases == ["Turkey", "Ankara"]
    assert pickle.loads(pickle.dumps(extraction.claims[0])).evidence.cues[1].text == "officials said"
