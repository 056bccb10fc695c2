"""Lone command words in a message ("Hilfe!", "/themen") are commands, not questions."""

from __future__ import annotations

import pytest

from bot.matching.intents import HELP, START, TOPICS, command_word


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hilfe", HELP),
        (" hilfe! ", HELP),
        ("/help", HELP),
        ("Themen", TOPICS),
        ("/start", START),
        ("Hilfe bei der Moderation?", None),
        ("Wie finden wir Initiativen?", None),
        ("", None),
    ],
)
def test_command_word(text: str, intent: str | None) -> None:
    assert command_word(text) == intent
