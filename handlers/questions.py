"""Any text message is a question: answer with the best entry, a choice, or an honest no.

In groups the bot only answers messages that mention it or reply to one of its messages.
"""

from __future__ import annotations

import logging
import re

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.language import reply_language
from bot.matching import ANSWER, glossary, intents
from bot.records import log_question
from bot.serve import BotApp, send_answer, send_reply
from bot.ui import humanloop, render_result, render_term
from handlers import start, topics
from handlers.common import database, reader_view, settings, snapshot, user_language
from handlers.team import can_forward

logger = logging.getLogger(__name__)

INTENT_HANDLERS = {
    intents.HELP: start.help_command,
    intents.START: start.start,
    intents.TOPICS: topics.topics,
}
PRIVATE_TEXT = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
GROUP_TEXT = filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND


def addressed_text(message: Message, bot_id: int, username: str) -> str | None:
    """The question in a group message, or None if the message is not meant for the bot."""
    text = message.text or ""
    mention = re.compile(rf"@{re.escape(username)}\b", re.IGNORECASE) if username else None
    if mention and mention.search(text):
        return mention.sub(" ", text).strip()
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return text
    return None


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question in a private chat; a lone "hilfe" or "themen" acts as the command."""
    message = update.effective_message
    if message and message.text:
        intent = intents.command_word(message.text)
        if intent:
            await INTENT_HANDLERS[intent](update, context)
        else:
            await answer(message, message.text, context)


async def group_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message only when it is addressed to the bot."""
    message = update.effective_message
    if message is None:
        return
    text = addressed_text(message, context.bot.id, context.bot.username or "")
    if text:
        await answer(message, text, context, quote=True)


async def answer(
    message: Message, text: str, context: ContextTypes.DEFAULT_TYPE, quote: bool = False
) -> None:
    """Explain a glossary term, or search the content, log the question and send the result."""
    current = snapshot(context, reply_language(text, user_language(context)))
    term = glossary.lookup(current.content.glossary, text)
    if term is not None:
        await send_reply(message, render_term(current.content, term), quote=quote)
        return
    result = current.matcher.search(text)
    logger.debug("Question answered with decision %s", result.decision)
    chat = message.chat
    log_id = await log_question(database(context), text, result, chat.type, chat.id)
    forward = chat.type == ChatType.PRIVATE and can_forward(settings(context))
    view = await reader_view(message.from_user, context)
    reply = render_result(current.content, result, view)
    reply = humanloop.with_human_help(
        current.content, reply, result.decision, log_id, forward, result.kind
    )
    if result.decision == ANSWER and result.best:
        reply = humanloop.with_share(current.content, reply, result.best.entry)
    await send_answer(message, reply, quote=quote)


def register(app: BotApp) -> None:
    """Questions in private chats and addressed group messages."""
    app.add_handler(MessageHandler(PRIVATE_TEXT, question))
    app.add_handler(MessageHandler(GROUP_TEXT, group_question))
