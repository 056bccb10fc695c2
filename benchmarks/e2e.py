"""End-to-end throughput: the real Application against the in-process fake Bot API server.

A burst of 2,000 private-chat questions (one chat each, the dev questions in turn) is pushed
at once, BURSTS times; medians are reported, and the burst latency includes the wait in
the durable inbox (every update is stored, answered, then marked done, exactly as
`python -m bot run` does in polling mode). Then PACED_UPDATES more arrive at PACED_PER_S,
well below capacity, which gives the latency a user sees on a busy day. Latency runs from
the moment `getUpdates` handed an update to the bot to the moment the fake server received the
`sendMessage` answering it (both recorded in the server's `Call`s). The fake server runs
in the same process and event loop, so its work counts against the bot's figure. CPU time
per answer (the whole process, bot and fake server, all threads) is reported beside the rate:
on a shared machine the rate follows the load, the CPU per answer much less.
The rate limiter is set to RATE_LIMIT_PER_S so that PTB's AIORateLimiter does not cap the
figure; Telegram itself allows about 30 messages per second overall.
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.latency import percentile
from bot.config import DEFAULT_CONTENT_DIR
from bot.logs import setup_logging
from bot.serve import build_application
from bot.snapshot import ContentStore, Snapshot
from bot.testing import FakeTelegramServer, settings_for, start_polling, stop_polling

TOKEN = "123456:BENCH-TOKEN"
RATE_LIMIT_PER_S = 1_000_000.0
UPDATES = 2000
GOAL_PER_S = 200.0
WARM_UP = 20
FIRST_CHAT = 10_000_000
TIMEOUT_S = 180.0
POLL_S = 0.02
BURSTS = 3
PACED_UPDATES = 300
PACED_PER_S = 100.0


async def _answered(server: FakeTelegramServer, chats: set[int], timeout: float) -> None:
    """Wait until every chat got a sendMessage (scans only new calls)."""
    waiting, seen = set(chats), 0
    deadline = time.monotonic() + timeout
    while waiting:
        calls = server.calls
        for call in calls[seen:]:
            if call.method == "sendMessage":
                waiting.discard(call.params.get("chat_id"))  # type: ignore[arg-type]
        seen = len(calls)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(waiting)} of {len(chats)} questions unanswered")
        await asyncio.sleep(POLL_S)


def _figures(server: FakeTelegramServer, update_chat: dict[int, int]) -> dict[str, float]:
    """Answered count, answers per second and delivery-to-answer latency (ms)."""
    delivered: dict[int, float] = {}
    for call in server.calls_of("getUpdates"):
        for update in call.result or ():
            chat = update_chat.get(update["update_id"])
            if chat is not None and chat not in delivered:
                delivered[chat] = call.time
    answered: dict[int, float] = {}
    for call in server.calls_of("sendMessage"):
        chat = call.params.get("chat_id")
        if call.ok and chat in delivered and chat not in answered:
            answered[chat] = call.time
    latencies = [(answered[c] - delivered[c]) * 1000 for c in answered]
    span = max(answered.values()) - min(delivered.values())
    return {
        "updates": len(answered),
        "per_s": round(len(answered) / span, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
    }


async def _questions(
    server: FakeTelegramServer, questions: Sequence[str], first_chat: int, count: int,
    per_s: float | None = None,
) -> dict[str, float]:
    """Push `count` questions (all at once, or `per_s` a second), wait for every answer."""
    server.clear_calls()
    update_chat = {}
    cpu_start = time.process_time()
    start = time.monotonic()
    for n in range(count):
        if per_s:
            await asyncio.sleep(max(0.0, start + n / per_s - time.monotonic()))
        chat = first_chat + n
        pushed = server.push_message(questions[n % len(questions)], user_id=chat)
        update_chat[pushed["update_id"]] = chat
    await _answered(server, set(update_chat.values()), TIMEOUT_S)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / count
    return {**_figures(server, update_chat), "cpu_ms": round(cpu_ms, 2)}


async def measure(
    snapshot: Snapshot, questions: Sequence[str], updates: int = UPDATES
) -> dict[str, float]:
    """Push `updates` questions at once and measure how fast the bot answers them."""
    async with FakeTelegramServer(token=TOKEN) as server:
        with tempfile.TemporaryDirectory() as folder:
            settings = settings_for(
                server,
                Path(folder) / "bench.sqlite3",
                content_dir=DEFAULT_CONTENT_DIR,
                rate_limit_per_s=RATE_LIMIT_PER_S,
            )
            setup_logging(settings)
            logging.getLogger().setLevel(logging.WARNING)  # startup lines would clutter the table
            app = build_application(settings, ContentStore(settings.content_dir, snapshot))
            await start_polling(app)
            try:
                await _questions(server, questions, FIRST_CHAT - WARM_UP, WARM_UP)
                bursts = [
                    await _questions(server, questions, FIRST_CHAT + n * updates, updates)
                    for n in range(BURSTS)
                ]
                paced = await _questions(
                    server, questions, FIRST_CHAT + BURSTS * updates, PACED_UPDATES, PACED_PER_S
                )
            finally:
                await stop_polling(app)
    return {
        "e2e_updates": min(burst["updates"] for burst in bursts),
        "e2e_per_s": statistics.median(burst["per_s"] for burst in bursts),
        "e2e_p50_ms": statistics.median(burst["p50_ms"] for burst in bursts),
        "e2e_p99_ms": statistics.median(burst["p99_ms"] for burst in bursts),
        "e2e_cpu_ms_per_answer": statistics.median(burst["cpu_ms"] for burst in bursts),
        "e2e_load_average": round(os.getloadavg()[0], 2),
        "e2e_paced_per_s": PACED_PER_S,
        "e2e_paced_p50_ms": paced["p50_ms"],
        "e2e_paced_p99_ms": paced["p99_ms"],
        "e2e_rate_limit_per_s": RATE_LIMIT_PER_S,
    }
