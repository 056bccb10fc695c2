"""The error handler: log unexpected exceptions, tell the user politely."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.serve import BotApp
from handlers.common import snapshot

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception (the token is masked by the logging filter) and apologise."""
    logger.error("Unhandled error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(snapshot(context).content.text("error"))
        except TelegramError:
            logger.warning("Could not tell the user about the error")


def register(app: BotApp) -> None:
    """The error handler."""
    app.add_error_handler(on_error)
