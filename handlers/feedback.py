"""The question log (one row per question) and the 👍 / 👎 buttons under each answer."""

from __future__ import annotations

import logging
import sqlite3

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes

from bot import callbacks
from bot.matcher import SearchResult
from bot.question_log import VOTE_DOWN, VOTE_UP, LoggedQuestion, record_question, record_vote
from bot.render import FEEDBACK_DOWN, FEEDBACK_UP
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


def parse_vote(argument: str) -> tuple[int, int, str] | None:
    """(answer id, vote, entry id) from a feedback button, or None if it is malformed."""
    answer, _, rest = argument.partition(":")
    vote, _, entry_id = rest.partition(":")
    if not answer.isdigit() or vote not in VOTES or not entry_id:
        return None
    return int(answer), VOTES[vote], entry_id


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store (or change) the user's vote on an answer and thank them."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    callback = callbacks.decode(query.data)
    parsed = parse_vote(callback.argument) if callback else None
    if parsed is None or content.entry(parsed[2]) is None:
        await query.answer(content.text("stale_button"))
        return
    answer_id, value, entry_id = parsed
    await record_vote(database(context), answer_id, query.from_user.id, entry_id, value)
    await query.answer(content.text("feedback_thanks"))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(vote, pattern=BUTTON_PATTERN))
