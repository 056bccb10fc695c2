"""Taking updates in through the durable inbox, and handing them to the Application in order.

`Intake.accept` stores updates (bot/records/inbox.py) and queues the new ones for the
`Dispatcher`, which runs them through `Application.process_update` oldest first (up to
CONCURRENT_UPDATES of different chats side by side, one chat's updates one after the other)
and marks each done after its answer went out. Rows left pending by the last run are
queued before anything new. An update that cannot be parsed is marked dead at once (its raw
JSON stays for inspection, `report` counts it) and the next one follows immediately.

Polling drives `getUpdates` itself (`Poller`) instead of PTB's Updater: it needs the raw
JSON to store (the Updater hands over parsed objects and loops on updates the library cannot
parse), and confirming an offset only after the batch is committed is then one line, where
the Updater confirms whatever it fetched.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import warnings
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.error import TelegramError
from telegram.warnings import PTBUserWarning

from bot.config import Settings
from bot.records import DEAD, Inbox, Incoming, Stored
from bot.serve.keys import STORE_KEY
from bot.serve.late import apologise
from bot.serve.telegram_io import BotApp
from bot.snapshot import ContentStore

logger = logging.getLogger(__name__)

# The raw JSON of getUpdates is only available through do_api_request, which suggests the
# parsing method instead; that is exactly what must not be used here.
warnings.filterwarnings("ignore", message="Please use 'Bot.getUpdates'", category=PTBUserWarning)

POLL_TIMEOUT_S = 10
POLL_LIMIT = 100
READ_MARGIN_S = 5.0
BACKOFF_FIRST_S = 0.5
BACKOFF_MAX_S = 30.0
# Updates of different chats are handled side by side (as PTB's concurrent_updates would),
# those of one chat in order; each running update may be answered again after a crash.
CONCURRENT_UPDATES = 8
CHAT_PATHS = (
    ("message", ("chat", "id")),
    ("callback_query", ("message", "chat", "id")),
    ("callback_query", ("from", "id")),
    ("inline_query", ("from", "id")),
)


def parse_update(raw: dict[str, object], app: BotApp) -> Update:
    """The library's Update for the raw JSON; ValueError names what is wrong."""
    try:
        update = Update.de_json(raw, app.bot)
    except Exception as error:
        raise ValueError(f"{type(error).__name__}: {error}") from None
    if update.message is not None and update.message.chat is None:
        raise ValueError("message without chat")
    return update


def chat_key(stored: Stored) -> int:
    """The chat (or user) an update belongs to, to keep each chat's updates in order."""
    raw = stored.raw
    for name, path in CHAT_PATHS:
        part: object = raw.get(name)
        for step in path:
            part = part.get(step) if isinstance(part, dict) else None
        if isinstance(part, int):
            return part
    return -stored.update_id  # no chat: nothing to keep in order with


def incoming(raw: object) -> Incoming | None:
    """An Incoming for a decoded update, or None when it has no integer update_id."""
    if not isinstance(raw, dict):
        return None
    update_id = raw.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    return Incoming(update_id, raw)


class Dispatcher:
    """Handles stored updates in order (side by side across chats); marks each done."""

    def __init__(
        self,
        app: BotApp,
        inbox: Inbox,
        store: ContentStore,
        max_age_s: float,
        timezone: str,
    ) -> None:
        self.app = app
        self.inbox = inbox
        self.store = store
        self.max_age_s = max_age_s
        self.zone = ZoneInfo(timezone)
        self.queue: asyncio.Queue[Stored] = asyncio.Queue()
        self._slots = asyncio.Semaphore(CONCURRENT_UPDATES)
        self._running: set[asyncio.Task[None]] = set()
        self._last_of_chat: dict[int, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self, backlog: Sequence[Stored]) -> None:
        """Queue what the last run left pending, then start handling."""
        for stored in backlog:
            self.queue.put_nowait(stored)
        if backlog:
            logger.info("Answering %d updates left from the last run first", len(backlog))
        self._task = asyncio.create_task(self._run(), name="inbox-dispatcher")

    async def stop(self, grace_s: float) -> None:
        """Start nothing new, finish what runs (at most grace_s); the rest stays pending."""
        if self._task is None:
            return
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        self._task = None
        if self._running:
            _, late = await asyncio.wait(self._running, timeout=grace_s)
            if late:
                logger.warning(
                    "%d updates still running after %.0f s; they stay pending", len(late), grace_s
                )
                for task in late:
                    task.cancel()
                await asyncio.gather(*late, return_exceptions=True)
        if self.queue.qsize():
            logger.info("%d updates stay in the inbox for the next start", self.queue.qsize())

    async def _run(self) -> None:
        """Start updates in order; one chat's updates run one after the other."""
        while True:
            stored = await self.queue.get()
            await self._slots.acquire()
            chat = chat_key(stored)
            task = asyncio.create_task(self._handle_after(self._last_of_chat.get(chat), stored))
            self._last_of_chat[chat] = task
            self._running.add(task)
            task.add_done_callback(functools.partial(self._finished, chat))

    def _finished(self, chat: int, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        self._slots.release()
        if self._last_of_chat.get(chat) is task:
            del self._last_of_chat[chat]

    async def _handle_after(self, previous: asyncio.Task[None] | None, stored: Stored) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        await self._handle(stored)

    async def _handle(self, stored: Stored) -> None:
        try:
            update = stored.parsed or parse_update(stored.raw, self.app)
        except ValueError as error:
            logger.warning("Update %d cannot be handled, kept dead: %s", stored.update_id, error)
            await self._finish(stored, DEAD, str(error))
            return
        assert isinstance(update, Update)
        try:
            if self._too_old(update, stored):
                await apologise(self.app, self.store, self.zone, update)
            else:
                await self.app.process_update(update)
        except Exception as error:  # process_update hands handler errors to the error handler
            logger.error("Update %d failed, kept as dead: %r", stored.update_id, error)
            await self._finish(stored, DEAD, repr(error))
            return
        await self._finish(stored)

    async def _finish(self, stored: Stored, state: str = "done", error: str | None = None) -> None:
        try:
            await self.inbox.finish(stored.update_id, state, error)
        except Exception as failure:
            logger.error("Could not mark update %d %s: %s", stored.update_id, state, failure)

    def _sent_at(self, update: Update, stored: Stored) -> float:
        message = update.message
        return message.date.timestamp() if message is not None else stored.received_at

    def _too_old(self, update: Update, stored: Stored) -> bool:
        return time.time() - self._sent_at(update, stored) > self.max_age_s


class Intake:
    """The inbox plus its dispatcher: what the webhook server and the poller feed."""

    def __init__(self, inbox: Inbox, dispatcher: Dispatcher) -> None:
        self.inbox = inbox
        self.dispatcher = dispatcher

    @property
    def full(self) -> bool:
        return self.inbox.full

    async def accept(self, updates: Sequence[Incoming]) -> int:
        """Store updates (committed on return) and queue the new ones; how many were new."""
        stored = await self.inbox.store(updates)
        for item in stored:
            self.dispatcher.queue.put_nowait(item)
        return len(stored)


async def open_intake(
    app: BotApp,
    settings: Settings,
) -> tuple[Intake, list[Stored]]:
    """Open the inbox on the bot's database; the intake and the rows left pending."""
    inbox = Inbox(settings.database_path, settings.inbox_max_backlog)
    backlog = await inbox.open()
    store: ContentStore = app.bot_data[STORE_KEY]
    max_age_s = settings.inbox_max_age_hours * 3600.0
    dispatcher = Dispatcher(app, inbox, store, max_age_s, settings.timezone)
    return Intake(inbox, dispatcher), backlog


class Poller:
    """Long polling with offsets confirmed only for updates already stored."""

    def __init__(
        self,
        app: BotApp,
        intake: Intake,
        allowed_updates: list[str],
        timeout_s: int = POLL_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.intake = intake
        self.allowed_updates = allowed_updates
        self.timeout_s = timeout_s
        self.offset: int | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Remove a webhook left from webhook mode (keeping its updates), then poll."""
        await self.app.bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._run(), name="inbox-poller")

    async def stop(self) -> None:
        """Stop fetching; tell Telegram which updates are stored (best effort)."""
        if self._task is None:
            return
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        self._task = None
        if self.offset is not None:
            try:
                await self._fetch(timeout_s=0, limit=1)
            except (TelegramError, OSError) as error:
                logger.info("Could not confirm the last updates on stop: %s", error)

    async def _fetch(self, timeout_s: int, limit: int) -> list[object]:
        result = await self.app.bot.do_api_request(
            "getUpdates",
            api_kwargs={
                "offset": self.offset,
                "timeout": timeout_s,
                "limit": limit,
                "allowed_updates": self.allowed_updates,
            },
            read_timeout=timeout_s + READ_MARGIN_S,
        )
        return result if isinstance(result, list) else []

    async def _run(self) -> None:
        failures = 0
        while True:
            await self.intake.inbox.wait_for_room()
            try:
                raw = await self._fetch(self.timeout_s, POLL_LIMIT)
                updates = [update for item in raw if (update := incoming(item)) is not None]
                if len(updates) < len(raw):
                    logger.warning("Ignored %d updates without update_id", len(raw) - len(updates))
                    if not updates:
                        raise ValueError("no update in the batch has an update_id")
                if updates:
                    await self.intake.accept(updates)
                    self.offset = max(update.update_id for update in updates) + 1
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as error:  # network trouble, Telegram errors, a failed commit
                failures += 1
                delay = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** (failures - 1))
                logger.warning("Fetching updates failed (%s); next try in %.1f s", error, delay)
                await asyncio.sleep(delay)
