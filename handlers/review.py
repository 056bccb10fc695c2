"""/stats buttons: add a group's question to an entry (likeliest three, or a search) or ignore it.

Adding goes through the content lock and the upload path (validate → backup → atomic write →
reload), so the question is answered from the next message on and /rollback undoes it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TypeVar

from telegram import Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.admin import (
    Backups,
    ChangeRejected,
    QuestionAdded,
    add_question,
    prompts,
    rejection_text,
    review,
)
from bot.serve import BACKUPS_KEY, CONTENT_LOCK_KEY, BotApp, send_reply
from bot.ui import Reply, esc, humanloop
from handlers.common import admin_only, admin_reply, content_store, database, snapshot

logger = logging.getLogger(__name__)

REVIEW_DAYS = 30
ADMIN_REPLIES = filters.ChatType.PRIVATE & filters.REPLY & filters.TEXT & ~filters.COMMAND
SEARCH_GROUP = -3
_Pick = TypeVar("_Pick", humanloop.ReviewAdd, humanloop.ReviewIgnore)


async def send_groups(message: Message, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After the /stats figures: the groups to act on, with their buttons."""
    groups = await review.open_groups(database(context), REVIEW_DAYS)
    reply = humanloop.render_review(snapshot(context).content, groups)
    if reply:
        await send_reply(message, reply)


async def _choice(
    context: ContextTypes.DEFAULT_TYPE,
    message: Message,
    admin: int,
    sample: int,
    term: str | None = None,
) -> None:
    """Offer the three likeliest entries for the group's question (or for a search term)."""
    current = snapshot(context)
    group = await review.find_group(database(context), sample, REVIEW_DAYS)
    if group is None:
        await message.reply_text(current.content.text("review_gone"))
        return
    ids = review.suggest_entries(current.matcher, term or group.question)
    entries = [e for e in map(current.content.entry, ids) if e]
    reply = humanloop.render_review_choice(current.content, group.question, sample, entries)
    sent = await send_reply(message, reply)
    await prompts.remember(
        database(context), prompts.SEARCH, sent.chat.id, sent.message_id, admin, str(sample)
    )


@admin_only
async def pick(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Zu Eintrag hinzufügen": the likeliest entries as buttons."""
    query = update.callback_query
    data = humanloop.ReviewPick.parse(query.data) if query else None
    if query and data and isinstance(query.message, Message):
        await query.answer()
        await _choice(context, query.message, query.from_user.id, int(data.sample))


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's reply to the entry choice: entries for their own search words."""
    reply = await admin_reply(update, context, prompts.SEARCH)
    if reply is None:
        return
    prompt = reply.prompt
    await _choice(context, reply.message, prompt.user_id, int(prompt.value), reply.text)
    raise ApplicationHandlerStop


def _added_text(question: str, entry_id: str, added: QuestionAdded) -> str:
    """The confirmation with the lines added to the file."""
    content = added.change.snapshot.content
    entry = content.entry(entry_id)
    header = esc(
        content.text("review_added", question=question, title=entry.title if entry else "")
    )
    lines = "\n".join(f"{number}: + {text}" for number, text in added.added)
    return f"{header}\n\n<b>{esc(added.file)}</b>\n<pre>{esc(lines)}</pre>"


async def _picked_group(
    update: Update, context: ContextTypes.DEFAULT_TYPE, kind: type[_Pick]
) -> tuple[Message, _Pick, review.ReviewGroup] | None:
    """The button's message, its parsed data and its question group; None if gone or forged."""
    query = update.callback_query
    data = kind.parse(query.data) if query else None
    if query is None or data is None or not isinstance(query.message, Message):
        return None
    await query.answer()
    group = await review.find_group(database(context), int(data.sample), REVIEW_DAYS)
    if group is None:
        await query.message.reply_text(snapshot(context).content.text("review_gone"))
        return None
    return query.message, data, group


@admin_only
async def add(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An entry was picked: append the question to it and show the diff."""
    picked = await _picked_group(update, context, humanloop.ReviewAdd)
    if picked is None:
        return
    message, data, group = picked
    db, content = database(context), snapshot(context).content
    backups: Backups = context.bot_data[BACKUPS_KEY]
    lock: asyncio.Lock = context.bot_data[CONTENT_LOCK_KEY]
    try:
        async with lock:
            added = await asyncio.to_thread(
                add_question, content_store(context), backups, data.entry_id, group.question
            )
    except ChangeRejected as rejected:
        await send_reply(message, Reply(rejection_text(content, rejected)))
        return
    await review.decide(db, group.keys, review.ADDED, data.entry_id)
    await send_reply(message, Reply(_added_text(group.question, data.entry_id, added)))


@admin_only
async def ignore(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Ignorieren": the group no longer shows in /stats."""
    picked = await _picked_group(update, context, humanloop.ReviewIgnore)
    if picked is None:
        return
    message, _, group = picked
    db, content = database(context), snapshot(context).content
    await review.decide(db, group.keys, review.IGNORED)
    await message.reply_text(esc(content.text("review_ignored", question=group.question)))


def register(app: BotApp) -> None:
    """The review buttons under /stats and the search prompt."""
    app.add_handler(CallbackQueryHandler(pick, pattern=humanloop.ReviewPick.pattern()))
    app.add_handler(CallbackQueryHandler(add, pattern=humanloop.ReviewAdd.pattern(), block=False))
    app.add_handler(CallbackQueryHandler(ignore, pattern=humanloop.ReviewIgnore.pattern()))
    app.add_handler(MessageHandler(ADMIN_REPLIES, search), group=SEARCH_GROUP)
