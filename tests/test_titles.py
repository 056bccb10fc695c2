"""The nouns Wegweiser pointers are titled by (bot.matching.titles) and what the matcher does
with a one-sentence question that names one."""

from __future__ import annotations

import pytest

from bot.matching import KIND_POINTER
from bot.matching.normalize import fold, stem
from bot.matching.terms import Term
from bot.matching.titles import TitleNouns
from bot.snapshot import Snapshot


def _stem(word: str) -> str:
    return stem(fold(word))


@pytest.mark.parametrize(
    ("word", "titled"),
    [
        ("Ehrenamtskarte", True),  # "Ehrenamtskarte und andere Anerkennung"
        ("Bürgerrat", True),  # "Bürgerrat und Losverfahren"
        ("Losverfahren", True),
        ("Führungszeugnis", True),  # "Erweitertes Führungszeugnis im Ehrenamt"
        ("Datenschutz", True),  # "Datenschutz im Verein und in der Initiative"
        ("versichert", False),  # "Versichert im Ehrenamt": its keyword is the participle
        ("erweitert", False),  # an adjective
        ("Musik", False),  # an everyday noun, not the topic
        ("Ehrenamt", False),  # workshop entries use it too
        ("Verein", False),
    ],
)
def test_the_title_nouns_only_pointers_use(
    shipped_snapshot: Snapshot, word: str, titled: bool
) -> None:
    assert (_stem(word) in shipped_snapshot.matcher.titles) is titled


def test_a_term_names_a_title_noun_only_as_the_word_itself(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    card = matcher.document_ids().index(("pointer", "ehrenamtskarte"))
    council = matcher.document_ids().index(("pointer", "buergerrat"))
    itself = Term("ehrenamtskart", 1.0, 1.0, ((_stem("Ehrenamtskarte"), 1.0),))
    part = Term("ehrenamtskart", 1.0, 1.0, ((_stem("Ehrenamtskarte"), 0.8),))
    titles: TitleNouns = matcher.titles
    assert titles.names([itself], card)
    assert not titles.names([itself], council)  # another pointer's title noun
    assert not titles.names([part], card)  # only a similar word


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        # "Geschäft", "Partner" are words of the principle on working as equals
        ("Kann ich mit meinem Geschäft Partner der Ehrenamtskarte werden?", "ehrenamtskarte"),
        ("Wie kann ich mit meinem Geschäft Partner der Ehrenamtskarte werden?", "ehrenamtskarte"),
    ],
)
def test_a_question_naming_a_pointers_title_noun_gets_the_pointer(
    shipped_snapshot: Snapshot, question: str, pointer: str
) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert result.kind == KIND_POINTER and not result.answered
    assert result.pointer is not None and result.pointer.pointer.id == pointer
