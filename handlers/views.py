"""The "Einfacher gesagt" / "Ausführlich" button: the same answer in the other view, in place."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.serve import BotApp, answer_in_place
from bot.ui import Button, SwitchView, switch_view
from handlers.common import reader_view, snapshot


def message_buttons(markup: InlineKeyboardMarkup | None) -> tuple[tuple[Button, ...], ...]:
    """The inline keyboard under a message as rows of core buttons."""
    rows = markup.inline_keyboard if markup else ()
    return tuple(
        tuple(
            Button(b.text, str(b.callback_data or ""), switch_inline=b.switch_inline_query)
            for b in row
            if b.callback_data or b.switch_inline_query is not None  # keeps "Teilen"
        )
        for row in rows
    )


async def switch(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-render the answer plain or in full, keeping the message's other buttons."""
    query = update.callback_query
    if query is None:
        return
    content = snapshot(context).content
    message = query.message
    markup = message.reply_markup if message and hasattr(message, "reply_markup") else None
    view = await reader_view(query.from_user, context)
    reply = switch_view(content, query.data, message_buttons(markup), view.role)
    await answer_in_place(query, reply, content.text("stale_button"))


def register(app: BotApp) -> None:
    """The view switch under every answer."""
    app.add_handler(CallbackQueryHandler(switch, pattern=SwitchView.pattern()))
