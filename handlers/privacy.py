"""/datenschutz explains what is stored; /vergessen deletes it all; old questions expire."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.config import Settings
from bot.records.privacy import forget_user
from bot.records.question_log import delete_older_than
from bot.ui import callbacks
from bot.ui.render import Button, Reply, esc
from handlers.common import SETTINGS_KEY, database, send_reply, snapshot

logger = logging.getLogger(__name__)

COMMANDS: list[tuple[str, str]] = [
    ("datenschutz", "command_datenschutz"),
    ("vergessen", "command_vergessen"),
]
CONFIRM = "yes"
CANCEL = "no"
BUTTON_PATTERN = rf"^{callbacks.FORGET}:({CONFIRM}|{CANCEL})$"
RETENTION_JOB = "question-retention"
RETENTION_INTERVAL_S = 24 * 60 * 60
RETENTION_FIRST_S = 60


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain what is stored, why, and for how long."""
    settings: Settings = context.bot_data[SETTINGS_KEY]
    text = snapshot(context).content.text("privacy", days=settings.question_retention_days)
    if update.effective_message:
        await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for confirmation before deleting everything about the user."""
    content = snapshot(context).content
    buttons = (
        (Button(content.text("forget_yes"), callbacks.encode(callbacks.FORGET, CONFIRM)),),
        (Button(content.text("forget_no"), callbacks.encode(callbacks.FORGET, CANCEL)),),
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
    if query.data == callbacks.encode(callbacks.FORGET, CONFIRM):
        deleted = await forget_user(database(context), query.from_user.id)
        await query.edit_message_text(content.text("forget_done", count=deleted))
    else:
        await query.edit_message_text(content.text("forget_cancelled"))


async def expire_questions(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Job: delete logged questions and votes older than the retention period."""
    settings: Settings = context.bot_data[SETTINGS_KEY]
    deleted = await delete_older_than(database(context), settings.question_retention_days)
    logger.info("Retention: deleted %d old question log and feedback rows", deleted)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("datenschutz", privacy))
    app.add_handler(CommandHandler("vergessen", forget))
    app.add_handler(CallbackQueryHandler(forget_confirmed, pattern=BUTTON_PATTERN))
    if app.job_queue:
        app.job_queue.run_repeating(
            expire_questions, RETENTION_INTERVAL_S, first=RETENTION_FIRST_S, name=RETENTION_JOB
        )
