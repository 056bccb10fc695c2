"""A person to ask, end to end (fake Bot API): contacts, consent, team answer, restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.config import Settings
from bot.records import forwarded
from bot.serve import DB_KEY, build_application
from bot.snapshot import ContentStore, Snapshot
from bot.storage import Database
from bot.testing.fake_telegram import Call, FakeTelegramServer, Sender
from bot.testing.polling import start_polling, stop_polling
from tests.conftest import ADMIN_ID, with_settings

USER = 4711
TEAM = -1001234
TEAM_MEMBER = 9001
IN_TEAM = Sender(TEAM_MEMBER, chat_id=TEAM, chat_type="supergroup")
REFUSED = "Wie hoch ist der Kirchturm in der Altstadt?"  # nothing fits, not even a service
ANSWER = "Parkplätze gibt es hinter dem Rathaus, Einfahrt Gartenstraße."


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """callback_data → label of every inline button of a sent message."""
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        import json

        markup = json.loads(markup)
    return {
        b["callback_data"]: b["text"]
        for row in markup.get("inline_keyboard", [])
        for b in row
        if "callback_data" in b
    }


def with_prefix(message: dict[str, Any], prefix: str) -> str:
    (data,) = [d for d in buttons(message) if d.startswith(prefix)]
    return data


class Bot:
    """Start and stop the real Application on one database (a restart keeps the file)."""

    def __init__(self, config: Settings, snapshot: Snapshot) -> None:
        self.config, self.snapshot = config, snapshot
        self.app: Any = None

    async def start(self) -> None:
        self.app = build_application(
            self.config, ContentStore(self.config.content_dir, self.snapshot)
        )
        await start_polling(self.app)

    async def stop(self) -> None:
        await stop_polling(self.app)

    @property
    def db(self) -> Database:
        database: Database = self.app.bot_data[DB_KEY]
        return database


@pytest.fixture
async def team_bot(settings: Settings, shipped_snapshot: Snapshot) -> AsyncIterator[Bot]:
    bot = Bot(with_settings(settings, team_chat_id=TEAM), shipped_snapshot)
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


async def sent_to(
    fake: FakeTelegramServer, chat: int, text: str, method: str = "sendMessage", timeout: float = 5
) -> Call:
    """The first call of `method` to `chat` whose text contains `text`."""
    (call, *_) = await fake.wait_for(
        method,
        lambda c: c.params.get("chat_id") == chat and text in str(c.params.get("text")),
        timeout,
    )
    return call


async def refuse_and_consent(fake: FakeTelegramServer) -> dict[str, Any]:
    """Ask something the bot cannot answer, open the contacts, consent; the team copy."""
    fake.push_message(REFUSED, sender=Sender(USER))
    refusal = (await sent_to(fake, USER, "leider nichts Passendes")).result
    assert "👤 Ansprechpartner vor Ort" in buttons(refusal).values()
    fake.push_callback("kontakt", refusal, sender=Sender(USER))
    contacts = await sent_to(fake, USER, "An diese Stellen können Sie sich wenden")
    assert "engagement@musterstadt.example" in contacts.params["text"]
    fake.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
    consent = (await sent_to(fake, USER, "Soll ich diese Frage")).result
    assert REFUSED in consent["text"] and "nicht Ihr Name" in consent["text"]
    assert fake.calls_of("sendMessage")[-1].params["chat_id"] == USER  # nothing sent yet
    fake.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER))
    copy = (await sent_to(fake, TEAM, REFUSED)).result
    await sent_to(fake, USER, "beim Team angekommen", method="editMessageText")
    assert str(USER) not in copy["text"] and "Erika" not in copy["text"]
    return copy


async def test_refusal_contact_consent_team_reply_reaches_the_user(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    copy = await refuse_and_consent(fake_telegram)
    fake_telegram.push_message(
        ANSWER,
        sender=IN_TEAM,
        reply_to_message=copy,
    )
    answer = await sent_to(fake_telegram, USER, ANSWER)
    assert "Persönliche Antwort aus dem Team" in answer.params["text"]
    await sent_to(fake_telegram, TEAM, "wurde weitergeleitet")
    # the user thanks once; a second press is refused
    thanks, ask_back = with_prefix(answer.result, "fu:thanks"), with_prefix(answer.result, "fu:q")
    fake_telegram.push_callback(thanks, answer.result, sender=Sender(USER))
    await sent_to(fake_telegram, TEAM, "bedankt sich")
    fake_telegram.push_callback(ask_back, answer.result, sender=Sender(USER))
    (note,) = await fake_telegram.wait_for(
        "answerCallbackQuery", lambda c: "schon zurückgemeldet" in str(c.params.get("text"))
    )
    assert note


async def test_the_answer_button_then_a_text_and_an_ask_back(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    copy = await refuse_and_consent(fake_telegram)
    fake_telegram.push_callback(with_prefix(copy, "ans:"), copy, sender=Sender(TEAM_MEMBER))
    prompt = (await sent_to(fake_telegram, TEAM, "Ihre Antwort auf Frage")).result
    fake_telegram.push_message(
        ANSWER,
        sender=IN_TEAM,
        reply_to_message=prompt,
    )
    answer = await sent_to(fake_telegram, USER, ANSWER)
    fake_telegram.push_callback(
        with_prefix(answer.result, "fu:question"), answer.result, sender=Sender(USER)
    )
    ask_prompt = (await sent_to(fake_telegram, USER, "Rückfrage als Antwort")).result
    fake_telegram.push_message(
        "Und am Wochenende?", sender=Sender(USER), reply_to_message=ask_prompt
    )
    await sent_to(fake_telegram, TEAM, "Und am Wochenende?")
    await sent_to(fake_telegram, USER, "Rückfrage ist beim Team angekommen")


async def test_the_team_answer_reaches_the_user_across_a_restart(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    copy = await refuse_and_consent(fake_telegram)
    await team_bot.stop()  # the bot restarts while the user waits …
    await team_bot.start()
    fake_telegram.push_message(
        ANSWER,
        sender=IN_TEAM,
        reply_to_message=copy,
    )
    await sent_to(fake_telegram, USER, ANSWER)
    await sent_to(fake_telegram, TEAM, "wurde weitergeleitet")
    assert await forwarded.undelivered_answers(team_bot.db) == []
    # … and an answer stored but not delivered before a stop is delivered at the next start
    second = await forwarded.create(team_bot.db, USER, USER, "Noch eine Frage")
    await forwarded.add_team_message(team_bot.db, second.id, TEAM, 999)
    await forwarded.record_reply(team_bot.db, second.id, "Gespeicherte Antwort")
    await team_bot.stop()
    await team_bot.start()
    await sent_to(fake_telegram, USER, "Gespeicherte Antwort")


async def test_a_user_who_does_not_consent_is_never_forwarded(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(REFUSED, sender=Sender(USER))
    refusal = (await sent_to(fake_telegram, USER, "leider nichts Passendes")).result
    fake_telegram.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
    consent = (await sent_to(fake_telegram, USER, "Soll ich diese Frage")).result
    fake_telegram.push_message("Ach, doch lieber nicht.", sender=Sender(USER))
    to_user = lambda c: c.params.get("chat_id") == USER  # noqa: E731
    await fake_telegram.wait_for("sendMessage", to_user, count=3)  # answered as a question
    # someone else cannot consent for the user with the same button data
    fake_telegram.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER + 1))
    await fake_telegram.wait_for("answerCallbackQuery", count=2)
    await sent_to(fake_telegram, USER, "nicht mehr finden", "editMessageText")
    assert await forwarded.open_count(team_bot.db, USER) == 0
    assert not [c for c in fake_telegram.calls_of("sendMessage") if c.params["chat_id"] == TEAM]


async def test_a_blocked_team_chat_is_logged_and_the_user_told(
    team_bot: Bot, fake_telegram: FakeTelegramServer, caplog: pytest.LogCaptureFixture
) -> None:
    fake_telegram.block_chat(TEAM)
    fake_telegram.push_message(REFUSED, sender=Sender(USER))
    refusal = (await sent_to(fake_telegram, USER, "leider nichts Passendes")).result
    fake_telegram.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
    consent = (await sent_to(fake_telegram, USER, "Soll ich diese Frage")).result
    fake_telegram.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER))
    await sent_to(fake_telegram, USER, "erreiche das Team gerade nicht", "editMessageText")
    assert "Team chat -1001234 unreachable" in caplog.text


async def test_without_team_chat_the_admins_get_the_question(
    settings: Settings, shipped_snapshot: Snapshot, fake_telegram: FakeTelegramServer
) -> None:
    bot = Bot(settings, shipped_snapshot)  # no TEAM_CHAT_ID: ADMIN_IDS
    await bot.start()
    try:
        fake_telegram.push_message(REFUSED, sender=Sender(USER))
        refusal = (await sent_to(fake_telegram, USER, "leider nichts Passendes")).result
        fake_telegram.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
        consent = (await sent_to(fake_telegram, USER, "Soll ich diese Frage")).result
        fake_telegram.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER))
        copy = (await sent_to(fake_telegram, ADMIN_ID, REFUSED)).result
        fake_telegram.push_message(ANSWER, sender=Sender(ADMIN_ID), reply_to_message=copy)
        await sent_to(fake_telegram, USER, ANSWER)
        (closed,) = await fake_telegram.wait_for("editMessageReplyMarkup")
        assert closed.params["message_id"] == copy["message_id"]  # "Beantworten" is gone
    finally:
        await bot.stop()


async def test_at_most_three_open_questions(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    for n in range(forwarded.MAX_OPEN_PER_USER):
        await forwarded.create(team_bot.db, USER, USER, f"Frage {n}")
    fake_telegram.push_message(REFUSED, sender=Sender(USER))
    refusal = (await sent_to(fake_telegram, USER, "leider nichts Passendes")).result
    fake_telegram.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
    consent = (await sent_to(fake_telegram, USER, "Soll ich diese Frage")).result
    fake_telegram.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER))
    await sent_to(fake_telegram, USER, "schon 3 Fragen", "editMessageText")


async def test_every_answer_has_a_share_button(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("Wie vermeiden wir Scheinbeteiligung?", sender=Sender(USER))
    answer = await sent_to(fake_telegram, USER, "<b>")
    rows = answer.params["reply_markup"]["inline_keyboard"]
    (share,) = [b for row in rows for b in row if "switch_inline_query" in b]
    assert share["text"] == "📤 Teilen"
    assert share["switch_inline_query"] in answer.result["text"]  # the entry's title
    fake_telegram.push_inline_query(share["switch_inline_query"], sender=Sender(USER))
    (inline,) = await fake_telegram.wait_for("answerInlineQuery")
    first = inline.params["results"][0]
    assert first["title"] == share["switch_inline_query"]  # the shared entry comes first


async def test_an_english_reader_is_asked_in_english_and_the_team_reads_german(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    question = "Which dinosaurs lived in the Jurassic period?"  # nothing fits, in any language
    fake_telegram.push_message(question, sender=Sender(USER, language_code="en"))
    refusal = (await sent_to(fake_telegram, USER, "nothing that fits")).result
    fake_telegram.push_callback(with_prefix(refusal, "ask:"), refusal, sender=Sender(USER))
    consent = (await sent_to(fake_telegram, USER, "Shall I pass this question on")).result
    fake_telegram.push_callback(with_prefix(consent, "fwd:"), consent, sender=Sender(USER))
    copy = await sent_to(fake_telegram, TEAM, question)
    assert "Frage #" in copy.params["text"] and "Beantworten" in str(copy.params)


async def test_small_talk_gets_no_team_or_contact_buttons(
    team_bot: Bot, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message("Danke dir!", sender=Sender(USER))
    reply = (await fake_telegram.wait_for("sendMessage"))[0].result
    assert reply["text"] == team_bot.snapshot.content.text("smalltalk_thanks")
    labels = buttons(reply)
    assert not [d for d in labels if d.startswith("ask:")] and "kontakt" not in labels
