"""Where the webhook lives and how Telegram proves it is Telegram: path and secret token.

Both are derived from the bot token with HMAC when not configured, so they stay the same
across restarts (no state to keep) and change when the token is revoked. Neither is ever
logged: `log_secrets` lists them for the logging filter.
"""

from __future__ import annotations

import hashlib
import hmac

from bot.config import Settings

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_ROUTE = "/telegram/"
HEALTH_ROUTE = "/healthz"
PATH_TOKEN_LENGTH = 32


def _derive(token: str, purpose: str) -> str:
    message = f"beteiligungslotse/{purpose}".encode()
    return hmac.new(token.encode(), message, hashlib.sha256).hexdigest()


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or a stable secret derived from the bot token."""
    return settings.webhook_secret or _derive(settings.token or "", "webhook-secret")


def path_token(settings: Settings) -> str:
    """The unguessable last part of the webhook path."""
    return _derive(settings.token or "", "webhook-path")[:PATH_TOKEN_LENGTH]


def webhook_path(settings: Settings) -> str:
    """The path the webhook server accepts updates on, e.g. /telegram/3f9c…"""
    return WEBHOOK_ROUTE + path_token(settings)


def webhook_url(settings: Settings) -> str:
    """The public URL registered with Telegram: WEBHOOK_URL plus the webhook path."""
    return (settings.webhook_url or "").rstrip("/") + webhook_path(settings)


def log_secrets(settings: Settings) -> list[str]:
    """Every value that must never appear in a log line."""
    if not settings.token:
        return [s for s in (settings.webhook_secret,) if s]
    return [settings.token, webhook_secret(settings), path_token(settings)]
