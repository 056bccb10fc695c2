"""Questions are logged; 👍 / 👎 under answers store one changeable vote per user."""

from __future__ import annotations

from bot.serve import DB_KEY, BotApp
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from bot.ui.callbacks import MAX_CALLBACK_BYTES

CHAT = 6001


async def test_answer_is_logged_and_votes_are_stored_and_changeable(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    fake_telegram.push_message("Wie vermeiden wir Doppelstrukturen?", sender=Sender(CHAT))
    (answer,) = await fake_telegram.wait_for("sendMessage")
    rows = answer.params["reply_markup"]["inline_keyboard"]
    up, down = rows[-2]
    assert rows[-1][0]["text"] == "📚 Alle Themen"  # the existing buttons stay as they were
    assert (up["text"], down["text"]) == ("👍 Hilfreich", "👎 Nicht hilfreich")
    assert all(len(b["callback_data"].encode()) <= MAX_CALLBACK_BYTES for b in (up, down))
    assert up["callback_data"] == "fb:up:keine-doppelstrukturen"
    async with db.connection.execute(
        "SELECT entry_id, decision, chat_type, chat_id FROM question_log"
    ) as cursor:
        assert [tuple(r) for r in await cursor.fetchall()] == [
            ("keine-doppelstrukturen", "answer", "private", CHAT)
        ]

    for button in (up, down):
        fake_telegram.push_callback(button["callback_data"], answer.result, sender=Sender(CHAT))
    thanks = await fake_telegram.wait_for("answerCallbackQuery", count=2)
    assert {c.params["text"] for c in thanks} == {"Danke für Ihre Rückmeldung!"}
    async with db.connection.execute(
        "SELECT chat_id, message_id, user_id, entry_id, vote FROM answer_feedback"
    ) as cursor:
        assert [tuple(r) for r in await cursor.fetchall()] == [
            (CHAT, answer.result["message_id"], CHAT, "keine-doppelstrukturen", -1)
        ]


async def test_refusals_are_logged_without_feedback_buttons(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("Wie wird das Wetter morgen in Paris?", sender=Sender(CHAT))
    (reply,) = await fake_telegram.wait_for("sendMessage")
    data = [
        b["callback_data"] for row in reply.params["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert not any(d.startswith("fb:") for d in data)
    async with running_bot.bot_data[DB_KEY].connection.execute(
        "SELECT decision FROM question_log"
    ) as cursor:
        assert [r[0] for r in await cursor.fetchall()] == ["refuse"]


async def test_forged_feedback_button_gets_a_polite_note(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    message = {"message_id": 1, "chat": {"id": CHAT, "type": "private"}, "date": 0, "text": "x"}
    fake_telegram.push_callback("fb:up:gibt-es-nicht", message, sender=Sender(CHAT))
    (call,) = await fake_telegram.wait_for("answerCallbackQuery")
    assert "nicht mehr aktuell" in call.params["text"]
