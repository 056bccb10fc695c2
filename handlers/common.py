"""Shared helpers for handlers: the served snapshot, keyboards, sending replies."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.snapshot import ContentStore, Snapshot
from bot.storage import Database
from bot.ui.render import Reply, split_message

STORE_KEY = "content_store"
DB_KEY = "database"
SETTINGS_KEY = "settings"


def snapshot(context: ContextTypes.DEFAULT_TYPE) -> Snapshot:
    """The content snapshot to use for this whole update."""
    store: ContentStore = context.bot_data[STORE_KEY]
    return store.current


def database(context: ContextTypes.DEFAULT_TYPE) -> Database:
    """The open database of this Application."""
    db: Database = context.bot_data[DB_KEY]
    return db


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """Reply buttons as an inline keyboard (None when there are none)."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


async def send_reply(message: Message, reply: Reply, quote: bool = False) -> Message:
    """Send a reply as one or more HTML messages; buttons go under the last part."""
    parts = split_message(reply.text)
    sent = message
    for number, part in enumerate(parts, 1):
        markup = keyboard(reply) if number == len(parts) else None
        sent = await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            do_quote=quote and number == 1,
            disable_web_page_preview=True,
        )
    return sent
