"""The language a user chose with /sprache: one row per user, deleted by /vergessen.

Without a stored choice the language follows Telegram's `language_code` (bot.language),
so nothing is stored for people who never choose.
"""

from __future__ import annotations

import time

from bot.storage import Database


async def chosen_language(db: Database, user_id: int) -> str | None:
    """The language this user chose, or None if they never chose one."""
    rows = await db.connection.execute_fetchall(  # one round trip to the database thread
        "SELECT lang FROM user_languages WHERE user_id = ?", (user_id,)
    )
    return next((str(row[0]) for row in rows), None)


async def choose_language(db: Database, user_id: int, lang: str) -> None:
    """Store (or change) the language a user chose."""
    await db.connection.execute(
        "INSERT INTO user_languages (user_id, lang, chosen_at) VALUES (?, ?, ?) "
        "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, chosen_at = excluded.chosen_at",
        (user_id, lang, int(time.time())),
    )
    await db.connection.commit()


async def chat_language(db: Database, chat_id: int) -> str:
    """The language a chat reads its daily tip in: the stored choice, else German."""
    return await chosen_language(db, chat_id) or "de"
