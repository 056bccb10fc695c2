"""Send every daily tip that is due now: exactly once per chat and local day.

No `telegram` import: the caller passes a `send` callable (see `bot.serve.tip_sender` for the
Telegram one) that reports outcomes with the exceptions below, so this is testable with a
fake sender and an explicit `now`.

Exactly once, also across a crash (kill -9) at any point:

1. A chat is due when its slot lies in the catch-up window and the delivery log has no row
   for (chat, local day). Nothing is written while a message waits for the rate limiter.
2. Right before the request goes on the wire (after the rate limiter let it through),
   `on_wire` inserts the row (chat, day) as 'pending'. The primary key makes this a claim:
   a second claim for the same day fails and that send is dropped.
3. After Telegram answered, the row becomes 'sent' (a trigger adds the tip to the history
   in the same statement), 'blocked' or 'failed'.

A crash before step 2 leaves no row: the chat is still due and is sent after the restart
(within the catch-up window). A crash after step 3 leaves a final row: nothing is resent.
A crash between 2 and 3 leaves 'pending'; at start-up such rows become 'unknown' and are
NOT resent (at-most-once for them). Telegram has no idempotency key, so this is the one
window that remains: between committing 'pending' and Telegram receiving the request
(microseconds plus the request's transmission), a crash loses that chat's tip for the day;
between Telegram receiving it and committing 'sent' (one round trip plus a commit), the
message was delivered and is correctly not repeated. Only requests on the wire at the
moment of the crash are affected – at most `concurrency`, in practice about
rate × round-trip time. The same rule applies to a timeout after the request was sent.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.content import Tip
from bot.storage import Database
from bot.tips import subscriptions as store
from bot.tips.schedule import due_slots, next_tip

logger = logging.getLogger(__name__)

DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_SECONDS = 1.0
MAX_RETRY_AFTER_WAITS = 5
MIN_CONCURRENCY = 8
MAX_CONCURRENCY = 50
ROUND_TRIP_SECONDS = 0.25

OnWire = Callable[[], Awaitable[None]]
Send = Callable[[int, Tip, OnWire], Awaitable[None]]


class SendError(Exception):
    """An outcome of a send other than success, reported by the sender."""


class Blocked(SendError):
    """The user blocked the bot or the chat is gone: deactivate the subscription."""


class RetryLater(SendError):
    """Telegram asked to wait (429) and the rate limiter's own retries are used up."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class Transient(SendError):
    """The message was certainly not delivered (5xx, connection failed): retry later."""


class Uncertain(SendError):
    """The request may have reached Telegram (timeout after sending): never resend."""


class AlreadyClaimed(Exception):
    """Raised by `on_wire` when (chat, day) already has a delivery row."""


def broadcast_concurrency(rate_limit_per_s: float) -> int:
    """Sends in flight at once: enough to keep the rate limiter busy, bounded.

    In flight ≈ rate × round trip; Telegram answers within ~250 ms, so rate / 4 keeps the
    limiter saturated. More only opens idle HTTP connections (measured with PTB's httpx
    client, whose pool got slower with every open connection: 200 workers halved the
    throughput).
    """
    wanted = math.ceil(rate_limit_per_s * ROUND_TRIP_SECONDS)
    return max(MIN_CONCURRENCY, min(MAX_CONCURRENCY, wanted))


@dataclass(frozen=True, slots=True)
class BroadcastOptions:
    """How to deliver: time zone, catch-up window, concurrency, retries."""

    zone: ZoneInfo
    catch_up: timedelta = timedelta(minutes=Settings.catch_up_minutes)  # the Settings default
    concurrency: int = MIN_CONCURRENCY
    retries: int = DEFAULT_RETRIES
    backoff_seconds: float = DEFAULT_BACKOFF_SECONDS


@dataclass(slots=True)
class BroadcastReport:
    """What one run did, by outcome."""

    due: int = 0
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    uncertain: int = 0
    skipped: int = 0
    sent_to: list[int] = field(default_factory=list, repr=False)


def options_from_settings(settings: Settings) -> BroadcastOptions:
    """Broadcast options from the bot's settings (time zone, catch-up, rate limit)."""
    return BroadcastOptions(
        zone=ZoneInfo(settings.timezone),
        catch_up=timedelta(minutes=settings.catch_up_minutes),
        concurrency=broadcast_concurrency(settings.rate_limit_per_s),
    )


async def recover_interrupted(db: Database, now: datetime) -> int:
    """At start-up, before any send: 'pending' rows of a dead process become 'unknown'."""
    interrupted = await store.mark_interrupted(db, now)
    if interrupted:
        logger.warning(
            "%d daily tips were on the wire when the bot last stopped; not resent", interrupted
        )
    return interrupted


async def due_deliveries(
    db: Database, now: datetime, options: BroadcastOptions
) -> list[tuple[int, date]]:
    """(chat, local day) of every tip due now and not yet in the delivery log."""
    slots = due_slots(await store.active_times(db), now, options.zone, options.catch_up)
    latest: dict[int, date] = {}
    for slot in slots:
        for chat_id in await store.due_chats(db, slot):
            latest[chat_id] = max(slot.day, latest.get(chat_id, slot.day))
    return sorted(latest.items(), key=lambda item: (item[1], item[0]))


async def deliver_due(
    db: Database, tips: Sequence[Tip], send: Send, now: datetime, options: BroadcastOptions
) -> BroadcastReport:
    """Send every due tip with bounded concurrency; one bad chat never stops the rest."""
    report = BroadcastReport()
    work = await due_deliveries(db, now, options)
    report.due = len(work)
    if not work:
        return report
    delivery = _Delivery(db, {tip.id: tip for tip in tips}, send, now, options, report)
    queue = iter(work)

    async def worker() -> None:
        for chat_id, day in queue:  # a shared iterator: each item goes to one worker
            await delivery.deliver(chat_id, day)

    # A TaskGroup, not gather: if one worker fails (say, the database), the others stop too
    # instead of running on unobserved; what is not done stays pending for the next run.
    async with asyncio.TaskGroup() as group:
        for _ in range(min(options.concurrency, len(work))):
            group.create_task(worker())
    logger.info(
        "Daily tips: %d due, %d sent, %d blocked, %d failed, %d uncertain, %d skipped",
        report.due,
        report.sent,
        report.blocked,
        report.failed,
        report.uncertain,
        report.skipped,
    )
    return report


@dataclass
class _Delivery:
    """Delivers one chat's tip for one day, with claims, retries and outcome records."""

    db: Database
    tips: dict[str, Tip]
    send: Send
    now: datetime
    options: BroadcastOptions
    report: BroadcastReport

    async def deliver(self, chat_id: int, day: date) -> None:
        try:
            await self._deliver(chat_id, day)
        except AlreadyClaimed:
            self.report.skipped += 1
        except Exception:  # never let one chat stop the broadcast
            logger.exception("Daily tip for chat %s failed unexpectedly", chat_id)
            self.report.failed += 1

    async def _deliver(self, chat_id: int, day: date) -> None:
        round_number, sent = await store.rotation_state(self.db, chat_id)
        picked = next_tip(chat_id, sorted(self.tips), round_number, sent)
        if picked is None:
            self.report.skipped += 1
            return
        tip_id, round_number = picked
        claim = _Claim(self.db, chat_id, day, tip_id, round_number, self.now)
        status, error = await self._send(chat_id, self.tips[tip_id], claim.on_wire)
        await claim.finish(status)
        await self._count(chat_id, status, error)

    async def _send(self, chat_id: int, tip: Tip, on_wire: OnWire) -> tuple[str, Exception | None]:
        """Send with retries; `AlreadyClaimed` passes through (another run owns the day)."""
        return await send_with_retries(lambda: self.send(chat_id, tip, on_wire), self.options)

    async def _count(self, chat_id: int, status: str, error: Exception | None) -> None:
        """Add the recorded outcome to the report; a blocked chat loses its subscription."""
        if status == store.SENT:
            self.report.sent += 1
            self.report.sent_to.append(chat_id)
        elif status == store.BLOCKED:
            self.report.blocked += 1
            if await store.deactivate(self.db, chat_id, self.now):
                logger.info("Chat %s blocked the bot; daily tips deactivated", chat_id)
        elif status == store.UNKNOWN:
            self.report.uncertain += 1
            logger.warning("Daily tip for chat %s may not have arrived: %s", chat_id, error)
        else:
            self.report.failed += 1
            logger.warning("Daily tip for chat %s not delivered: %s", chat_id, error)


async def send_with_retries(
    send_once: Callable[[], Awaitable[None]], options: BroadcastOptions
) -> tuple[str, Exception | None]:
    """One message with the broadcast's retry rules; the delivery status and the error behind it.

    Statuses are the delivery log's: 'sent', 'blocked', 'unknown' (maybe arrived, never
    resent) or 'failed'. `AlreadyClaimed` from the claim hook passes through: nothing was sent.
    """
    failures = retry_waits = 0
    while True:
        try:
            await send_once()
        except AlreadyClaimed:
            raise
        except Blocked as error:
            return store.BLOCKED, error
        except Uncertain as error:
            return store.UNKNOWN, error
        except RetryLater as error:
            retry_waits += 1
            if retry_waits > MAX_RETRY_AFTER_WAITS:
                return store.FAILED, error
            await asyncio.sleep(error.seconds)
        except Transient as error:
            failures += 1
            if failures > options.retries:
                return store.FAILED, error
            await asyncio.sleep(options.backoff_seconds * 2 ** (failures - 1))
        except Exception as error:  # a permanent error (e.g. 400): record, go on
            return store.FAILED, error
        else:
            return store.SENT, None


@dataclass
class _Claim:
    """The delivery-log row of one (chat, day): claimed right before the send goes out."""

    db: Database
    chat_id: int
    day: date
    tip_id: str
    round_number: int
    now: datetime
    claimed: bool = False

    async def on_wire(self) -> None:
        """Insert the 'pending' row; raises AlreadyClaimed if (chat, day) has one."""
        if self.claimed:
            return
        if not await store.claim_delivery(
            self.db, self.chat_id, self.day, self.tip_id, self.round_number, self.now
        ):
            raise AlreadyClaimed
        self.claimed = True

    async def finish(self, status: str) -> None:
        """Record the final status (claiming first if the send never got on the wire)."""
        await self.on_wire()
        await store.finish_delivery(self.db, self.chat_id, self.day, status, self.now)
