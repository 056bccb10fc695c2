"""Running on Telegram: the Application, polling or webhook, and the Telegram-facing helpers.

`keys` names the `bot_data` entries, `telegram_io` holds the `BotApp` type and the
keyboard/send/edit helpers, `ratelimit` the app-wide limiter, `tip_sender` the daily-tip
`Send`; `app` wires the handlers, `runner` starts and stops, `webhook` serves updates and
/healthz, `webhook_keys` derives the webhook path and secret.

Every name is loaded on first use (PEP 562): `app` imports the handlers, which import this
package, and the core (`bot.logs` needs `log_secrets`) must not pull in `telegram` for
`python -m bot ask`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.serve.app import ALLOWED_UPDATES, build_application
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
    from bot.serve.runner import BotRunner, run_bot
    from bot.serve.telegram_io import (
        BotApp,
        answer_in_place,
        edit_reply,
        keyboard,
        send_answer,
        send_reply,
    )
    from bot.serve.tip_sender import announcement_sender, telegram_sender
    from bot.serve.webhook import WebhookServer
    from bot.serve.webhook_keys import log_secrets, webhook_path, webhook_secret, webhook_url

_MODULES = {
    "bot.serve.app": ("ALLOWED_UPDATES", "build_application"),
    "bot.serve.health": ("check_health",),
    "bot.serve.keys": (
        "BACKUPS_KEY",
        "BROADCAST_LOCK_KEY",
        "CLOCK_KEY",
        "CONTENT_LOCK_KEY",
        "DB_KEY",
        "RECOVERED_KEY",
        "SETTINGS_KEY",
        "STORE_KEY",
    ),
    "bot.serve.ratelimit": ("ClaimingRateLimiter", "WireHook"),
    "bot.serve.runner": ("BotRunner", "run_bot"),
    "bot.serve.telegram_io": (
        "BotApp",
        "answer_in_place",
        "edit_reply",
        "keyboard",
        "send_answer",
        "send_reply",
    ),
    "bot.serve.tip_sender": ("announcement_sender", "telegram_sender"),
    "bot.serve.webhook": ("WebhookServer",),
    "bot.serve.webhook_keys": ("log_secrets", "webhook_path", "webhook_secret", "webhook_url"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

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
    "announcement_sender",
    "answer_in_place",
    "build_application",
    "check_health",
    "edit_reply",
    "keyboard",
    "log_secrets",
    "run_bot",
    "send_answer",
    "send_reply",
    "telegram_sender",
    "webhook_path",
    "webhook_secret",
    "webhook_url",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first use (see the module docstring)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
