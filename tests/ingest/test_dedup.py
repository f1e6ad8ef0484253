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


def _write_sources(folder, files: dict[str, str]):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return str(folder)


@pytest.mark.issue(7)
def test_dedup_copy_found_among_documents_stored_by_an_earlier_run(tmp_path, db):
    """A later run finds the original through the stored signatures, not by re-reading texts."""
    from sqlalchemy import func, select

    from claimgraph.pipeline import ingest
    from claimgraph.store import tables as t
    from claimgraph.store.store import Store

    first = _write_sources(tmp_path / "first", {"a.txt": "Checkpoint attacked\n" + STORY, "c.txt": OTHER})
    second = _write_sources(tmp_path / "second", {"b.txt": "Mirror Daily | Share\n\n" + STORY + "\nRelated: more"})
    assert ingest([first], db, settings=Settings(offline=True)).duplicates == 0
    store = Store(db)
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(t.document_signatures)) == 2
        assert conn.scalar(select(func.count(func.distinct(t.document_bands.c.document_id)))) == 2
    store.close()
    assert ingest([second], db, settings=Settings(offline=True)).duplicates == 1
    store = Store(db)
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in store.iter_documents()}
    store.close()
    assert by_name["b.txt"].duplicate_of == by_name["a.txt"].id


@pytest.mark.issue(7)
def test_dedup_documents_stored_without_signature_are_signed_once(tmp_path, db):
    """A store from before signatures (migration 0002) gets them on its next build."""
    from sqlalchemy import delete, func, select

    from claimgraph.pipeline import ingest, open_duplicate_index
    from claimgraph.store import tables as t
    from claimgraph.store.store import Store

    ingest([_write_sources(tmp_path / "old", {"a.txt": STORY})], db, settings=Settings(offline=True))
    store = Store(db)
    with store.writer.begin() as conn:
        conn.execute(delete(t.document_bands))
        conn.execute(delete(t.document_signatures))
    index = open_duplicate_index(store)
    assert list(store.unsigned_document_texts()) == []
    (original,) = store.document_ids()
    assert index.find(STORY.replace("on Monday", "Monday")) == original
    assert len(index) == 0  # stored signatures are looked up, not held in memory
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(t.document_signatures)) == 1
    store.close()


def test_dedup_take_forgets_what_it_hands_over():
    index = NearDuplicateIndex()
    index.add("d1", STORY)
    taken = index.take(["d1", "unknown"])
    assert list(taken) == ["d1"] and len(taken["d1"].values) == 128
    assert len(index) == 0 and index.find(STORY) is None
