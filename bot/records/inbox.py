"""The durable inbox: every update is stored in SQLite before Telegram gets its confirmation.

Webhook mode answers 200 and polling mode moves its offset only after `store` returned,
i.e. after the rows are committed. The dispatcher (bot/serve/intake.py) answers pending
rows oldest first and then calls `finish`, which marks the row 'done' and drops its text.

Writes are grouped: everything that arrives while one commit runs goes into the next one
(no fixed delay), on the inbox's own connection and thread, so a burst of webhook requests
costs one transaction instead of one each and other database work is never mixed in.

Durability: a transaction that stores updates is fsynced (synchronous=FULL) before Telegram
is told; done marks are not (NORMAL), which survives any crash of the process but not a
power failure of the host - then some answers may be repeated, none lost.

Crash window: an answer is sent, then its row is marked done. A crash between the two
(a few milliseconds) makes the bot answer that update again after the restart - at most
one repeated answer per update being handled at that moment (the dispatcher runs at most
CONCURRENT_UPDATES at once, see bot/serve/intake.py), as for the daily tips in
bot/tips/broadcast.py. Everything stored but not yet answered is answered after the restart;
everything Telegram has not been told about is sent again by Telegram.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bot.storage import Database

logger = logging.getLogger(__name__)
T = TypeVar("T")

PENDING, DONE, DEAD = "pending", "done", "dead"
DEFAULT_MAX_BACKLOG = 10_000
DONE_KEEP_S = 3600.0  # Telegram re-sends an update within minutes, if at all
PURGE_EVERY_S = 600.0
ERROR_CHARS = 300
SENDER_FIELDS = ("message", "edited_message", "callback_query", "inline_query")


@dataclass(frozen=True, slots=True)
class Incoming:
    """An update as received: its id, the decoded JSON, and anything parsed from it."""

    update_id: int
    raw: dict[str, object]
    parsed: object = None  # the library's Update object, when the intake already built it


@dataclass(frozen=True, slots=True)
class Stored:
    """A pending row, handed to the dispatcher."""

    update_id: int
    raw: dict[str, object]
    received_at: float
    parsed: object = None


@dataclass(slots=True)
class _Batch:
    inserts: list[tuple[Incoming, asyncio.Future[list[Stored]]]] = field(default_factory=list)
    finishes: list[tuple[int, str, str | None, asyncio.Future[None]]] = field(default_factory=list)


def sender_id(raw: dict[str, object]) -> int | None:
    """The Telegram user who sent the update (for /vergessen), if it says."""
    for name in SENDER_FIELDS:
        part = raw.get(name)
        if isinstance(part, dict):
            sender = part.get("from")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                return int(sender["id"])
    return None


class Inbox:
    """Pending, done and dead updates in the `inbox` table, with grouped commits."""

    def __init__(
        self,
        path: Path | str,
        max_backlog: int = DEFAULT_MAX_BACKLOG,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.max_backlog = max_backlog
        self.clock = clock
        self.backlog = 0  # pending rows
        self._connection: sqlite3.Connection | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._batch = _Batch()
        self._wake = asyncio.Event()
        self._room = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self._purged_at = 0.0

    @property
    def full(self) -> bool:
        """True when the backlog reached its limit: take no more updates for now."""
        return self.backlog >= self.max_backlog

    async def open(self) -> list[Stored]:
        """Open the inbox's own connection; returns the pending rows, oldest first."""
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inbox")
        self._connection = await self._run(self._connect)
        pending = await self._run(self._pending_rows)
        self.backlog = len(pending)
        self._update_room()
        self._writer = asyncio.create_task(self._write_loop(), name="inbox-writer")
        return pending

    async def close(self) -> None:
        """Commit what is queued, then close the connection."""
        if self._writer is not None:
            while self._batch.inserts or self._batch.finishes or self._wake.is_set():
                await asyncio.sleep(0.001)
            self._writer.cancel()
            await asyncio.gather(self._writer, return_exceptions=True)
            self._writer = None
        if self._connection is not None:
            await self._run(self._connection.close)
            self._connection = None
        if self._thread is not None:
            self._thread.shutdown(wait=True)
            self._thread = None

    async def store(self, updates: Sequence[Incoming]) -> list[Stored]:
        """Store updates (committed when this returns); the new ones, in order.

        An update_id stored before (Telegram sending it again) is left out."""
        loop = asyncio.get_running_loop()
        futures = []
        for update in updates:
            future: asyncio.Future[list[Stored]] = loop.create_future()
            self._batch.inserts.append((update, future))
            futures.append(future)
        self._wake.set()
        results = await asyncio.gather(*futures)
        return [stored for result in results for stored in result]

    async def finish(self, update_id: int, state: str = DONE, error: str | None = None) -> None:
        """Mark a pending row done (its text is dropped) or dead (kept for inspection)."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._batch.finishes.append((update_id, state, error, future))
        self._wake.set()
        await future

    async def wait_for_room(self) -> None:
        """Return once the backlog is below its limit."""
        await self._room.wait()

    async def counts(self) -> dict[str, int]:
        """Rows per state."""
        return await self._run(self._counts)

    # --- the writer task and the inbox thread --------------------------------------------

    async def _run(self, function: Callable[..., T], *args: object) -> T:
        assert self._thread is not None
        return await asyncio.get_running_loop().run_in_executor(self._thread, function, *args)

    async def _write_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._batch = self._batch, _Batch()
            if not batch.inserts and not batch.finishes:
                continue
            try:
                new, finished = await self._run(self._write, batch)
            except Exception as error:  # a full disk, a locked database: tell every waiter
                logger.error("Inbox write failed: %s", error)
                for _, future in batch.inserts:
                    future.set_exception(error) if not future.done() else None
                for *_, done in batch.finishes:
                    done.set_exception(error) if not done.done() else None
                continue
            self.backlog += len(new) - finished
            self._update_room()
            for update, future in batch.inserts:
                if not future.done():
                    stored = new.get(update.update_id)
                    future.set_result([stored] if stored and stored.raw is update.raw else [])
            for *_, done in batch.finishes:
                if not done.done():
                    done.set_result(None)

    def _update_room(self) -> None:
        if self.full:
            self._room.clear()
        else:
            self._room.set()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout=5000")
        return connection

    @property
    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            raise RuntimeError("the inbox is not open")
        return self._connection

    def _pending_rows(self) -> list[Stored]:
        rows = self._db.execute(
            "SELECT update_id, raw, received_at FROM inbox WHERE state = ? ORDER BY update_id",
            (PENDING,),
        ).fetchall()
        return [Stored(row[0], json.loads(row[1]), row[2]) for row in rows]

    def _write(self, batch: _Batch) -> tuple[dict[int, Stored], int]:
        """One transaction: insert the new updates, finish rows; (new rows, rows finished)."""
        now = self.clock()
        db = self._db
        # Stored updates are about to be confirmed to Telegram: on disk even after a power
        # failure. A lost done mark only repeats an answer, so those skip the fsync.
        db.execute(f"PRAGMA synchronous = {'FULL' if batch.inserts else 'NORMAL'}")
        db.execute("BEGIN IMMEDIATE")
        try:
            new = self._insert(db, [update for update, _ in batch.inserts], now)
            finished = 0
            for update_id, state, error, _ in batch.finishes:
                cursor = db.execute(
                    "UPDATE inbox SET state = ?, finished_at = ?, error = ?,"
                    " raw = CASE WHEN ? = 'done' THEN NULL ELSE raw END,"
                    " sender_id = CASE WHEN ? = 'done' THEN NULL ELSE sender_id END"
                    " WHERE update_id = ? AND state = 'pending'",
                    (state, now, error and error[:ERROR_CHARS], state, state, update_id),
                )
                finished += max(cursor.rowcount, 0)
            if now - self._purged_at > PURGE_EVERY_S:
                self._purged_at = now
                db.execute(
                    "DELETE FROM inbox WHERE state = 'done' AND finished_at < ?",
                    (now - DONE_KEEP_S,),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return new, finished

    @staticmethod
    def _insert(db: sqlite3.Connection, updates: list[Incoming], now: float) -> dict[int, Stored]:
        ids = list({update.update_id for update in updates})
        known: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT update_id FROM inbox WHERE update_id IN ({marks})"
            known.update(row[0] for row in db.execute(query, chunk))
        new: dict[int, Stored] = {}
        for update in updates:
            if update.update_id in known or update.update_id in new:
                continue
            new[update.update_id] = Stored(update.update_id, update.raw, now, update.parsed)
        db.executemany(
            "INSERT INTO inbox (update_id, received_at, state, raw, sender_id)"
            " VALUES (?, ?, 'pending', ?, ?)",
            [
                (
                    stored.update_id,
                    now,
                    json.dumps(stored.raw, ensure_ascii=False),
                    sender_id(stored.raw),
                )
                for stored in new.values()
            ],
        )
        return new

    def _counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, COUNT(*) FROM inbox GROUP BY state").fetchall()
        counts = {PENDING: 0, DONE: 0, DEAD: 0}
        counts.update({state: count for state, count in rows})
        return counts


async def delete_dead_older_than(db: Database, days: int, now: float | None = None) -> int:
    """Retention: delete dead updates (raw JSON kept for inspection) older than `days`."""
    before = (time.time() if now is None else now) - days * 86400.0
    cursor = await db.connection.execute(
        "DELETE FROM inbox WHERE state = 'dead' AND finished_at < ?", (before,)
    )
    return max(cursor.rowcount, 0)


async def dead_count(db: Database) -> int:
    """How many updates could not be handled (for the admin report)."""
    async with db.connection.execute("SELECT COUNT(*) FROM inbox WHERE state = 'dead'") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0
