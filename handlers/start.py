"""/start and /hilfe (/help): greeting, topics keyboard, commands and example questions."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler, ContextTypes

from bot.serve import BotApp, send_reply
from bot.ui import Reply, Scope, command, command_lines, commands_for, deeplinks, topic_rows
from handlers import tips
from handlers.common import snapshot


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet and show the topics; a deep link (start=e-…, t-…, tipp) opens its target."""
    content, message = snapshot(context).content, update.effective_message
    link = deeplinks.parse_start(context.args[0] if context.args else None, content)
    if link and link.kind == deeplinks.TIPS:
        context.args = []
        await tips.subscribe_command(update, context)
        return
    reply = deeplinks.link_reply(content, link) if link else None
    if message:
        await send_reply(message, reply or Reply(content.text("greeting"), topic_rows(content)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, with examples and all user commands."""
    content = snapshot(context).content
    commands = command_lines(content, commands_for(Scope.USER))
    if update.effective_message:
        await update.effective_message.reply_text(
            content.text("help", commands=commands), parse_mode=ParseMode.HTML
        )


def register(app: BotApp) -> None:
    """/start and /hilfe."""
    app.add_handler(CommandHandler(command("start").names, start))
    app.add_handler(CommandHandler(command("hilfe").names, help_command))
