"""Queries for daily tips: subscriptions, the per-chat tip history and the delivery log.

Tables are created by migration 1 in `bot.storage`. Only what the feature needs is stored:
chat id, time, weekdays, dates and tip ids – no names, no message texts.

Every write is a single SQL statement (the connection is shared by all features, so no
multi-statement transactions are opened here). A trigger copies a delivery into the tip
history in the same statement that marks it 'sent', so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot.storage import Database
from bot.tips.schedule import (
    DEFAULT_TIME,
    EVERY_DAY,
    Slot,
    first_delivery_day,
    parse_time_key,
    time_key,
)

PENDING = "pending"  # the request is about to go, or is, on the wire
SENT = "sent"
UNKNOWN = "unknown"  # was pending when the process died: maybe delivered, never resent
BLOCKED = "blocked"
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Subscription:
    """One chat's daily-tip setting."""

    chat_id: int
    at: time
    weekdays: int
    active: bool
    starts_on: date


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds")


async def get_subscription(db: Database, chat_id: int) -> Subscription | None:
    """The chat's subscription (active or stopped), or None if it never subscribed."""
    async with db.connection.execute(
        "SELECT send_time, weekdays, active, starts_on FROM tip_subscriptions WHERE chat_id = ?",
        (chat_id,),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    at = parse_time_key(row[0]) or DEFAULT_TIME
    return Subscription(chat_id, at, int(row[1]), bool(row[2]), date.fromisoformat(row[3]))


async def save_subscription(
    db: Database, chat_id: int, at: time, weekdays: int, starts_on: date, now: datetime
) -> Subscription:
    """Create or change the chat's subscription and make it active."""
    await db.connection.execute(
        """
        INSERT INTO tip_subscriptions
            (chat_id, send_time, weekdays, active, starts_on, created_at, updated_at)
        VALUES (?, ?, ?, 1, ?, ?, ?)
        ON CONFLICT (chat_id) DO UPDATE SET
            send_time = excluded.send_time, weekdays = excluded.weekdays, active = 1,
            starts_on = excluded.starts_on, updated_at = excluded.updated_at
        """,
        (chat_id, time_key(at), weekdays, starts_on.isoformat(), _stamp(now), _stamp(now)),
    )
    return Subscription(chat_id, at, weekdays, True, starts_on)


async def subscribe(
    db: Database,
    chat_id: int,
    now: datetime,
    zone: ZoneInfo,
    at: time | None = None,
    weekdays: int | None = None,
) -> Subscription:
    """Subscribe or change the setting; unchanged parts keep their current value.

    The first tip comes at the next chosen slot that is still ahead, so subscribing at
    09:00 for 08:00 never triggers a catch-up tip for today.
    """
    current = await get_subscription(db, chat_id)
    if at is None:
        at = current.at if current else DEFAULT_TIME
    if weekdays is None:
        weekdays = current.weekdays if current else EVERY_DAY
    starts_on = first_delivery_day(at, weekdays, now, zone)
    return await save_subscription(db, chat_id, at, weekdays, starts_on, now)


async def deactivate(db: Database, chat_id: int, now: datetime) -> bool:
    """Stop the chat's subscription; True if it was active (so callers log it once)."""
    cursor = await db.connection.execute(
        "UPDATE tip_subscriptions SET active = 0, updated_at = ? WHERE chat_id = ? AND active = 1",
        (_stamp(now), chat_id),
    )
    return cursor.rowcount > 0


async def active_times(db: Database) -> list[time]:
    """The distinct wall-clock times of all active subscriptions."""
    async with db.connection.execute(
        "SELECT DISTINCT send_time FROM tip_subscriptions WHERE active = 1"
    ) as cursor:
        rows = await cursor.fetchall()
    return [at for (key,) in rows if (at := parse_time_key(key)) is not None]


async def due_chats(db: Database, slot: Slot) -> list[int]:
    """Active chats with a tip due in this slot that have no delivery for that day yet."""
    async with db.connection.execute(
        """
        SELECT s.chat_id FROM tip_subscriptions AS s
        WHERE s.active = 1 AND s.send_time = ? AND s.starts_on <= ?
          AND (s.weekdays >> ?) & 1
          AND NOT EXISTS (
              SELECT 1 FROM tip_deliveries AS d WHERE d.chat_id = s.chat_id AND d.day = ?
          )
        ORDER BY s.chat_id
        """,
        (time_key(slot.at), slot.day.isoformat(), slot.day.weekday(), slot.day.isoformat()),
    ) as cursor:
        rows = await cursor.fetchall()
    return [int(chat_id) for (chat_id,) in rows]


async def rotation_state(db: Database, chat_id: int) -> tuple[int, set[str]]:
    """The chat's current round and the tips it already got in that round."""
    async with db.connection.execute(
        """
        SELECT round, tip_id FROM tip_history
        WHERE chat_id = ? AND round = (SELECT MAX(round) FROM tip_history WHERE chat_id = ?)
        """,
        (chat_id, chat_id),
    ) as cursor:
        rows = list(await cursor.fetchall())
    if not rows:
        return 0, set()
    return int(rows[0][0]), {str(tip_id) for _, tip_id in rows}


async def record_tip(
    db: Database, chat_id: int, tip_id: str, round_number: int, now: datetime
) -> None:
    """Note a tip sent outside the daily delivery (/tipp) so the rotation skips it."""
    await db.connection.execute(
        "INSERT OR IGNORE INTO tip_history (chat_id, round, tip_id, sent_at) VALUES (?, ?, ?, ?)",
        (chat_id, round_number, tip_id, _stamp(now)),
    )


async def claim_delivery(
    db: Database, chat_id: int, day: date, tip_id: str, round_number: int, now: datetime
) -> bool:
    """Write the 'pending' row for (chat, day); False if that day already has a row."""
    cursor = await db.connection.execute(
        """
        INSERT OR IGNORE INTO tip_deliveries (chat_id, day, tip_id, round, status, claimed_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        (chat_id, day.isoformat(), tip_id, round_number, PENDING, _stamp(now)),
    )
    return cursor.rowcount > 0


async def finish_delivery(
    db: Database, chat_id: int, day: date, status: str, now: datetime
) -> None:
    """Record the outcome of a claimed delivery ('sent' also adds it to the tip history)."""
    await db.connection.execute(
        "UPDATE tip_deliveries SET status = ?, finished_at = ? WHERE chat_id = ? AND day = ?",
        (status, _stamp(now), chat_id, day.isoformat()),
    )


async def mark_interrupted(db: Database, now: datetime) -> int:
    """At start-up: rows still 'pending' belong to a process that died mid-request.

    Their outcome is unknown (Telegram may or may not have the message), and they are
    never resent: see `bot.tips.broadcast` for the trade-off. Returns how many there were.
    """
    cursor = await db.connection.execute(
        "UPDATE tip_deliveries SET status = ?, finished_at = ? WHERE status = ?",
        (UNKNOWN, _stamp(now), PENDING),
    )
    return cursor.rowcount


async def delivery_status(db: Database, chat_id: int, day: date) -> str | None:
    """The status of the chat's delivery for a local day, or None."""
    async with db.connection.execute(
        "SELECT status FROM tip_deliveries WHERE chat_id = ? AND day = ?",
        (chat_id, day.isoformat()),
    ) as cursor:
        row = await cursor.fetchone()
    return str(row[0]) if row else None
