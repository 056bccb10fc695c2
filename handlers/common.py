"""Shared by the handlers: what this update works with (snapshot, database, settings), admins."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, NamedTuple

from telegram import Message, Update, User
from telegram.ext import ContextTypes

from bot.admin import prompts
from bot.config import Settings
from bot.language import GERMAN
from bot.records import role_of
from bot.serve import DB_KEY, SETTINGS_KEY, STORE_KEY
from bot.snapshot import ContentStore, Snapshot
from bot.storage import Database
from bot.ui import View

logger = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


# context.user_data keys, set by handlers.language before every update of a user not seen
# since the start: the language this user reads (bot.language) and the role chosen with /rolle.
LANGUAGE_KEY = "lang"
ROLE_KEY = "role"


def snapshot(context: ContextTypes.DEFAULT_TYPE, lang: str | None = None) -> Snapshot:
    """The content snapshot to use for this whole update, in the user's language (or `lang`)."""
    return content_store(context).current.localized(lang or user_language(context))


def user_language(context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language of the user this update comes from; German if unknown."""
    data = context.user_data
    return str(data.get(LANGUAGE_KEY, GERMAN)) if data is not None else GERMAN


def content_store(context: ContextTypes.DEFAULT_TYPE) -> ContentStore:
    """The store that serves (and swaps) the content."""
    store: ContentStore = context.bot_data[STORE_KEY]
    return store


def database(context: ContextTypes.DEFAULT_TYPE) -> Database:
    """The open database of this Application."""
    db: Database = context.bot_data[DB_KEY]
    return db


async def reader_view(user: User | None, context: ContextTypes.DEFAULT_TYPE) -> View:
    """How to show answers to this user: with the perspective chosen by /rolle first."""
    if user is None:
        return View()
    data = context.user_data
    if data is not None and ROLE_KEY in data:
        return View(role=str(data[ROLE_KEY]))
    return View(role=await role_of(database(context), user.id))


def settings(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    """The Application's settings."""
    value: Settings = context.bot_data[SETTINGS_KEY]
    return value


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True if the sender is listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in settings(context).admin_ids


class AdminReply(NamedTuple):
    """An admin's text reply to a prompt the bot keeps (bot/admin/prompts.py)."""

    message: Message
    text: str
    asked: Message  # the prompt's message
    prompt: prompts.Prompt


async def admin_reply(
    update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str
) -> AdminReply | None:
    """The update as an admin's text reply to a kept prompt of `kind`, else None."""
    message = update.effective_message
    asked = message.reply_to_message if message else None
    if message is None or asked is None or not message.text or not is_admin(update, context):
        return None
    prompt = await prompts.recall(database(context), kind, asked.chat.id, asked.message_id)
    return AdminReply(message, message.text, asked, prompt) if prompt else None


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
