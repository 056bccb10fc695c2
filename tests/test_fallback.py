"""Non-text messages and unknown input end to end: a short hint, never silence or a crash."""

from __future__ import annotations

import time
from typing import Any

import pytest

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender

CHAT = 8001
GROUP = -1008001
USER = {"id": CHAT, "is_bot": False, "first_name": "Erika"}

VOICE = {"voice": {"file_id": "VOICE1", "file_unique_id": "uv1", "duration": 3}}
LOCATION = {"location": {"latitude": 51.22, "longitude": 6.78}}


def push_media(server: FakeTelegramServer, message_id: int, media: dict[str, Any]) -> None:
    chat = {"id": CHAT, "type": "private", "first_name": "Erika"}
    message = {"message_id": message_id, "from": USER, "chat": chat, "date": int(time.time())}
    server.push_update({"message": {**message, **media}})


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location", "document"])
async def test_non_text_message_gets_the_text_hint(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    kind: str,
) -> None:
    if kind == "sticker":
        fake_telegram.push_sticker(sender=Sender(CHAT))
    elif kind == "photo":
        fake_telegram.push_photo(sender=Sender(CHAT))
    elif kind == "document":
        fake_telegram.push_document("notizen.pdf", sender=Sender(CHAT))
    else:
        push_media(fake_telegram, 900, VOICE if kind == "voice" else LOCATION)
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.ok and call.params["chat_id"] == CHAT
    assert call.params["text"] == shipped_snapshot.content.text("non_text")


async def test_non_text_in_a_group_is_ignored(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_sticker(sender=Sender(chat_id=GROUP, chat_type="supergroup"))
    fake_telegram.push_message("/start", sender=Sender(chat_id=GROUP, chat_type="supergroup"))
    (call,) = await fake_telegram.wait_for("sendMessage")  # only the /start greeting
    assert "Beteiligungslotse" in call.params["text"]
    assert len(fake_telegram.sent_messages(GROUP)) == 1


@pytest.mark.parametrize("command", ["/gibtsnicht", "/foo bar", "/hilfe@anderer_bot"])
async def test_unknown_command_in_private_chat_gets_a_hint(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    command: str,
) -> None:
    fake_telegram.push_message(command, sender=Sender(CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.ok
    assert call.params["text"] == shipped_snapshot.content.text("unknown_command")
