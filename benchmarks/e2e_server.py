"""The Telegram side of benchmarks/e2e.py: the fake Bot API server in a process of its own.

Telegram is remote in production, so its work must not count against the bot: the server
runs here, in its own process and event loop, and the benchmark's bot process talks to it
over HTTP on 127.0.0.1 as it would talk to Telegram. Over a pipe the benchmark asks for a
round of questions; this process pushes them (all at once, or `per_s` a second), waits until
every chat got a `sendMessage`, and answers with the figures taken from its recorded calls
(latency from the `getUpdates` that handed an update over to the `sendMessage` answering it)
and its own CPU time.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from benchmarks.latency import percentile
from bot.testing import FakeTelegramServer, Sender

TIMEOUT_S = 180.0
POLL_S = 0.02


@dataclass(frozen=True, slots=True)
class Round:
    """A round of questions: `count` chats from `first_chat` on, at once or `per_s` a second."""

    questions: Sequence[str]
    first_chat: int
    count: int
    per_s: float | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """Where the bot finds the fake Bot API (what `bot.testing.settings_for` reads)."""

    token: str
    base_url: str
    base_file_url: str


def serve(connection: Connection, token: str) -> None:
    """Process entry point: serve until the benchmark sends None."""
    asyncio.run(_serve(connection, token))


async def _serve(connection: Connection, token: str) -> None:
    loop = asyncio.get_running_loop()
    async with FakeTelegramServer(token=token) as server:
        connection.send(Address(token, server.base_url, server.base_file_url))
        while True:
            job = await loop.run_in_executor(None, connection.recv)
            if job is None:
                break
            connection.send(await run_round(server, job))


async def run_round(server: FakeTelegramServer, job: Round) -> dict[str, float]:
    """Push the round's questions, wait for every answer; figures plus this process's CPU."""
    server.clear_calls()
    update_chat = {}
    cpu_start = time.process_time()
    start = time.monotonic()
    for n in range(job.count):
        if job.per_s:
            await asyncio.sleep(max(0.0, start + n / job.per_s - time.monotonic()))
        chat = job.first_chat + n
        pushed = server.push_message(job.questions[n % len(job.questions)], sender=Sender(chat))
        update_chat[pushed["update_id"]] = chat
    await _answered(server, set(update_chat.values()), TIMEOUT_S)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / job.count
    return {**figures(server, update_chat), "server_cpu_ms": round(cpu_ms, 2)}


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


def figures(server: FakeTelegramServer, update_chat: dict[int, int]) -> dict[str, float]:
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
