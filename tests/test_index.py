"""Building the matcher's index (bot/matching/index.py): what pointers are found by."""

from __future__ import annotations

import pytest

from bot.matching import KIND_POINTER
from bot.matching.normalize import stem
from bot.snapshot import Snapshot


def _pointers_with(snapshot: Snapshot, word: str) -> set[str]:
    matcher = snapshot.matcher
    ids = matcher.document_ids()
    posting = matcher._postings.get(stem(word), {})
    return {ids[i][1] for i in posting if ids[i][0] == "pointer"}


@pytest.mark.parametrize(
    ("word", "pointer", "found"),
    [
        # an office in the pointer's "who helps" lines that no workshop entry names
        ("finanzamt", "aufwandsentschaedigung", True),
        ("jugendamt", "freistellung", True),
        # everyday words of those lines are no office ("in Ihrer Region")
        ("region", "foerdermittel", False),
        ("bundesland", "versicherung", False),
    ],
)
def test_a_pointer_is_found_by_the_offices_that_help(
    shipped_snapshot: Snapshot, word: str, pointer: str, found: bool
) -> None:
    assert (pointer in _pointers_with(shipped_snapshot, word)) is found


def test_a_question_naming_the_office_reaches_the_pointer_it_helps_with(
    shipped_snapshot: Snapshot,
) -> None:
    # "Finanzamt" is in the donations pointer's questions; the allowances pointer names it
    # only as who helps, but the question is about a trainer's pay
    result = shipped_snapshot.matcher.search(
        "Meine Tochter trainiert im Sportverein die Kleinen und bekommt dafür 100 Euro – "
        "will das Finanzamt davon wissen?"
    )
    assert result.kind == KIND_POINTER and result.pointer is not None
    assert result.pointer.pointer.id == "aufwandsentschaedigung"
