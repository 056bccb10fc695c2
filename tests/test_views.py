"""End to end: the "Einfacher gesagt" / "Ausführlich" switch edits the answer in place."""

from __future__ import annotations

from typing import Any

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from bot.ui import SwitchView, View, render_result

CHAT = 6101
QUESTION = "Wie vermeiden wir Scheinbeteiligung?"


def keyboard(message: dict[str, Any]) -> list[list[tuple[str, str]]]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [
        [(b["text"], b.get("callback_data", b.get("switch_inline_query"))) for b in row]
        for row in rows
    ]


async def test_switch_to_plain_and_back_edits_the_answer_in_place(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    result = shipped_snapshot.matcher.search(QUESTION)
    fake_telegram.push_message(QUESTION, sender=Sender(CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    original = keyboard(sent.result)
    assert sent.params["text"] == render_result(content, result).text
    assert original[0] == [(content.text("button_plain"), "v:plain:keine-ohnmacht")]

    fake_telegram.push_callback("v:plain:keine-ohnmacht", sent.result, sender=Sender(CHAT))
    (edit,) = await fake_telegram.wait_for("editMessageText")
    assert edit.ok and edit.params["message_id"] == sent.result["message_id"]
    assert edit.params["text"] == render_result(content, result, View(plain=True)).text
    entry = content.entry("keine-ohnmacht")
    assert entry is not None and entry.plain is not None
    assert entry.plain.summary in edit.params["text"]
    plain = keyboard(edit.result)
    assert plain[0] == [(content.text("button_full"), "v:full:keine-ohnmacht")]
    assert plain[1:] == original[1:]  # tensions, related, 👍/👎 and topics stay

    fake_telegram.push_callback("v:full:keine-ohnmacht", edit.result, sender=Sender(CHAT))
    edits = await fake_telegram.wait_for("editMessageText", count=2)
    assert edits[1].params["text"] == sent.params["text"]
    assert keyboard(edits[1].result) == original
    assert len(fake_telegram.calls_of("sendMessage")) == 1


MIXED = "Spende oder Partnerschaft"  # a principle that also touches a practical topic


async def test_switch_keeps_the_practical_pointer_offer_which_opens_the_pointer(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    result = shipped_snapshot.matcher.search(MIXED)
    assert result.answered and result.best and result.pointer
    entry, pointer = result.best.entry, result.pointer.pointer
    offer = (content.text("button_pointer_also", title=pointer.title), f"w:{pointer.id}")
    fake_telegram.push_message(MIXED, sender=Sender(CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    original = keyboard(sent.result)
    assert sent.params["text"].startswith(f"<b>{entry.title}</b>")
    assert [offer] in original

    fake_telegram.push_callback(f"v:plain:{entry.id}", sent.result, sender=Sender(CHAT))
    (edit,) = await fake_telegram.wait_for("editMessageText")
    assert edit.ok and [offer] in keyboard(edit.result)
    assert keyboard(edit.result)[1:] == original[1:]

    fake_telegram.push_callback(offer[1], edit.result, sender=Sender(CHAT))
    edits = await fake_telegram.wait_for("editMessageText", count=2)
    assert edits[1].ok and edits[1].params["text"].startswith(f"<b>{pointer.title}</b>")
    assert f'<a href="{pointer.links[0].url}">' in edits[1].params["text"]
    assert pointer.note in edits[1].params["text"]


async def test_switch_for_a_removed_entry_gets_a_polite_note(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    fake_telegram.push_message(QUESTION, sender=Sender(CHAT))
    (sent,) = await fake_telegram.wait_for("sendMessage")
    fake_telegram.push_callback(SwitchView("plain", "gibtsnicht").pack(), sent.result)
    (note,) = await fake_telegram.wait_for("answerCallbackQuery")
    assert note.params["text"] == shipped_snapshot.content.text("stale_button")
    assert not fake_telegram.calls_of("editMessageText")


async def test_every_shipped_answer_has_the_switch(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    for entry in content.entries:
        if entry.plain is None:
            continue
        result = shipped_snapshot.matcher.search(entry.questions[0])
        if result.best is None or result.best.entry.id != entry.id:
            continue
        first = render_result(content, result).buttons[0][0]
        assert SwitchView.parse(first.data) == SwitchView("plain", entry.id)
