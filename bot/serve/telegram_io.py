"""The Telegram seam shared by handlers and senders: the Application type, keyboards, replies.

`Reply` (from `bot.ui`) is what the core renders; here it becomes an inline keyboard, one or
more HTML messages, or an in-place edit of the message a button sits under.
"""

from __future__ import annotations

from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes, ExtBot, JobQueue

from bot.ui import Reply, split_message

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


async def edit_reply(query: CallbackQuery, reply: Reply) -> None:
    """Show the reply in place of the button's message; the same button twice is no error."""
    try:
        await query.edit_message_text(
            reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
        )
    except BadRequest as error:  # "message is not modified"
        if "not modified" not in str(error).lower():
            raise
