"""Near-duplicate detection (syndicated copies, one wire story on two sites) with MinHash LSH.

A document's MinHash signature is computed once, when it is ingested, and stored beside it
with its LSH band keys (#7): a later build looks a new text up in the database by its band
keys instead of reading and hashing every stored text again, and only the documents of the
running build that are not stored yet are held in memory.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from murmurhash.mrmr import hash as murmurhash

# Estimated Jaccard similarity of word 5-gram shingles above which two texts are one story.
# Syndicated copies with different furniture score > 0.8; articles on one topic from different
# outlets < 0.1 (tests/ingest/test_dedup.py). Rerun those tests if changed.
DUPLICATE_THRESHOLD = 0.5
NUM_PERM = 128
SHINGLE_WORDS = 5
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Stored signatures are only comparable when made with the same permutations and hash:
# change these and stored signatures must be recomputed (a new store migration).
_SEED = 1
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)


def _hash32(shingle: str) -> int:
    # MurmurHash3 (spaCy's own dependency): ~10x faster than datasketch's default SHA-1,
    # which was most of the cost of ingesting a plain-text document.
    return murmurhash(shingle) & 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash values (uint32) and the LSH band keys they fall in."""

    values: np.ndarray
    bands: tuple[int, ...]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @staticmethod
    def values_from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4")


@cache
def _band_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) minimizing false positives and negatives at `threshold`."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def make_signature(text: str, *, threshold: float = DUPLICATE_THRESHOLD) -> Signature | None:
    """The signature of `text`, or None when it has no words."""
    shingles = get_shingles(text)
    if not shingles:
        return None
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, permutations=_TEMPLATE.permutations,
                      scheme=_TEMPLATE.scheme)
    minhash.update_batch(shingles)
    values = minhash.hashvalues.astype(np.uint32)
    bands, rows = _band_shape(threshold)
    return Signature(values, tuple(_band_key(index, values[index * rows:(index + 1) * rows])
                                   for index in range(bands)))


def _band_key(index: int, values: np.ndarray) -> int:
    # a signed 64-bit key, which every SQL database stores as a BIGINT
    digest = hashlib.blake2b(values.astype("<u4").tobytes(), digest_size=8, person=b"band%04d" % index).digest()
    return int.from_bytes(digest, "little", signed=True)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' texts."""
    return float(np.count_nonzero(a == b)) / len(a)


# (band keys) -> (document id, signature bytes) of stored documents sharing one of them
StoredLookup = Callable[[tuple[int, ...]], Iterable[tuple[str, bytes]]]


class NearDuplicateIndex:
    """Finds the near-duplicate of a text among stored documents and those added since.

    Example:
        idx = NearDuplicateIndex(); idx.add("d1", text); idx.find(other_text) -> "d1" | None

    With `stored` (e.g. `Store.near_duplicate_candidates`) stored documents are looked up in
    the database; `take` hands the signatures of documents about to be stored over to the
    store and forgets them here, so memory holds only what is in flight.
    """

    def __init__(self, *, stored: StoredLookup | None = None, threshold: float = DUPLICATE_THRESHOLD):
        self.threshold = threshold
        self._stored = stored
        self._signatures: dict[str, Signature] = {}
        self._buckets: dict[int, set[str]] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self._signatures

    def signature(self, text: str) -> Signature | None:
        return make_signature(text, threshold=self.threshold)

    def add(self, document_id: str, text: str | Signature | None) -> None:
        """Index a text (or its signature) under `document_id` (adding an id twice keeps the first)."""
        signature = self.signature(text) if isinstance(text, str) else text
        if signature is None or document_id in self._signatures:
            return
        self._signatures[document_id] = signature
        for key in signature.bands:
            self._buckets.setdefault(key, set()).add(document_id)

    def find(self, text: str | Signature | None) -> str | None:
        """The id of the most similar indexed or stored document above the threshold, else None."""
        signature = self.signature(text) if isinstance(text, str) else text
        if signature is None:
            return None
        candidates = {document_id: self._signatures[document_id].values
                      for key in signature.bands for document_id in self._buckets.get(key, ())}
        if self._stored is not None:
            for document_id, data in self._stored(signature.bands):
                candidates.setdefault(document_id, Signature.values_from_bytes(data))
        best, best_score = None, self.threshold
        for candidate in sorted(candidates):
            score = similarity(signature.values, candidates[candidate])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = candidate, score
        return best

    def take(self, document_ids: Iterable[str]) -> dict[str, Signature]:
        """Remove these documents' signatures from memory and return them, for storing."""
        taken: dict[str, Signature] = {}
        for document_id in document_ids:
            signature = self._signatures.pop(document_id, None)
            if signature is None:
                continue
            taken[document_id] = signature
            for key in signature.bands:
                bucket = self._buckets[key]
                bucket.discard(document_id)
                if not bucket:
                    del self._buckets[key]
        return taken


def get_shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the case- and accent-folded text (fewer words: the whole text is one shingle)."""
    words = _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i: i + size]) for i in range(len(words) - size + 1)}
