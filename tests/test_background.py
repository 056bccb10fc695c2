"""The background model of general German: umlaut-free spellings and everyday typos."""

from __future__ import annotations

import pytest

from bot.matching.background import everyday_spelling, informativeness, restore_umlauts


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zustandig", "zustaendig"),
        ("ruckmeldung", "rueckmeldung"),
        ("grundsatze", "grundsaetze"),
        ("moglichkeiten", "moeglichkeiten"),
    ],
)
def test_words_typed_without_umlauts_get_them_back(typed: str, meant: str) -> None:
    assert restore_umlauts(typed) == meant


@pytest.mark.parametrize("word", ["kennt", "verwaltung", "fur", "xqzvbn", "touchpoints"])
def test_known_or_unfixable_words_stay(word: str) -> None:
    assert restore_umlauts(word) == word


def test_a_word_without_umlauts_is_as_specific_as_with_them() -> None:
    assert informativeness("zustandig") == informativeness("zustaendig") < 1.0


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("wlche", "welche"),
        ("trotzdme", "trotzdem"),
        ("wolln", "wollen"),
        ("verwaltng", "verwaltung"),
    ],
)
def test_a_typo_of_an_everyday_word_is_that_word(typo: str, meant: str) -> None:
    assert everyday_spelling(typo) == meant


@pytest.mark.parametrize("word", ["kennt", "keiner", "sark", "stinklangweilig"])
def test_real_words_short_words_and_far_ones_are_no_typos(word: str) -> None:
    assert everyday_spelling(word) is None
