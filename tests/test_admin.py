"""Admin access: refusal for everyone else, /admin and /stats for admins (end to end)."""

from __future__ import annotations

import logging

import pytest

from bot.records.question_log import AnswerRef, LoggedQuestion, record_question, record_vote
from bot.serve import DB_KEY, BotApp
from bot.testing.fake_telegram import Call, FakeTelegramServer, Sender
from bot.ui.commands import Scope, commands_for
from tests.conftest import ADMIN_ID

STRANGER = 31337
ADMIN_COMMANDS = [c.name for c in commands_for(Scope.ADMIN)]
REFUSAL = "Dieser Befehl ist Administratorinnen und Administratoren vorbehalten."


def german_menu(call: Call) -> bool:
    """The default (German) command menu, not the English one."""
    return "language_code" not in call.params


@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_non_admin_is_refused_and_logged(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    caplog: pytest.LogCaptureFixture,
    command: str,
) -> None:
    caplog.set_level(logging.WARNING, logger="handlers.common")
    fake_telegram.push_message(f"/{command}", sender=Sender(STRANGER))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"] == REFUSAL
    assert str(STRANGER) in caplog.text
    assert not fake_telegram.calls_of("sendDocument")


async def test_admin_sees_the_admin_commands(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/admin", sender=Sender(ADMIN_ID))
    (call,) = await fake_telegram.wait_for("sendMessage")
    for name in ADMIN_COMMANDS:
        assert f"/{name} – " in call.params["text"]


async def test_admin_commands_are_not_in_the_public_menu(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    (call, *_) = await fake_telegram.wait_for("setMyCommands", german_menu)  # default scope
    assert "scope" not in call.params
    public = {c["command"] for c in call.params["commands"]}
    assert not public & set(ADMIN_COMMANDS)
    assert {"datenschutz", "vergessen"} <= public


async def test_stats_shows_the_seeded_figures(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    for _ in range(3):
        await record_question(db, LoggedQuestion("Zeitplan?", "answer", "private", "augenhoehe"))
    answer_id = await record_question(db, LoggedQuestion("Wo parken?", "refuse", "group"))
    await record_vote(db, AnswerRef(-100, answer_id), 5, "augenhoehe", 1)
    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    (call,) = await fake_telegram.wait_for("sendMessage")
    text = call.params["text"]
    assert text.count("Fragen: 4") == 2  # 7 and 30 days
    assert "beantwortet 75 % (3)" in text
    assert "Augenhöhe herstellen – 3×" in text
    assert "„Wo parken?“ – 1×" in text
    assert "Augenhöhe herstellen: 👍 1 · 👎 0" in text
