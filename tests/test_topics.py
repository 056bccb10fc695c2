"""/themen and the inline buttons end to end: navigation edits one message in place."""

from __future__ import annotations

import logging

import pytest

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import Call, FakeTelegramServer, Sender
from bot.ui.render import render_entry_by_id, render_reading, render_topic, render_topics

CHAT = 7001


def buttons(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


async def press(server: FakeTelegramServer, data: str, message: dict) -> Call:
    """Press a button on message and wait for the bot to answer the callback query."""
    query_id = server.push_callback(data, message)["callback_query"]["id"]
    (answer,) = await server.wait_for(
        "answerCallbackQuery", lambda c: c.params["callback_query_id"] == query_id
    )
    return answer


async def test_topics_to_entry_and_back_edits_one_message(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    fake_telegram.push_message("/themen", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    message = sent.result
    assert buttons(message) == [*(f"t:{t.id}" for t in content.topics), "wl", "read"]

    steps = [
        ("t:dialog", render_topic(content, "dialog")),
        ("e:keine-ohnmacht", render_entry_by_id(content, "keine-ohnmacht")),
        ("t:dialog", render_topic(content, "dialog")),
        ("top", render_topics(content)),
        ("read", render_reading(content)),
        ("top", render_topics(content)),
    ]
    for number, (data, expected) in enumerate(steps, 1):
        assert expected is not None
        answer = await press(fake_telegram, data, message)
        assert answer.ok and "text" not in answer.params
        edits = await fake_telegram.wait_for("editMessageText", count=number)
        edit = edits[number - 1]
        assert edit.ok
        assert edit.params["message_id"] == message["message_id"]
        assert edit.params["text"] == expected.text
        assert buttons(edit.result) == [b.data for row in expected.buttons for b in row]
    assert buttons(fake_telegram.get_message(CHAT, message["message_id"]) or {})[0] == "t:rahmen"
    assert len(fake_telegram.calls_of("sendMessage")) == 1


async def test_pressing_the_button_of_the_current_view_does_not_fail(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/themen", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    await press(fake_telegram, "top", sent.result)
    await press(fake_telegram, "t:rahmen", sent.result)
    (edit,) = await fake_telegram.wait_for("editMessageText", lambda c: c.ok)
    unchanged = fake_telegram.calls_of("editMessageText")[0]
    assert not unchanged.ok and "not modified" in (unchanged.error or "")
    assert len(fake_telegram.sent_messages(CHAT)) == 1  # no error message was sent
    assert "Rahmenbedingungen" in edit.params["text"]


@pytest.mark.parametrize(
    "data",
    ["zzz", "e:gibt-es-nicht", "t:gibt-es-nicht", "e:" + "a" * 100, "top:x", "<b>", "e:"],
)
async def test_forged_or_stale_button_gets_a_polite_answer(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    data: str,
) -> None:
    fake_telegram.push_message("/themen", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    answer = await press(fake_telegram, data, sent.result)
    assert answer.ok
    assert answer.params["text"] == shipped_snapshot.content.text("stale_button")
    assert not fake_telegram.calls_of("editMessageText")
    fake_telegram.push_message("Wie vermeiden wir Scheinbeteiligung?", sender=Sender(chat_id=CHAT))
    await fake_telegram.wait_for("sendMessage", count=2)  # the bot is still answering
    assert len(fake_telegram.sent_messages(CHAT)) == 2


async def test_lesetipps_lists_the_reading_with_links(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    fake_telegram.push_message("/lesetipps", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    assert sent.ok and sent.params["text"] == render_reading(content).text
    assert all(r.url in sent.params["text"] for r in content.reading)
    assert buttons(sent.result) == ["top"]


async def test_practical_questions_open_a_pointer_and_its_principle_in_place(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    pointer = content.pointer("foerdermittel")
    assert pointer is not None and pointer.related
    fake_telegram.push_message("/themen", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    message = sent.result
    assert buttons(message)[-2:] == ["wl", "read"]
    await press(fake_telegram, "wl", message)
    (listing,) = await fake_telegram.wait_for("editMessageText")
    assert "Praktische Fragen" in listing.params["text"]
    assert buttons(listing.result) == [*(f"w:{p.id}" for p in content.pointers), "top"]
    await press(fake_telegram, "w:foerdermittel", message)
    edits = await fake_telegram.wait_for("editMessageText", count=2)
    shown = edits[1]
    assert shown.ok, shown.error  # the fake server parsed the HTML, links included
    assert shown.params["text"].startswith(f"<b>{pointer.title}</b>")
    assert f'<a href="{pointer.links[0].url}">' in shown.params["text"]
    assert pointer.note in shown.params["text"]
    principle = f"e:{pointer.related[0]}"
    assert content.contacts  # the shipped example contacts: the local helpers come next
    assert buttons(shown.result) == [principle, "kontakt", "wl", "top"]
    await press(fake_telegram, principle, message)
    edits = await fake_telegram.wait_for("editMessageText", count=3)
    entry = content.entry(pointer.related[0])
    assert entry is not None and edits[2].params["text"].startswith(f"<b>{entry.title}</b>")
    assert len(fake_telegram.calls_of("sendMessage")) == 1


async def test_a_button_under_a_message_that_cannot_be_edited_answers_anew(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.serve.telegram_io")
    fake_telegram.push_message("/themen", sender=Sender(chat_id=CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    gone = {**sent.result, "message_id": 987654}  # deleted meanwhile: Telegram cannot edit it
    topic = shipped_snapshot.content.topics[0]
    await press(fake_telegram, f"t:{topic.id}", gone)
    _, anew = await fake_telegram.wait_for("sendMessage", count=2)
    (edit,) = fake_telegram.calls_of("editMessageText")
    assert "message to edit not found" in str(edit.error)
    expected = render_topic(shipped_snapshot.content, topic.id)
    assert expected is not None and anew.params["text"] == expected.text
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    assert any("cannot be edited" in r.getMessage() for r in caplog.records)
