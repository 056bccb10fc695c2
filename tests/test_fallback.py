"""Non-text messages and unknown input end to end: a short hint, never silence or a crash."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender

CHAT = 8001
GROUP = -1008001
ASKER = Sender(CHAT)
IN_GROUP = Sender(chat_id=GROUP, chat_type="supergroup")
VOICE = {"voice": {"file_id": "VOICE1", "file_unique_id": "uv1", "duration": 3}}
LOCATION = {"location": {"latitude": 51.22, "longitude": 6.78}}
PUSH_NON_TEXT: dict[str, Callable[[FakeTelegramServer], object]] = {
    "sticker": lambda fake: fake.push_sticker(sender=ASKER),
    "photo": lambda fake: fake.push_photo(sender=ASKER),
    "voice": lambda fake: fake.push_media(VOICE, sender=ASKER),
    "location": lambda fake: fake.push_media(LOCATION, sender=ASKER),
    "document": lambda fake: fake.push_document("notizen.pdf", sender=ASKER),
}


@pytest.mark.parametrize("kind", PUSH_NON_TEXT)
async def test_non_text_message_gets_the_text_hint(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    kind: str,
) -> None:
    PUSH_NON_TEXT[kind](fake_telegram)
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.ok and call.params["chat_id"] == CHAT
    assert call.params["text"] == shipped_snapshot.content.text("non_text")


async def test_non_text_in_a_group_is_ignored(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_sticker(sender=IN_GROUP)
    fake_telegram.push_message("/start", sender=IN_GROUP)
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
    fake_telegram.push_message(command, sender=ASKER)
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.ok
    assert call.params["text"] == shipped_snapshot.content.text("unknown_command")
