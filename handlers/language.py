"""The reader's language: resolved before every update, chosen with /sprache (/language)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes, TypeHandler

from bot.language import language_for_code
from bot.records import choose_language, reader_choices
from bot.serve import BotApp, send_reply
from bot.ui import Button, LanguageChoice, Reply, command, esc
from handlers.common import LANGUAGE_KEY, ROLE_KEY, database, snapshot

# Runs before every other handler group, alone in its group (only one handler per group runs).
LANGUAGE_GROUP = -100
BUTTONS = (("de", "Deutsch"), ("en", "English"))


async def resolve_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Remember the user's language and /rolle choice for this process (one database read)."""
    user = update.effective_user
    data = context.user_data
    if user is None or data is None or LANGUAGE_KEY in data:
        return
    chosen, role = await reader_choices(database(context), user.id)
    data[LANGUAGE_KEY] = chosen or language_for_code(user.language_code)
    data[ROLE_KEY] = role


async def ask_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the languages as buttons."""
    content = snapshot(context).content
    row = tuple(Button(label, LanguageChoice(lang).pack()) for lang, label in BUTTONS)
    if update.effective_message:
        await send_reply(
            update.effective_message, Reply(esc(content.text("language_ask")), (row,))
        )


async def language_chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store the chosen language and confirm in it."""
    query = update.callback_query
    pressed = LanguageChoice.parse(query.data) if query else None
    if query is None or pressed is None:
        return
    await query.answer()
    await choose_language(database(context), query.from_user.id, pressed.lang)
    if context.user_data is not None:
        context.user_data[LANGUAGE_KEY] = pressed.lang
    await query.edit_message_text(snapshot(context).content.text("language_set"))


def register(app: BotApp) -> None:
    """The language resolver (before all other groups), /sprache and its buttons."""
    app.add_handler(TypeHandler(Update, resolve_language), group=LANGUAGE_GROUP)
    app.add_handler(CommandHandler(command("sprache").names, ask_language))
    app.add_handler(CallbackQueryHandler(language_chosen, pattern=LanguageChoice.pattern()))
