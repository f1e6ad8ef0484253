"""Compare two normalized names token by token and say why they match (or None)."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from .normalize import skeleton_key, skeleton_token, strip_vowel_class

# Whole-name similarity (rapidfuzz ratio, 0-100) two names need for a fuzzy match; tuned on
# benchmarks/resolve_cases.csv (rerun benchmarks/resolve_bench.py --cases after changing it).
FUZZY_NAME_MIN = 88
# Similarity each differing token pair needs, so 'Islamic State' never meets 'Islamic Jihad' and
# one changed letter in a five-letter surname (Siduk/Tiduk: 80) is a different name.
FUZZY_TOKEN_MIN = 85
# Tokens shorter than this must agree exactly or by skeleton (short words are too easy to confuse).
FUZZY_TOKEN_MIN_LEN = 4
# Whole-name similarity that two names with equal but short skeletons still need (fewer than
# SKELETON_SURE_LETTERS letters: 'Usama' vs 'Sami' share 'sm').
SKELETON_NAME_MIN = 75
SKELETON_SURE_LETTERS = 6
# Skeletons shorter than this (letters over all tokens) are too weak to merge on alone.
SKELETON_MIN_LETTERS = 4


@lru_cache(maxsize=500_000)
def explain_match(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """Why the names with tokens a and b are one name, or None when they are not."""
    if not a or not b:
        return None
    if a == b:
        return f"same normalized name '{' '.join(a)}'"
    if len(a) != len(b):
        return None
    text_a, text_b = " ".join(a), " ".join(b)
    score = fuzz.ratio(text_a, text_b)
    skel_a, skel_b = skeleton_key(a), skeleton_key(b)
    if _is_abjad(a) or _is_abjad(b):
        skel_a, skel_b = strip_vowel_class(skel_a), strip_vowel_class(skel_b)
    letters = sum(map(len, skel_a))
    if skel_a == skel_b and letters >= SKELETON_MIN_LETTERS and (
            letters >= SKELETON_SURE_LETTERS or score >= SKELETON_NAME_MIN):
        return f"transliteration key '{' '.join(skel_a)}' ('{text_a}' ~ '{text_b}')"
    if score < FUZZY_NAME_MIN:
        return None
    for x, y in zip(a, b):
        if x == y or skeleton_token(x) == skeleton_token(y):
            continue
        if any(c.isdigit() for c in x + y):
            return None  # 'Brigade 9' and 'Brigade 19' are different units
        if min(len(x), len(y)) < FUZZY_TOKEN_MIN_LEN or fuzz.ratio(x, y) < FUZZY_TOKEN_MIN:
            return None
    return f"fuzzy {score:.0f} + same type ('{text_a}' ~ '{text_b}')"


def block_keys(tokens: tuple[str, ...], group: str) -> list[tuple]:
    """Blocking keys: names that could match share one (same length, all tokens but one equal in skeleton)."""
    skeleton = strip_vowel_class(skeleton_key(tokens))
    if len(skeleton) == 1:
        return [(group, 1, skeleton[0][:3])]
    return [(group, len(skeleton), i, skeleton[:i] + skeleton[i + 1:]) for i in range(len(skeleton))]


def _is_abjad(tokens: tuple[str, ...]) -> bool:
    """A name transliterated from a script without written vowels ('mhmd mrsy')."""
    return all(len(t) <= 2 or not any(v in t for v in "aeiou") for t in tokens)
