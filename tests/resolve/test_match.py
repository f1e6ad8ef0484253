"""Pairwise name comparison and blocking keys (claimgraph.resolve.match)."""
from __future__ import annotations

import pytest

from claimgraph.resolve.match import block_keys, explain_match
from claimgraph.resolve.normalize import name_tokens


def _match(a: str, b: str, type_: str = "person") -> str | None:
    return explain_match(name_tokens(a, type_), name_tokens(b, type_))


@pytest.mark.parametrize("a,b,why", [
    ("Abu Malek Abu Shwiesh", "Abu Malek Abu Shweish", "transliteration"),
    ("Moammar Gadhafi", "Muammar Gaddafi", "transliteration"),
    ("Muammar Gaddafi", "Muammar Qaddafi", "fuzzy"),
    ("Osama bin Laden", "Usama bin Ladin", "transliteration"),
    ("Ayman al-Zawahiri", "Ayman al-Zawahri", "transliteration"),
    ("Yahya Sinwar", "Yehia Sinwar", "transliteration"),
    ("محمد مرسي", "Mohamed Morsi", "transliteration"),
    ("Владимир Путин", "Vladimir Putin", "same normalized"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "transliteration"),
    ("Abubakar Shekau", "Abubakar Shekaou", "transliteration"),
])
def test_match_joins_spelling_variants(a, b, why):
    reason = _match(a, b)
    assert reason and reason.startswith(why)


@pytest.mark.parametrize("a,b,type_", [
    ("Abu Mohammed al-Adnani", "Abu Mohammed al-Julani", "person"),
    ("Islamic State", "Islamic Jihad", "organization"),
    ("Sinai Province", "Sinai", "organization"),
    ("Usama", "Sami", "person"),
    ("Sinai", "Sanaa", "organization"),
    ("Ismail Haniyeh", "Ismail Hamdan", "person"),
    ("Jaish al-Islam", "Jaish al-Adl", "organization"),
    ("Kata'ib Hezbollah", "Kata'ib Sayyid al-Shuhada", "organization"),
    ("Ahmad Shah Massoud", "Ahmad Zia Massoud", "person"),
])
def test_match_keeps_near_homonyms_apart(a, b, type_):
    assert _match(a, b, type_) is None


def test_match_block_keys_share_a_key_for_variants():
    a = set(block_keys(name_tokens("Muammar Gaddafi", "person"), "person"))
    b = set(block_keys(name_tokens("Muammar Qaddafi", "person"), "person"))
    assert a & b
