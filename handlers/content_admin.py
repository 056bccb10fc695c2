"""Admins change the content: /reload, /rollback, /export, .yaml uploads, and the disk watcher.

Changes run one at a time (a lock) in a worker thread, so questions keep being answered from
the current snapshot while a new one is validated and indexed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

from telegram import Bot, Document, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import CommandHandler, ContextTypes, MessageHandler, filters

from bot.admin import (
    MAX_UPLOAD_BYTES,
    Backups,
    ChangeRejected,
    apply_upload,
    change_text,
    rejection_text,
    reload_from_disk,
    reload_if_changed,
    rollback,
    upload_target,
)
from bot.config import Settings
from bot.content import content_files, export_name
from bot.serve import BACKUPS_KEY, CONTENT_LOCK_KEY, SETTINGS_KEY, BotApp, send_reply
from bot.ui import Reply, command, esc, split_message
from handlers.common import admin_only, content_store, settings, snapshot

logger = logging.getLogger(__name__)

WATCH_JOB = "content-watch"
T = TypeVar("T")


async def _one_at_a_time(context: ContextTypes.DEFAULT_TYPE, change: Callable[[], T]) -> T:
    """Run a blocking content change in a thread, never two at once."""
    lock: asyncio.Lock = context.bot_data[CONTENT_LOCK_KEY]
    async with lock:
        return await asyncio.to_thread(change)


async def _apply(context: ContextTypes.DEFAULT_TYPE, document: Document) -> str:
    """Check, download and apply an uploaded file; the reply text either way."""
    name = document.file_name or ""
    try:
        upload_target(name)
        if (document.file_size or 0) > MAX_UPLOAD_BYTES:
            raise ChangeRejected("upload_too_big", limit=MAX_UPLOAD_BYTES // 1000)
        data = bytes(await (await document.get_file()).download_as_bytearray())
        backups: Backups = context.bot_data[BACKUPS_KEY]
        change = await _one_at_a_time(
            context, lambda: apply_upload(content_store(context), backups, name, data)
        )
    except ChangeRejected as rejected:
        logger.warning("Upload %s rejected: %s", name, rejected.key)
        return rejection_text(snapshot(context).content, rejected)
    except TelegramError:
        logger.warning("Could not download the uploaded file %s", name, exc_info=True)
        return esc(snapshot(context).content.text("upload_download_failed"))
    return change_text("upload_ok", change, name=change.source)


@admin_only
async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A .yaml document from an admin: validate with all other files, then replace."""
    message = update.effective_message
    if message and message.document:
        await send_reply(message, Reply(await _apply(context, message.document)))


@admin_only
async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Load the content files from disk again; keep the old content if they are invalid."""
    try:
        change = await _one_at_a_time(context, lambda: reload_from_disk(content_store(context)))
        text = change_text("reload_ok", change)
    except ChangeRejected as rejected:
        text = rejection_text(snapshot(context).content, rejected)
    if update.effective_message:
        await send_reply(update.effective_message, Reply(text))


@admin_only
async def rollback_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Restore the newest backup that differs from the served content."""
    backups: Backups = context.bot_data[BACKUPS_KEY]
    try:
        change = await _one_at_a_time(context, lambda: rollback(content_store(context), backups))
        text = (
            change_text("rollback_ok", change, name=change.source)
            if change
            else esc(snapshot(context).content.text("rollback_none"))
        )
    except ChangeRejected as rejected:
        text = rejection_text(snapshot(context).content, rejected)
    if update.effective_message:
        await send_reply(update.effective_message, Reply(text))


@admin_only
async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send every content file as a document."""
    message = update.effective_message
    directory = content_store(context).directory
    files = content_files(directory)
    if message is None:
        return
    await message.reply_text(snapshot(context).content.text("export_intro", count=len(files)))
    for path in files:
        await message.reply_document(path.read_bytes(), filename=export_name(directory, path))


async def _tell_admins(bot: Bot, admin_ids: frozenset[int], text: str) -> None:
    """Send text to every admin; one unreachable admin does not stop the others."""
    for admin_id in sorted(admin_ids):
        for part in split_message(text):
            try:
                await bot.send_message(admin_id, part, parse_mode=ParseMode.HTML)
            except TelegramError:
                logger.warning("Could not tell admin %s about broken content", admin_id)
                break


async def watch_content(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Job: reload content files changed on disk; tell every admin when they are broken."""
    try:
        change = await _one_at_a_time(context, lambda: reload_if_changed(content_store(context)))
    except ChangeRejected as rejected:
        notice = ChangeRejected("watch_invalid", rejected.findings)
        text = rejection_text(snapshot(context).content, notice)
        await _tell_admins(context.bot, settings(context).admin_ids, text)
        return
    if change:
        logger.info("Content changed on disk; now serving %s", change.snapshot.content.version)


def register(app: BotApp) -> None:
    """/reload, /rollback, /export, uploads and the content watcher."""
    config: Settings = app.bot_data[SETTINGS_KEY]
    app.bot_data[CONTENT_LOCK_KEY] = asyncio.Lock()
    app.bot_data[BACKUPS_KEY] = Backups(config.backups_path)
    # block=False: questions keep being answered while a change is validated and indexed.
    app.add_handler(CommandHandler(command("reload").names, reload_command, block=False))
    app.add_handler(CommandHandler(command("rollback").names, rollback_command, block=False))
    app.add_handler(CommandHandler(command("export").names, export, block=False))
    if config.admin_ids:
        admins = filters.User(user_id=config.admin_ids)
        documents = filters.ChatType.PRIVATE & filters.Document.ALL & admins
        app.add_handler(MessageHandler(documents, upload, block=False))
    if app.job_queue:
        interval = config.content_poll_seconds
        app.job_queue.run_repeating(watch_content, interval, first=interval, name=WATCH_JOB)
