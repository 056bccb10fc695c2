"""/datenschutz explains what is stored; /vergessen deletes it all; old questions expire."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

from bot.admin import prompts
from bot.records import delete_dead_older_than, delete_older_than, forget_user
from bot.serve import BotApp, send_reply
from bot.ui import FORGET_CANCEL, FORGET_CONFIRM, Button, Forget, Reply, command, esc
from handlers.common import LANGUAGE_KEY, ROLE_KEY, database, settings, snapshot

logger = logging.getLogger(__name__)

RETENTION_JOB = "question-retention"
RETENTION_INTERVAL_S = 24 * 60 * 60
RETENTION_FIRST_S = 60


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what is stored, why, and for how long."""
    days = settings(context).question_retention_days
    text = snapshot(context).content.text("privacy", days=days)
    if update.effective_message:
        await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for confirmation before deleting everything about the user."""
    content = snapshot(context).content
    buttons = (
        (Button(content.text("forget_yes"), Forget(FORGET_CONFIRM).pack()),),
        (Button(content.text("forget_no"), Forget(FORGET_CANCEL).pack()),),
    )
    if update.effective_message:
        await send_reply(
            update.effective_message, Reply(esc(content.text("forget_confirm")), buttons)
        )


async def forget_confirmed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete every row about the user who pressed the button (or cancel) and say so."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    await query.answer()
    pressed = Forget.parse(query.data)
    if pressed is not None and pressed.answer == FORGET_CONFIRM:
        deleted = await forget_user(database(context), query.from_user.id)
        if context.user_data is not None:
            context.user_data.pop(LANGUAGE_KEY, None)
            context.user_data.pop(ROLE_KEY, None)
        await query.edit_message_text(content.text("forget_done", count=deleted))
    else:
        await query.edit_message_text(content.text("forget_cancelled"))


async def expire_questions(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Job: delete logged questions, votes and dead updates past retention, stale prompts."""
    days = settings(context).question_retention_days
    deleted = await delete_older_than(database(context), days)
    deleted += await delete_dead_older_than(database(context), days)
    deleted += await prompts.delete_older_than(database(context))
    logger.info(
        "Retention: deleted %d old question log, feedback, dead update and admin prompt rows",
        deleted,
    )


def register(app: BotApp) -> None:
    """/datenschutz, /vergessen with its buttons, and the daily retention job."""
    app.add_handler(CommandHandler(command("datenschutz").names, privacy))
    app.add_handler(CommandHandler(command("vergessen").names, forget))
    app.add_handler(CallbackQueryHandler(forget_confirmed, pattern=Forget.pattern()))
    if app.job_queue:
        app.job_queue.run_repeating(
            expire_questions, RETENTION_INTERVAL_S, first=RETENTION_FIRST_S, name=RETENTION_JOB
        )
