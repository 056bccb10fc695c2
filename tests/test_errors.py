"""The error handler end to end: unexpected exceptions are logged and the user hears about it."""

from __future__ import annotations

import logging

import pytest
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender

CHAT = 9001


class Boom(RuntimeError):
    """The test-only failure."""


async def fail(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A handler that always raises."""
    raise Boom("handler exploded")


@pytest.fixture
def failing_bot(running_bot: BotApp) -> BotApp:
    """The running bot with a /kaputt command that raises, first in the default group like a
    real feature handler (so no other handler answers /kaputt)."""
    running_bot.handlers[0].insert(0, CommandHandler("kaputt", fail))
    return running_bot


async def test_failing_handler_gets_a_polite_reply_and_is_logged(
    failing_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR, logger="handlers.errors")
    fake_telegram.push_message("/kaputt", sender=Sender(chat_id=CHAT))
    fake_telegram.push_message("/hilfe", sender=Sender(chat_id=CHAT))
    call, help_call = await fake_telegram.wait_for("sendMessage", count=2)
    assert "/themen" in help_call.params["text"]  # the bot goes on; nothing else was sent
    assert call.ok and call.params["chat_id"] == CHAT
    assert call.params["text"] == shipped_snapshot.content.text("error")
    (record,) = [r for r in caplog.records if r.name == "handlers.errors"]
    assert record.exc_info is not None and isinstance(record.exc_info[1], Boom)


async def test_failing_apology_does_not_stop_the_bot(
    failing_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.fail_next(1, status=400, method="sendMessage", description="Bad Request: x")
    fake_telegram.push_message("/kaputt", sender=Sender(chat_id=CHAT))
    fake_telegram.push_message("Wie vermeiden wir Scheinbeteiligung?", sender=Sender(chat_id=CHAT))
    calls = await fake_telegram.wait_for("sendMessage", count=2)
    assert [c.ok for c in calls] == [False, True]
    assert len(fake_telegram.calls_of("sendMessage")) == 2
    assert "Keine Beteiligung an Ohnmacht" in calls[1].params["text"]
