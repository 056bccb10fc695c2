"""/ankuendigung: admins write a one-off message to every tip subscriber, preview, send or plan.

The draft and the "Wann?" prompt are kept in the database (bot/admin/prompts.py), so a
restart between preview and confirmation loses nothing; confirmed announcements are sent by
a minute job through the daily tips' exactly-once delivery.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from telegram import ForceReply, Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.admin import prompts
from bot.serve import BotApp, announcement_sender, edit_reply, send_reply
from bot.tips import announcements as ann
from bot.tips import options_from_settings
from bot.ui import Button, CallbackData, Reply, command, esc
from handlers.common import admin_only, admin_reply, database, settings, snapshot
from handlers.tips import now, zone

logger = logging.getLogger(__name__)

LOCK_KEY = "announcements_lock"
RECOVERED_KEY = "announcements_recovered"
JOB_NAME = "announcements"
ADMIN_REPLIES = filters.ChatType.PRIVATE & filters.REPLY & filters.TEXT & ~filters.COMMAND
PLAN_GROUP = -4
SEND, PLAN, CANCEL = "send", "plan", "cancel"


@dataclass(frozen=True)
class AnnounceChoice(CallbackData, prefix="ank", choice=f"{SEND}|{PLAN}|{CANCEL}"):
    """The buttons under the preview."""

    choice: str


def _preview(context: ContextTypes.DEFAULT_TYPE, text: str, count: int) -> Reply:
    """The draft as subscribers will see it, the recipient count, send / plan / cancel."""
    content = snapshot(context).content
    header = esc(content.text("announce_preview", count=count))
    rows = tuple(
        (Button(content.text(key), AnnounceChoice(choice).pack()),)
        for key, choice in (
            ("button_announce_send", SEND),
            ("button_announce_plan", PLAN),
            ("button_announce_cancel", CANCEL),
        )
    )
    return Reply(f"{header}\n\n{esc(text)}", rows)


@admin_only
async def announce(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ankuendigung TEXT: a preview with the recipient count and send / plan / cancel."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    text = (message.text or "").partition(" ")[2].strip()
    content = snapshot(context).content
    if not text or len(text) > ann.MAX_TEXT:
        await message.reply_text(esc(content.text("announce_usage", limit=ann.MAX_TEXT)))
        return
    db = database(context)
    await prompts.remember(db, prompts.DRAFT, user.id, 0, user.id, text)
    count = await ann.recipient_count(db)
    await send_reply(message, _preview(context, text, count))


@admin_only
async def choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send now, ask for a time, or drop the draft."""
    query = update.callback_query
    data = AnnounceChoice.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return
    await query.answer()
    content, db, admin = snapshot(context).content, database(context), query.from_user.id
    if data.choice == PLAN and await prompts.recall(db, prompts.DRAFT, admin):
        prompt = await query.message.reply_text(
            content.text("announce_when"), reply_markup=ForceReply(selective=True)
        )
        await prompts.remember(
            db, prompts.PLANNING, prompt.chat.id, prompt.message_id, admin, str(admin)
        )
        return
    draft = await prompts.take(db, prompts.DRAFT, admin)
    if draft is None or data.choice != SEND:
        await edit_reply(query, Reply(esc(content.text("announce_cancelled"))))
        return
    await ann.create(db, esc(draft.value), now(context), now(context))
    await edit_reply(query, Reply(esc(content.text("announce_sending"))))
    if context.job_queue:
        context.job_queue.run_once(deliver_announcements, 0)


async def plan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's reply to "Wann?": schedule the draft (local time)."""
    reply = await admin_reply(update, context, prompts.PLANNING)
    db = database(context)
    draft = await prompts.recall(db, prompts.DRAFT, reply.prompt.user_id) if reply else None
    if reply is None or draft is None:
        return
    content = snapshot(context).content
    when = ann.parse_when(reply.text, now(context), zone(context))
    if when is None:
        await reply.message.reply_text(esc(content.text("announce_bad_time", given=reply.text)))
        raise ApplicationHandlerStop
    if await prompts.take(db, prompts.DRAFT, reply.prompt.user_id) is None:
        raise ApplicationHandlerStop  # the same draft was sent or planned meanwhile
    await prompts.take(db, prompts.PLANNING, reply.asked.chat.id, reply.asked.message_id)
    await ann.create(db, esc(draft.value), when, now(context))
    local = when.astimezone(zone(context)).strftime("%d.%m.%Y %H:%M")
    await reply.message.reply_text(esc(content.text("announce_planned", when=local)))
    raise ApplicationHandlerStop


async def deliver_announcements(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Job: send every announcement that is due, continuing interrupted ones."""
    lock: asyncio.Lock = context.bot_data.setdefault(LOCK_KEY, asyncio.Lock())
    if lock.locked():
        return
    async with lock:
        db, moment = database(context), now(context)
        if not context.bot_data.get(RECOVERED_KEY):
            await ann.recover_interrupted(db, moment)
            context.bot_data[RECOVERED_KEY] = True
        options = options_from_settings(settings(context))
        for announcement in await ann.due(db, moment):
            await ann.deliver(db, announcement, announcement_sender(context.bot), moment, options)


async def stats_lines(context: ContextTypes.DEFAULT_TYPE) -> str:
    """For /stats: delivered / blocked of the latest announcements ('' if none)."""
    content, db = snapshot(context).content, database(context)
    lines = []
    for announcement in await ann.recent(db):
        counts = await ann.delivery_counts(db, announcement.id)
        when = announcement.send_at.astimezone(zone(context)).strftime("%d.%m.%Y %H:%M")
        key = "announce_stats_planned" if announcement.state == ann.SCHEDULED else "announce_stats"
        values = {"sent": counts.get("sent", 0), "blocked": counts.get("blocked", 0)}
        lines.append("• " + esc(content.text(key, when=when, **values)))
    if not lines:
        return ""
    return f"<b>{esc(content.text('announce_stats_header'))}</b>\n" + "\n".join(lines)


def register(app: BotApp) -> None:
    """/ankuendigung, its buttons and time prompt, and the minute job."""
    app.add_handler(CommandHandler(command("ankuendigung").names, announce))
    app.add_handler(CallbackQueryHandler(choice, pattern=AnnounceChoice.pattern()))
    app.add_handler(MessageHandler(ADMIN_REPLIES, plan), group=PLAN_GROUP)
    if app.job_queue:
        app.job_queue.run_repeating(deliver_announcements, interval=60, first=5, name=JOB_NAME)
