"""The app-wide rate limiter: PTB's `AIORateLimiter` plus a hook right before the send.

`ClaimingRateLimiter` is PTB's `AIORateLimiter` (overall rate, RetryAfter handling) with one
addition: a send may pass `rate_limit_args=WireHook(on_wire)`, and `on_wire` runs after the
limiter let the request through, right before it goes to Telegram. That is where
`bot.tips.broadcast` writes its 'pending' claim, so messages that merely wait for the
limiter leave nothing behind if the process dies.

User replies go first: `WireHook` sends are background deliveries (daily tips, announcements)
and wait while any other request (an answer, a button, an edit) waits for the limiter; and
only one background send at a time waits inside the limiter, so an answer queues behind at
most one tip instead of a whole broadcast's worth. Once a request passed the limiter, its
HTTP round trip runs freely, so the broadcast still uses the full rate when nobody asks.
"""

from __future__ import annotations

import asyncio
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
    """AIORateLimiter that runs a `WireHook` once the request may go out; replies first."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._foreground_waiting = 0
        self._no_foreground = asyncio.Event()
        self._no_foreground.set()
        self._background_gate = asyncio.Semaphore(1)

    async def process_request(  # type: ignore[override]
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | WireHook | None,
    ) -> Any:
        if isinstance(rate_limit_args, WireHook):
            return await self._background(callback, args, kwargs, endpoint, data, rate_limit_args)
        self._foreground_waiting += 1
        self._no_foreground.clear()
        waiting = True

        def passed() -> None:
            nonlocal waiting
            if waiting:
                waiting = False
                self._foreground_waiting -= 1
                if not self._foreground_waiting:
                    self._no_foreground.set()

        async def through(*call_args: Any, **call_kwargs: Any) -> Any:
            passed()
            return await callback(*call_args, **call_kwargs)

        try:
            return await super().process_request(
                through, args, kwargs, endpoint, data, rate_limit_args
            )
        finally:
            passed()

    async def _background(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        wire: WireHook,
    ) -> Any:
        """A tip or announcement: after every waiting reply, one at a time into the limiter."""
        await self._background_gate.acquire()
        holding = True

        def let_go() -> None:
            nonlocal holding
            if holding:
                holding = False
                self._background_gate.release()

        async def hooked(*call_args: Any, **call_kwargs: Any) -> Any:
            let_go()
            await wire.on_wire()
            return await callback(*call_args, **call_kwargs)

        try:
            while not self._no_foreground.is_set():
                await self._no_foreground.wait()
            return await super().process_request(hooked, args, kwargs, endpoint, data, None)
        finally:
            let_go()
