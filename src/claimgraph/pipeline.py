"""Runs the stages: a map over documents (ingest, nlp, extract), then a reduce (resolve, corroborate).

The map is a pure function of one document (`claimgraph.extract.batch.extract_batch`), so it can
run in worker processes or Ray actors, and it runs only on documents not extracted yet;
the reduce reads everything stored and rewrites the derived graph in one
transaction, and is skipped when nothing it reads has changed since it last ran.
Re-running on the same sources changes nothing.
"""
from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

from .batching import batched
from .errors import EngineError
from .model import Document
from .settings import Settings, get_settings
from .store import Store

if TYPE_CHECKING:
    from .ingest import NearDuplicateIndex

log = logging.getLogger(__name__)

@dataclass
class BuildReport:
    """What a build did, for the CLI to print."""

    ingested: int = 0
    extracted: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)  # one line each: "SOURCE: reason"
    entities: int = 0
    claim_groups: int = 0


ProgressCallback = Callable[[str, int], None]  # (event, count): "document" per item, "rejected" per bad source


def iter_new_documents(sources: Sequence[str], store: Store, report: BuildReport, *,
                       settings: Settings, index: NearDuplicateIndex, allow_private: bool = False,
                       on_progress: ProgressCallback | None = None) -> Iterator[Document]:
    """Documents from `sources` whose text is not yet extracted, near-duplicates linked.

    Each one's signature stays in `index` until the store takes it with the document.
    Bad sources are counted in `report.rejected` and skipped; the rest goes on.
    """
    from .ingest import Rejected, iter_sources

    known = store.document_ids(extracted_only=True)
    seen_now: set[str] = set()
    for item in iter_sources(sources, settings=settings, allow_private=allow_private):
        if isinstance(item, Rejected):
            report.rejected.append(f"{item.source}: {item.reason}")
            if on_progress:
                on_progress("rejected", 1)
            continue
        if item.id in known or item.id in seen_now:
            report.unchanged += 1
            if on_progress:
                on_progress("document", 1)
            continue
        seen_now.add(item.id)
        signature = index.signature(item.text)
        original = index.find(signature)
        if original and original != item.id:
            item.duplicate_of = original
            report.duplicates += 1
        index.add(item.id, signature)
        yield item


def open_duplicate_index(store: Store) -> NearDuplicateIndex:
    """A near-duplicate index over the store, signing first any stored document without a signature."""
    from .ingest import NearDuplicateIndex
    from .store.store import WRITE_CHUNK

    index = NearDuplicateIndex(stored=store.near_duplicate_candidates)
    for chunk in batched(store.unsigned_document_texts(), WRITE_CHUNK):
        signatures = {document_id: index.signature(text) for document_id, text in chunk}
        store.save_signatures({k: v for k, v in signatures.items() if v is not None})
    return index


def map_documents(documents: Iterable[Document], mapper, store: Store, report: BuildReport, *,
                  settings: Settings, on_progress: ProgressCallback | None = None,
                  index: NearDuplicateIndex | None = None) -> None:
    """Extract documents on an engine (`open_engine`) and store them batch by batch.

    One transaction per batch. Batches come back in input order, so the rows written are the
    same whatever the engine and worker count; a killed build keeps every batch written before
    it died. Without a new document no worker starts and no model loads. A document whose
    extraction failed is recorded as rejected (one line in `report.rejected`); its batch goes on.
    """
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return
    mapper.start()  # the workers start while the first batch is read
    for extractions in mapper.map(batched(chain([first], documents), settings.batch_size)):
        signatures = index.take(e.document.id for e in extractions) if index else None
        failed = [e for e in extractions if e.failed]
        report.rejected.extend(f"{e.document.source}: {e.failed}" for e in failed)
        report.extracted += store.save_extractions(extractions, signatures)
        report.ingested += len(extractions) - len(failed)
        if on_progress:
            on_progress("document", len(extractions))


def release_freed_memory() -> None:
    """Give the heap memory this process has freed back to the system (glibc only).

    glibc keeps freed memory for later allocations, but the claims that corroboration reads
    after resolution do not fit in what resolution's working set left behind: returned, a
    reduce's peak is its resolution's, not that plus every claim (~15% lower at 28k documents, #7).
    """
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the C library Python runs on (find_library spawns ldconfig)
    except (OSError, AttributeError):  # not glibc: its heap is its own business
        pass


def reduce_graph(store: Store) -> tuple[int, int]:
    """Resolve entities across documents and corroborate claims; replace the derived graph."""
    with store.graph_lock():  # concurrent builds and reviews rebuild one at a time
        return _reduce_graph(store)


def _reduce_graph(store: Store) -> tuple[int, int]:
    from .corroborate import group_claims
    from .relations import load_ontology
    from .resolve import resolve_mentions
    from .store.reviews import get_entity_reviews

    inputs = store.graph_inputs()  # before reading: rows a concurrent build adds meanwhile make it stale

    # Mentions and claims stream from the database: memory holds the actors, entities and groups
    # being built, not every stored row (#7).
    part_of = [((c.document_id, c.subject), (c.document_id, c.object))
               for c in store.iter_claims(relation="PART_OF")]
    part_of += list(store.iter_parent_hints())
    # one side attacked or coerced the other: never one entity (#12)
    opposed = [((c.document_id, c.subject), (c.document_id, c.object))
               for relation in sorted(load_ontology().names(opposed=True))
               for c in store.iter_claims(relation=relation)]
    # entity reviews (merge/split/rename) in the flat shape resolution reads (docs/reviewing.md)
    resolution = resolve_mentions(store.iter_mentions(), part_of=part_of,
                                  reviews=get_entity_reviews(store.reviews()), opposed=opposed)
    release_freed_memory()
    documents = {d.id: d for d in store.iter_documents(with_text=False)}
    entities = {e.id: e for e in resolution.entities}
    groups = group_claims(store.iter_claims(), actor_entity=resolution.actor_entity, documents=documents,
                          entities=entities)
    store.replace_graph(resolution.entities, resolution.actor_entity, groups, inputs=inputs)
    return len(resolution.entities), len(groups)


def build(sources: Sequence[str], db: str, *, settings: Settings | None = None,
          allow_private: bool = False, on_progress: ProgressCallback | None = None,
          engine: str = "local", workers: int | None = None, address: str | None = None) -> BuildReport:
    """Ingest, extract and store `sources`, then rebuild the graph. Idempotent.

    `engine` is "local" (`workers` processes, default every core) or "ray" (`workers`
    actors on the cluster at `address`, or on a local one); see docs/scale.md.
    """
    from .engines import ExtractTask, open_engine

    settings = settings or get_settings()
    # Ray without --workers: one actor per CPU of the cluster, which only Ray knows
    workers = workers or (settings.workers if engine == "local" else None)
    report = BuildReport()
    # A bad engine option fails here, before the database is touched. The local engine's fork
    # server then imports spaCy and loads the pipeline beside the start-up below (store, ingest).
    with open_engine(engine, ExtractTask(settings.model), workers=workers, address=address) as mapper:
        store = Store(db)
        try:
            index = open_duplicate_index(store)
            documents = iter_new_documents(sources, store, report, settings=settings, index=index,
                                           allow_private=allow_private, on_progress=on_progress)
            try:
                map_documents(documents, mapper, store, report, settings=settings, on_progress=on_progress,
                              index=index)
            except EngineError:
                # a worker died: the graph is still built from the batches stored before it did
                mapper.close()
                reduce_graph(store)
                raise
            mapper.close()  # the memory of the workers (and fork server) is free for the reduce
            if report.extracted or not store.graph_is_current():
                report.entities, report.claim_groups = reduce_graph(store)
            else:  # nothing new since the graph was built: a re-run costs only reading the sources
                stats = store.stats()
                report.entities, report.claim_groups = stats["entities"], stats["claim_groups"]
        finally:
            store.close()
    return report


def ingest(sources: Sequence[str], db: str, *, settings: Settings | None = None,
           allow_private: bool = False, on_progress: ProgressCallback | None = None) -> BuildReport:
    """Store documents without extracting them (`claimgraph ingest`)."""
    settings = settings or get_settings()
    store = Store(db)
    report = BuildReport()
    try:
        index = open_duplicate_index(store)
        for document in iter_new_documents(sources, store, report, settings=settings, index=index,
                                           allow_private=allow_private, on_progress=on_progress):
            if store.add_document(document, index.take([document.id]).get(document.id)):
                report.ingested += 1
            if on_progress:
                on_progress("document", 1)
    finally:
        store.close()
    return report
