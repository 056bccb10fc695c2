"""The user's side of human help: /kontakt, "ask the team" with consent, thanks and ask-back."""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial

from telegram import ForceReply, Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.records import forwarded
from bot.serve import BotApp, edit_reply, send_reply
from bot.ui import Reply, command, esc, humanloop
from handlers.common import database, settings, snapshot
from handlers.team import can_forward, send_to_team, team_chats, team_content

logger = logging.getLogger(__name__)

PRIVATE_REPLIES = filters.ChatType.PRIVATE & filters.REPLY & filters.TEXT & ~filters.COMMAND
REPLY_GROUP = -2  # before the team's replies (-1) and the questions (0)
CONSENT_TEXTS = {  # outcome of the consent press → message key
    forwarded.STALE: "forward_stale",
    forwarded.SENT: "forward_done",
    forwarded.TOO_MANY: "forward_too_many",
    forwarded.NOT_POSTED: "forward_failed",
}


async def contacts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/kontakt and the contacts button: the local contact points."""
    reply = humanloop.render_contacts(snapshot(context).content, can_forward(settings(context)))
    if update.callback_query:
        await update.callback_query.answer()
    if update.effective_message:
        await send_reply(update.effective_message, reply)


async def ask_team(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Frage an das Team senden": show exactly what goes where, with the consent button."""
    query = update.callback_query
    data = humanloop.AskTeam.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return
    content = snapshot(context).content
    text = await forwarded.logged_question(database(context), int(data.log_id), query.from_user.id)
    await query.answer()
    if text is None:
        await query.message.reply_text(content.text("forward_stale"))
    elif not can_forward(settings(context)):
        await query.message.reply_text(content.text("forward_unavailable"))
    else:
        await send_reply(query.message, humanloop.render_consent(content, text, int(data.log_id)))


async def consent(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The consent button: store the question, post it to the team, tell the user honestly."""
    query = update.callback_query
    data = humanloop.ConsentForward.parse(query.data) if query else None
    if query is None or data is None:
        return
    await query.answer()
    team = partial(send_to_team, context) if team_chats(settings(context)) else None
    outcome = await forwarded.consent_given(
        database(context), int(data.log_id), query.from_user.id, team
    )
    text = snapshot(context).content.text(
        CONSENT_TEXTS[outcome], count=forwarded.MAX_OPEN_PER_USER
    )
    await edit_reply(query, Reply(esc(text)))


async def followup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Danke" goes to the team at once; "Rückfrage" asks for the text (once per answer)."""
    query = update.callback_query
    data = humanloop.Followup.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return
    db, content, qid = database(context), snapshot(context).content, int(data.question_id)
    if not await forwarded.use_followup(db, qid, query.from_user.id, data.kind):
        await query.answer(content.text("followup_used"))
        return
    await query.answer()
    await query.edit_message_reply_markup(None)
    if data.kind == humanloop.ASK_BACK:
        prompt = content.text("followup_prompt")
        await query.message.reply_text(prompt, reply_markup=ForceReply(selective=True))
        return
    for chat, message_id in await forwarded.first_copies(db, qid):
        await context.bot.send_message(
            chat,
            team_content(context).text("team_thanks", number=qid),
            reply_to_message_id=message_id,
        )
    await query.message.reply_text(content.text("followup_thanks_sent"))


async def ask_back(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The user's ask-back (a reply to the prompt) reopens the question for the team."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return
    db = database(context)
    waiting = await forwarded.awaiting_followup(db, user.id)
    if waiting is None:
        return  # an ordinary reply: the question handlers take it
    await forwarded.reopen_with_followup(db, waiting.id, message.text)
    await send_to_team(context, replace(waiting, question=message.text), followup=True)
    await message.reply_text(snapshot(context).content.text("followup_sent"))
    raise ApplicationHandlerStop


def register(app: BotApp) -> None:
    """/kontakt, the contact and forwarding buttons, thanks / ask-back."""
    app.add_handler(CommandHandler(command("kontakt").names, contacts))
    app.add_handler(CallbackQueryHandler(contacts, pattern=humanloop.ShowContacts.pattern()))
    app.add_handler(CallbackQueryHandler(ask_team, pattern=humanloop.AskTeam.pattern()))
    app.add_handler(CallbackQueryHandler(consent, pattern=humanloop.ConsentForward.pattern()))
    app.add_handler(CallbackQueryHandler(followup, pattern=humanloop.Followup.pattern()))
    app.add_handler(MessageHandler(PRIVATE_REPLIES, ask_back), group=REPLY_GROUP)
