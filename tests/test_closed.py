"""The fixed sets of German (`bot.matching.closed`) and the tables derived from them."""

from __future__ import annotations

import re

import pytest

from bot.matching.closed import DEMONSTRATIVES, SPELLED_OUT, UMLAUTS, inflected, one_of
from bot.matching.normalize import DEUMLAUT, FOLDS, fold


@pytest.mark.parametrize(
    ("text", "spelled"),
    [("Ärger über Öl", "Aerger ueber Oel"), ("Straße", "Strasse"), ("Café", "Café")],
)
def test_spelled_out_keeps_the_case(text: str, spelled: str) -> None:
    assert text.translate(SPELLED_OUT) == spelled


def test_fold_spells_every_umlaut_as_the_table_does() -> None:
    assert all(fold(char.upper()) == spelled for char, spelled in UMLAUTS.items() if char != "ß")
    assert dict(FOLDS) == UMLAUTS | {"é": "e", "è": "e"}


def test_deumlaut_drops_the_e_of_each_spelled_umlaut() -> None:
    assert DEUMLAUT == (("ae", "a"), ("oe", "o"), ("ue", "u"))


def test_inflected_drops_the_e_of_euer_before_an_ending() -> None:
    assert inflected(("mein", "euer"), ("", "e", "em")) == {
        "mein",
        "meine",
        "meinem",
        "euer",
        "eure",
        "eurem",
    }


def test_one_of_puts_longer_words_first_so_a_regex_takes_the_whole_word() -> None:
    assert re.findall(one_of(DEMONSTRATIVES), "dieses") == ["dieses"]
