"""Announcements core: schedule parsing, 1,000 subscribers with 5% blocked, crash and resume."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.storage import Database
from bot.tips import announcements as ann
from bot.tips import subscriptions as store
from bot.tips.broadcast import Blocked, BroadcastOptions, OnWire, Transient
from bot.tips.schedule import EVERY_DAY

BERLIN = ZoneInfo("Europe/Berlin")
OPTIONS = BroadcastOptions(zone=BERLIN, concurrency=16, backoff_seconds=0.0)
NOW = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # 18:00 in Berlin


class Crash(BaseException):
    """Stands in for the process dying while a broadcast runs (no `except Exception` stops it)."""


class FakeSender:
    """Telegram stand-in: a message counts as received once it is on the wire."""

    def __init__(self, blocked: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.received: Counter[int] = Counter()
        self.blocked = set(blocked)
        self.crash_after: int | None = None
        self.transient_once: set[int] = set()

    async def __call__(self, chat_id: int, text: str, on_wire: OnWire) -> None:
        if chat_id in self.transient_once:
            self.transient_once.discard(chat_id)
            raise Transient("502 Bad Gateway")
        await on_wire()
        if chat_id in self.blocked:
            raise Blocked("Forbidden: bot was blocked by the user")
        self.received[chat_id] += 1
        await asyncio.sleep(0)
        if self.crash_after is not None and sum(self.received.values()) >= self.crash_after:
            raise Crash("the process dies mid-broadcast")


async def subscribe_many(db: Database, count: int) -> list[int]:
    chats = list(range(1000, 1000 + count))
    await db.connection.execute("BEGIN")
    for chat in chats:
        await store.save_subscription(db, chat, time(8), EVERY_DAY, NOW.date(), NOW)
    await db.connection.execute("COMMIT")
    return chats


async def test_thousand_subscribers_five_percent_blocked_exactly_once(tip_db: Database) -> None:
    chats = await subscribe_many(tip_db, 1000)
    blocked = set(chats[::20])  # 5 %
    sender = FakeSender(blocked)
    sender.transient_once = set(chats[1::97])  # some retried after a 502
    assert await ann.recipient_count(tip_db) == 1000
    announcement = await ann.create(tip_db, "Workshop am Samstag!", NOW, NOW)
    (due,) = await ann.due(tip_db, NOW)
    report = await ann.deliver(tip_db, due, sender, NOW, OPTIONS)

    assert (report.sent, report.blocked, report.failed) == (950, 50, 0)
    assert set(sender.received) == set(chats) - blocked  # zero missed
    assert max(sender.received.values()) == 1  # zero duplicates
    assert await ann.delivery_counts(tip_db, announcement.id) == {"sent": 950, "blocked": 50}
    assert await ann.due(tip_db, NOW) == []  # done
    assert await ann.recipient_count(tip_db) == 950  # blocked chats were unsubscribed
    again = await ann.deliver(tip_db, due, sender, NOW, OPTIONS)
    assert again.due == 0 and max(sender.received.values()) == 1


async def test_a_crash_mid_broadcast_resumes_without_duplicates(tip_db: Database) -> None:
    chats = await subscribe_many(tip_db, 200)
    sender = FakeSender()
    sender.crash_after = 70
    announcement = await ann.create(tip_db, "Hinweis", NOW, NOW)
    with pytest.raises(BaseExceptionGroup) as crashed:
        await ann.deliver(tip_db, announcement, sender, NOW, OPTIONS)
    assert crashed.group_contains(Crash)
    assert len(asyncio.all_tasks()) == 1  # the crash stopped every worker, none runs on
    interrupted = await ann.recover_interrupted(tip_db, NOW)  # requests on the wire
    assert interrupted > 0
    sender.crash_after = None
    (due,) = await ann.due(tip_db, NOW)  # not done yet: the next run continues
    await ann.deliver(tip_db, due, sender, NOW, OPTIONS)
    assert max(sender.received.values()) == 1
    counts = await ann.delivery_counts(tip_db, announcement.id)
    assert sum(counts.values()) == len(chats)  # every chat has exactly one outcome
    # A worker stopped mid-request may or may not have reached Telegram: "unknown", never
    # sent again; every other chat got the announcement exactly once.
    assert counts == {"sent": len(chats) - interrupted, "unknown": interrupted}
    assert set(sender.received) >= set(chats) - set(await unknown_chats(tip_db))


async def unknown_chats(db: Database) -> list[int]:
    async with db.connection.execute(
        "SELECT chat_id FROM announcement_deliveries WHERE status = 'unknown'"
    ) as cursor:
        return [row[0] for row in await cursor.fetchall()]


async def test_scheduled_announcements_wait_and_can_be_cancelled(tip_db: Database) -> None:
    await subscribe_many(tip_db, 3)
    later = ann.parse_when("20:30", NOW, BERLIN)
    assert later == datetime(2026, 11, 25, 19, 30, tzinfo=UTC)
    first = await ann.create(tip_db, "später", later, NOW)
    second = await ann.create(tip_db, "noch später", later, NOW)
    assert await ann.due(tip_db, NOW) == []
    assert [a.id for a in await ann.due(tip_db, later)] == [first.id, second.id]
    assert await ann.cancel(tip_db, second.id)
    assert [a.id for a in await ann.due(tip_db, later)] == [first.id]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20:30", datetime(2026, 11, 25, 19, 30, tzinfo=UTC)),
        ("17:00", datetime(2026, 11, 26, 16, 0, tzinfo=UTC)),  # passed today: tomorrow
        ("9.00 Uhr", datetime(2026, 11, 26, 8, 0, tzinfo=UTC)),
        ("24.12. 9:00", datetime(2026, 12, 24, 8, 0, tzinfo=UTC)),
        ("1.4.2027 10:00", datetime(2027, 4, 1, 8, 0, tzinfo=UTC)),  # summer time
        ("1.1.2026 10:00", None),  # past
        ("31.2. 10:00", None),
        ("25:00", None),
        ("morgen", None),
    ],
)
def test_parse_when(text: str, expected: datetime | None) -> None:
    assert ann.parse_when(text, NOW, BERLIN) == expected
