"""Logging: text or JSON lines, and no secret ever reaches the output."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.logs import setup_logging
from bot.serve.webhook_keys import path_token, webhook_secret
from tests.conftest import BOT_TOKEN

SETTINGS = Settings(token=BOT_TOKEN)
SECRETS = (BOT_TOKEN, webhook_secret(SETTINGS), path_token(SETTINGS))


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_secrets_are_masked_in_messages_and_tracebacks(
    monkeypatch: pytest.MonkeyPatch, restore_root_logger: None, log_format: str
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    setup_logging(Settings(token=BOT_TOKEN, log_format=log_format))
    logger = logging.getLogger("tests.leak")
    logger.info("POST https://api.telegram.org/bot%s/getMe", BOT_TOKEN)
    logger.warning("secret %s path /telegram/%s", *SECRETS[1:])
    try:
        raise RuntimeError(f"failed at /bot{BOT_TOKEN}/sendMessage")
    except RuntimeError:
        logger.exception("Request failed")
    output = stream.getvalue()
    assert "getMe" in output and "Request failed" in output and "sendMessage" in output
    for secret in SECRETS:
        assert secret not in output
    assert output.count("***") >= 4
    if log_format == "json":
        records = [json.loads(line) for line in output.splitlines()]
        assert [r["level"] for r in records] == ["INFO", "WARNING", "ERROR"]
        assert "RuntimeError" in records[2]["exception"]


def test_log_level_is_applied(monkeypatch: pytest.MonkeyPatch, restore_root_logger: None) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    setup_logging(Settings(token=BOT_TOKEN, log_level="WARNING"))
    logging.getLogger("tests.level").info("hidden")
    logging.getLogger("tests.level").warning("shown")
    assert "shown" in stream.getvalue() and "hidden" not in stream.getvalue()
