"""/themen, /lesetipps, /glossar and the inline buttons: topics → entries → back, in place."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

from bot.serve import BotApp, answer_in_place, send_reply
from bot.ui import (
    BROWSE,
    any_pattern,
    command,
    render_callback,
    render_glossary,
    render_reading,
    render_topics,
)
from handlers.common import reader_view, snapshot


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the topic overview."""
    if update.effective_message:
        await send_reply(update.effective_message, render_topics(snapshot(context).content))


async def reading(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the further-reading list."""
    if update.effective_message:
        await send_reply(update.effective_message, render_reading(snapshot(context).content))


async def glossary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the glossary: one button per term."""
    if update.effective_message:
        await send_reply(update.effective_message, render_glossary(snapshot(context).content))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Open a topic or entry in place; stale or forged buttons get a polite note."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    reply = render_callback(content, query.data, await reader_view(query.from_user, context))
    await answer_in_place(query, reply, content.text("stale_button"))


def register(app: BotApp) -> None:
    """/themen, /lesetipps, /glossar and their buttons."""
    app.add_handler(CommandHandler(command("themen").names, topics))
    app.add_handler(CommandHandler(command("lesetipps").names, reading))
    app.add_handler(CommandHandler(command("glossar").names, glossary))
    app.add_handler(CallbackQueryHandler(button, pattern=any_pattern(*BROWSE)))
