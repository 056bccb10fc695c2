"""What an admin's next button press or reply refers to, kept in SQLite across a restart.

An announcement draft waits for "Senden" / "Planen", the "Wann?" prompt waits for a time and
the entry choice under /stats waits for a search reply. Each was acknowledged to Telegram, so
a redeploy between the two steps must not turn the admin's next press into "verworfen".

A prompt is keyed by (kind, chat, message): drafts use the admin's id as chat and 0 as
message, replies use the prompt message they answer. `user_id` makes /vergessen delete an
admin's own prompts; the retention job removes what nobody finished within `MAX_AGE_S`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.storage import Database

MAX_AGE_S = 7 * 24 * 60 * 60

DRAFT = "announce_draft"  # admin → draft text
PLANNING = "announce_plan"  # "Wann?" prompt → admin (value: the admin id)
SEARCH = "review_search"  # entry choice message → question group sample id


@dataclass(frozen=True, slots=True)
class Prompt:
    """One open prompt: who it belongs to and what it carries."""

    user_id: int
    value: str


async def remember(
    db: Database, kind: str, chat_id: int, message_id: int, user_id: int, value: str
) -> None:
    """Store (or replace) the prompt at this key."""
    await db.connection.execute(
        "INSERT OR REPLACE INTO admin_prompts (kind, chat_id, message_id, user_id, value, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, chat_id, message_id, user_id, value, time.time()),
    )


_AT_KEY = "WHERE kind = ? AND chat_id = ? AND message_id = ?"


async def recall(db: Database, kind: str, chat_id: int, message_id: int = 0) -> Prompt | None:
    """The prompt at this key, or None."""
    sql = f"SELECT user_id, value FROM admin_prompts {_AT_KEY}"
    return await _one(db, sql, kind, chat_id, message_id)


async def take(db: Database, kind: str, chat_id: int, message_id: int = 0) -> Prompt | None:
    """The prompt at this key, deleted in the same statement (a double press gets None)."""
    sql = f"DELETE FROM admin_prompts {_AT_KEY} RETURNING user_id, value"
    return await _one(db, sql, kind, chat_id, message_id)


async def _one(db: Database, sql: str, *key: object) -> Prompt | None:
    """The prompt a statement on one key returns, or None."""
    async with db.connection.execute(sql, key) as cursor:
        row = await cursor.fetchone()
    return Prompt(int(row[0]), str(row[1])) if row else None


async def delete_older_than(db: Database, max_age_s: float = MAX_AGE_S) -> int:
    """Retention: drop prompts nobody finished; returns how many."""
    cursor = await db.connection.execute(
        "DELETE FROM admin_prompts WHERE created_at < ?", (time.time() - max_age_s,)
    )
    return max(cursor.rowcount, 0)
