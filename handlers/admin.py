"""Who is an admin, the guard for admin commands, /admin and /stats."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.admin.report import render_report
from bot.admin.stats import build_report
from bot.config import Settings
from bot.ui.render import Reply, esc
from handlers.common import SETTINGS_KEY, database, send_reply, snapshot

logger = logging.getLogger(__name__)

# Not in the public command menu; /admin lists them for admins.
ADMIN_COMMANDS: list[tuple[str, str]] = [
    ("admin", "command_admin"),
    ("reload", "command_reload"),
    ("rollback", "command_rollback"),
    ("export", "command_export"),
    ("stats", "command_stats"),
]
STATS_PERIODS = (7, 30)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def settings(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    """The Application's settings."""
    value: Settings = context.bot_data[SETTINGS_KEY]
    return value


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True if the sender is listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in settings(context).admin_ids


def admin_only(handler: Handler) -> Handler:
    """Run the handler for admins; everyone else gets a short refusal and is logged."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if is_admin(update, context):
            await handler(update, context)
            return
        user = update.effective_user
        logger.warning("Admin command refused for user %s", user.id if user else "unknown")
        if update.effective_message:
            await update.effective_message.reply_text(snapshot(context).content.text("admin_only"))

    return guarded


@admin_only
async def admin_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the admin commands and how to upload content."""
    content = snapshot(context).content
    lines = "\n".join(f"/{name} – {esc(content.text(key))}" for name, key in ADMIN_COMMANDS)
    if update.effective_message:
        await update.effective_message.reply_text(
            content.text("admin_help", commands=lines), parse_mode=ParseMode.HTML
        )


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Figures for the last 7 and 30 days from the question log."""
    reports = [await build_report(database(context), days) for days in STATS_PERIODS]
    text = render_report(reports, snapshot(context).content, "html")
    if update.effective_message:
        await send_reply(update.effective_message, Reply(text))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("admin", admin_help))
    app.add_handler(CommandHandler("stats", stats))
