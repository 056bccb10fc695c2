"""Start and stop the real Application with long polling, as `python -m bot run` does.

Shared by the end-to-end tests and the end-to-end benchmark: the same `BotRunner` (durable
inbox, own `getUpdates` loop) with a short long-poll timeout, fast against the fake Bot API.
"""

from __future__ import annotations

from bot.serve.keys import SETTINGS_KEY
from bot.serve.runner import BotRunner
from bot.serve.telegram_io import BotApp

RUNNER_KEY = "testing_runner"
POLL_TIMEOUT_S = 1


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
