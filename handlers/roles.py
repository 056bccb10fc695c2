"""/rolle: pick a perspective (Verwaltung, Initiativen und Engagierte, keine Angabe)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

from bot.records import role_of, set_role
from bot.serve import BotApp, edit_reply, send_reply
from bot.ui import RoleChoice, chosen_role, command, render_role_prompt, render_role_saved
from handlers.common import ROLE_KEY, database, snapshot


async def role(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the current choice and the three buttons."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    current = await role_of(database(context), user.id)
    await send_reply(message, render_role_prompt(snapshot(context).content, current))


async def role_chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store (or clear) the role of the user who pressed the button and confirm in place."""
    query = update.callback_query
    if query is None:
        return
    chosen = chosen_role(query.data)
    if chosen is None:
        return
    await set_role(database(context), query.from_user.id, chosen)
    if context.user_data is not None:
        context.user_data[ROLE_KEY] = chosen
    await query.answer()
    await edit_reply(query, render_role_saved(snapshot(context).content, chosen))


def register(app: BotApp) -> None:
    """/rolle and its buttons."""
    app.add_handler(CommandHandler(command("rolle").names, role))
    app.add_handler(CallbackQueryHandler(role_chosen, pattern=RoleChoice.pattern()))
