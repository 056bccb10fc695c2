"""The durable inbox: storing before confirming, duplicates, back-pressure, dead updates."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.cli import main as cli_main
from bot.records import DEAD, DONE, PENDING, Inbox, Incoming, choose_language, dead_count
from bot.records.privacy import forget_user
from bot.serve import DB_KEY, SETTINGS_KEY, BotApp
from bot.serve.runner import BotRunner
from bot.storage import Database
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from tests.test_webhook import ANSWER_TITLE, QUESTION, registered_url, text_update

CHAT = 6201


@pytest.fixture
async def inbox(tmp_path: Path) -> AsyncIterator[Inbox]:
    path = tmp_path / "inbox.sqlite3"
    async with Database(path):
        pass  # migrated
    box = Inbox(path, max_backlog=3)
    await box.open()
    try:
        yield box
    finally:
        await box.close()


def update(update_id: int, user: int = CHAT) -> Incoming:
    return Incoming(update_id, {"update_id": update_id, **text_update("Hallo", user)})


async def test_stored_updates_survive_a_reopen_in_order_and_duplicates_are_dropped(
    inbox: Inbox,
) -> None:
    first = await inbox.store([update(7), update(5)])
    assert [s.update_id for s in first] == [7, 5]
    again = await inbox.store([update(5), update(6), update(6)])
    assert [s.update_id for s in again] == [6]
    await inbox.finish(7)
    await inbox.close()
    reopened = Inbox(inbox.path)
    pending = await reopened.open()
    try:
        assert [s.update_id for s in pending] == [5, 6]
        assert pending[0].raw["message"]["text"] == "Hallo"  # type: ignore[index]
        assert await reopened.store([update(7)]) == []  # done, still recognised
        assert await reopened.counts() == {PENDING: 2, DONE: 1, DEAD: 0}
    finally:
        await reopened.close()


async def test_done_rows_keep_no_text_dead_rows_keep_it_for_inspection(inbox: Inbox) -> None:
    await inbox.store([update(1), update(2)])
    await inbox.finish(1)
    await inbox.finish(2, DEAD, "TypeError: bad poll")
    async with Database(inbox.path) as db:
        async with db.connection.execute(
            "SELECT update_id, raw IS NULL, sender_id, error FROM inbox ORDER BY update_id"
        ) as cursor:
            rows = await cursor.fetchall()
        assert [tuple(row) for row in rows] == [
            (1, 1, None, None),
            (2, 0, CHAT, "TypeError: bad poll"),
        ]
        assert await dead_count(db) == 1
        assert await forget_user(db, CHAT) == 1  # /vergessen removes the kept raw JSON
        assert await dead_count(db) == 0


async def test_backlog_is_bounded_and_frees_room_as_updates_are_answered(inbox: Inbox) -> None:
    await inbox.store([update(1), update(2), update(3)])
    assert inbox.full
    waiting = asyncio.create_task(inbox.wait_for_room())
    await asyncio.sleep(0.01)
    assert not waiting.done()
    await inbox.finish(2)
    await asyncio.wait_for(waiting, 1)
    assert not inbox.full and inbox.backlog == 2


async def test_concurrent_stores_share_commits(inbox: Inbox) -> None:
    inbox.max_backlog = 1000
    stored = await asyncio.gather(*(inbox.store([update(n)]) for n in range(1, 201)))
    assert sorted(s[0].update_id for s in stored) == list(range(1, 201))
    assert inbox.backlog == 200


# --- through the running bot -----------------------------------------------------------


async def test_poison_update_is_kept_dead_and_does_not_delay_the_next_question(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_telegram.push_update({"poll": {"id": "1"}})  # fields the library requires are missing
    pushed = time.monotonic()
    fake_telegram.push_message(QUESTION, sender=Sender(CHAT))
    (answer,) = await fake_telegram.wait_for("sendMessage")
    assert time.monotonic() - pushed < 1.0
    assert ANSWER_TITLE in answer.params["text"]
    # the poison update is handled beside the question: it may be marked dead just after
    for _ in range(100):
        if await dead_count(running_bot.bot_data[DB_KEY]):
            break
        await asyncio.sleep(0.01)
    assert await dead_count(running_bot.bot_data[DB_KEY]) == 1
    assert len(fake_telegram.calls_of("getUpdates")) < 10  # no tight re-fetch loop
    assert not [r for r in caplog.records if r.exc_info]


GERMAN_APOLOGY = "Entschuldigung, Ihre Nachricht vom "
ENGLISH_APOLOGY = "Sorry, your message from "
# (Telegram language, /sprache choice, text, how the apology starts)
APOLOGY_LANGUAGES = {
    "german-user": ("de", None, QUESTION, GERMAN_APOLOGY),
    "english-telegram": ("en-GB", None, "Hallo", ENGLISH_APOLOGY),
    "chose-english": ("de", "en", "Hallo", ENGLISH_APOLOGY),
    "chose-german": ("en", "de", "Hallo", GERMAN_APOLOGY),
    "english-question": ("de", None, "How do we find the relevant initiatives?", ENGLISH_APOLOGY),
}


@pytest.mark.parametrize(
    ("code", "chosen", "text", "starts"), APOLOGY_LANGUAGES.values(), ids=APOLOGY_LANGUAGES.keys()
)
async def test_update_older_than_the_maximum_age_gets_the_apology_in_the_readers_language(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    code: str,
    chosen: str | None,
    text: str,
    starts: str,
) -> None:
    if chosen:
        await choose_language(running_bot.bot_data[DB_KEY], CHAT, chosen)
    old = text_update(text, CHAT)
    old["message"]["from"]["language_code"] = code
    sent_at = int(time.time()) - 25 * 3600
    old["message"]["date"] = sent_at
    fake_telegram.push_update(old)
    (sent,) = await fake_telegram.wait_for("sendMessage")
    assert sent.params["text"].startswith(starts)
    assert ANSWER_TITLE not in sent.params["text"]
    berlin = datetime.fromtimestamp(sent_at, ZoneInfo(running_bot.bot_data[SETTINGS_KEY].timezone))
    day = berlin.strftime("%Y-%m-%d" if starts == ENGLISH_APOLOGY else "%d.%m.%Y")
    assert day in sent.params["text"]


async def test_webhook_refuses_malformed_bodies_with_400_and_keeps_poison_as_dead(
    webhook_bot: BotRunner,
    fake_telegram: FakeTelegramServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = registered_url(fake_telegram)
    headers = {"X-Telegram-Bot-Api-Secret-Token": str(fake_telegram.webhook["secret_token"])}
    no_chat = {"update_id": 90, "message": {"message_id": 1, "date": 1, "text": "x"}}
    async with httpx.AsyncClient(trust_env=False) as client:
        statuses = [
            (await client.post(url, content=body, headers=headers)).status_code
            for body in (b"not json", b"[1, 2]", b'{"update_id": "7"}', b'{"update_id": true}')
        ]
        assert statuses == [400, 400, 400, 400]
        assert (await client.post(url, json=no_chat, headers=headers)).status_code == 200
    assert webhook_bot.intake is not None
    for _ in range(100):
        if (await webhook_bot.intake.inbox.counts())[DEAD]:
            break
        await asyncio.sleep(0.01)
    assert (await webhook_bot.intake.inbox.counts())[DEAD] == 1
    assert not [r for r in caplog.records if r.exc_info]
    assert not fake_telegram.calls_of("sendMessage")


async def test_webhook_answers_503_while_the_backlog_is_full(
    webhook_bot: BotRunner, fake_telegram: FakeTelegramServer
) -> None:
    assert webhook_bot.intake is not None
    webhook_bot.intake.inbox.max_backlog = 0
    status = await fake_telegram.post_update_to_webhook(
        registered_url(fake_telegram), text_update(QUESTION)
    )
    assert status == 503
    webhook_bot.intake.inbox.max_backlog = 10
    status = await fake_telegram.post_update_to_webhook(
        registered_url(fake_telegram), text_update(QUESTION)
    )
    assert status == 200
    await fake_telegram.wait_for("sendMessage")


def test_report_counts_dead_updates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bot.sqlite3"

    async def seed() -> None:
        async with Database(path):
            pass
        box = Inbox(path)
        await box.open()
        await box.store([update(1), update(2)])
        await box.finish(1, DEAD, "bad")
        await box.close()

    asyncio.run(seed())
    monkeypatch.setenv("DATABASE_PATH", str(path))
    monkeypatch.chdir(tmp_path)
    logging.getLogger().handlers.clear()
    assert cli_main(["report"]) == 0
    output = capsys.readouterr().out
    assert "Nicht verarbeitbare Updates (Tabelle inbox, state 'dead'): 1" in output
