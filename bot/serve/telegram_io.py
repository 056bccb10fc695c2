"""The Telegram seam shared by handlers and senders: the Application type, keyboards, replies.

`Reply` (from `bot.ui`) is what the core renders; here it becomes an inline keyboard, one or
more HTML messages, or an in-place edit of the message a button sits under.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes, ExtBot, JobQueue
from telegram.warnings import PTBUserWarning

from bot.ui import Reply, split_message

logger = logging.getLogger(__name__)

SEND_MESSAGE = "sendMessage"
# do_api_request suggests Bot.send_message instead; send_answer avoids it on purpose.
warnings.filterwarnings("ignore", message="Please use 'Bot.sendMessage'", category=PTBUserWarning)

# Telegram's answers for a button message that cannot be edited any more.
NOT_EDITABLE = (
    "message to edit not found",
    "message can't be edited",
    "there is no text in the message to edit",
)

# The one Application type of this bot (PTB's defaults: plain dicts, the default context).
BotApp = Application[
    ExtBot[None],
    ContextTypes.DEFAULT_TYPE,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """Reply buttons as an inline keyboard (None when there are none)."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, switch_inline_query=b.switch_inline)
                if b.switch_inline is not None
                else InlineKeyboardButton(b.label, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


def keyboard_json(reply: Reply) -> dict[str, object] | None:
    """`keyboard` as the Bot API's JSON, without building PTB objects only to turn them back."""
    if not reply.buttons:
        return None
    return {
        "inline_keyboard": [
            [
                {"text": b.label, "switch_inline_query": b.switch_inline}
                if b.switch_inline is not None
                else {"text": b.label, "callback_data": b.data}
                for b in row
            ]
            for row in reply.buttons
        ]
    }


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


async def send_answer(message: Message, reply: Reply, quote: bool = False) -> None:
    """`send_reply` for answers to questions, without reading Telegram's copy back.

    PTB's `reply_text` turns the sent message Telegram returns into a `Message` object;
    nothing uses it for an answer, and building it was about 8% of the CPU per answered
    question (py-spy on benchmarks/e2e.py). The request is the same: chat, text as HTML,
    no link previews, buttons under the last part, the question quoted in groups. The
    buttons go out as JSON directly (`keyboard_json`), not as PTB objects."""
    parts = split_message(reply.text)
    markup = keyboard_json(reply)
    for number, part in enumerate(parts, 1):
        fields: dict[str, object] = {
            "chat_id": message.chat_id,
            "text": part,
            "parse_mode": ParseMode.HTML,
            "link_preview_options": {"is_disabled": True},
        }
        if markup is not None and number == len(parts):
            fields["reply_markup"] = markup
        if quote and number == 1:
            fields["reply_parameters"] = {"message_id": message.message_id}
        if message.is_topic_message and message.message_thread_id is not None:
            fields["message_thread_id"] = message.message_thread_id
        await message.get_bot().do_api_request(SEND_MESSAGE, api_kwargs=fields)


async def answer_in_place(query: CallbackQuery, reply: Reply | None, stale: str) -> None:
    """Answer a button press with the reply in place of its message, or with the stale note."""
    if reply is None:
        await query.answer(stale, show_alert=False)
        return
    await query.answer()
    await edit_reply(query, reply)


async def edit_reply(query: CallbackQuery, reply: Reply) -> None:
    """Show the reply in place of the button's message; the same button twice is no error.

    A message Telegram no longer lets the bot edit (deleted, too old, not the bot's own) is a
    normal situation: the reply then comes as a new message."""
    try:
        await query.edit_message_text(
            reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
        )
    except BadRequest as error:
        reason = str(error).lower()
        if "not modified" in reason:
            return
        if query.message is None or not any(text in reason for text in NOT_EDITABLE):
            raise
        logger.info("Button message cannot be edited (%s); answering with a new message", error)
        await query.get_bot().send_message(
            query.message.chat.id,
            reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(reply),
            disable_web_page_preview=True,
        )
