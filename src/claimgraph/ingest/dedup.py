"""Near-duplicate detection (syndicated copies, one wire story on two sites) with MinHash LSH."""
from __future__ import annotations

import logging
import re
import unicodedata

from datasketch import LeanMinHash, MinHash, MinHashLSH

log = logging.getLogger(__name__)

# Estimated Jaccard similarity of word 5-gram shingles above which two texts are one story.
# Syndicated copies with different furniture score > 0.8; articles on one topic from different
# outlets < 0.1 (tests/ingest/test_dedup.py). Rerun those tests if changed.
DUPLICATE_THRESHOLD = 0.5
NUM_PERM = 128
SHINGLE_WORDS = 5
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


class NearDuplicateIndex:
    """An in-memory index of documents' texts; `find` returns the id of a near-duplicate.

    Example:
        idx = NearDuplicateIndex(); idx.add("d1", text); idx.find(other_text) -> "d1" | None
    """

    def __init__(self, *, threshold: float = DUPLICATE_THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # Lean hashes (seed + values, ~1 KB) keep memory small on large batches.
        self._hashes: dict[str, LeanMinHash] = {}
        template = MinHash(num_perm=num_perm)
        self._permutations, self._scheme = template.permutations, template.scheme

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self._hashes

    def add(self, document_id: str, text: str) -> None:
        """Index `text` under `document_id` (adding an id twice keeps the first text)."""
        if document_id in self._hashes:
            return
        minhash = self._make_minhash(text)
        if minhash is None:
            return
        lean = LeanMinHash(minhash)
        self._hashes[document_id] = lean
        self._lsh.insert(document_id, lean)

    def find(self, text: str) -> str | None:
        """The id of the most similar indexed document above the threshold, else None."""
        minhash = self._make_minhash(text)
        if minhash is None:
            return None
        best, best_score = None, self.threshold
        for candidate in sorted(self._lsh.query(minhash)):
            score = minhash.jaccard(self._hashes[candidate])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = candidate, score
        return best

    def _make_minhash(self, text: str) -> MinHash | None:
        shingles = get_shingles(text)
        if not shingles:
            return None
        minhash = MinHash(num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return minhash


def get_shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the case- and accent-folded text (fewer words: the whole text is one shingle)."""
    words = _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i: i + size]) for i in range(len(words) - size + 1)}
