"""/start, /hilfe and the registered commands, end to end against the fake Bot API."""

from __future__ import annotations

from bot.serve import BotApp
from bot.testing.fake_telegram import Call, FakeTelegramServer, Sender

CHAT = 5001
USER_COMMANDS = [
    "start",
    "hilfe",
    "themen",
    "lesetipps",
    "glossar",
    "rolle",
    "tipp",
    "abo",
    "stopp",
    "sprache",
    "datenschutz",
    "vergessen",
    "kontakt",
]


def german_menu(call: Call) -> bool:
    """The default (German) command menu, not the English one."""
    return "language_code" not in call.params


async def test_start_greets_with_topic_keyboard(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/start", sender=Sender(chat_id=CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["chat_id"] == CHAT
    assert "Beteiligungslotse" in call.params["text"]
    assert call.params["parse_mode"] == "HTML"
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in rows][:2] == ["t:rahmen", "t:spannungsfelder"]


async def test_commands_are_registered_in_german(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    (call, *_) = await fake_telegram.wait_for("setMyCommands", german_menu)  # default scope first
    assert "scope" not in call.params
    registered = {c["command"]: c["description"] for c in call.params["commands"]}
    assert list(registered) == USER_COMMANDS
    assert registered["themen"] == "Alle Themen durchstöbern"


async def test_help_lists_every_command(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/hilfe", sender=Sender(chat_id=CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    for name in USER_COMMANDS:
        assert f"/{name} – " in call.params["text"]
