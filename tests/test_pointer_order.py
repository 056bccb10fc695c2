"""Which pointer comes first among close ones (bot/matching/pointer_order.py): the one
naming the noun the question asks to be explained."""

from __future__ import annotations

import pytest

from bot.matching.decision import Fit, Ranked
from bot.matching.pointer_order import HEAD_TIE, head_first
from bot.snapshot import Snapshot


def _pointer(index: int, score: float) -> Ranked:
    return Ranked(index, score, Fit(0.5, 1.0, 0.0, 1.0, 0.0, score / 100, 0.0))


@pytest.mark.parametrize(
    ("scores", "names", "first"),
    [
        ((62.0, 51.0, 20.0), {2: 1.0}, 2),  # the second names the head: it goes first
        ((62.0, 51.0, 20.0), {1: 0.4, 2: 1.0}, 2),  # ... it names it better than the first
        ((62.0, 62.0 - HEAD_TIE - 1, 20.0), {2: 1.0}, 1),  # too far behind
        ((62.0, 51.0, 20.0), {1: 1.0, 2: 1.0}, 1),  # the first names it as well
        ((62.0, 51.0, 20.0), {2: 0.5}, 1),  # only a part of it: no name
        ((62.0, 51.0, 20.0), {}, 1),  # named by none
    ],
)
def test_the_pointer_naming_the_asked_head_goes_first(
    scores: tuple[float, ...], names: dict[int, float], first: int
) -> None:
    pointers = [_pointer(i + 1, score) for i, score in enumerate(scores)]
    ordered = head_first(pointers, lambda i: names.get(i, 0.0))
    assert ordered[0].index == first
    assert sorted(p.index for p in ordered) == [1, 2, 3]  # nothing lost


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        # "Übungsleitertätigkeit" names the allowances' pointer, but the card is asked about
        ("Was ist eine Ehrenamtskarte, und zählt Übungsleitertätigkeit dafür?", "ehrenamtskarte"),
        (
            "Was macht eine Freiwilligenagentur, und bekomme ich dort eine Aufwandsentschädigung?",
            "engagement-finden",
        ),
    ],
)
def test_the_pointer_of_the_asked_head_answers(
    shipped_snapshot: Snapshot, question: str, pointer: str
) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert result.pointer is not None and result.pointer.pointer.id == pointer
