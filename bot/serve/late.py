"""The apology for an update that waited in the inbox past its maximum age.

Instead of a stale answer, a private chat gets a short "your message from … only reached me
now, please send it again", in the language the answer would have had: the language the
message is clearly written in, else the user's /sprache choice, else their Telegram language.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.language import ENGLISH, language_for_code, reply_language
from bot.records import chosen_language
from bot.serve.keys import DB_KEY
from bot.serve.telegram_io import BotApp
from bot.snapshot import ContentStore
from bot.storage import Database

logger = logging.getLogger(__name__)

APOLOGY_KEY = "inbox_apology"
DATE_FORMATS = {ENGLISH: "%Y-%m-%d"}
GERMAN_DATE = "%d.%m.%Y"


async def reader_language(app: BotApp, update: Update) -> str:
    """The language an answer to this update would be in."""
    user = update.effective_user
    if user is None:
        return language_for_code(None)
    db: Database = app.bot_data[DB_KEY]
    chosen = await chosen_language(db, user.id)
    user_language = chosen or language_for_code(user.language_code)
    text = update.message.text if update.message else None
    return reply_language(text, user_language) if text else user_language


async def apologise(app: BotApp, store: ContentStore, zone: ZoneInfo, update: Update) -> None:
    """A short apology in a private chat; other chats (and non-messages) get nothing."""
    message = update.message
    if message is None or message.chat.type != ChatType.PRIVATE:
        logger.info("Update %d is too old to answer, skipped", update.update_id)
        return
    lang = await reader_language(app, update)
    sent = message.date.astimezone(zone)
    text = store.current.content.in_language(lang).text(
        APOLOGY_KEY,
        date=sent.strftime(DATE_FORMATS.get(lang, GERMAN_DATE)),
        time=sent.strftime("%H:%M"),
    )
    try:
        await app.bot.send_message(message.chat.id, text)
    except TelegramError as error:
        logger.info("Could not send the late-message apology: %s", error)
