"""Test support shipped with the bot: a local fake Bot API server and polling helpers.

Used by the tests and the benchmarks alike; nothing here reaches the network.
"""

from bot.testing.fake_telegram import BOT_USERNAME, Call, FakeTelegramServer, Sender, parse_html
from bot.testing.polling import settings_for, start_polling, stop_polling

__all__ = [
    "BOT_USERNAME",
    "Call",
    "FakeTelegramServer",
    "Sender",
    "parse_html",
    "settings_for",
    "start_polling",
    "stop_polling",
]
