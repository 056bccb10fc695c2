"""The index's words by spelling (bot/matching/spellings.py): umlaut-free forms, typos of
index words, stems that share a long start."""

from __future__ import annotations

import pytest

from bot.matching.normalize import GERMAN, stem
from bot.matching.spellings import PLAIN_VOWEL_SIMILARITY, TYPO_SIMILARITY, Spellings

SURFACE = ("grundsaetze", "verwaltung", "schulung", "wollen", "beteiligung")
STEMS = {stem(w) for w in SURFACE} | {"schul"}


@pytest.fixture(scope="module")
def spellings() -> Spellings:
    return Spellings(STEMS, STEMS, SURFACE, GERMAN)


@pytest.mark.parametrize(
    ("word", "variants"),
    [
        ("grundsatze", [("grundsaetze", PLAIN_VOWEL_SIMILARITY)]),  # typed without umlauts
        ("verwaltng", [("verwaltung", TYPO_SIMILARITY[0])]),  # one edit
        ("beteilgng", [("beteiligung", TYPO_SIMILARITY[1])]),  # two edits from 8 letters
        ("sollen", []),  # a frequent German word ("wollen" is one edit away)
        ("abc", []),  # too short to be read as a typo
        ("verwaltung", []),  # the word itself is no variant
    ],
)
def test_a_word_is_read_as_the_index_word_it_may_be_a_spelling_of(
    spellings: Spellings, word: str, variants: list[tuple[str, float]]
) -> None:
    assert spellings.variants(word) == variants


def test_stems_sharing_a_long_start_are_one_family(spellings: Spellings) -> None:
    family = dict(spellings.prefix_family("schul"))
    assert set(family) == {stem("schulung")}
    assert 0.55 < family[stem("schulung")] < 0.95
    assert dict(spellings.prefix_family("sch")) == {}  # too short a start
