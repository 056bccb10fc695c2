"""The shared rate limiter lets answers to users go before background tip deliveries."""

from __future__ import annotations

import asyncio
import time

from bot.serve.ratelimit import ClaimingRateLimiter, WireHook

RATE = 20.0  # requests per second: one every 50 ms


async def test_a_reply_overtakes_a_queued_broadcast_and_the_broadcast_keeps_its_rate() -> None:
    limiter = ClaimingRateLimiter(overall_max_rate=RATE, overall_time_period=1, max_retries=0)
    await limiter.initialize()
    order: list[str] = []
    claimed: list[int] = []

    def request(name: str):  # type: ignore[no-untyped-def]
        async def call(*args: object, **kwargs: object) -> str:
            order.append(name)
            return name

        return call

    async def tip(n: int) -> None:
        async def on_wire() -> None:
            claimed.append(n)

        await limiter.process_request(
            request(f"tip{n}"), (), {}, "sendMessage", {"chat_id": n}, WireHook(on_wire)
        )

    began = time.monotonic()
    tips = [asyncio.create_task(tip(n)) for n in range(40)]
    await asyncio.sleep(0.5)  # under way: the bucket's first 20 and ~10 more sent, ~10 wait
    asked, sent_before = time.monotonic(), len(order)
    assert sent_before < 35
    await limiter.process_request(request("reply"), (), {}, "sendMessage", {"chat_id": 1}, None)
    waited = time.monotonic() - asked
    await asyncio.gather(*tips)
    took = time.monotonic() - began
    await limiter.shutdown()
    assert waited < 3 / RATE  # behind at most the one tip inside the limiter
    assert order.index("reply") <= sent_before + 1  # the 5+ tips still waiting come after
    assert sorted(claimed) == list(range(40))  # every tip claimed once, right before its send
    assert 40 / took >= 0.9 * RATE * 0.9  # the broadcast still runs at about the full rate
