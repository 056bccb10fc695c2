"""Sending daily tips through python-telegram-bot: PTB errors become delivery outcomes.

With the app's `ClaimingRateLimiter` (bot.serve.ratelimit) the 'pending' claim is written
right before the request goes out; without it, before the limiter (a wider window).
"""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
import httpx
from telegram import InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ExtBot

from bot.content import Content, Tip
from bot.serve.http import NOT_SENT_ERRORS
from bot.serve.ratelimit import ClaimingRateLimiter, WireHook
from bot.serve.telegram_io import keyboard
from bot.tips import Blocked, OnWire, RetryLater, Send, Transient, Uncertain, render_tip

# The language a chat reads ("de", "en"), looked up when its tip is sent.
LanguageOf = Callable[[int], Awaitable[str]]
GONE_CHAT_ERRORS = ("chat not found", "user is deactivated", "bot was kicked")
# Transport failures after which Telegram cannot have processed the request (the bot's own
# client, bot/serve/http.py, and PTB's httpx client, which a plain `Bot` uses).
NOT_SENT_CAUSES: tuple[type[BaseException], ...] = (
    *NOT_SENT_ERRORS,
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
)
# Transport failures in general: unless they are of the kind above, the request may have
# reached Telegram (e.g. the connection broke while waiting for the answer).
TRANSPORT_CAUSES: tuple[type[BaseException], ...] = (
    aiohttp.ClientError,
    TimeoutError,
    httpx.TransportError,
)


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter's wait in seconds, whatever PTB's int/timedelta setting is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def telegram_sender(
    bot: ExtBot[Any], content: Content, language_of: LanguageOf | None = None
) -> Send:
    """A `Send` for `bot.tips.broadcast` that maps PTB errors to delivery outcomes.

    With `language_of`, each chat gets the tip in its reader's language."""
    send_text = text_sender(bot)

    async def send(chat_id: int, tip: Tip, on_wire: OnWire) -> None:
        local = content.in_language(await language_of(chat_id)) if language_of else content
        reply = render_tip(local, next((t for t in local.tips if t.id == tip.id), tip))
        await send_text(chat_id, reply.text, on_wire, keyboard(reply))

    return send


TextSend = Callable[[int, str, OnWire, InlineKeyboardMarkup | None], Awaitable[None]]


def announcement_sender(bot: ExtBot[Any]) -> Callable[[int, str, OnWire], Awaitable[None]]:
    """The sender for `bot.tips.announcements`: the text as it is (HTML), no buttons."""
    send_text = text_sender(bot)

    async def send(chat_id: int, text: str, on_wire: OnWire) -> None:
        await send_text(chat_id, text, on_wire, None)

    return send


def text_sender(bot: ExtBot[Any]) -> TextSend:
    """Send one HTML message with the claim hook; PTB errors become delivery outcomes."""
    precise = isinstance(bot.rate_limiter, ClaimingRateLimiter)

    async def send(
        chat_id: int, text: str, on_wire: OnWire, markup: InlineKeyboardMarkup | None
    ) -> None:
        if not precise:  # no hook available: claim before the limiter (wider window)
            await on_wire()
        try:
            await bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                rate_limit_args=WireHook(on_wire) if precise else None,
            )
        except Forbidden as error:
            raise Blocked(str(error)) from error
        except BadRequest as error:
            if any(text in str(error).lower() for text in GONE_CHAT_ERRORS):
                raise Blocked(str(error)) from error
            raise
        except RetryAfter as error:
            raise RetryLater(retry_seconds(error)) from error
        except NetworkError as error:  # includes TimedOut
            cause = error.__cause__
            if isinstance(cause, TRANSPORT_CAUSES) and not isinstance(cause, NOT_SENT_CAUSES):
                raise Uncertain(str(error)) from error  # e.g. read timeout: it may have arrived
            raise Transient(str(error)) from error  # 5xx answer or never sent

    return send
