"""Sending replies: `send_answer` puts the same request on the wire as `send_reply`."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Message
from telegram.ext import ExtBot

from bot.serve import send_answer, send_reply
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from bot.ui import Button, Reply
from tests.conftest import BOT_TOKEN

LONG = "\n\n".join(f"<b>Absatz {n}</b> " + "Wörter &amp; Sätze. " * 40 for n in range(12))
REPLIES = {
    "short-with-buttons": Reply("<b>Antwort</b>", ((Button("Mehr", "m:1"),),)),
    "split-with-buttons": Reply(LONG, ((Button("Mehr", "m:1"), Button("Themen", "t:")),)),
    "share-button": Reply("Teilen?", ((Button("Teilen", "", switch_inline="Vertrauen"),),)),
    "plain": Reply("Nur Text"),
}


def question(fake: FakeTelegramServer, bot: ExtBot[None], chat_type: str, topic: bool) -> Message:
    """A question the fake server knows (so it can be quoted), as the bot receives it."""
    extra: dict[str, Any] = {"is_topic_message": True, "message_thread_id": 9} if topic else {}
    chat = 5 if chat_type == "private" else -100
    update = fake.push_message(
        "Wie finden wir Initiativen?", sender=Sender(5, chat_id=chat, chat_type=chat_type), **extra
    )
    return Message.de_json(update["message"], bot)


@pytest.mark.parametrize("reply", REPLIES.values(), ids=REPLIES.keys())
@pytest.mark.parametrize(
    ("chat_type", "topic", "quote"),
    [("private", False, False), ("supergroup", False, True), ("supergroup", True, True)],
    ids=["private", "group-quoted", "forum-topic"],
)
async def test_send_answer_sends_what_send_reply_sends(
    fake_telegram: FakeTelegramServer, reply: Reply, chat_type: str, topic: bool, quote: bool
) -> None:
    async with ExtBot(BOT_TOKEN, base_url=fake_telegram.base_url) as bot:
        message = question(fake_telegram, bot, chat_type, topic)
        await send_reply(message, reply, quote=quote)
        by_reply = [call.params for call in fake_telegram.calls_of("sendMessage")]
        fake_telegram.clear_calls()
        await send_answer(message, reply, quote=quote)
        by_answer = [call.params for call in fake_telegram.calls_of("sendMessage")]
    assert by_answer == by_reply
    assert (len(by_reply) > 1) == (reply.text is LONG)
    assert all(call.ok for call in fake_telegram.calls_of("sendMessage"))
