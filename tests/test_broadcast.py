"""Daily delivery core with a fake sender and an explicit clock: who gets what, exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.content.model import Tip
from bot.storage import Database
from bot.tips import subscriptions as store
from bot.tips.broadcast import (
    Blocked,
    BroadcastOptions,
    OnWire,
    RetryLater,
    Transient,
    Uncertain,
    deliver_due,
)
from bot.tips.schedule import EVERY_DAY, WORKDAYS

BERLIN = ZoneInfo("Europe/Berlin")
OPTIONS = BroadcastOptions(zone=BERLIN, concurrency=4, backoff_seconds=0.0)
TIPS = [Tip(f"tipp-{n}", "augenhoehe", f"Tipp Nummer {n}") for n in range(6)]
EIGHT = time(8, 0)
# Wednesday 2026-11-25, 08:00 in Berlin (CET) is 07:00 UTC.
WEDNESDAY_EIGHT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class FakeSender:
    """Stands in for Telegram: a message counts as received the moment it is on the wire."""

    def __init__(self) -> None:
        self.received: list[tuple[int, str]] = []
        self.blocked: set[int] = set()
        self.errors: dict[int, list[Exception]] = {}
        self.gate: asyncio.Event | None = None  # holds every send after it went on the wire

    async def __call__(self, chat_id: int, tip: Tip, on_wire: OnWire) -> None:
        queued = self.errors.get(chat_id)
        if queued:
            error = queued.pop(0)
            if not isinstance(error, Transient):
                await on_wire()
            raise error
        await on_wire()
        if chat_id in self.blocked:
            raise Blocked("Forbidden: bot was blocked by the user")
        self.received.append((chat_id, tip.id))
        if self.gate is not None:
            await self.gate.wait()

    def chats(self) -> Counter[int]:
        return Counter(chat for chat, _ in self.received)


async def subscribe(
    db: Database, chat_id: int, at: time = EIGHT, weekdays: int = EVERY_DAY
) -> None:
    await store.subscribe(db, chat_id, TUESDAY, BERLIN, at, weekdays)


async def test_reaches_exactly_the_due_subscribers(tip_db: Database) -> None:
    for chat in (1, 2, 3):
        await subscribe(tip_db, chat)
    await subscribe(tip_db, 4, at=time(9, 0))
    await subscribe(tip_db, 5)
    await store.deactivate(tip_db, 5, TUESDAY)
    await store.subscribe(tip_db, 6, WEDNESDAY_EIGHT + timedelta(hours=1), BERLIN, EIGHT)
    sender = FakeSender()

    report = await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS)

    assert sorted(sender.chats()) == [1, 2, 3]
    assert report.sent == 3 and report.due == 3
    again = await deliver_due(
        tip_db, TIPS, sender, WEDNESDAY_EIGHT + timedelta(minutes=1), OPTIONS
    )
    assert again.due == 0 and sender.chats() == Counter({1: 1, 2: 1, 3: 1})
    assert await store.delivery_status(tip_db, 1, date(2026, 11, 25)) == store.SENT


async def test_workdays_skip_the_weekend(tip_db: Database) -> None:
    await subscribe(tip_db, 1, weekdays=WORKDAYS)
    await subscribe(tip_db, 2)
    saturday = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
    monday = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    sender = FakeSender()
    await deliver_due(tip_db, TIPS, sender, saturday, OPTIONS)
    assert list(sender.chats()) == [2]
    await deliver_due(tip_db, TIPS, sender, monday, OPTIONS)
    assert sender.chats() == Counter({1: 1, 2: 2})


async def test_catch_up_within_window_and_skip_after(tip_db: Database) -> None:
    await subscribe(tip_db, 1)
    await subscribe(tip_db, 2, at=time(7, 0))
    sender = FakeSender()
    after_downtime = WEDNESDAY_EIGHT + timedelta(minutes=90)  # 09:30 local
    await deliver_due(tip_db, TIPS, sender, after_downtime, OPTIONS)
    assert list(sender.chats()) == [1]  # 07:00 fell due 150 minutes ago: skipped


async def test_rotation_has_no_repeats_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "restart.sqlite3"
    async with Database(path) as db:
        await subscribe(db, 9)
    sender = FakeSender()
    for day in range(len(TIPS) + 2):
        async with Database(path) as db:  # a fresh process every day
            now = WEDNESDAY_EIGHT + timedelta(days=day)
            await deliver_due(db, TIPS, sender, now, OPTIONS)
    tips = [tip for _, tip in sender.received]
    assert len(tips) == len(TIPS) + 2
    assert sorted(tips[: len(TIPS)]) == sorted(t.id for t in TIPS)


async def test_blocked_chat_is_deactivated_once_and_others_continue(
    tip_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    for chat in (1, 2, 3):
        await subscribe(tip_db, chat)
    sender = FakeSender()
    sender.blocked.add(2)
    with caplog.at_level(logging.INFO, logger="bot.tips.broadcast"):
        report = await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS)
        await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT + timedelta(days=1), OPTIONS)
    assert report.blocked == 1
    assert sender.chats() == Counter({1: 2, 3: 2})
    subscription = await store.get_subscription(tip_db, 2)
    assert subscription is not None and not subscription.active
    assert [r.message for r in caplog.records].count(
        "Chat 2 blocked the bot; daily tips deactivated"
    ) == 1


async def test_retry_after_and_transient_errors_are_retried(tip_db: Database) -> None:
    for chat in (1, 2, 3):
        await subscribe(tip_db, chat)
    sender = FakeSender()
    sender.errors[1] = [RetryLater(0.01)]
    sender.errors[2] = [Transient("Bad Gateway"), Transient("Bad Gateway")]
    report = await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS)
    assert report.sent == 3
    assert sender.chats() == Counter({1: 1, 2: 1, 3: 1})


async def test_persistent_errors_are_bounded_and_logged(
    tip_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await subscribe(tip_db, 1)
    await subscribe(tip_db, 2)
    sender = FakeSender()
    sender.errors[1] = [Transient("Bad Gateway")] * (OPTIONS.retries + 1)
    with caplog.at_level(logging.WARNING, logger="bot.tips.broadcast"):
        report = await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS)
    assert report.failed == 1 and report.sent == 1
    assert await store.delivery_status(tip_db, 1, date(2026, 11, 25)) == store.FAILED
    assert any("chat 1 not delivered" in r.message for r in caplog.records)
    assert not sender.errors[1]  # exactly retries + 1 attempts were made


async def test_uncertain_send_is_not_repeated(tip_db: Database) -> None:
    await subscribe(tip_db, 1)
    sender = FakeSender()
    sender.errors[1] = [Uncertain("timed out")]
    report = await deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS)
    later = await deliver_due(
        tip_db, TIPS, sender, WEDNESDAY_EIGHT + timedelta(minutes=5), OPTIONS
    )
    assert report.uncertain == 1 and later.due == 0
    assert await store.delivery_status(tip_db, 1, date(2026, 11, 25)) == store.UNKNOWN


async def test_concurrent_runs_send_each_chat_once(tip_db: Database) -> None:
    for chat in range(1, 21):
        await subscribe(tip_db, chat)
    sender = FakeSender()
    await asyncio.gather(
        deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS),
        deliver_due(tip_db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS),
    )
    assert sender.chats() == Counter({chat: 1 for chat in range(1, 21)})


async def test_interrupted_broadcast_resumes_without_duplicates_or_misses(
    tmp_path: Path,
) -> None:
    """Cancel the broadcast while some sends are on the wire and others wait; restart."""
    path = tmp_path / "crash.sqlite3"
    chats = list(range(100, 130))
    sender = FakeSender()
    sender.gate = asyncio.Event()  # responses never arrive before the crash
    async with Database(path) as db:
        for chat in chats:
            await subscribe(db, chat)
        run = asyncio.create_task(deliver_due(db, TIPS, sender, WEDNESDAY_EIGHT, OPTIONS))
        while len(sender.received) < OPTIONS.concurrency:
            await asyncio.sleep(0)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run
    on_the_wire = {chat for chat, _ in sender.received}
    assert len(on_the_wire) == OPTIONS.concurrency

    sender.gate = None
    restart = WEDNESDAY_EIGHT + timedelta(minutes=3)
    async with Database(path) as db:  # the restarted process
        assert await store.mark_interrupted(db, restart) == len(on_the_wire)
        report = await deliver_due(db, TIPS, sender, restart, OPTIONS)
        statuses = {
            chat: await store.delivery_status(db, chat, date(2026, 11, 25)) for chat in chats
        }
    assert report.sent == len(chats) - len(on_the_wire)
    assert sender.chats() == Counter({chat: 1 for chat in chats})  # no duplicate, no miss
    assert {c for c, s in statuses.items() if s == store.UNKNOWN} == on_the_wire


@pytest.mark.parametrize(
    "eight_local",
    [
        datetime(2026, 3, 28, 7, 0, tzinfo=UTC),  # CET
        datetime(2026, 3, 29, 6, 0, tzinfo=UTC),  # spring switch day: CEST
        datetime(2026, 3, 30, 6, 0, tzinfo=UTC),
        datetime(2026, 10, 24, 6, 0, tzinfo=UTC),  # CEST
        datetime(2026, 10, 25, 7, 0, tzinfo=UTC),  # autumn switch day: CET
        datetime(2026, 10, 26, 7, 0, tzinfo=UTC),
    ],
)
async def test_eight_oclock_subscriber_gets_the_tip_at_eight_local_around_dst(
    tip_db: Database, eight_local: datetime
) -> None:
    await store.subscribe(tip_db, 1, eight_local - timedelta(days=2), BERLIN, EIGHT)
    no_catch_up = BroadcastOptions(zone=BERLIN, catch_up=timedelta(0))
    sender = FakeSender()
    for minute in range(-90, 0, 15):  # 06:30 … 07:45 local: nothing yet
        await deliver_due(
            tip_db, TIPS, sender, eight_local + timedelta(minutes=minute), no_catch_up
        )
    assert sender.received == []
    await deliver_due(tip_db, TIPS, sender, eight_local, no_catch_up)
    await deliver_due(tip_db, TIPS, sender, eight_local + timedelta(minutes=1), OPTIONS)
    assert list(sender.chats().values()) == [1]
    assert await store.delivery_status(tip_db, 1, eight_local.astimezone(BERLIN).date()) == "sent"
