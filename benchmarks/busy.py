"""Answer latency while the daily tip goes out: questions during a large broadcast.

    python benchmarks/busy.py [--subscribers 10000] [--limit 25] [--seconds 20]

The real Application polls the in-process fake Bot API (durable inbox, shared
`ClaimingRateLimiter` at `--limit` messages per second) while `deliver_due` sends the tip to
`--subscribers` chats, exactly as the minute job does. After WARM_UP_S, QUESTIONS_PER_S
questions a second arrive from other chats for `--seconds`; each one's latency runs from
the moment it was pushed to the moment its answer reached the server. The broadcast's rate
is counted over the same window (the whole broadcast would take subscribers / limit
seconds; it is cancelled after the window): answers and tips share the limit, so the tips
get what the answers leave (`total_rate_per_s` is both together). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from benchmarks.broadcast import NOW, TOKEN, ZONE, add_subscribers  # noqa: E402
from benchmarks.latency import percentile  # noqa: E402
from bot.serve import DB_KEY, STORE_KEY, build_application, telegram_sender  # noqa: E402
from bot.snapshot import ContentStore  # noqa: E402
from bot.testing.fake_telegram import FakeTelegramServer, Sender  # noqa: E402
from bot.testing.polling import settings_for, start_polling, stop_polling  # noqa: E402
from bot.tips import BroadcastOptions, broadcast_concurrency, deliver_due  # noqa: E402

QUESTION = "Wie finden wir die relevanten Initiativen?"
QUESTIONS_PER_S = 5.0
WARM_UP_S = 2.0
FIRST_ASKER = 50_000_000
GOAL_P99_S = 2.0
GOAL_RATE_SHARE = 0.9


async def ask(server: FakeTelegramServer, seconds: float) -> dict[int, float]:
    """Push questions at QUESTIONS_PER_S from new chats; chat -> push time."""
    pushed: dict[int, float] = {}
    start = time.monotonic()
    for n in range(int(seconds * QUESTIONS_PER_S)):
        await asyncio.sleep(max(0.0, start + n / QUESTIONS_PER_S - time.monotonic()))
        chat = FIRST_ASKER + n
        server.push_message(QUESTION, sender=Sender(chat))
        pushed[chat] = time.time()  # the server stamps its calls with time.time()
    await asyncio.sleep(GOAL_P99_S * 2)  # let the last answers arrive
    return pushed


def figures(
    server: FakeTelegramServer, pushed: dict[int, float], window: tuple[float, float]
) -> dict[str, float]:
    answered: dict[int, float] = {}
    tips = answers = 0
    for call in server.calls_of("sendMessage"):
        chat = call.params.get("chat_id")
        if chat in pushed and chat not in answered:
            answered[chat] = call.time
        if window[0] <= call.time <= window[1]:
            answers += chat in pushed
            tips += chat not in pushed
    latencies = [answered[chat] - pushed[chat] for chat in answered]
    return {
        "questions": len(pushed),
        "answered": len(answered),
        "answer_p50_s": round(statistics.median(latencies), 3),
        "answer_p99_s": round(percentile(latencies, 0.99), 3),
        "broadcast_rate_per_s": round(tips / (window[1] - window[0]), 1),
        "total_rate_per_s": round((tips + answers) / (window[1] - window[0]), 1),
    }


async def run(subscribers: int, limit: float, seconds: float) -> dict[str, object]:
    async with FakeTelegramServer(token=TOKEN) as server:
        with tempfile.TemporaryDirectory() as folder:
            settings = settings_for(
                server, Path(folder) / "busy.sqlite3", rate_limit_per_s=limit
            )
            app = build_application(settings, ContentStore(settings.content_dir))
            await start_polling(app)
            assert app.job_queue is not None
            app.job_queue.scheduler.pause()  # this benchmark runs the broadcast itself
            try:
                db = app.bot_data[DB_KEY]
                await add_subscribers(db, subscribers)
                content = app.bot_data[STORE_KEY].current.content
                options = BroadcastOptions(zone=ZONE, concurrency=broadcast_concurrency(limit))
                send = telegram_sender(app.bot, content)
                broadcast = asyncio.create_task(deliver_due(db, content.tips, send, NOW, options))
                await asyncio.sleep(WARM_UP_S)
                begin = time.time()
                pushed = await ask(server, seconds)
                window = (begin, begin + seconds)
                broadcast.cancel()
                await asyncio.gather(broadcast, return_exceptions=True)
            finally:
                await stop_polling(app)
        result = figures(server, pushed, window)
    return {
        "busy_subscribers": subscribers,
        "busy_limit_per_s": limit,
        "busy_questions_per_s": QUESTIONS_PER_S,
        **{f"busy_{key}": value for key, value in result.items()},
        "busy_goal_p99_s": GOAL_P99_S,
        "busy_goal_total_rate_per_s": round(GOAL_RATE_SHARE * limit, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--limit", type=float, default=25.0, help="messages per second")
    parser.add_argument("--seconds", type=float, default=20.0, help="questions for this long")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.ERROR)
    print(json.dumps(asyncio.run(run(args.subscribers, args.limit, args.seconds))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
