"""Questions end to end: answers, refusals, groups, escaping and long answers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Settings
from bot.matching.matcher import Matcher
from bot.serve import BotApp
from bot.serve.app import build_application
from bot.snapshot import ContentStore, Snapshot
from bot.testing.fake_telegram import BOT_USERNAME, FakeTelegramServer, Sender, parse_html
from bot.testing.polling import start_polling, stop_polling
from bot.ui.render import MAX_MESSAGE_CHARS, esc, render_result
from tests.conftest import ADMIN_ID

CHAT = 6001
GROUP = -1001234
IN_GROUP = Sender(chat_id=GROUP, chat_type="supergroup")
QUESTION = "Wie vermeiden wir Scheinbeteiligung?"
OUT_OF_SCOPE = "Wie backe ich einen Kuchen?"


def buttons(params: dict) -> list[tuple[str, str]]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row if "callback_data" in b]


async def test_question_is_answered_with_the_right_entry(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    fake_telegram.push_message(QUESTION, sender=Sender(chat_id=CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    params = call.params
    assert call.ok and params["chat_id"] == CHAT and params["parse_mode"] == "HTML"
    shown, entities = parse_html(params["text"])
    assert shown.startswith("Keine Beteiligung an Ohnmacht\n")
    assert {"type": "bold", "offset": 0, "length": 29} in entities
    assert "\n1. Klären Sie vor jeder Beteiligung intern" in shown
    assert f"{content.text('tensions_header')}\n• " in shown
    entry = content.entry("keine-ohnmacht")
    assert entry is not None and "3.3 Dialoggestaltung" in content.source_label(entry)
    assert shown.endswith(content.text("source_workshop", sections=content.source_label(entry)))
    assert "Im Workshop notiert: „Keine Beteiligung an Ohnmacht!“" in shown
    data = [d for _, d in buttons(params)]
    assert data[:3] == ["v:plain:keine-ohnmacht", "e:ressource-partner", "e:empowerment-steuern"]
    assert "e:rahmen-klar-benennen" in data and data[-1] == "top"
    expected = render_result(content, shipped_snapshot.matcher.search(QUESTION))
    assert params["text"] == expected.text
    assert [d for row in expected.buttons for d in (b.data for b in row)] == data


async def test_out_of_scope_question_is_refused_honestly(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    fake_telegram.push_message(OUT_OF_SCOPE, sender=Sender(chat_id=CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["text"] == esc(content.text("refused"))
    topics = [f"t:{t.id}" for t in content.topics]
    data = [d for _, d in buttons(call.params)]
    assert data[2:] == [*topics, "wl"]
    assert data[0].startswith("ask:") and data[1] == "kontakt"  # a person to ask (issue 13)
    assert not any(e.title in call.params["text"] for e in content.entries)


async def test_group_chatter_is_ignored_mentions_and_replies_are_answered(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message(QUESTION, sender=IN_GROUP)
    mention = fake_telegram.push_message(f"@{BOT_USERNAME} {QUESTION}", sender=IN_GROUP)["message"]
    (answer,) = await fake_telegram.wait_for("sendMessage")
    assert answer.params["chat_id"] == GROUP
    assert answer.params["reply_parameters"]["message_id"] == mention["message_id"]
    assert "Keine Beteiligung an Ohnmacht" in answer.params["text"]
    fake_telegram.push_message("Danke!", sender=IN_GROUP)
    fake_telegram.push_message(
        "Und wie präsentieren wir den Zeitplan?",
        sender=IN_GROUP,
        reply_to_message=answer.result,
    )
    calls = await fake_telegram.wait_for("sendMessage", count=2)
    assert len(fake_telegram.sent_messages(GROUP)) == 2
    assert "Zeitplan" in calls[1].params["text"]


async def test_html_in_a_question_never_reaches_telegram_unescaped(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    hostile = '<b>Zeitplan</b> & <script>alert("x")</script> <a href="x">Augenhöhe</a> &amp;'
    fake_telegram.push_message(hostile, sender=Sender(chat_id=CHAT))
    fake_telegram.push_message(
        f"@{BOT_USERNAME} {hostile}", sender=Sender(chat_id=GROUP, chat_type="group")
    )
    fake_telegram.push_inline_query(hostile)
    calls = await fake_telegram.wait_for("sendMessage", count=2)
    (inline,) = await fake_telegram.wait_for("answerInlineQuery")
    assert all(call.ok for call in [*calls, inline])
    for call in calls:
        assert "<script>" not in call.params["text"] and "<a " not in call.params["text"]
        parse_html(call.params["text"])  # Telegram would accept it


async def test_over_long_answer_is_split_into_valid_messages(
    settings: Settings,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    entry = content.entry("keine-ohnmacht")
    assert entry is not None
    long_entry = replace(
        entry,
        summary="Sehr ausführlich & gründlich erklärt. " * 80,
        steps=tuple(f"Schritt {n}: " + "Tun Sie <das> & jenes. " * 25 for n in range(8)),
    )
    entries = tuple(long_entry if e.id == entry.id else e for e in content.entries)
    long_content = replace(content, entries=entries)
    snapshot = Snapshot(long_content, Matcher(long_content))
    app = build_application(settings, ContentStore(settings.content_dir, snapshot))
    await start_polling(app)
    try:
        fake_telegram.push_message(QUESTION, sender=Sender(chat_id=CHAT))
        fake_telegram.push_message(
            "/hilfe", sender=Sender(chat_id=CHAT)
        )  # handled after every part is sent
        help_calls = await fake_telegram.wait_for(
            "sendMessage", lambda c: "/themen" in c.params["text"]
        )
    finally:
        await stop_polling(app)
    parts = [c for c in fake_telegram.calls_of("sendMessage") if c not in help_calls]
    assert len(parts) >= 2
    assert all(c.ok for c in parts)
    assert all(len(parse_html(c.params["text"])[0]) <= MAX_MESSAGE_CHARS for c in parts)
    assert [bool(c.params.get("reply_markup")) for c in parts] == [False] * (len(parts) - 1) + [
        True
    ]
    joined = "".join(parse_html(c.params["text"])[0] for c in parts)
    assert joined.count("Tun Sie <das> & jenes.") == 8 * 25


@pytest.mark.parametrize(("word", "expected"), [("Hilfe", "/themen – "), ("themen", None)])
async def test_a_lone_command_word_acts_as_the_command(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    word: str,
    expected: str | None,
) -> None:
    fake_telegram.push_message(word, sender=Sender(chat_id=6101))
    (call,) = await fake_telegram.wait_for("sendMessage")
    if expected:
        assert expected in call.params["text"]
    else:
        rows = call.params["reply_markup"]["inline_keyboard"]
        assert rows[0][0]["callback_data"] == "t:rahmen"


PRACTICAL = "Wo finde ich Fördermittel für unser Nachbarschaftsprojekt?"


async def test_practical_question_gets_its_pointer_which_leads_to_the_principle(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    pointer = content.pointer("foerdermittel")
    assert pointer is not None and pointer.related
    fake_telegram.push_message(PRACTICAL, sender=Sender(CHAT))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.ok, call.error  # the fake server parsed the HTML, links included
    shown, entities = parse_html(call.params["text"])
    assert shown.startswith(f"{pointer.title}\nWegweiser · praktische Frage\n\n")
    assert "\n\nWer hilft:\n• " in shown and pointer.note in shown
    links = [e["url"] for e in entities if e["type"] == "text_link"]
    assert links == [link.url for link in pointer.links]
    assert not any(e.title in shown for e in content.entries)  # no principle passed off
    pressed = [d for _, d in buttons(call.params)]
    principle = f"e:{pointer.related[0]}"
    assert pressed[0] == principle and pressed[-2:] == ["wl", "top"]
    assert "kontakt" in pressed and "fb:up:foerdermittel" in pressed

    fake_telegram.push_callback("fb:up:foerdermittel", call.result, sender=Sender(CHAT))
    (thanks,) = await fake_telegram.wait_for("answerCallbackQuery")
    assert thanks.params["text"] == content.text("feedback_thanks")
    fake_telegram.push_callback(principle, call.result, sender=Sender(CHAT))
    (edit,) = await fake_telegram.wait_for("editMessageText")
    entry = content.entry(pointer.related[0])
    assert entry is not None and edit.params["text"].startswith(f"<b>{esc(entry.title)}</b>")

    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    (_, stats) = await fake_telegram.wait_for("sendMessage", count=2)
    assert "Wegweiser zu praktischen Fragen: 100 % (1)" in stats.params["text"]
    section = stats.params["text"].split("<b>Praktische Fragen (Wegweiser)</b>\n")[-1]
    assert section.startswith(f"• {esc(pointer.title)} – 1×")
