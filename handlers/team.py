"""The team's side of forwarded questions: the copies, "Beantworten", replies, restart recovery.

A question goes to TEAM_CHAT_ID, or to every admin's private chat when that is not set. A
team member answers by replying to the copy (or to the prompt the "Beantworten" button
sends); the bot stores the answer first and then delivers it, so an answer that was stored
but not delivered when the bot stopped is delivered at the next start.
"""

from __future__ import annotations

import logging

from telegram import ForceReply, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.config import Settings
from bot.content import Content
from bot.language import GERMAN
from bot.records import forwarded
from bot.serve import BotApp, keyboard
from bot.storage import Database
from bot.ui import humanloop
from handlers.common import database, settings, snapshot

logger = logging.getLogger(__name__)

RECOVERY_JOB = "forwarded-recovery"
RECOVERY_DELAY_SECONDS = 1.0
REPLIES = filters.REPLY & filters.TEXT & ~filters.COMMAND
REPLY_GROUP = -1  # before the question handlers: a reply to a copy is no question


def team_content(context: ContextTypes.DEFAULT_TYPE) -> Content:
    """The staff's texts are German, whatever language the asking user reads."""
    return snapshot(context, GERMAN).content


def team_chats(config: Settings) -> list[int]:
    """Where forwarded questions go: the team chat, else every admin's private chat."""
    return [config.team_chat_id] if config.team_chat_id else sorted(config.admin_ids)


def can_forward(config: Settings) -> bool:
    """True when there is anyone to forward questions to."""
    return bool(team_chats(config))


async def send_to_team(
    context: ContextTypes.DEFAULT_TYPE, question: forwarded.Forwarded, followup: bool = False
) -> int:
    """Post the question to every team chat; returns how many copies arrived."""
    db, content = database(context), team_content(context)
    reply = humanloop.render_team_copy(content, question.id, question.question, followup)
    arrived = 0
    for chat in team_chats(settings(context)):
        try:
            sent = await context.bot.send_message(
                chat, reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
            )
        except TelegramError as error:
            logger.warning(
                "Team chat %s unreachable for question %d: %s", chat, question.id, error
            )
            continue
        await forwarded.add_team_message(db, question.id, chat, sent.message_id)
        arrived += 1
    return arrived


async def deliver_answer(
    context: ContextTypes.DEFAULT_TYPE,
    db: Database,
    content: Content,
    question: forwarded.Forwarded,
) -> bool:
    """Send a stored answer to the user; False (and marked) if the user cannot be reached."""
    reply = humanloop.render_team_answer(
        content, question.question, question.reply or "", question.id
    )
    try:
        await context.bot.send_message(
            question.chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
        )
    except (Forbidden, BadRequest) as error:
        logger.warning("Answer to forwarded question %d undeliverable: %s", question.id, error)
        await forwarded.set_state(db, question.id, forwarded.UNDELIVERABLE)
        return False
    await forwarded.set_state(db, question.id, forwarded.DELIVERED)
    return True


async def answer_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Beantworten": ask for the answer as a reply to a prompt that maps to the question."""
    query = update.callback_query
    data = humanloop.TeamAnswer.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return
    content, db, chat = snapshot(context).content, database(context), query.message.chat.id
    question = await forwarded.by_team_message(db, chat, query.message.message_id)
    await query.answer()
    if question is None or question.id != int(data.question_id):
        await query.message.reply_text(content.text("forward_stale"))
        return
    prompt = await query.message.reply_text(
        content.text("team_answer_prompt", number=question.id),
        reply_markup=ForceReply(),  # not selective: the prompt replies to the bot's copy
    )
    await forwarded.add_team_message(db, question.id, chat, prompt.message_id)


async def team_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A reply to a team copy or prompt is the answer: store it, deliver it, confirm."""
    message = update.effective_message
    if message is None or message.reply_to_message is None or not message.text:
        return
    db, content = database(context), snapshot(context).content
    target = message.reply_to_message.message_id
    question = await forwarded.by_team_message(db, message.chat.id, target)
    if question is None:
        return  # not about a forwarded question: the normal handlers take it
    stored = await forwarded.record_reply(db, question.id, message.text)
    if stored is not None and await deliver_answer(context, db, content, stored):
        await message.reply_text(content.text("team_answer_sent", number=question.id))
        await _close_copies(context, question.id)
    else:
        await message.reply_text(content.text("team_answer_undeliverable", number=question.id))
    raise ApplicationHandlerStop


async def _close_copies(context: ContextTypes.DEFAULT_TYPE, question_id: int) -> None:
    """Remove "Beantworten" from every copy, so colleagues see the question is answered."""
    for chat, message_id in await forwarded.team_messages(database(context), question_id):
        try:
            await context.bot.edit_message_reply_markup(chat, message_id, reply_markup=None)
        except TelegramError:  # a prompt without buttons, or a deleted copy
            continue


async def recover(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Job at start-up: deliver stored answers, post questions no team chat got yet."""
    db, content = database(context), snapshot(context).content
    for question in await forwarded.undelivered_answers(db):
        await deliver_answer(context, db, content, question)
    for question in await forwarded.unsent_questions(db):
        if not await send_to_team(context, question):
            await forwarded.set_state(db, question.id, forwarded.FAILED)


def register(app: BotApp) -> None:
    """Team replies (before the question handlers), the answer button, the start-up job."""
    app.add_handler(MessageHandler(REPLIES, team_reply), group=REPLY_GROUP)
    app.add_handler(CallbackQueryHandler(answer_button, pattern=humanloop.TeamAnswer.pattern()))
    if app.job_queue:
        app.job_queue.run_once(recover, RECOVERY_DELAY_SECONDS, name=RECOVERY_JOB)
