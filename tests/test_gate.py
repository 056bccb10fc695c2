"""The rules after the confidence model (bot/matching/gate.py): a principle that shares one
word with a message, or that does not explain the thing a one-sentence request asks for, is
no answer."""

from __future__ import annotations

import pytest

from bot.matching import KIND_PRINCIPLE
from bot.snapshot import Snapshot


@pytest.mark.parametrize(
    ("question", "principle"),
    [
        # the principle explains "Beratung", not the kind of counselling asked for
        ("Gibt es in der Stadt eine Beratung für pflegende Angehörige?", False),
        # workshop questions asking for a thing the principle names, or for a way
        ("Gibt es in der Verwaltung einen Single Point of Contact für Initiativen?", True),
        ("Gibt es eine gute Methode, um Schlüsselpersonen im Quartier früh einzubinden?", True),
    ],
)
def test_a_request_for_a_thing_the_principle_does_not_explain_gets_none(
    shipped_snapshot: Snapshot, question: str, principle: bool
) -> None:
    assert (shipped_snapshot.matcher.search(question).kind == KIND_PRINCIPLE) is principle


@pytest.mark.parametrize(
    ("question", "misses"),
    [
        ("Gibt es in der Stadt eine Beratung für pflegende Angehörige?", True),
        ("Welche Parteien sitzen bei uns im Stadtrat?", True),
        ("Gibt es in der Verwaltung einen Single Point of Contact für Initiativen?", False),
        ("Wie gewinnen wir Schlüsselpersonen?", False),  # asks for no thing
    ],
)
def test_misses_thing_of_the_best_principle(
    shipped_snapshot: Snapshot, question: str, misses: bool
) -> None:
    matcher = shipped_snapshot.matcher
    principles, _ = matcher.rank(matcher.terms(question), keep=1)
    assert matcher.gate.misses_thing(principles[0], question) is misses
