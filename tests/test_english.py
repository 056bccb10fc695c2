"""English end to end against the fake Bot API: language_code, /sprache, detection, tips."""

from __future__ import annotations

from bot.serve import DB_KEY, BotApp
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from tests.conftest import ADMIN_ID

READER = 4242


async def test_an_english_telegram_user_is_greeted_in_english(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/start", sender=Sender(READER, language_code="en-GB"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("Hello!")
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert rows[0][0]["callback_data"] == "t:rahmen"


async def test_the_english_menu_uses_english_command_names(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    (call, *_) = await fake_telegram.wait_for(  # the default scope first, then per scope
        "setMyCommands", lambda c: c.params.get("language_code") == "en"
    )
    assert "scope" not in call.params
    commands = {c["command"]: c["description"] for c in call.params["commands"]}
    assert {"help", "topics", "tip", "subscribe", "stop", "language", "privacy"} <= set(commands)
    assert commands["topics"] == "Browse all topics"


async def test_english_aliases_answer_in_the_readers_language(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/privacy", sender=Sender(READER, language_code="en"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "<b>Privacy at the Beteiligungslotse</b>" in call.params["text"]
    fake_telegram.clear_calls()
    fake_telegram.push_message("/help", sender=Sender(READER, language_code="en"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "/topics – Browse all topics" in call.params["text"]


async def test_sprache_switches_is_remembered_and_forget_deletes_it(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/sprache", sender=Sender(READER, language_code="de"))
    (asked,) = await fake_telegram.wait_for("sendMessage")
    buttons = [
        b["callback_data"] for row in asked.params["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert buttons == ["lang:de", "lang:en"]
    fake_telegram.push_callback("lang:en", asked.result, sender=Sender(READER))
    (edited,) = await fake_telegram.wait_for("editMessageText")
    assert edited.params["text"].startswith("Fine – from now on I will answer in English")
    db = running_bot.bot_data[DB_KEY]
    async with db.connection.execute(
        "SELECT lang FROM user_languages WHERE user_id = ?", (READER,)
    ) as cursor:
        assert await cursor.fetchall() == [("en",)]
    fake_telegram.clear_calls()
    fake_telegram.push_message("/start", sender=Sender(READER, language_code="de"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("Hello!")
    fake_telegram.clear_calls()
    fake_telegram.push_message("/forget", sender=Sender(READER, language_code="de"))
    (confirm,) = await fake_telegram.wait_for("sendMessage")
    fake_telegram.push_callback("forget:yes", confirm.result, sender=Sender(READER))
    await fake_telegram.wait_for("editMessageText")
    fake_telegram.clear_calls()
    fake_telegram.push_message("/start", sender=Sender(READER, language_code="de"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("Guten Tag!")


async def test_a_german_user_asking_in_english_gets_english(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    question = "How do we present a timeline for the participation process?"
    fake_telegram.push_message(question, sender=Sender(READER, language_code="de"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "Noted at the workshop (in German)" in call.params["text"]
    fake_telegram.clear_calls()
    fake_telegram.push_message("/start", sender=Sender(READER, language_code="de"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("Guten Tag!")


async def test_the_tip_comes_in_english(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/tip", sender=Sender(READER, language_code="en"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "Your tip for today" in call.params["text"]
    labels = [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "Read more" in labels


async def test_subscribe_understands_english_days_and_answers_in_english(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(
        "/subscribe 07:30 weekdays", sender=Sender(READER, language_code="en")
    )
    (call,) = await fake_telegram.wait_for("sendMessage")
    text = call.params["text"]
    assert "every weekday (Monday to Friday) at 07:30" in text
    labels = [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "Every day" in labels and "Cancel" in labels
    db = running_bot.bot_data[DB_KEY]
    async with db.connection.execute(
        "SELECT lang FROM user_languages WHERE user_id = ?", (READER,)
    ) as cursor:
        assert await cursor.fetchall() == [("en",)]  # the daily tip will come in English


async def test_an_english_admin_gets_english_stats(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID, language_code="en"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "📊 The last" in call.params["text"]


async def test_what_does_a_german_term_mean_is_answered_from_the_english_glossary(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(
        "What does Kontextsteuerung mean?", sender=Sender(READER, language_code="en")
    )
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "<b>Kontextsteuerung (steering through context)</b>" in call.params["text"]
    assert "does not steer every detail itself" in call.params["text"]


async def test_an_english_reader_gets_an_english_answer_with_english_buttons(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(
        "How can we avoid sham participation?", sender=Sender(READER, language_code="en-US")
    )
    (call,) = await fake_telegram.wait_for("sendMessage")
    text = call.params["text"]
    assert text.startswith("<b>No participation in powerlessness</b>")
    assert "Noted at the workshop (in German)" in text
    labels = [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "🗣 In plain words" in labels
    assert not any("Einfache Sprache" in label or "Themen" in label for label in labels)


async def test_an_english_reader_asking_for_a_passport_gets_the_english_town_hall_hint(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(
        "Where do I renew my passport?", sender=Sender(READER, language_code="en")
    )
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("That is a matter for your citizens' office (Bürgeramt)")


async def test_an_english_admin_announces_with_announce(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("/announce", sender=Sender(ADMIN_ID, language_code="en"))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"].startswith("How it works: /announce followed by the text")
