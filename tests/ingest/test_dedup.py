"""Tests for claimgraph.ingest.dedup: syndicated copies found, unrelated articles not."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.ingest import NearDuplicateIndex, iter_sources
from claimgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

STORY = (
    "Militants attacked an army checkpoint near the border town late on Sunday, killing three soldiers and "
    "wounding five others, the defence ministry said in a statement on Monday.\n\n"
    "The ministry said the attackers used rocket-propelled grenades and machine guns before fleeing toward the "
    "mountains, where troops launched a search operation backed by helicopters.\n\n"
    "No group immediately claimed responsibility, but a local affiliate of a transnational jihadist group has "
    "carried out similar raids in the area over the past year, according to security officials.\n"
)
OTHER = (
    "Farmers in the valley say this year's wheat harvest is the best in a decade after heavy spring rains "
    "filled irrigation canals that had been dry since the drought began.\n\n"
    "Prices at the regional market fell by a third in June, traders said, and exporters expect to ship more "
    "grain abroad than at any time since the agriculture ministry began keeping records.\n"
)
SAME_TOPIC = (
    "Three soldiers were killed when gunmen stormed a checkpoint on the frontier on Sunday night, according to "
    "a military source who spoke on condition of anonymity because he was not authorised to brief reporters.\n\n"
    "Residents said they heard explosions for nearly an hour, and the army closed the main road to the town "
    "while reinforcements were sent from the provincial capital.\n"
)


def test_dedup_syndicated_copy_found():
    index = NearDuplicateIndex()
    index.add("d1", STORY)
    index.add("d2", OTHER)
    copy = "Wire Service | Share On Facebook\n\n" + STORY.replace("on Monday", "Monday") + "\n\nRelated: more news"
    assert index.find(copy) == "d1"


@pytest.mark.parametrize("text", [OTHER, SAME_TOPIC, ""])
def test_dedup_unrelated_not_found(text):
    index = NearDuplicateIndex()
    index.add("d1", STORY)
    assert index.find(text) is None


def test_dedup_seeds_are_not_duplicates_of_each_other():
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    if not seeds:
        pytest.skip("shared seed corpus not present")
    index = NearDuplicateIndex()
    for document in iter_sources([str(p) for p in seeds], settings=Settings(offline=True)):
        assert index.find(document.text) is None
        index.add(document.id, document.text)


@pytest.mark.issue(3)
def test_dedup_syndicated_copy_linked_in_store(tmp_path):
    from claimgraph.pipeline import ingest
    from claimgraph.store.store import Store

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a_original.txt").write_text("Checkpoint attacked\nBorder Times | May 2, 2021\n" + STORY + "Leave a Reply\n")
    (sources / "b_copy.html").write_text(
        "<html><head><title>Checkpoint attacked - Mirror Daily</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Checkpoint attacked</h1>" + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
        + "</article><aside>Most Popular Articles</aside><footer>Subscribe now</footer></body></html>")
    (sources / "c_other.txt").write_text("Bumper harvest in the valley\n" + OTHER)
    db = str(tmp_path / "d.db")
    report = ingest([str(sources)], db, settings=Settings(offline=True))
    assert report.duplicates == 1
    store = Store(db)
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in store.iter_documents()}
    store.close()
    assert by_name["b_copy.html"].duplicate_of == by_name["a_original.txt"].id
    assert by_name["a_original.txt"].duplicate_of is None and by_name["c_other.txt"].duplicate_of is None
