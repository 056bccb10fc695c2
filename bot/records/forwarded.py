"""Questions users sent to the team, the team's copies of them, and the answers on their way back.

A question is stored only after the user consented (the button that says what goes where).
States: 'open' (waiting for the team) → 'answered' (reply stored, not yet delivered) →
'delivered'; 'undeliverable' when the user blocked the bot, 'failed' when no team chat could
be reached. Storing the reply before sending it makes the way back restart-safe: answers
still 'answered' at start-up are delivered then. Tables: migration 3 in `bot/schema.py`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.storage import Database

MAX_OPEN_PER_USER = 3
OPEN = "open"
ANSWERED = "answered"
DELIVERED = "delivered"
UNDELIVERABLE = "undeliverable"
FAILED = "failed"
THANKS = "thanks"
ASK_BACK = "question"
_COLUMNS = "id, user_id, chat_id, question, state, reply, followup, awaiting_followup"


@dataclass(frozen=True, slots=True)
class Forwarded:
    """One forwarded question as stored."""

    id: int
    user_id: int
    chat_id: int
    question: str
    state: str
    reply: str | None = None
    followup: str | None = None
    awaiting_followup: bool = False


class TooManyOpen(Exception):
    """The user already has `MAX_OPEN_PER_USER` questions waiting for the team."""


def _row(row: tuple[object, ...]) -> Forwarded:
    ident, user, chat, question, state, reply, followup, awaiting = row
    return Forwarded(
        int(str(ident)),
        int(str(user)),
        int(str(chat)),
        str(question),
        str(state),
        None if reply is None else str(reply),
        None if followup is None else str(followup),
        bool(awaiting),
    )


async def _one(db: Database, where: str, *args: object) -> Forwarded | None:
    async with db.connection.execute(
        f"SELECT {_COLUMNS} FROM forwarded_questions WHERE {where}", args
    ) as cursor:
        row = await cursor.fetchone()
    return _row(tuple(row)) if row else None


async def _many(db: Database, where: str, *args: object) -> list[Forwarded]:
    async with db.connection.execute(
        f"SELECT {_COLUMNS} FROM forwarded_questions WHERE {where} ORDER BY id", args
    ) as cursor:
        return [_row(tuple(row)) for row in await cursor.fetchall()]


async def open_count(db: Database, user_id: int) -> int:
    """How many of the user's questions are waiting for the team."""
    async with db.connection.execute(
        "SELECT count(*) FROM forwarded_questions WHERE user_id = ? AND state = ?",
        (user_id, OPEN),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def create(
    db: Database,
    user_id: int,
    chat_id: int,
    question: str,
    now: int | None = None,
    log_id: int | None = None,
) -> Forwarded:
    """Store a consented question as 'open'; raises TooManyOpen past the limit.

    One statement: the limit is checked inside the INSERT, so two presses at once cannot
    both get past it. `log_id` (the question_log row) is unique: see `by_log_id`.
    """
    cursor = await db.connection.execute(
        "INSERT INTO forwarded_questions (user_id, chat_id, question, state, asked_at, log_id) "
        "SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM forwarded_questions "
        "WHERE user_id = ? AND state = ?) < ?",
        (
            user_id,
            chat_id,
            question,
            OPEN,
            int(time.time()) if now is None else now,
            log_id,
            user_id,
            OPEN,
            MAX_OPEN_PER_USER,
        ),
    )
    if not cursor.rowcount:
        raise TooManyOpen
    return Forwarded(int(cursor.lastrowid or 0), user_id, chat_id, question, OPEN)


# What became of a consent press (the handler words each for the user).
STALE = "stale"  # not the user's question, or no team to send it to
SENT = "sent"  # stored and posted to the team (also: pressed a second time)
TOO_MANY = "too_many"  # MAX_OPEN_PER_USER questions are still open
NOT_POSTED = "not_posted"  # stored, but no team chat took it: marked failed


async def consent_given(
    db: Database,
    log_id: int,
    user_id: int,
    post: Callable[[Forwarded], Awaitable[int]] | None,
) -> str:
    """Store the user's logged question, post it (None: no team; returns copies that arrived)."""
    text = await logged_question(db, log_id, user_id)
    if text is None or post is None:
        return STALE
    if await by_log_id(db, log_id):  # pressed twice
        return SENT
    try:
        question = await create(db, user_id, user_id, text, log_id=log_id)
    except TooManyOpen:
        return TOO_MANY
    if not await post(question):
        await set_state(db, question.id, FAILED)
        return NOT_POSTED
    return SENT


async def get(db: Database, question_id: int) -> Forwarded | None:
    """The forwarded question with this id, or None (also after /vergessen)."""
    return await _one(db, "id = ?", question_id)


async def by_log_id(db: Database, log_id: int) -> Forwarded | None:
    """The forwarded question made from this question_log row (a second consent press)."""
    return await _one(db, "log_id = ?", log_id)


async def logged_question(db: Database, log_id: int, user_id: int) -> str | None:
    """The text of a question the user asked in their private chat; None if not theirs."""
    async with db.connection.execute(
        "SELECT question FROM question_log WHERE id = ? AND chat_id = ? AND chat_type = 'private'",
        (log_id, user_id),
    ) as cursor:
        row = await cursor.fetchone()
    return str(row[0]) if row else None


async def first_copies(db: Database, question_id: int) -> list[tuple[int, int]]:
    """(team chat, first message there) of the question: where a thank-you is posted."""
    async with db.connection.execute(
        "SELECT team_chat, min(team_message) FROM forwarded_messages WHERE question_id = ? "
        "GROUP BY team_chat ORDER BY team_chat",
        (question_id,),
    ) as cursor:
        return [(int(chat), int(message)) for chat, message in await cursor.fetchall()]


async def add_team_message(db: Database, question_id: int, team_chat: int, message: int) -> None:
    """Remember a copy of the question in a team chat, so a reply to it finds the question."""
    await db.connection.execute(
        "INSERT OR IGNORE INTO forwarded_messages (question_id, team_chat, team_message) "
        "VALUES (?, ?, ?)",
        (question_id, team_chat, message),
    )


async def by_team_message(db: Database, team_chat: int, message: int) -> Forwarded | None:
    """The question a team message belongs to (the copy, or the bot's answer prompt)."""
    return await _one(
        db,
        "id = (SELECT question_id FROM forwarded_messages "
        "WHERE team_chat = ? AND team_message = ?)",
        team_chat,
        message,
    )


async def team_messages(db: Database, question_id: int) -> list[tuple[int, int]]:
    """(team chat, message id) of every copy of the question, oldest first."""
    async with db.connection.execute(
        "SELECT team_chat, team_message FROM forwarded_messages WHERE question_id = ? "
        "ORDER BY rowid",
        (question_id,),
    ) as cursor:
        return [(int(chat), int(message)) for chat, message in await cursor.fetchall()]


async def set_state(db: Database, question_id: int, state: str) -> None:
    """Set the state (failed, delivered, undeliverable)."""
    await db.connection.execute(
        "UPDATE forwarded_questions SET state = ? WHERE id = ?", (state, question_id)
    )


async def record_reply(
    db: Database, question_id: int, reply: str, now: int | None = None
) -> Forwarded | None:
    """Store the team's answer ('answered', to be delivered); None if the question is gone."""
    await db.connection.execute(
        "UPDATE forwarded_questions SET reply = ?, answered_at = ?, state = ?, "
        "awaiting_followup = 0 WHERE id = ?",
        (reply, int(time.time()) if now is None else now, ANSWERED, question_id),
    )
    return await get(db, question_id)


async def undelivered_answers(db: Database) -> list[Forwarded]:
    """Answers stored but not yet delivered (the bot stopped in between)."""
    return await _many(db, "state = ?", ANSWERED)


async def unsent_questions(db: Database) -> list[Forwarded]:
    """Open questions that no team chat has a copy of yet (the bot stopped in between)."""
    return await _many(
        db,
        "state = ? AND NOT EXISTS (SELECT 1 FROM forwarded_messages WHERE question_id = id)",
        OPEN,
    )


async def use_followup(db: Database, question_id: int, user_id: int, kind: str) -> bool:
    """Use the one thank-you or ask-back of an answered question; False if already used."""
    cursor = await db.connection.execute(
        "UPDATE forwarded_questions SET followup = ?, awaiting_followup = ? "
        "WHERE id = ? AND user_id = ? AND followup IS NULL AND state = ?",
        (kind, int(kind == ASK_BACK), question_id, user_id, DELIVERED),
    )
    return cursor.rowcount > 0


async def awaiting_followup(db: Database, user_id: int) -> Forwarded | None:
    """The question whose ask-back the user is about to write, if any (the newest)."""
    return await _one(
        db,
        "id = (SELECT max(id) FROM forwarded_questions WHERE user_id = ? AND awaiting_followup)",
        user_id,
    )


async def reopen_with_followup(db: Database, question_id: int, text: str) -> None:
    """The user's ask-back becomes the open question the team answers next."""
    await db.connection.execute(
        "UPDATE forwarded_questions SET question = question || char(10) || char(10) || ?, "
        "state = ?, awaiting_followup = 0 WHERE id = ?",
        (text, OPEN, question_id),
    )
