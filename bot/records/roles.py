"""The perspective a user chose with /rolle: one row per user, none when no choice was made.

The table is created by a migration in `bot/schema.py`; /vergessen deletes the row with
everything else (`bot.records.privacy` finds it by its `user_id` column).
"""

from __future__ import annotations

import time

from bot.storage import Database


async def role_of(db: Database, user_id: int) -> str:
    """The role id the user chose, or "" when none was chosen."""
    rows = await db.connection.execute_fetchall(  # one round trip to the database thread
        "SELECT role FROM user_roles WHERE user_id = ?", (user_id,)
    )
    return next((str(row[0]) for row in rows), "")


async def reader_choices(db: Database, user_id: int) -> tuple[str | None, str]:
    """The language (None: never chosen) and the role ("": none) the user chose, in one
    round trip to the database thread: what every first update of a user needs."""
    rows = await db.connection.execute_fetchall(
        "SELECT (SELECT lang FROM user_languages WHERE user_id = ?),"
        " (SELECT role FROM user_roles WHERE user_id = ?)",
        (user_id, user_id),
    )
    lang, role = next(iter(rows), (None, None))
    return (None if lang is None else str(lang)), ("" if role is None else str(role))


async def set_role(db: Database, user_id: int, role: str, now: int | None = None) -> None:
    """Store the user's role; "" deletes the choice (the user prefers not to say).

    The connection runs in autocommit mode, so each statement is durable on its own."""
    if not role:
        await db.connection.execute("DELETE FROM user_roles WHERE user_id = ?", (user_id,))
    else:
        await db.connection.execute(
            "INSERT INTO user_roles (user_id, role, chosen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, "
            "chosen_at = excluded.chosen_at",
            (user_id, role, int(time.time()) if now is None else now),
        )
