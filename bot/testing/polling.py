"""Start and stop the real Application with long polling, as `python -m bot run` does.

Shared by the end-to-end tests and the end-to-end benchmark: the same `BotRunner` (durable
inbox, own `getUpdates` loop) with a short long-poll timeout, fast against the fake Bot API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from bot.config import Settings
from bot.serve.keys import SETTINGS_KEY
from bot.serve.runner import BotRunner
from bot.serve.telegram_io import BotApp

RUNNER_KEY = "testing_runner"
POLL_TIMEOUT_S = 1


class ServerAddress(Protocol):
    """Where a fake Bot API server listens: a `FakeTelegramServer` or its address."""

    @property
    def token(self) -> str | None: ...
    @property
    def base_url(self) -> str: ...
    @property
    def base_file_url(self) -> str: ...


def settings_for(server: ServerAddress, database_path: Path, **values: Any) -> Settings:
    """Settings for a bot that talks to the fake Bot API `server` (its token and URLs)."""
    assert server.token is not None, "the fake server needs a token to build settings for"
    return Settings(
        token=server.token,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        database_path=database_path,
        **values,
    )


async def start_polling(app: BotApp) -> BotRunner:
    """Initialise, start and poll the real Application like `python -m bot run` does."""
    settings = app.bot_data[SETTINGS_KEY]
    runner = BotRunner(app, settings, webhook=False, poll_timeout_s=POLL_TIMEOUT_S)
    app.bot_data[RUNNER_KEY] = runner
    await runner.start()
    return runner


async def stop_polling(app: BotApp) -> None:
    """Stop polling and shut the Application down cleanly."""
    runner: BotRunner = app.bot_data.pop(RUNNER_KEY)
    await runner.stop()
