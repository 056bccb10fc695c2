"""The 👍 / 👎 buttons under each answer.

A vote belongs to the answer message it was given on (chat id + message id), so every user
has one changeable vote per answer.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.records import VOTE_DOWN, VOTE_UP, AnswerRef, record_vote
from bot.serve import BotApp
from bot.ui import FEEDBACK_DOWN, FEEDBACK_UP, Feedback
from handlers.common import database, snapshot

VOTES = {FEEDBACK_UP: VOTE_UP, FEEDBACK_DOWN: VOTE_DOWN}


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store (or change) the user's vote on the answer message and thank them."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    pressed = Feedback.parse(query.data)
    answer = query.message
    voted_on = pressed and (content.entry(pressed.entry_id) or content.pointer(pressed.entry_id))
    if pressed is None or answer is None or not voted_on:
        await query.answer(content.text("stale_button"))
        return
    ref = AnswerRef(answer.chat.id, answer.message_id)
    await record_vote(
        database(context), ref, query.from_user.id, pressed.entry_id, VOTES[pressed.vote]
    )
    await query.answer(content.text("feedback_thanks"))


def register(app: BotApp) -> None:
    """The feedback buttons."""
    app.add_handler(CallbackQueryHandler(vote, pattern=Feedback.pattern()))
