"""Benchmark: one full daily-tip broadcast against the local fake Bot API server.

    python benchmarks/broadcast.py --subscribers 10000 [--limit 25]

The real Application's bot (PTB, `ClaimingRateLimiter` at `--limit` messages per second)
sends through `bot.tips.deliver_due`, exactly as the minute job does, to a fake Bot
API server in this process. The server answers 403 for 5% of the chats (blocked the bot)
and 429 (retry after 1 s) a few times during the run. Duplicates and misses are counted
from what the server received, not from what the bot believes it sent.

The last line printed is one JSON object:
{"subscribers", "sent", "duplicates", "missed", "deactivated", "seconds", "rate_per_s",
 "limit_per_s", ...}. `rate_per_s` is sendMessage requests per second (what the limit
caps: blocked chats and retried 429s cost a request each); `delivered_per_s` counts only
delivered messages. At 25/s, 10,000 subscribers take about 400 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bot.serve import STORE_KEY, BotApp, build_application, telegram_sender  # noqa: E402
from bot.snapshot import ContentStore  # noqa: E402
from bot.storage import Database  # noqa: E402
from bot.testing import Call, FakeTelegramServer, settings_for  # noqa: E402
from bot.tips import EVERY_DAY, BroadcastOptions, broadcast_concurrency, deliver_due, time_key  # noqa: E402

TOKEN = "123456:BENCHMARK-TOKEN"
ZONE = ZoneInfo("Europe/Berlin")
DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
BLOCKED_EVERY = 20  # 5 %
RATE_LIMITS_AT = (0.25, 0.5, 0.75)  # inject one 429 after these shares of the requests
RETRY_AFTER_SECONDS = 1
FIRST_CHAT = 100_000


async def add_subscribers(db: Database, count: int) -> list[int]:
    chats = list(range(FIRST_CHAT, FIRST_CHAT + count))
    stamp = NOW.isoformat()
    day_before = (DAY - timedelta(days=1)).isoformat()
    await db.connection.executemany(
        "INSERT INTO tip_subscriptions (chat_id, send_time, weekdays, active, starts_on,"
        " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)",
        [
            (chat, time_key(NOW.astimezone(ZONE).time()), EVERY_DAY, day_before, stamp, stamp)
            for chat in chats
        ],
    )
    return chats


async def inject_rate_limits(
    server: FakeTelegramServer, total: int, shares: tuple[float, ...]
) -> None:
    """One 429 (retry after 1 s) when each share of the requests has been made."""
    for share in shares:
        await server.wait_for("sendMessage", count=max(1, int(total * share)), timeout=3600)
        server.rate_limit_next(1, retry_after=RETRY_AFTER_SECONDS)


@dataclass(frozen=True, slots=True)
class Broadcast:
    """One broadcast as the bot ran it: to which chats (which blocked), how long, its effects."""

    chats: list[int]
    blocked: set[int]
    seconds: float
    deactivated: int
    concurrency: int


async def run(
    subscribers: int, limit: float, rate_limits: tuple[float, ...] = RATE_LIMITS_AT
) -> dict[str, object]:
    """One broadcast to `subscribers` chats at `limit` messages/s; the result figures."""
    async with FakeTelegramServer(token=TOKEN) as server:
        with tempfile.TemporaryDirectory() as folder:
            settings = settings_for(server, Path(folder) / "bench.sqlite3", rate_limit_per_s=limit)
            app = build_application(settings, ContentStore(settings.content_dir))
            await app.initialize()
            async with Database(settings.database_path) as db:
                done = await broadcast(app, server, db, subscribers, limit, rate_limits)
            await app.shutdown()
        requests = server.calls_of("sendMessage")
    return figures(done, requests, limit)


async def broadcast(
    app: BotApp,
    server: FakeTelegramServer,
    db: Database,
    subscribers: int,
    limit: float,
    rate_limits: tuple[float, ...],
) -> Broadcast:
    """Subscribe and block chats, then deliver the tip as the minute job does, timed."""
    content = app.bot_data[STORE_KEY].current.content
    chats = await add_subscribers(db, subscribers)
    blocked = set(chats[::BLOCKED_EVERY])
    for chat in blocked:
        server.block_chat(chat)
    options = BroadcastOptions(zone=ZONE, concurrency=broadcast_concurrency(limit))
    injector = asyncio.create_task(inject_rate_limits(server, subscribers, rate_limits))
    started = time.perf_counter()
    await deliver_due(db, content.tips, telegram_sender(app.bot, content), NOW, options)
    seconds = time.perf_counter() - started
    injector.cancel()
    async with db.connection.execute(
        "SELECT COUNT(*) FROM tip_subscriptions WHERE active = 0"
    ) as cursor:
        row = await cursor.fetchone()
    deactivated = int(row[0]) if row else 0
    return Broadcast(chats, blocked, seconds, deactivated, options.concurrency)


def figures(done: Broadcast, requests: list[Call], limit: float) -> dict[str, object]:
    """The result figures, from what the server received."""
    received = Counter(call.params["chat_id"] for call in requests if call.ok)
    expected = set(done.chats) - done.blocked
    seconds = done.seconds
    return {
        "subscribers": len(done.chats),
        "sent": len(received),
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "missed": len(expected - set(received)),
        "deactivated": done.deactivated,
        "seconds": round(seconds, 2),
        "rate_per_s": round(len(requests) / seconds, 1),
        "limit_per_s": limit,
        "delivered_per_s": round(sum(received.values()) / seconds, 1),
        "requests": len(requests),
        "rate_limited": sum(1 for call in requests if call.status == 429),
        "concurrency": done.concurrency,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--limit", type=float, default=25.0, help="messages per second")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.ERROR)
    result = asyncio.run(run(args.subscribers, args.limit))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
