"""The Telegram sender: rate-limiter hook, error mapping, and a real kill -9 mid-broadcast."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.serve import STORE_KEY, BotApp
from bot.serve.ratelimit import ClaimingRateLimiter
from bot.serve.tip_sender import telegram_sender
from bot.storage import Database
from bot.testing.fake_telegram import FakeTelegramServer
from bot.tips import subscriptions as store
from bot.tips.broadcast import BroadcastOptions, deliver_due
from tests.conftest import BOT_TOKEN

PROJECT = Path(__file__).resolve().parent.parent
BERLIN = ZoneInfo("Europe/Berlin")
WEDNESDAY_EIGHT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
DAY = date(2026, 11, 25)
OPTIONS = BroadcastOptions(zone=BERLIN, concurrency=4, backoff_seconds=0.0)

# One broadcast in a separate process: the real Application's bot (ClaimingRateLimiter,
# HTTP to the fake server), one send at a time so the kill point is exact.
CHILD = """
import asyncio, sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo
from bot.serve.app import build_application
from bot.tips.broadcast import BroadcastOptions, deliver_due
from bot.config import Settings
from bot.snapshot import ContentStore
from bot.storage import Database
from bot.tips.subscriptions import mark_interrupted
from bot.serve.tip_sender import telegram_sender
from bot.serve.keys import STORE_KEY

async def main(base_url, db_path, now_text, token):
    settings = Settings(token=token, base_url=base_url, database_path=Path(db_path))
    app = build_application(settings, ContentStore(settings.content_dir))
    await app.initialize()
    now = datetime.fromisoformat(now_text)
    content = app.bot_data[STORE_KEY].current.content
    async with Database(db_path) as db:
        await mark_interrupted(db, now)
        options = BroadcastOptions(zone=ZoneInfo("Europe/Berlin"), concurrency=1)
        await deliver_due(db, content.tips, telegram_sender(app.bot, content), now, options)
    await app.shutdown()

asyncio.run(main(*sys.argv[1:]))
"""


class KillingServer(FakeTelegramServer):
    """Kills the sending process with SIGKILL while it handles the n-th sendMessage.

    Telegram then has the message, but the bot never sees the answer: the worst moment.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.victim: int | None = None
        self.kill_at = 0
        self.handled = 0

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        result = super()._m_sendMessage(params)
        self.handled += 1
        if self.victim is not None and self.handled == self.kill_at:
            os.kill(self.victim, signal.SIGKILL)
            self.victim = None
        return result


async def run_child(server: KillingServer, db_path: Path, kill_at: int = 0) -> int:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        server.base_url,
        str(db_path),
        WEDNESDAY_EIGHT.isoformat(),
        BOT_TOKEN,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    if kill_at:
        server.victim, server.kill_at, server.handled = process.pid, kill_at, 0
    return await asyncio.wait_for(process.wait(), timeout=30)


async def test_kill_9_mid_broadcast_then_restart_sends_each_tip_once(tmp_path: Path) -> None:
    chats = list(range(1, 11))
    db_path = tmp_path / "kill.sqlite3"
    async with Database(db_path) as db:
        for chat in chats:
            await store.subscribe(db, chat, TUESDAY, BERLIN, time(8, 0))
    async with KillingServer(token=BOT_TOKEN) as server:
        assert await run_child(server, db_path, kill_at=4) == -signal.SIGKILL
        assert len(server.sent_messages()) == 4
        assert await run_child(server, db_path) == 0
        received = Counter(m["chat_id"] for m in server.sent_messages())
    assert received == Counter({chat: 1 for chat in chats})  # no duplicate, no miss
    async with Database(db_path) as db:
        statuses = Counter([await store.delivery_status(db, chat, DAY) for chat in chats])
    assert statuses == Counter({store.SENT: 9, store.UNKNOWN: 1})


async def test_claim_is_written_only_when_the_request_goes_out(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    tip_db: Database,
) -> None:
    assert isinstance(tips_bot.bot.rate_limiter, ClaimingRateLimiter)
    content = tips_bot.bot_data[STORE_KEY].current.content
    await store.subscribe(tip_db, 1, TUESDAY, BERLIN, time(8, 0))
    seen: list[str | None] = []
    send = telegram_sender(tips_bot.bot, content)

    async def observing_send(chat_id: int, tip: Any, on_wire: Any) -> None:
        async def on_wire_observed() -> None:
            seen.append(await store.delivery_status(tip_db, chat_id, DAY))
            await on_wire()
            seen.append(await store.delivery_status(tip_db, chat_id, DAY))

        await send(chat_id, tip, on_wire_observed)

    fake_telegram.fail_next(1, status=502)
    report = await deliver_due(tip_db, content.tips, observing_send, WEDNESDAY_EIGHT, OPTIONS)
    assert report.sent == 1
    assert seen[:2] == [None, store.PENDING]  # nothing before the limiter let it through
    assert [c.status for c in fake_telegram.calls_of("sendMessage")] == [502, 200]
    assert await store.delivery_status(tip_db, 1, DAY) == store.SENT


async def test_each_subscriber_gets_the_daily_tip_in_their_language(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    tip_db: Database,
) -> None:
    content = tips_bot.bot_data[STORE_KEY].current.content
    languages = {1: "de", 2: "en"}
    for chat in languages:
        await store.subscribe(tip_db, chat, TUESDAY, BERLIN, time(8, 0))

    async def language_of(chat_id: int) -> str:
        return languages[chat_id]

    send = telegram_sender(tips_bot.bot, content, language_of)
    report = await deliver_due(tip_db, content.tips, send, WEDNESDAY_EIGHT, OPTIONS)
    assert report.sent == 2
    texts = {m["chat_id"]: m["text"] for m in fake_telegram.sent_messages()}
    assert "Ihr Tipp für heute" in texts[1]
    assert "Your tip for today" in texts[2]
