"""/start and /hilfe (/help): greeting, topics keyboard, commands and example questions."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler, ContextTypes

from bot.serve import BotApp, send_reply
from bot.ui import Reply, Scope, command, command_lines, commands_for, topic_rows
from handlers.common import snapshot


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet and show the topics."""
    content = snapshot(context).content
    if update.effective_message:
        await send_reply(
            update.effective_message, Reply(content.text("greeting"), topic_rows(content))
        )


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
