"""/themen and the inline buttons: topics → entries → back, editing one message."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.ui.callbacks import LIST_TOPICS, OPEN_ENTRY, OPEN_TOPIC
from bot.ui.render import render_callback, render_topics
from handlers.common import keyboard, send_reply, snapshot

logger = logging.getLogger(__name__)

BUTTON_PATTERN = rf"^({OPEN_ENTRY}|{OPEN_TOPIC}):|^{LIST_TOPICS}$"


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the topic overview."""
    if update.effective_message:
        await send_reply(update.effective_message, render_topics(snapshot(context).content))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Open a topic or entry in place; stale or forged buttons get a polite note."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    reply = render_callback(content, query.data)
    if reply is None:
        await query.answer(content.text("stale_button"), show_alert=False)
        return
    await query.answer()
    try:
        await query.edit_message_text(
            reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("themen", topics))
    app.add_handler(CallbackQueryHandler(button, pattern=BUTTON_PATTERN))
