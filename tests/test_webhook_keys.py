"""Webhook path and secret: stable across restarts, unguessable, configurable."""

from __future__ import annotations

import re

from bot.config import Settings
from bot.serve.webhook_keys import log_secrets, webhook_path, webhook_secret, webhook_url
from tests.conftest import BOT_TOKEN

SETTINGS = Settings(token=BOT_TOKEN, webhook_url="https://bot.example.org/")


def test_derived_secret_is_stable_valid_and_tied_to_the_token() -> None:
    derived = webhook_secret(SETTINGS)
    assert derived == webhook_secret(Settings(token=BOT_TOKEN))
    assert derived != webhook_secret(Settings(token="999:OTHER-TOKEN"))
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", derived)
    assert BOT_TOKEN not in derived


def test_configured_secret_wins() -> None:
    assert webhook_secret(Settings(token=BOT_TOKEN, webhook_secret="given_Secret-1")) == (
        "given_Secret-1"
    )


def test_url_has_an_unguessable_path_without_the_token() -> None:
    url = webhook_url(SETTINGS)
    assert url == "https://bot.example.org" + webhook_path(SETTINGS)
    assert re.fullmatch(r"https://bot\.example\.org/telegram/[0-9a-f]{32}", url)
    assert webhook_path(SETTINGS) != webhook_path(Settings(token="999:OTHER-TOKEN"))
    assert BOT_TOKEN.split(":")[1] not in url


def test_everything_secret_is_masked_in_logs() -> None:
    secrets = log_secrets(SETTINGS)
    assert BOT_TOKEN in secrets and webhook_secret(SETTINGS) in secrets
    assert webhook_path(SETTINGS).rsplit("/", 1)[1] in secrets
