"""German compounds split into known stems (bot.matching.compounds)."""

from __future__ import annotations

import pytest

from bot.matching.compounds import Compounds
from bot.matching.normalize import stem
from bot.snapshot import Snapshot

KNOWN = {stem(w) for w in ("beteiligung", "prozess", "spielraum", "buerger", "projekt", "plan")}


def test_a_compound_of_known_parts_is_split() -> None:
    assert Compounds(KNOWN).split("beteiligungsprozess") == [stem("beteiligung"), "prozess"]


def test_an_unknown_start_leaves_a_specific_last_part() -> None:
    compounds = Compounds(KNOWN)
    assert compounds.known_tail("tarifspielraum", 0.35) == stem("spielraum")
    assert compounds.known_tail("inklusionsprojekt", 0.35) is None  # "Projekt" is everyday


def test_an_unknown_rest_leaves_the_known_start() -> None:
    assert Compounds(KNOWN).known_head("beteiligungsbuero") == stem("beteiligung")


def test_english_words_are_not_split() -> None:
    assert Compounds(KNOWN, "en").split("beteiligungsprozess") == []


@pytest.mark.parametrize(
    ("word", "stands_for"),
    [
        # "Trainer" is too everyday a word to stand for a compound on its own, but only
        # the allowances pointer is named by it: "Fußballtrainer" is a Trainer
        ("Fußballtrainer", "trainer"),
        ("Handballtrainer", "trainer"),
        # a workshop word stays below TAIL_SPECIFIC: "Inklusionsprojekt" is no Projekt
        ("Inklusionsprojekt", None),
    ],
)
def test_a_compound_ending_in_a_pointers_name_stands_for_it(
    shipped_snapshot: Snapshot, word: str, stands_for: str | None
) -> None:
    found = {c for term in shipped_snapshot.matcher.terms(word) for c, _ in term.candidates}
    if stands_for is None:
        assert stem("projekt") not in found
    else:
        assert stem(stands_for) in found
