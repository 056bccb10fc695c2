"""/tipp, /abo, /stopp, their buttons, and the minute job that sends the daily tips."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

from bot.records import chat_language, choose_language
from bot.serve import (
    BROADCAST_LOCK_KEY,
    CLOCK_KEY,
    RECOVERED_KEY,
    BotApp,
    edit_reply,
    send_reply,
    telegram_sender,
)
from bot.tips import conversation as tip_chat
from bot.tips import deliver_due, options_from_settings, recover_interrupted
from bot.ui import SubscriptionChoice, command
from handlers.common import database, settings, snapshot, user_language

logger = logging.getLogger(__name__)

JOB_NAME = "daily-tips"
STARTUP_DELAY_SECONDS = 1.0


def now(context: ContextTypes.DEFAULT_TYPE) -> datetime:
    """The current time (UTC), replaceable in tests through bot_data[CLOCK_KEY]."""
    clock: Callable[[], datetime] = context.bot_data.get(CLOCK_KEY, lambda: datetime.now(UTC))
    return clock()


def zone(context: ContextTypes.DEFAULT_TYPE) -> ZoneInfo:
    """The time zone subscriptions are set in."""
    return ZoneInfo(settings(context).timezone)


async def tip_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one tip right now, with a "Mehr dazu" button."""
    message, chat = update.effective_message, update.effective_chat
    if message and chat:
        content = snapshot(context).content
        await send_reply(
            message, await tip_chat.tip_now(database(context), content, chat.id, now(context))
        )


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/abo, /abo 07:30, /abo werktags: subscribe, change, or show the setting."""
    message, chat = update.effective_message, update.effective_chat
    if message and chat:
        if chat.type == ChatType.PRIVATE:  # the daily tip comes in the reader's language
            await choose_language(database(context), chat.id, user_language(context))
        reply = await tip_chat.subscribe_command(
            database(context),
            snapshot(context).content,
            chat.id,
            context.args or [],
            now(context),
            zone(context),
        )
        await send_reply(message, reply)


async def stop_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """End the daily tip."""
    message, chat = update.effective_message, update.effective_chat
    if message and chat:
        content = snapshot(context).content
        await send_reply(
            message, await tip_chat.stop_command(database(context), content, chat.id, now(context))
        )


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A subscription button: change time or days, stop, or show the setting in place."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    content = snapshot(context).content
    choice = tip_chat.parse_button(query.data)
    if choice is None:
        await query.answer(content.text("stale_button"))
        return
    reply = await tip_chat.button_pressed(
        database(context), content, chat.id, choice, now(context), zone(context)
    )
    await query.answer()
    await edit_reply(query, reply)


async def deliver_tips(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue callback, every minute: send every daily tip that is due."""
    lock: asyncio.Lock = context.bot_data.setdefault(BROADCAST_LOCK_KEY, asyncio.Lock())
    if lock.locked():
        return  # still busy; the next run after it sends what fell due meanwhile (catch-up)
    async with lock:
        db, content = database(context), snapshot(context).content
        if not context.bot_data.get(RECOVERED_KEY):  # first run: before any send of ours
            await recover_interrupted(db, now(context))
            context.bot_data[RECOVERED_KEY] = True
        options = options_from_settings(settings(context))
        send = telegram_sender(context.bot, content, functools.partial(chat_language, db))
        await deliver_due(db, content.tips, send, now(context), options)


def next_minute(moment: datetime) -> datetime:
    """The start of the next full minute (the job runs on the minute)."""
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)


def register(app: BotApp) -> None:
    """/tipp, /abo, /stopp, the subscription buttons and the daily-tip jobs."""
    app.add_handler(CommandHandler(command("tipp").names, tip_command))
    app.add_handler(CommandHandler(command("abo").names, subscribe_command))
    app.add_handler(CommandHandler(command("stopp").names, stop_command))
    app.add_handler(CallbackQueryHandler(button, pattern=SubscriptionChoice.pattern()))
    if app.job_queue is None:
        logger.warning("No JobQueue available: daily tips will not be sent")
        return
    # At start-up: catch up on what fell due while the bot was down, then every minute.
    app.job_queue.run_once(deliver_tips, STARTUP_DELAY_SECONDS, name=f"{JOB_NAME}-startup")
    app.job_queue.run_repeating(
        deliver_tips,
        interval=60,
        first=next_minute(datetime.now(UTC)),
        name=JOB_NAME,
        job_kwargs={"max_instances": 2, "misfire_grace_time": 30},
    )
