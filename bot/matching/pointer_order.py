"""Which Wegweiser pointer comes first among those that fit about as well.

Scores rank the pointers by how much of a message each explains; among close ones, what
the question asks about decides: the noun it asks for as the object of being, getting or
needing something (`bot.matching.asking.asked_head`: "Was ist ein Einwohnerantrag, und wie
viele Unterschriften braucht man dafür?" asks about the Einwohnerantrag, though
"Unterschriften" names the Bürgerbegehren pointer as well).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.decision import Ranked

__all__ = ["HEAD_TIE", "NAMES_HEAD", "head_first"]

HEAD_TIE = 20.0  # pointers this close to the best: the one naming the asked head goes first
NAMES_HEAD = 0.8  # ... when it has the head (or a close form of it) where it says what it is


def head_first(pointers: list[Ranked], value: Callable[[int], float]) -> list[Ranked]:
    """The ranked pointers, the one of those within HEAD_TIE of the first that explains the
    asked head best first, when it explains it better than the first (`value(index)`: how
    well a document explains the head, 0.0 for not at all) and at least NAMES_HEAD."""
    if len(pointers) < 2:
        return pointers
    floor = pointers[0].score - HEAD_TIE
    close = [p for p in pointers if p.score >= floor]
    first = max(close, key=lambda p: value(p.index))  # the best-scored of equals: max is stable
    if first is pointers[0] or value(first.index) < max(NAMES_HEAD, value(pointers[0].index)):
        return pointers
    if value(first.index) == value(pointers[0].index):
        return pointers
    return [first, *(p for p in pointers if p is not first)]
