"""One-off announcements to every daily-tip subscriber: exactly once, rate-limited, restart-safe.

The same rules as the daily tips (`bot.tips.broadcast`): a chat is due while it has no row
in `announcement_deliveries`; the 'pending' row is written right before the request goes on
the wire (`on_wire`, after the rate limiter), and becomes 'sent', 'blocked', 'failed' or –
after a crash mid-request – 'unknown' (never resent). Retries follow `send_with_retries`.
An announcement is 'done' once every active subscriber has a row; until then every run
(each minute, and at start-up) continues where the last one stopped.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.storage import Database
from bot.tips import subscriptions as store
from bot.tips.broadcast import (
    AlreadyClaimed,
    BroadcastOptions,
    BroadcastReport,
    OnWire,
    send_with_retries,
)

logger = logging.getLogger(__name__)

SCHEDULED = "scheduled"
DONE = "done"
CANCELLED = "cancelled"
MAX_TEXT = 3500
AnnounceSend = Callable[[int, str, OnWire], Awaitable[None]]
_WHEN = re.compile(
    r"^(?:(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})?\s+)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*uhr)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Announcement:
    """A stored announcement; `send_at` is aware (UTC)."""

    id: int
    text: str
    send_at: datetime
    state: str


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _announcement(row: tuple[object, ...]) -> Announcement:
    ident, text, send_at, state = row
    return Announcement(
        int(str(ident)), str(text), datetime.fromisoformat(str(send_at)), str(state)
    )


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """'18:30', '24.12. 9:00' or '24.12.2026 09:00' (local time) as UTC; None if unreadable
    or not in the future. A bare time means today, or tomorrow once it has passed."""
    found = _WHEN.match(text.strip())
    if not found:
        return None
    local_now = now.astimezone(zone)
    try:
        at = time(int(found["hour"]), int(found["minute"]))
        if found["day"]:
            year = int(found["year"] or local_now.year)
            day = date(year + 2000 if year < 100 else year, int(found["month"]), int(found["day"]))
        else:
            day = local_now.date()
            if datetime.combine(day, at, zone) <= local_now:
                day += timedelta(days=1)
    except ValueError:
        return None
    moment = datetime.combine(day, at, zone)
    return moment.astimezone(UTC) if moment > local_now else None


async def recipient_count(db: Database) -> int:
    """How many chats would get an announcement now (active tip subscriptions)."""
    async with db.connection.execute(
        "SELECT count(*) FROM tip_subscriptions WHERE active = 1"
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def create(db: Database, text: str, send_at: datetime, now: datetime) -> Announcement:
    """Store an announcement to be sent at `send_at` (now or later)."""
    cursor = await db.connection.execute(
        "INSERT INTO announcements (text, send_at, state, created_at) VALUES (?, ?, ?, ?)",
        (text, _stamp(send_at), SCHEDULED, _stamp(now)),
    )
    return Announcement(int(cursor.lastrowid or 0), text, send_at.astimezone(UTC), SCHEDULED)


async def cancel(db: Database, announcement_id: int) -> bool:
    """Cancel a scheduled announcement that has not started; True if it was cancelled."""
    cursor = await db.connection.execute(
        "UPDATE announcements SET state = ? WHERE id = ? AND state = ? AND NOT EXISTS "
        "(SELECT 1 FROM announcement_deliveries WHERE announcement_id = id)",
        (CANCELLED, announcement_id, SCHEDULED),
    )
    return cursor.rowcount > 0


async def due(db: Database, now: datetime) -> list[Announcement]:
    """Scheduled announcements whose time has come, oldest first."""
    async with db.connection.execute(
        "SELECT id, text, send_at, state FROM announcements WHERE state = ? AND send_at <= ? "
        "ORDER BY send_at, id",
        (SCHEDULED, _stamp(now)),
    ) as cursor:
        return [_announcement(tuple(row)) for row in await cursor.fetchall()]


async def pending_chats(db: Database, announcement_id: int) -> list[int]:
    """Active subscribers that have no delivery row for this announcement yet."""
    async with db.connection.execute(
        "SELECT s.chat_id FROM tip_subscriptions AS s WHERE s.active = 1 AND NOT EXISTS "
        "(SELECT 1 FROM announcement_deliveries AS d "
        " WHERE d.announcement_id = ? AND d.chat_id = s.chat_id) ORDER BY s.chat_id",
        (announcement_id,),
    ) as cursor:
        return [int(chat) for (chat,) in await cursor.fetchall()]


async def recover_interrupted(db: Database, now: datetime) -> int:
    """At start-up: 'pending' rows of a dead process become 'unknown' (never resent)."""
    cursor = await db.connection.execute(
        "UPDATE announcement_deliveries SET status = 'unknown', finished_at = ? "
        "WHERE status = 'pending'",
        (_stamp(now),),
    )
    return cursor.rowcount


async def delivery_counts(db: Database, announcement_id: int) -> dict[str, int]:
    """Deliveries by status ('sent', 'blocked', 'failed', 'unknown', 'pending')."""
    async with db.connection.execute(
        "SELECT status, count(*) FROM announcement_deliveries WHERE announcement_id = ? "
        "GROUP BY status",
        (announcement_id,),
    ) as cursor:
        return {str(status): int(count) for status, count in await cursor.fetchall()}


async def recent(db: Database, limit: int = 3) -> list[Announcement]:
    """The newest announcements (any state), newest first."""
    async with db.connection.execute(
        "SELECT id, text, send_at, state FROM announcements ORDER BY id DESC LIMIT ?", (limit,)
    ) as cursor:
        return [_announcement(tuple(row)) for row in await cursor.fetchall()]


async def deliver(
    db: Database,
    announcement: Announcement,
    send: AnnounceSend,
    now: datetime,
    options: BroadcastOptions,
) -> BroadcastReport:
    """Send the announcement to every subscriber still without a delivery row."""
    report = BroadcastReport()
    chats = await pending_chats(db, announcement.id)
    report.due = len(chats)
    queue = iter(chats)

    async def worker() -> None:
        for chat_id in queue:  # a shared iterator: each chat goes to one worker
            await _deliver_one(db, announcement, chat_id, send, now, options, report)

    # A TaskGroup, not gather: if one worker fails (say, the database), the others stop too
    # instead of running on unobserved; what is not done stays pending for the next run.
    async with asyncio.TaskGroup() as group:
        for _ in range(min(options.concurrency, len(chats))):
            group.create_task(worker())
    if not await pending_chats(db, announcement.id):
        await db.connection.execute(
            "UPDATE announcements SET state = ?, finished_at = ? WHERE id = ?",
            (DONE, _stamp(now), announcement.id),
        )
    logger.info(
        "Announcement %d: %d due, %d sent, %d blocked, %d failed, %d uncertain",
        announcement.id,
        report.due,
        report.sent,
        report.blocked,
        report.failed,
        report.uncertain,
    )
    return report


async def _deliver_one(
    db: Database,
    announcement: Announcement,
    chat_id: int,
    send: AnnounceSend,
    now: datetime,
    options: BroadcastOptions,
    report: BroadcastReport,
) -> None:
    claimed = False

    async def on_wire() -> None:
        nonlocal claimed
        if claimed:
            return
        cursor = await db.connection.execute(
            "INSERT OR IGNORE INTO announcement_deliveries "
            "(announcement_id, chat_id, status, claimed_at) VALUES (?, ?, 'pending', ?)",
            (announcement.id, chat_id, _stamp(now)),
        )
        if not cursor.rowcount:
            raise AlreadyClaimed
        claimed = True

    try:
        outcome, failure = await send_with_retries(
            lambda: send(chat_id, announcement.text, on_wire), options
        )
        if not claimed:
            await on_wire()
    except AlreadyClaimed:
        report.skipped += 1
        return
    await db.connection.execute(
        "UPDATE announcement_deliveries SET status = ?, finished_at = ? "
        "WHERE announcement_id = ? AND chat_id = ?",
        (outcome, _stamp(now), announcement.id, chat_id),
    )
    await _tally(db, report, chat_id, outcome, failure, now)


async def _tally(
    db: Database,
    report: BroadcastReport,
    chat_id: int,
    outcome: str,
    failure: Exception | None,
    now: datetime,
) -> None:
    """Count the outcome; a chat that blocked the bot is unsubscribed."""
    if outcome == store.SENT:
        report.sent += 1
        report.sent_to.append(chat_id)
    elif outcome == store.BLOCKED:
        report.blocked += 1
        await store.deactivate(db, chat_id, now)
    elif outcome == store.UNKNOWN:
        report.uncertain += 1
    else:
        report.failed += 1
        logger.warning("Announcement to chat %s not delivered: %s", chat_id, failure)
