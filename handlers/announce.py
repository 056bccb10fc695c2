"""/ankuendigung: admins write a one-off message to every tip subscriber, preview, send or plan.

The draft lives in bot_data until it is confirmed; confirmed announcements are in the
database and sent by a minute job through the daily tips' exactly-once delivery.
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

from bot.serve import BotApp, announcement_sender, edit_reply, send_reply
from bot.tips import announcements as ann
from bot.tips import options_from_settings
from bot.ui import Button, CallbackData, Reply, command, esc
from handlers.common import admin_only, database, is_admin, settings, snapshot
from handlers.tips import now, zone

logger = logging.getLogger(__name__)

DRAFTS_KEY = "announcement_drafts"  # bot_data: admin id → draft text
PLANNING_KEY = "announcement_planning"  # bot_data: (chat, prompt message id) → admin id
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
    context.bot_data.setdefault(DRAFTS_KEY, {})[user.id] = text
    count = await ann.recipient_count(database(context))
    await send_reply(message, _preview(context, text, count))


@admin_only
async def choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send now, ask for a time, or drop the draft."""
    query = update.callback_query
    data = AnnounceChoice.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return
    await query.answer()
    content = snapshot(context).content
    text = context.bot_data.get(DRAFTS_KEY, {}).pop(query.from_user.id, None)
    if text is None or data.choice == CANCEL:
        await edit_reply(query, Reply(esc(content.text("announce_cancelled"))))
        return
    if data.choice == PLAN:
        context.bot_data[DRAFTS_KEY][query.from_user.id] = text
        prompt = await query.message.reply_text(
            content.text("announce_when"), reply_markup=ForceReply(selective=True)
        )
        context.bot_data.setdefault(PLANNING_KEY, {})[(prompt.chat.id, prompt.message_id)] = (
            query.from_user.id
        )
        return
    await ann.create(database(context), esc(text), now(context), now(context))
    await edit_reply(query, Reply(esc(content.text("announce_sending"))))
    if context.job_queue:
        context.job_queue.run_once(deliver_announcements, 0)


async def plan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's reply to "Wann?": schedule the draft (local time)."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if message is None or replied is None or not message.text or not is_admin(update, context):
        return
    admin = context.bot_data.get(PLANNING_KEY, {}).get((replied.chat.id, replied.message_id))
    text = context.bot_data.get(DRAFTS_KEY, {}).get(admin)
    if text is None:
        return
    content = snapshot(context).content
    when = ann.parse_when(message.text, now(context), zone(context))
    if when is None:
        await message.reply_text(esc(content.text("announce_bad_time", given=message.text)))
        raise ApplicationHandlerStop
    context.bot_data[DRAFTS_KEY].pop(admin, None)
    await ann.create(database(context), esc(text), when, now(context))
    local = when.astimezone(zone(context)).strftime("%d.%m.%Y %H:%M")
    await message.reply_text(esc(content.text("announce_planned", when=local)))
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
