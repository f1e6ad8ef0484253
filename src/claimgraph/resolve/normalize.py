"""Normalize actor names and derive comparison keys (tokens, consonant skeleton, initials).

Normalization folds case and diacritics, drops articles ("the", "al-", "el-"),
possessives, hyphens, titles before person names and generic trailing words of
organization names. The skeleton key reduces each token to its consonants so
that romanizations of one Arabic name agree (Shwiesh/Shweish, Qishta/Kishta,
Mohammed/Muhammad, Haniyeh/Haniya).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normality import ascii_text

from .lexicon import load_lexicon

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u02bf": "", "\u02be": "",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_LEADING_ARTICLE = ("the", "a", "an")
# Letter groups that romanizations of one sound disagree on, applied in this order (digraphs first).
_SKELETON_RULES = (("ou", "u"), ("ee", "i"), ("oo", "u"), ("ph", "f"), ("sh", "x"), ("ch", "x"), ("zh", "j"),
                   ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ck", "k"), ("q", "k"), ("c", "k"),
                   ("g", "j"), ("v", "w"))
_VOWELS = re.compile(r"[aeiou]")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_FINAL_Y = re.compile(r"(ij|iy|yj|ii|yi)$")  # Zelenskij / Zelenskiy / Zelensky
_DOUBLES = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lowercase ASCII with unified apostrophes and hyphens: 'Abū Shwīesh' -> 'abu shwiesh'.

    Other scripts are transliterated by ICU through normality ('Владимир Путин' -> 'vladimir
    putin', 'محمد مرسي' -> 'mhmd mrsy', whose skeleton matches 'Mohamed Morsi').
    """
    text = text.translate(_APOSTROPHES)
    if text.isascii():
        return text.lower()
    latin = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if not latin.isascii():
        latin = ascii_text(latin) or ""
    return latin.lower()


@lru_cache(maxsize=200_000)
def name_tokens(text: str, type_: str | None = None) -> tuple[str, ...]:
    """Comparable tokens of a name: 'Hamas's al-Qassam Brigades' -> ('hamas', 'qassam', 'brigades')."""
    lex = load_lexicon()
    text = _POSSESSIVE.sub("", fold(text))
    tokens: list[str] = []
    for piece in text.split():
        parts = [p for p in re.split(r"-+", piece) if p]
        if len(parts) > 1 and parts[0].strip("'.") in lex.particles:
            parts = parts[1:]
        for part in parts:
            word = re.sub(r"[^a-z0-9]", "", part)
            if word:
                tokens.append(word)
    while tokens and tokens[0] in _LEADING_ARTICLE and len(tokens) > 1:
        tokens.pop(0)
    # "al" / "el" written as a separate word is the article too ("Al Jazeera", "el Sisi").
    tokens = [t for t in tokens if t not in ("al", "el")] or tokens
    tokens = [lex.variants.get(t, t) for t in tokens]
    if type_ == "person":
        tokens = _strip_titles(tokens, lex.titles)
    elif type_ == "organization" and len(tokens) > 2 and tokens[-1] in lex.org_suffixes:
        tokens = tokens[:-1]
    return tuple(tokens)


def _strip_titles(tokens: list[str], titles: tuple[tuple[str, ...], ...]) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for title in titles:
            n = len(title)
            if len(tokens) > n and tuple(tokens[:n]) == title:
                tokens = tokens[n:]
                changed = True
                break
    return tokens


def normalize_name(text: str, type_: str | None = None) -> str:
    """The normalized form of a name, used as an exact-match key."""
    return " ".join(name_tokens(text, type_))


@lru_cache(maxsize=200_000)
def skeleton_token(token: str) -> str:
    """Consonant skeleton of one token: 'shwiesh' and 'shweish' -> 'xwx'; 'haniyeh' -> 'hn'.

    A trailing 'U' marks a token whose first vowel is o/u, so that the back-vowel names
    stay apart from the front-vowel ones with the same consonants (Hussein 'hsnU' vs
    Hassan 'hsn'), while Mohammed/Muhammad and Morsi/Mursi still agree.
    """
    if token.isdigit() or len(token) <= 2:
        return token
    word = _FINAL_Y.sub("y", _FINAL_H.sub("", token))
    for old, new in _SKELETON_RULES:
        word = word.replace(old, new)
    # doubled letters fold before vowels drop, so 'Mohammed' = 'Mohamed' but 'Wagiqok' != 'Wijek'
    word = _DOUBLES.sub(r"\1", word)
    head, tail = word[0], word[1:].replace("y", "")
    if head in "aeiou":
        head = ""
    skeleton = head + _VOWELS.sub("", tail)
    if not skeleton:
        return token
    first_vowel = _VOWELS.search(word)
    return skeleton + ("U" if first_vowel and first_vowel.group() in "ou" else "")


def strip_vowel_class(skeleton: tuple[str, ...]) -> tuple[str, ...]:
    """A skeleton without its vowel-class marks (names from scripts that do not write vowels)."""
    return tuple(t.rstrip("U") for t in skeleton)


@lru_cache(maxsize=200_000)
def skeleton_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The skeleton of every token of a normalized name."""
    return tuple(skeleton_token(t) for t in tokens)


@lru_cache(maxsize=200_000)  # asked of every name many times over by anchoring and clustering (#7)
def is_acronym(text: str) -> bool:
    """True for 'IS', 'ISIS', 'U.S.', 'AQAP' and mixed-case 'LeT', 'JeM': compared case-sensitively."""
    compact = text.replace(".", "").replace("&", "")
    if not (2 <= len(compact) <= 7 and compact.isalnum() and sum(c.isalpha() for c in compact) >= 2):
        return False
    if compact.upper() == compact:
        return True
    # mixed-case abbreviations (LeT, JeM, HuJI, TdA): short, capital first, at least two capitals
    return len(compact) <= 5 and compact[0].isupper() and sum(c.isupper() for c in compact) >= 2


def acronym_key(text: str) -> str:
    """An acronym as compared (case kept, dots and spaces dropped): 'U.S.' -> 'US'."""
    return text.replace(".", "")


@lru_cache(maxsize=200_000)
def make_initials(text: str) -> str:
    """Initials of a long name, skipping small words: 'Popular Resistance Committees' -> 'PRC'."""
    lex = load_lexicon()
    words = [w for w in re.split(r"[\s\-]+", fold(_POSSESSIVE.sub("", text))) if w]
    letters = [w[0] for w in words if w not in lex.stop_initials and w not in lex.particles and w[0].isalnum()]
    return "".join(letters).upper()
