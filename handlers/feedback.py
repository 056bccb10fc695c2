"""The question log (one row per question) and the 👍 / 👎 buttons under each answer.

A vote belongs to the answer message it was given on (chat id + message id), so every user
has one changeable vote per answer.
"""

from __future__ import annotations

import logging
import sqlite3

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes

from bot.matching.matcher import SearchResult
from bot.records.question_log import (
    VOTE_DOWN,
    VOTE_UP,
    AnswerRef,
    LoggedQuestion,
    record_question,
    record_vote,
)
from bot.ui import callbacks
from bot.ui.render import FEEDBACK_DOWN, FEEDBACK_UP
from handlers.common import database, snapshot

logger = logging.getLogger(__name__)

BUTTON_PATTERN = rf"^{callbacks.FEEDBACK}:"
VOTES = {FEEDBACK_UP: VOTE_UP, FEEDBACK_DOWN: VOTE_DOWN}


async def log_question(
    context: ContextTypes.DEFAULT_TYPE, message: Message, text: str, result: SearchResult
) -> int | None:
    """Write the question to the log; its id, or None if the database failed (never raises)."""
    best = result.best
    logged = LoggedQuestion(
        question=text,
        decision=result.decision,
        chat_type=message.chat.type,
        entry_id=best.entry.id if best else None,
        score=round(best.score, 1) if best else None,
        chat_id=message.chat.id,
    )
    try:
        return await record_question(database(context), logged)
    except (sqlite3.Error, RuntimeError):
        logger.warning("Could not log a question", exc_info=True)
        return None


def parse_vote(argument: str) -> tuple[int, str] | None:
    """(vote, entry id) from a feedback button, or None if it is malformed."""
    vote, _, entry_id = argument.partition(":")
    if vote not in VOTES or not entry_id:
        return None
    return VOTES[vote], entry_id


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store (or change) the user's vote on the answer message and thank them."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    callback = callbacks.decode(query.data)
    parsed = parse_vote(callback.argument) if callback else None
    answer = query.message
    if parsed is None or answer is None or content.entry(parsed[1]) is None:
        await query.answer(content.text("stale_button"))
        return
    ref = AnswerRef(answer.chat.id, answer.message_id)
    await record_vote(database(context), ref, query.from_user.id, parsed[1], parsed[0])
    await query.answer(content.text("feedback_thanks"))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(vote, pattern=BUTTON_PATTERN))
