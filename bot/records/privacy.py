"""Forget a person: delete every row about them from every table that can hold their id.

Tables are discovered from the schema (`sqlite_master`), so tables added by other features
(subscriptions, tip history, …) are covered as long as they name the column `chat_id` or
`user_id`. In a private chat Telegram's chat id is the user's id, so both are matched.

The inbox (bot/records/inbox.py) names its column `sender_id` and is handled on its own:
updates that could not be handled ('dead', raw JSON kept) are deleted; pending ones are
answered within moments and then keep no text, so they are left to finish (the /vergessen
button press itself is one of them).
"""

from __future__ import annotations

import logging

from bot.storage import Database

logger = logging.getLogger(__name__)

PERSONAL_COLUMNS = ("chat_id", "user_id")


async def personal_tables(db: Database) -> dict[str, list[str]]:
    """Table name → the personal id columns it has."""
    async with db.connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ) as cursor:
        names = [row[0] for row in await cursor.fetchall()]
    found: dict[str, list[str]] = {}
    for name in names:
        quoted = name.replace('"', '""')
        async with db.connection.execute(f'PRAGMA table_info("{quoted}")') as cursor:
            columns = [row[1] for row in await cursor.fetchall()]
        personal = [c for c in PERSONAL_COLUMNS if c in columns]
        if personal:
            found[name] = personal
    return found


async def forget_user(db: Database, user_id: int) -> int:
    """Delete every row tied to this user in one transaction; returns the number deleted.

    The transaction runs on its own connection: writes that other coroutines make on the
    shared connection meanwhile (a tip delivery, a logged question) can never be rolled
    back with it."""
    tables = await personal_tables(db)
    deleted = 0
    async with db.own_transaction() as connection:
        # Rows of several tables may reference each other; check foreign keys at COMMIT.
        await connection.execute("PRAGMA defer_foreign_keys = ON")
        for table, columns in tables.items():
            quoted = table.replace('"', '""')
            condition = " OR ".join(f"{column} = ?" for column in columns)
            cursor = await connection.execute(
                f'DELETE FROM "{quoted}" WHERE {condition}', [user_id] * len(columns)
            )
            deleted += max(cursor.rowcount, 0)
        cursor = await connection.execute(
            "DELETE FROM inbox WHERE sender_id = ? AND state = 'dead'", (user_id,)
        )
        deleted += max(cursor.rowcount, 0)
    logger.info("Deleted %d rows for a /vergessen request", deleted)
    return deleted
