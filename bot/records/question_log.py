"""The question log and answer feedback: one cheap INSERT per question, votes, retention.

What is stored and why is explained to users by /datenschutz (messages.yaml) and in the
README. The tables are created by migration 2 in `bot/schema.py`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass

from bot.matching import KIND_POINTER, SearchResult
from bot.storage import Database

logger = logging.getLogger(__name__)

SECONDS_PER_DAY = 86_400
VOTE_UP = 1
VOTE_DOWN = -1
PRIVATE_CHAT = "private"


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    """One question as it is written to the log."""

    question: str
    decision: str
    chat_type: str
    entry_id: str | None = None
    score: float | None = None
    chat_id: int | None = None
    kind: str | None = None


async def record_question(
    db: Database, logged: LoggedQuestion, asked_at: int | None = None
) -> int:
    """Store one question (one INSERT); returns its row id.

    The chat id is kept for private chats only, where it is the asker's own id.
    """
    chat_id = logged.chat_id if logged.chat_type == PRIVATE_CHAT else None
    cursor = await db.connection.execute(
        "INSERT INTO question_log (asked_at, question, entry_id, score, decision, chat_type, "
        "chat_id, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            int(time.time()) if asked_at is None else asked_at,
            logged.question,
            logged.entry_id,
            logged.score,
            logged.decision,
            logged.chat_type,
            chat_id,
            logged.kind,
        ),
    )
    return int(cursor.lastrowid or 0)


async def log_question(
    db: Database, question: str, result: SearchResult, chat_type: str, chat_id: int
) -> int | None:
    """Log a question and how it was answered; its id, or None if the database failed.

    Never raises: a broken log must not cost the user their answer.
    """
    best = result.best
    answer_id, score = (best.entry.id, best.score) if best else (None, None)
    if result.kind == KIND_POINTER and result.pointer:  # the pointer id stands in entry_id
        answer_id, score = result.pointer.pointer.id, result.pointer.score
    logged = LoggedQuestion(
        question=question,
        decision=result.decision,
        chat_type=chat_type,
        entry_id=answer_id,
        score=round(score, 1) if score is not None else None,
        chat_id=chat_id,
        kind=result.kind,
    )
    try:
        return await record_question(db, logged)
    except (sqlite3.Error, RuntimeError):
        logger.warning("Could not log a question", exc_info=True)
        return None


@dataclass(frozen=True, slots=True)
class AnswerRef:
    """The answer message a vote is about."""

    chat_id: int
    message_id: int


async def record_vote(
    db: Database,
    answer: AnswerRef,
    user_id: int,
    entry_id: str,
    vote: int,
    voted_at: int | None = None,
) -> None:
    """Store or change one user's vote on one answer."""
    if vote not in (VOTE_UP, VOTE_DOWN):
        raise ValueError(f"vote must be {VOTE_UP} or {VOTE_DOWN}, got {vote}")
    await db.connection.execute(
        "INSERT INTO answer_feedback (chat_id, message_id, user_id, entry_id, vote, voted_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id, user_id) "
        "DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at",
        (
            answer.chat_id,
            answer.message_id,
            user_id,
            entry_id,
            vote,
            int(time.time()) if voted_at is None else voted_at,
        ),
    )


async def delete_older_than(db: Database, days: int, now: float | None = None) -> int:
    """Delete questions, votes and forwarded questions older than `days`; returns the count."""
    cutoff = int((time.time() if now is None else now) - days * SECONDS_PER_DAY)
    deleted = 0
    for sql in (
        "DELETE FROM question_log WHERE asked_at < ?",
        "DELETE FROM answer_feedback WHERE voted_at < ?",
        "DELETE FROM forwarded_questions WHERE asked_at < ?",
    ):
        cursor = await db.connection.execute(sql, (cutoff,))
        deleted += max(cursor.rowcount, 0)
    return deleted
