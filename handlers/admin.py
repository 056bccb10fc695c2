"""/admin (the admin commands and how to upload content) and /stats."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CommandHandler, ContextTypes

from bot.admin import build_report, render_report
from bot.serve import BotApp, send_reply
from bot.ui import Reply, Scope, command, command_lines, commands_for
from handlers import announce, review
from handlers.common import admin_only, database, snapshot

STATS_PERIODS = (7, 30)


@admin_only
async def admin_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the admin commands and how to upload content."""
    content = snapshot(context).content
    lines = command_lines(content, commands_for(Scope.ADMIN))
    if update.effective_message:
        await update.effective_message.reply_text(
            content.text("admin_help", commands=lines), parse_mode=ParseMode.HTML
        )


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Figures for the last 7 and 30 days from the question log."""
    reports = [await build_report(database(context), days) for days in STATS_PERIODS]
    text = render_report(reports, snapshot(context).content, "html")
    announcements = await announce.stats_lines(context)
    text = f"{text}\n\n{announcements}" if announcements else text
    if update.effective_message:
        await send_reply(update.effective_message, Reply(text))
        await review.send_groups(update.effective_message, context)


def register(app: BotApp) -> None:
    """/admin and /stats."""
    app.add_handler(CommandHandler(command("admin").names, admin_help))
    app.add_handler(CommandHandler(command("stats").names, stats))
