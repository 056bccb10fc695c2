"""Inline mode: `@botname Zeitplan` offers the best matching entries in any chat."""

from __future__ import annotations

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes, InlineQueryHandler

from bot.matching import REFUSE
from bot.serve import BotApp
from bot.ui import render_entry, split_message
from handlers.common import snapshot

INLINE_RESULTS = 5
INLINE_CACHE_SECONDS = 300
DESCRIPTION_CHARS = 120


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer an inline query with up to five entries as articles."""
    query = update.inline_query
    if query is None:
        return
    current = snapshot(context)
    content = current.content
    result = current.matcher.search(query.query, top=INLINE_RESULTS)
    matches = () if result.decision == REFUSE else result.matches
    articles = [
        InlineQueryResultArticle(
            id=m.entry.id,
            title=m.entry.title,
            description=m.entry.summary[:DESCRIPTION_CHARS],
            input_message_content=InputTextMessageContent(
                split_message(render_entry(content, m.entry).text)[0], parse_mode=ParseMode.HTML
            ),
        )
        for m in matches
    ]
    hint = "inline_hint" if not query.query.strip() else "inline_empty"
    button = (
        None if articles else InlineQueryResultsButton(content.text(hint), start_parameter="start")
    )
    await query.answer(articles, cache_time=INLINE_CACHE_SECONDS, button=button)


def register(app: BotApp) -> None:
    """Inline queries."""
    app.add_handler(InlineQueryHandler(inline_query))
