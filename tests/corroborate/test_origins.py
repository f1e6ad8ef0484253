"""Independent origins: attributed sources, reporters, relayed anonymous sources, syndication."""
from __future__ import annotations

import pytest

from claimgraph.corroborate import group_claims
from claimgraph.model import Claim, Document, Evidence, Mention
from claimgraph.resolve import resolve_mentions

DOCUMENTS = {
    "alg": Document("alg", "", "alg.txt", outlet="The Algemeiner", published="2017-02-09"),
    "fel": Document("fel", "", "fel.txt", outlet="The Fellowship", published="2017-02-07"),
    "toi": Document("toi", "", "toi.txt", outlet="The Times of Israel", published="2017-02-05"),
    "tip": Document("tip", "", "tip.txt", outlet="TIP", published="2016-12-20"),
    "copy": Document("copy", "", "copy.txt", outlet="Yahoo News", published="2017-02-08", duplicate_of="fel"),
    "wire": Document("wire", "", "wire.txt", outlet="Daily Bugle", published="2017-02-10"),
}
NAMES = {"h": ("Hamas", "organization"), "s": ("Wilayat Sinai", "organization"),
         "t": ("The Times of Israel", "organization"), "i": ("Avi Issacharoff", "person")}


def _mentions() -> list[Mention]:
    return [Mention(d, 0, 1, NAMES[a][0], a, NAMES[a][0], NAMES[a][1]) for d in DOCUMENTS for a in NAMES]


def _defect(document_id: str, text: str, *, attributed_to=None, actor=None, kind=None) -> Claim:
    evidence = Evidence(document_id, text, 0, len(text), attributed_to=attributed_to, attributed_actor=actor,
                        attribution_kind=kind)
    return Claim(document_id, "h", "DEFECT", "s", evidence)


CLAIMS = [
    _defect("alg", "Palestinian sources speaking with the Times of Israel recently revealed that dozens of "
                   "Hamas operatives have defected to Wilayat Sinai.", attributed_to="Palestinian sources",
            kind="anonymous"),
    _defect("fel", "A member of Hamas defected to join the Sinai Province, Palestinian sources told The Times "
                   "of Israel.", attributed_to="Times of Israel", actor="t", kind="outlet"),
    _defect("copy", "A member of Hamas defected to join the Sinai Province, Palestinian sources told The Times "
                    "of Israel.", attributed_to="Times of Israel", actor="t", kind="outlet"),
    _defect("toi", "Hamas fighters have defected to Wilayat Sinai."),
    _defect("tip", "The Times of Israel\u2019s Avi Issacharoff reports that Hamas fighters defected to Wilayat "
                   "Sinai.", attributed_to="Avi Issacharoff", actor="i", kind="person"),
]


@pytest.fixture(scope="module")
def resolution():
    return resolve_mentions(_mentions())


def _group(resolution, claims):
    [group] = group_claims(claims, actor_entity=resolution.actor_entity, documents=DOCUMENTS,
                           entities=resolution.by_id())
    return group


def test_origins_one_report_echoed_by_many_outlets_is_one_origin(resolution):
    group = _group(resolution, CLAIMS)
    assert (group.documents, group.outlets, group.origins) == (5, 5, 1)
    [origin] = group.origin_list
    assert origin.key == "times_of_israel" and origin.kind == "outlet"
    assert sorted(origin.documents) == sorted(DOCUMENTS.keys() - {"wire"})


def test_origins_attribution_chains_show_the_path(resolution):
    chains = _group(resolution, CLAIMS).attribution_chains
    assert ["Palestinian sources", "The Times of Israel", "The Algemeiner"] in chains
    assert ["The Times of Israel", "The Fellowship", "Yahoo News"] in chains
    assert ["Avi Issacharoff", "The Times of Israel", "TIP"] in chains


def test_origins_reporter_named_once_is_linked_everywhere(resolution):
    later = _defect("wire", "Issacharoff wrote that Hamas men crossed to Wilayat Sinai.",
                    attributed_to="Issacharoff", actor="i", kind="person")
    group = _group(resolution, [CLAIMS[-1], later])
    assert group.origins == 1 and group.origin_list[0].key == "times_of_israel"


def test_origins_unattributed_reports_of_different_outlets_are_independent(resolution):
    claims = [_defect("alg", "Hamas men defected to Wilayat Sinai."),
              _defect("wire", "Hamas men defected to Wilayat Sinai.", attributed_to="sources", kind="anonymous")]
    group = _group(resolution, claims)
    assert group.origins == 2
    assert {o.name for o in group.origin_list} == {"The Algemeiner", "Daily Bugle"}


def test_origins_syndicated_copy_shares_the_original_origin(resolution):
    claims = [_defect("fel", "Hamas men defected to Wilayat Sinai."),
              _defect("copy", "Hamas men defected to Wilayat Sinai.")]
    group = _group(resolution, claims)
    assert (group.documents, group.outlets, group.origins) == (2, 2, 1)
    assert group.origin_list[0].name == "The Fellowship"


def test_origins_named_official_is_its_own_origin(resolution):
    claims = [_defect("alg", "Hamas denied that its men defected.", attributed_to="Hamas", actor="h",
                      kind="organization"),
              _defect("wire", "Hamas men defected to Wilayat Sinai.")]
    group = _group(resolution, claims)
    assert {o.key for o in group.origin_list} == {"hamas", "outlet:daily bugle"}


def test_origins_passage_carrying_a_relayed_attribution_shares_its_origin():
    documents = {"mon": Document("mon", "", "mon.txt", outlet="Daily Monitor", published="2023-03-01")}
    names = {"a": ("Allied Democratic Forces", "organization"),
             "b": ("Islamic State Central Africa Province", "organization"), "r": ("Reuters", "organization")}
    mentions = [Mention("mon", 0, 1, name, key, name, type_) for key, (name, type_) in names.items()]

    def claim(text: str) -> Claim:
        evidence = Evidence("mon", text, 0, len(text), attributed_to="security sources", attribution_kind="anonymous")
        return Claim("mon", "a", "DEFECT", "b", evidence)

    claims = [claim("Two ADF commanders defected to the Islamic State Central Africa Province, security "
                    "sources told Reuters."),
              # the next paragraph of the same quoted report: the outlet is named only above
              claim("The Allied Democratic Forces have lost dozens of fighters to the province this year.")]
    resolution = resolve_mentions(mentions)
    [group] = group_claims(claims, actor_entity=resolution.actor_entity, documents=documents,
                           entities=resolution.by_id())
    assert group.origins == 1
    assert [o.name for o in group.origin_list] == ["Reuters"]
