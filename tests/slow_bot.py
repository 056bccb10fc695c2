"""Test helper process: `python -m bot run` plus one slow handler, for the SIGTERM tests.

Run as `python -m tests.slow_bot [--webhook]` with the usual environment. A private message
"langsam" is answered with "angefangen", then after SLOW_S seconds with "fertig".
"""

from __future__ import annotations

import asyncio
import sys

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes, MessageHandler, filters

from bot.config import load_settings
from bot.logs import setup_logging
from bot.serve.runner import prepare_application, run_application, webhook_mode

SLOW_S = 1.0
SLOW_TEXT = "langsam"


async def slow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take SLOW_S seconds to answer, with a sign of life first."""
    assert update.effective_message is not None
    await update.effective_message.reply_text("angefangen")
    await asyncio.sleep(SLOW_S)
    await update.effective_message.reply_text("fertig")
    raise ApplicationHandlerStop


def main() -> int:
    settings = load_settings(dotenv=None)
    setup_logging(settings)
    webhook = webhook_mode(settings, "--webhook" in sys.argv)
    app = prepare_application(settings, webhook)
    app.add_handler(MessageHandler(filters.Text([SLOW_TEXT]), slow), group=-1)
    return run_application(app, settings, webhook)


if __name__ == "__main__":
    sys.exit(main())
