"""The app-wide rate limiter: PTB's `AIORateLimiter` plus a hook right before the send.

`ClaimingRateLimiter` is PTB's `AIORateLimiter` (overall rate, RetryAfter handling) with one
addition: a send may pass `rate_limit_args=WireHook(on_wire)`, and `on_wire` runs after the
limiter let the request through, right before it goes to Telegram. That is where
`bot.tips.broadcast` writes its 'pending' claim, so messages that merely wait for the
limiter leave nothing behind if the process dies.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram.ext import AIORateLimiter

from bot.tips import OnWire


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
