"""Registered last: non-text messages and unknown commands get a hint, unknown buttons a note."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.serve import BotApp
from handlers.common import snapshot

NON_TEXT = filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL
UNKNOWN_COMMAND = filters.ChatType.PRIVATE & filters.COMMAND


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the user that the bot understands text questions."""
    if update.effective_message:
        await update.effective_message.reply_text(snapshot(context).content.text("non_text"))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command no handler knows: point to /hilfe instead of staying silent."""
    message = update.effective_message
    if message:
        await message.reply_text(snapshot(context).content.text("unknown_command"))


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A stale or forged button: answer it so the client stops waiting, and explain."""
    if update.callback_query:
        await update.callback_query.answer(snapshot(context).content.text("stale_button"))


def register(app: BotApp) -> None:
    """The catch-alls: register after every other handler."""
    app.add_handler(MessageHandler(NON_TEXT, non_text))
    app.add_handler(MessageHandler(UNKNOWN_COMMAND, unknown_command))
    app.add_handler(CallbackQueryHandler(unknown_button))
