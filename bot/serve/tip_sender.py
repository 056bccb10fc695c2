"""Sending daily tips through python-telegram-bot: the rate limiter hook and error mapping.

`ClaimingRateLimiter` is PTB's `AIORateLimiter` (overall rate, RetryAfter handling) with one
addition: a send may pass `rate_limit_args=WireHook(on_wire)`, and `on_wire` runs after the
limiter let the request through, right before it goes to Telegram. That is where
`bot.broadcast` writes its 'pending' claim, so messages that merely wait for the limiter
leave nothing behind if the process dies.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, ExtBot

from bot.content.model import Content, Tip
from bot.tips.broadcast import Blocked, OnWire, RetryLater, Send, Transient, Uncertain
from bot.tips.conversation import render_tip
from bot.ui.render import Reply

GONE_CHAT_ERRORS = ("chat not found", "user is deactivated", "bot was kicked")
# Transport failures after which Telegram cannot have processed the request.
NOT_SENT_CAUSES = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
)


@dataclass(frozen=True, slots=True)
class WireHook:
    """Rate limiter argument: a coroutine to run right before the request is sent."""

    on_wire: OnWire


class ClaimingRateLimiter(AIORateLimiter):
    """AIORateLimiter that runs a `WireHook` once the request may go out."""

    async def process_request(  # type: ignore[override]
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | WireHook | None,
    ) -> Any:
        if not isinstance(rate_limit_args, WireHook):
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        hook = rate_limit_args.on_wire

        async def hooked(*call_args: Any, **call_kwargs: Any) -> Any:
            await hook()
            return await callback(*call_args, **call_kwargs)

        return await super().process_request(hooked, args, kwargs, endpoint, data, None)


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    """Reply buttons as an inline keyboard."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter's wait in seconds, whatever PTB's int/timedelta setting is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def telegram_sender(bot: ExtBot[Any], content: Content) -> Send:
    """A `Send` for `bot.broadcast` that maps PTB errors to delivery outcomes."""
    precise = isinstance(bot.rate_limiter, ClaimingRateLimiter)

    async def send(chat_id: int, tip: Tip, on_wire: OnWire) -> None:
        reply = render_tip(content, tip)
        if not precise:  # no hook available: claim before the limiter (wider window)
            await on_wire()
        try:
            await bot.send_message(
                chat_id,
                reply.text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup(reply),
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
            if isinstance(cause, httpx.TransportError) and not isinstance(cause, NOT_SENT_CAUSES):
                raise Uncertain(str(error)) from error  # e.g. read timeout: it may have arrived
            raise Transient(str(error)) from error  # 5xx answer or never sent

    return send
