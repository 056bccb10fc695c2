"""/ankuendigung end to end: preview with the count, send to 1,000 subscribers, 5% blocked."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time

from bot.config import Settings
from bot.serve import DB_KEY, BotApp
from bot.snapshot import Snapshot
from bot.storage import Database
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from bot.tips import subscriptions as store
from bot.tips.schedule import EVERY_DAY
from tests.conftest import ADMIN_ID
from tests.test_human_e2e import Bot, sent_to, with_prefix

TEXT = "Am Samstag: Ehrenamtsmesse im Rathaus <10 bis 16 Uhr> & Kaffee"
NEVER_DUE = date(2099, 1, 1)  # daily tips stay quiet during the test


async def subscribe(db: Database, chats: list[int]) -> None:
    moment = datetime.now(UTC)
    await db.connection.execute("BEGIN")
    for chat in chats:
        await store.save_subscription(db, chat, time(8), EVERY_DAY, NEVER_DUE, moment)
    await db.connection.execute("COMMIT")


async def test_announcement_to_a_thousand_subscribers_exactly_once(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    chats = list(range(100_000, 101_000))
    blocked = set(chats[::20])  # 5 %
    for chat in blocked:
        fake_telegram.block_chat(chat)
    await subscribe(running_bot.bot_data[DB_KEY], chats)

    fake_telegram.push_message(f"/ankuendigung {TEXT}", sender=Sender(ADMIN_ID))
    preview = (await sent_to(fake_telegram, ADMIN_ID, "geht an 1000")).result
    assert TEXT in preview["text"]  # escaped for HTML, shown exactly as written
    assert not [c for c in fake_telegram.calls_of("sendMessage") if c.params["chat_id"] in chats]
    fake_telegram.push_callback(with_prefix(preview, "ank:send"), preview, sender=Sender(ADMIN_ID))

    def to_subscriber(call: object) -> bool:
        return getattr(call, "params", {}).get("chat_id") in set(chats)

    await fake_telegram.wait_for("sendMessage", to_subscriber, timeout=120, count=len(chats))
    delivered = Counter(c.params["chat_id"] for c in fake_telegram.calls_of("sendMessage") if c.ok)
    assert set(delivered) & set(chats) == set(chats) - blocked  # zero missed
    assert max(delivered[c] for c in chats if c not in blocked) == 1  # zero duplicates
    ok = [
        c
        for c in fake_telegram.calls_of("sendMessage")
        if c.ok and c.params["chat_id"] == chats[1]
    ]
    assert ok[0].result["text"] == TEXT  # HTML-escaped on the way, shown as written

    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    await sent_to(fake_telegram, ADMIN_ID, "950 zugestellt, 50 blockiert", timeout=30)


async def test_announcements_are_for_admins_and_can_be_planned(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(f"/ankuendigung {TEXT}", sender=Sender(4711))
    await sent_to(fake_telegram, 4711, "vorbehalten")
    fake_telegram.push_message(f"/ankuendigung {TEXT}", sender=Sender(ADMIN_ID))
    preview = (await sent_to(fake_telegram, ADMIN_ID, "Vorschau")).result
    fake_telegram.push_callback(with_prefix(preview, "ank:plan"), preview, sender=Sender(ADMIN_ID))
    prompt = (await sent_to(fake_telegram, ADMIN_ID, "Wann soll")).result
    fake_telegram.push_message("gestern", sender=Sender(ADMIN_ID), reply_to_message=prompt)
    await sent_to(fake_telegram, ADMIN_ID, "nicht als künftigen Zeitpunkt")
    fake_telegram.push_message("24.12.2099 9:00", sender=Sender(ADMIN_ID), reply_to_message=prompt)
    await sent_to(fake_telegram, ADMIN_ID, "am 24.12.2099 09:00 Uhr")
    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    await sent_to(fake_telegram, ADMIN_ID, "24.12.2099 09:00: geplant")


async def test_a_draft_and_the_time_prompt_survive_a_restart(
    settings: Settings, shipped_snapshot: Snapshot, fake_telegram: FakeTelegramServer
) -> None:
    bot = Bot(settings, shipped_snapshot)
    await bot.start()
    try:
        await subscribe(bot.db, [100_001])
        fake_telegram.push_message(f"/ankuendigung {TEXT}", sender=Sender(ADMIN_ID))
        preview = (await sent_to(fake_telegram, ADMIN_ID, "Vorschau")).result
        await bot.stop()  # a redeploy between preview and "Planen"
        await bot.start()
        fake_telegram.push_callback(
            with_prefix(preview, "ank:plan"), preview, sender=Sender(ADMIN_ID)
        )
        prompt = (await sent_to(fake_telegram, ADMIN_ID, "Wann soll")).result
        await bot.stop()  # and another one between "Wann?" and the answer
        await bot.start()
        fake_telegram.push_message(
            "24.12.2099 9:00", sender=Sender(ADMIN_ID), reply_to_message=prompt
        )
        await sent_to(fake_telegram, ADMIN_ID, "am 24.12.2099 09:00 Uhr")
        fake_telegram.push_callback(
            with_prefix(preview, "ank:send"), preview, sender=Sender(ADMIN_ID)
        )
        await sent_to(fake_telegram, ADMIN_ID, "verworfen", "editMessageText")  # used up
        fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
        await sent_to(fake_telegram, ADMIN_ID, "24.12.2099 09:00: geplant")
    finally:
        await bot.stop()
