"""German compounds split into known stems (bot.matching.compounds)."""

from __future__ import annotations

from bot.matching.compounds import Compounds
from bot.matching.normalize import stem

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
