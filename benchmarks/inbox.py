"""What the durable inbox costs: store latency at a steady pace, and grouped-commit throughput.

    python benchmarks/inbox.py

An update is answered only after `Inbox.store` returned (its row committed and fsynced), so
the store latency is what the inbox adds to every answer; `finish` (the done mark) runs
after the answer went out and adds nothing to it. Paced: PACED_PER_S single updates a second,
each stored alone, as webhook requests arrive. Burst: BURST updates from CALLERS concurrent
callers (webhook requests at once), which the inbox groups into few transactions; every row
is also finished, as the dispatcher would. The database is a file in a temporary folder on
the same disk as the system's temporary files. Prints one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from benchmarks.latency import percentile  # noqa: E402
from bot.records import Inbox, Incoming  # noqa: E402
from bot.storage import Database  # noqa: E402

PACED_PER_S = 100.0
PACED = 300
BURST = 10_000
CALLERS = 200
GOAL_ADDED_P50_MS = 2.0


def update(update_id: int) -> Incoming:
    chat = 10_000_000 + update_id
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat, "type": "private", "first_name": "Erika"},
        "from": {"id": chat, "is_bot": False, "first_name": "Erika"},
        "text": "Wie finden wir die relevanten Initiativen?",
    }
    return Incoming(update_id, {"update_id": update_id, "message": message})


async def paced(inbox: Inbox) -> dict[str, float]:
    latencies = []
    start = time.monotonic()
    for n in range(PACED):
        await asyncio.sleep(max(0.0, start + n / PACED_PER_S - time.monotonic()))
        began = time.perf_counter()
        (stored,) = await inbox.store([update(n + 1)])
        latencies.append((time.perf_counter() - began) * 1000)
        await inbox.finish(stored.update_id)
    return {
        "inbox_paced_per_s": PACED_PER_S,
        "inbox_store_p50_ms": round(statistics.median(latencies), 2),
        "inbox_store_p99_ms": round(percentile(latencies, 0.99), 2),
    }


async def burst(inbox: Inbox, first: int) -> dict[str, float]:
    ids = iter(range(first, first + BURST))

    async def caller() -> None:
        for update_id in ids:
            (stored,) = await inbox.store([update(update_id)])
            await inbox.finish(stored.update_id)

    began = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(CALLERS)))
    seconds = time.perf_counter() - began
    return {"inbox_burst": BURST, "inbox_burst_per_s": round(BURST / seconds)}


async def measure() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inbox.sqlite3"
        async with Database(path):
            pass  # migrated
        inbox = Inbox(path, max_backlog=BURST + PACED)
        await inbox.open()
        try:
            figures = await paced(inbox)
            figures |= await burst(inbox, PACED + 1)
        finally:
            await inbox.close()
    figures["inbox_goal_added_p50_ms"] = GOAL_ADDED_P50_MS
    return figures


if __name__ == "__main__":
    print(json.dumps(asyncio.run(measure())))
