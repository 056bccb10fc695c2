"""Running on Telegram: the Application, polling or webhook, and the Telegram-facing helpers.

`keys` names the `bot_data` entries, `telegram_io` holds the `BotApp` type and the
keyboard/send/edit helpers, `ratelimit` the app-wide limiter, `tip_sender` the daily-tip
`Send`; `app` wires the handlers, `runner` starts and stops, `webhook` serves updates and
/healthz. `app`, `runner` and `webhook` are loaded on first use, because `app` imports the
handlers, which import this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bot.serve.health import check_health
from bot.serve.keys import (
    BACKUPS_KEY,
    BROADCAST_LOCK_KEY,
    CLOCK_KEY,
    CONTENT_LOCK_KEY,
    DB_KEY,
    RECOVERED_KEY,
    SETTINGS_KEY,
    STORE_KEY,
)
from bot.serve.ratelimit import ClaimingRateLimiter, WireHook
from bot.serve.telegram_io import BotApp, edit_reply, keyboard, send_reply
from bot.serve.tip_sender import telegram_sender
from bot.serve.webhook_keys import log_secrets, webhook_path, webhook_secret, webhook_url

if TYPE_CHECKING:
    from bot.serve.app import ALLOWED_UPDATES, build_application
    from bot.serve.runner import BotRunner, run_bot
    from bot.serve.webhook import WebhookServer

_LAZY = {
    "ALLOWED_UPDATES": "bot.serve.app",
    "build_application": "bot.serve.app",
    "BotRunner": "bot.serve.runner",
    "run_bot": "bot.serve.runner",
    "WebhookServer": "bot.serve.webhook",
}

__all__ = [
    "ALLOWED_UPDATES",
    "BACKUPS_KEY",
    "BROADCAST_LOCK_KEY",
    "CLOCK_KEY",
    "CONTENT_LOCK_KEY",
    "DB_KEY",
    "RECOVERED_KEY",
    "SETTINGS_KEY",
    "STORE_KEY",
    "BotApp",
    "BotRunner",
    "ClaimingRateLimiter",
    "WebhookServer",
    "WireHook",
    "build_application",
    "check_health",
    "edit_reply",
    "keyboard",
    "log_secrets",
    "run_bot",
    "send_reply",
    "telegram_sender",
    "webhook_path",
    "webhook_secret",
    "webhook_url",
]


def __getattr__(name: str) -> Any:
    """Load `app`, `runner` and `webhook` names on first use (see the module docstring)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
