"""/start and /hilfe (/help): greeting, topics keyboard, commands and example questions."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.ui.render import Reply, esc, topic_rows
from handlers.common import send_reply, snapshot

# (command, key of its description in messages.yaml), in the order users see them.
COMMANDS: list[tuple[str, str]] = [
    ("start", "command_start"),
    ("hilfe", "command_help"),
    ("themen", "command_themen"),
]


def command_list(context: ContextTypes.DEFAULT_TYPE) -> str:
    """Every registered command with its description, one per line."""
    content = snapshot(context).content
    commands: list[tuple[str, str]] = context.bot_data.get("commands", COMMANDS)
    return "\n".join(f"/{name} – {esc(content.text(key))}" for name, key in commands)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet and show the topics."""
    content = snapshot(context).content
    if update.effective_message:
        await send_reply(
            update.effective_message, Reply(content.text("greeting"), topic_rows(content))
        )


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, with examples and all commands."""
    content = snapshot(context).content
    if update.effective_message:
        await update.effective_message.reply_text(
            content.text("help", commands=command_list(context)), parse_mode=ParseMode.HTML
        )


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler(["hilfe", "help"], help_command))
