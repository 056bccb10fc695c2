"""Running the bot for real: start-up checks, long polling or webhook, graceful shutdown.

Start-up order: settings, content and the database file are checked, the token is checked
with getMe, the database is opened and migrated (the Application's post_init) and the
inbox opened; only then is the webhook port bound (answering 503 until the Application
runs) or polling started. Updates the last run left in the inbox are answered first.
A failed start-up has confirmed nothing to Telegram, so nothing is lost.

SIGTERM and SIGINT stop the intake first (the webhook answers 503, polling stops fetching),
give the update being handled up to `IN_FLIGHT_GRACE_S` to finish, leave the rest pending in
the inbox for the next start, stop the job queue and close the database; the process then
exits 0, well inside a platform's 30 s.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import time
from pathlib import Path

from telegram.error import InvalidToken, TelegramError

from bot.config import ConfigError, Settings
from bot.serve.app import ALLOWED_UPDATES, build_application
from bot.serve.intake import POLL_TIMEOUT_S, Intake, Poller, open_intake
from bot.serve.telegram_io import BotApp
from bot.serve.webhook import WebhookServer
from bot.serve.webhook_keys import webhook_secret, webhook_url
from bot.snapshot import ContentStore

logger = logging.getLogger(__name__)

IN_FLIGHT_GRACE_S = 10.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
EXIT_OK = 0
EXIT_STARTUP_FAILED = 1
SQLITE_HEADER = b"SQLite format 3\x00"


def check_content_dir(directory: Path) -> None:
    """CONTENT_DIR must be a readable folder (its files are validated when loaded)."""
    if not directory.is_dir() or not os.access(directory, os.R_OK | os.X_OK):
        raise ConfigError(f"CONTENT_DIR: {directory} is not a readable folder")


def check_database_path(path: Path) -> None:
    """DATABASE_PATH must be a file (or not exist yet) in a folder the bot can write to."""
    if str(path) == ":memory:":
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"DATABASE_PATH: cannot create the folder {path.parent} ({error.strerror})"
        ) from None
    if path.exists() and not path.is_file():
        raise ConfigError(f"DATABASE_PATH: {path} is not a file")
    writable = os.access(path.parent, os.W_OK | os.X_OK) and (
        not path.exists() or os.access(path, os.R_OK | os.W_OK)
    )
    if not writable:
        raise ConfigError(f"DATABASE_PATH: {path} is not writable")


def check_database_file(path: Path) -> None:
    """An existing, non-empty DATABASE_PATH must be a SQLite database."""
    if str(path) == ":memory:" or not path.is_file():
        return
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ConfigError(f"DATABASE_PATH: cannot read {path} ({error.strerror})") from None
    if header and header != SQLITE_HEADER:
        raise ConfigError(f"DATABASE_PATH: {path} is not a SQLite database")


def check_webhook_url(settings: Settings) -> None:
    """Telegram only calls https webhooks; a local Bot API server (TELEGRAM_BASE_URL) also http."""
    url = settings.webhook_url or ""
    if not url.startswith("https://") and not settings.base_url:
        raise ConfigError(
            f"WEBHOOK_URL must start with https:// (Telegram refuses http), got {url!r}"
        )


def check_run_settings(settings: Settings, webhook: bool) -> None:
    """Everything `run` needs from its settings; raises ConfigError naming the setting."""
    if not settings.token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set (environment or .env); "
            "to try the bot without Telegram: python -m bot chat"
        )
    if webhook and not settings.webhook_url:
        raise ConfigError(
            "WEBHOOK_URL must be set for webhook mode (the public https:// address of the bot)"
        )
    if webhook:
        check_webhook_url(settings)
    check_content_dir(settings.content_dir)
    check_database_path(settings.database_path)
    check_database_file(settings.database_path)


def prepare_application(settings: Settings, webhook: bool) -> BotApp:
    """Check the settings, load and validate the content, build the Application."""
    check_run_settings(settings, webhook)
    return build_application(settings, ContentStore(settings.content_dir))


async def close_requests(app: BotApp) -> None:
    """Close the bot's HTTP client (the getUpdates client has sent nothing yet)."""
    await app.bot.request.shutdown()


class BotRunner:
    """Starts the Application in order, takes updates by polling or webhook, stops it cleanly."""

    def __init__(
        self,
        app: BotApp,
        settings: Settings,
        webhook: bool,
        grace_s: float = IN_FLIGHT_GRACE_S,
        poll_timeout_s: int = POLL_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.settings = settings
        self.webhook = webhook
        self.grace_s = grace_s
        self.poll_timeout_s = poll_timeout_s
        self.server: WebhookServer | None = None
        self.intake: Intake | None = None
        self.poller: Poller | None = None
        self._started = False

    async def start(self) -> None:
        """Check the token, open the database and the inbox, start, then take updates."""
        app, settings = self.app, self.settings
        self._started = True
        try:
            await app.initialize()  # getMe checks the token
        except BaseException as error:
            await close_requests(app)  # PTB leaves its clients open when initialize fails
            if isinstance(error, InvalidToken):
                raise ConfigError("TELEGRAM_BOT_TOKEN was rejected by the Bot API") from None
            raise
        try:
            if app.post_init:
                await app.post_init(app)  # opens and migrates the database
            self.intake, backlog = await open_intake(app, settings)
        except sqlite3.Error as error:
            raise ConfigError(
                f"DATABASE_PATH: cannot open {settings.database_path} ({error})"
            ) from None
        if self.webhook:
            self.server = WebhookServer(app, settings, self.intake)
            self.server.listen()  # refuses updates (503) until the Application runs
        await app.start()
        self.intake.dispatcher.start(backlog)
        if self.server is not None:
            self.server.accepting = True
            url = webhook_url(settings)
            await app.bot.set_webhook(
                url=url,
                secret_token=webhook_secret(settings),
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
            logger.info("Webhook registered: %s", url)
        else:
            self.poller = Poller(app, self.intake, ALLOWED_UPDATES, self.poll_timeout_s)
            await self.poller.start()  # deletes a webhook left from webhook mode
            logger.info("Polling for updates")

    async def stop(self) -> None:
        """Stop taking updates, let the one in flight finish (bounded), close everything."""
        if not self._started:
            return
        app = self.app
        was_running = app.running
        deadline = time.monotonic() + self.grace_s
        if self.server is not None:
            self.server.accepting = False  # 503 from now on
        if self.poller is not None:
            await self.poller.stop()
        if self.intake is not None:
            await self.intake.dispatcher.stop(self.grace_s)
        if self.server is not None:
            await self.server.stop()
        if app.running:
            await self._stop_application(max(0.1, deadline - time.monotonic()))
        if self.intake is not None:
            await self.intake.inbox.close()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)  # closes the database
        self._started = False
        if was_running:
            logger.info("Stopped")

    async def _stop_application(self, grace_s: float) -> None:
        """Stop the Application and its job queue, waiting at most grace_s for its tasks."""
        app = self.app
        try:
            await asyncio.wait_for(app.stop(), grace_s)  # also stops the job queue
        except TimeoutError:
            logger.warning("Tasks still running after %.0f s, stopping without them", grace_s)
            if app.job_queue is not None:
                await app.job_queue.stop(wait=False)
        if app.post_stop:
            await app.post_stop(app)


async def run_until_signal(runner: BotRunner) -> None:
    """Start the runner and keep it running until SIGTERM or SIGINT."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_signal(signum: int) -> None:
        if not stop.is_set():
            logger.info("%s received, shutting down", signal.Signals(signum).name)
            stop.set()

    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, on_signal, signum)
    try:
        await runner.start()
        await stop.wait()
    finally:
        await runner.stop()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)


def run_application(app: BotApp, settings: Settings, webhook: bool) -> int:
    """Run a prepared Application until stopped; the process exit status."""
    try:
        asyncio.run(run_until_signal(BotRunner(app, settings, webhook)))
    except TelegramError as error:
        logger.error("Start-up failed, the Bot API answered: %s", error)
        return EXIT_STARTUP_FAILED
    return EXIT_OK


def webhook_mode(settings: Settings, flag: bool) -> bool:
    """Webhook mode when asked for (--webhook) or when WEBHOOK_URL is set; else polling."""
    return flag or bool(settings.webhook_url)


def run_bot(settings: Settings, webhook: bool) -> int:
    """`python -m bot run`: check, build and run the bot (webhook mode if asked or configured)."""
    webhook = webhook_mode(settings, webhook)
    return run_application(prepare_application(settings, webhook), settings, webhook)
