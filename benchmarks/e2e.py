"""End-to-end throughput: the real Application against the fake Bot API in its own process.

What is measured is the bot as `python -m bot run` runs it in polling mode: the real PTB
Application behind the durable inbox (every update stored and committed before its offset is
confirmed, answered, then marked done), the app-wide rate limiter in place but lifted to
RATE_LIMIT_PER_S so that it does not cap the figure (Telegram itself allows about 30
messages per second overall), and every answer really sent as a `sendMessage` over HTTP and
checked by the fake server (valid HTML, buttons). The fake server stands in for Telegram,
which is remote in production: it runs in a process of its own (benchmarks/e2e_server.py),
so its work is not counted as the bot's.

A burst of UPDATES private-chat questions (one chat each, the dev questions in turn) is
pushed at once, BURSTS times; medians are reported, and the burst latency includes the wait
in the inbox. Then PACED_UPDATES more arrive at PACED_PER_S, well below capacity, which
gives the latency a user sees on a busy day. Latency runs from the moment `getUpdates`
handed an update to the bot to the moment the fake server received the `sendMessage`
answering it. Beside the rate: the CPU time per answer of the bot process (all its threads,
the inbox's SQLite thread included) and of the fake server's process. On a shared machine
the rate follows the load; the bot's CPU per answer much less, and it is the figure to
compare changes by. With two cores and a quiet machine the rate is about 1000 / (bot CPU ms
per answer) (reported as `e2e_bot_one_core_per_s`, an estimate), as long as the server's
process keeps up on the other core; the goal is checked against the measured rate.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from benchmarks.e2e_server import Address, Round, serve
from bot.config import DEFAULT_CONTENT_DIR
from bot.logs import setup_logging
from bot.serve import build_application
from bot.snapshot import ContentStore, Snapshot
from bot.testing import settings_for, start_polling, stop_polling

TOKEN = "123456:BENCH-TOKEN"
RATE_LIMIT_PER_S = 1_000_000.0
UPDATES = 2000
GOAL_PER_S = 200.0
WARM_UP = 20
FIRST_CHAT = 10_000_000
TIMEOUT_S = 30.0  # for the server process to end
BURSTS = 3
PACED_UPDATES = 300
PACED_PER_S = 100.0


async def _round(connection: Connection, job: Round) -> dict[str, float]:
    """Have the server process run a round; its figures plus the bot's CPU per answer."""
    loop = asyncio.get_running_loop()
    cpu_start = time.process_time()
    connection.send(job)
    result: dict[str, float] = await loop.run_in_executor(None, connection.recv)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / job.count
    return {**result, "bot_cpu_ms": round(cpu_ms, 2)}


async def measure(
    snapshot: Snapshot,
    questions: Sequence[str],
    updates: int = UPDATES,
    bursts: int = BURSTS,
    paced_updates: int = PACED_UPDATES,
) -> dict[str, float]:
    """Push `updates` questions at once (`bursts` times), then some paced; the figures."""
    loop = asyncio.get_running_loop()
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(
        target=serve, args=(theirs, TOKEN), name="fake-bot-api", daemon=True
    )
    server.start()
    try:
        address: Address = await loop.run_in_executor(None, ours.recv)
        rounds, paced = await _rounds(
            ours, address, snapshot, questions, updates, bursts, paced_updates
        )
        ours.send(None)
        await loop.run_in_executor(None, server.join, TIMEOUT_S)
    finally:
        if server.is_alive():
            server.terminate()
        ours.close()
    return _summary(rounds, paced)


async def _rounds(
    connection: Connection,
    address: Address,
    snapshot: Snapshot,
    questions: Sequence[str],
    updates: int,
    bursts: int,
    paced_updates: int,
) -> tuple[list[dict[str, float]], dict[str, float]]:
    """The bot against the server at `address`: a warm-up, `bursts` rounds, a paced one."""
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(
            address,
            Path(folder) / "bench.sqlite3",
            content_dir=DEFAULT_CONTENT_DIR,
            rate_limit_per_s=RATE_LIMIT_PER_S,
        )
        setup_logging(settings)
        logging.getLogger().setLevel(logging.WARNING)  # startup lines would clutter the table
        app = build_application(settings, ContentStore(settings.content_dir, snapshot))
        await start_polling(app)
        try:
            await _round(connection, Round(questions, FIRST_CHAT - WARM_UP, WARM_UP))
            rounds = [
                await _round(connection, Round(questions, FIRST_CHAT + n * updates, updates))
                for n in range(bursts)
            ]
            first_paced = FIRST_CHAT + bursts * updates
            paced = await _round(
                connection, Round(questions, first_paced, paced_updates, PACED_PER_S)
            )
        finally:
            await stop_polling(app)
    return rounds, paced


def _summary(rounds: list[dict[str, float]], paced: dict[str, float]) -> dict[str, float]:
    """Medians over the bursts, the paced latency, and how they were taken."""

    def median(key: str) -> float:
        return statistics.median(burst[key] for burst in rounds)

    return {
        "e2e_updates": min(burst["updates"] for burst in rounds),
        "e2e_per_s": median("per_s"),
        "e2e_p50_ms": median("p50_ms"),
        "e2e_p99_ms": median("p99_ms"),
        "e2e_bot_cpu_ms_per_answer": median("bot_cpu_ms"),
        "e2e_server_cpu_ms_per_answer": median("server_cpu_ms"),
        # What the bot process could answer on a core of its own: an estimate, not the goal.
        "e2e_bot_one_core_per_s": round(1000 / median("bot_cpu_ms"), 1),
        "e2e_load_average": round(os.getloadavg()[0], 2),
        "e2e_paced_per_s": PACED_PER_S,
        "e2e_paced_p50_ms": paced["p50_ms"],
        "e2e_paced_p99_ms": paced["p99_ms"],
        "e2e_rate_limit_per_s": RATE_LIMIT_PER_S,
    }


def main() -> None:
    """`python -m benchmarks.e2e DEV.yaml [updates]`: the end-to-end figures alone, as JSON."""
    import json
    import sys

    from benchmarks.quality import load_dev, questions_of
    from bot.snapshot import build_snapshot

    questions = questions_of(load_dev(Path(sys.argv[1])))
    updates = int(sys.argv[2]) if len(sys.argv) > 2 else UPDATES
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    print(json.dumps(asyncio.run(measure(snapshot, questions, updates))))


if __name__ == "__main__":
    main()
