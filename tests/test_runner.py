"""`python -m bot run` for real: start-up checks, polling/webhook switch, SIGTERM, logs.

The subprocess tests start the bot as its own process against the fake Bot API server of
the test (127.0.0.1 only) and read everything it logged.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.config import PROJECT_ROOT, Settings
from bot.serve import DB_KEY
from bot.serve.app import build_application
from bot.serve.runner import BotRunner
from bot.serve.webhook_keys import path_token, webhook_secret
from bot.snapshot import ContentStore, Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from tests.conftest import BOT_TOKEN, CONTENT_DIR, free_port
from tests.slow_bot import SLOW_TEXT
from tests.test_webhook import ANSWER_TITLE, QUESTION, text_update

CHAT = 6101
START_TIMEOUT_S = 15.0
# The platform's limit is 30 s; the bot gives updates in flight at most 10 s.
EXIT_BOUND_S = 20.0


def bot_environment(tmp_path: Path, base_url: str, **settings: str) -> dict[str, str]:
    """A clean environment: only PATH, the worktree on PYTHONPATH and the given settings."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(PROJECT_ROOT),
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_BASE_URL": base_url,
        "CONTENT_DIR": str(CONTENT_DIR),
        "DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"),
        "RATE_LIMIT_PER_S": "1000",
    }
    env.update(settings)
    return {key: value for key, value in env.items() if value}


# --- SIGTERM with an update in flight --------------------------------------------------


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigterm_lets_the_update_in_flight_finish_and_exits_0(
    fake_telegram: FakeTelegramServer, tmp_path: Path, mode: str
) -> None:
    port = free_port()
    if mode == "webhook":
        extra = {
            "WEBHOOK_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "PORT": str(port),
            "LOG_LEVEL": "DEBUG",
        }
    else:
        extra = {"LOG_FORMAT": "json"}
    env = bot_environment(tmp_path, fake_telegram.base_url, **extra)
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.slow_bot",
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            if mode == "webhook":
                await fake_telegram.wait_for("setWebhook", timeout=START_TIMEOUT_S)
                url = str(fake_telegram.webhook["url"])
                status = await fake_telegram.post_update_to_webhook(
                    url, text_update(SLOW_TEXT, CHAT)
                )
                assert status == 200
            else:
                fake_telegram.push_message(
                    SLOW_TEXT, sender=Sender(chat_id=CHAT)
                )  # waits for the first poll
            await fake_telegram.wait_for(
                "sendMessage",
                lambda call: call.params["text"] == "angefangen",
                timeout=START_TIMEOUT_S,
            )
            process.send_signal(signal.SIGTERM)
            returncode = await asyncio.wait_for(process.wait(), EXIT_BOUND_S)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    output = log_path.read_text(encoding="utf-8")
    assert returncode == 0, output
    assert [m["text"] for m in fake_telegram.sent_messages(CHAT)] == ["angefangen", "fertig"]
    assert "SIGTERM received" in output
    # Neither the token nor the webhook secret or path ever reach the logs.
    settings = Settings(token=BOT_TOKEN)
    for secret in (BOT_TOKEN, webhook_secret(settings), path_token(settings)):
        assert secret not in output
    if mode == "webhook":
        assert f"Webhook registered: http://127.0.0.1:{port}/telegram/***" in output
    else:
        lines = output.splitlines()
        assert lines and all(json.loads(line)["level"] for line in lines)


# --- configuration errors: one line naming the setting, no traceback -------------------


def run_cli(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = bot_environment(tmp_path, "http://127.0.0.1:9/bot", **settings)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize(
    ("settings", "args", "named"),
    [
        ({"TELEGRAM_BOT_TOKEN": ""}, (), "TELEGRAM_BOT_TOKEN"),
        ({"PORT": "80a"}, ("--webhook",), "PORT"),
        ({"CONTENT_DIR": "{tmp}/missing"}, (), "CONTENT_DIR"),
        ({"DATABASE_PATH": "{tmp}/a-file/bot.sqlite3"}, (), "DATABASE_PATH"),
        ({"DATABASE_PATH": "{tmp}/a-file"}, (), "DATABASE_PATH"),
        ({}, ("--webhook",), "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "http://bot.example.org", "TELEGRAM_BASE_URL": ""}, (), "https"),
        (
            {"WEBHOOK_URL": "https://bot.example.org", "WEBHOOK_SECRET": "not secret!"},
            (),
            "WEBHOOK_SECRET",
        ),
    ],
    ids=[
        "no-token",
        "bad-port",
        "content-dir",
        "database-path",
        "not-sqlite",
        "webhook-url",
        "webhook-http",
        "secret",
    ],
)
def test_configuration_error_is_one_clear_line(
    tmp_path: Path, settings: dict[str, str], args: tuple[str, ...], named: str
) -> None:
    (tmp_path / "a-file").write_text("a file, not a folder")
    values = {key: value.format(tmp=tmp_path) for key, value in settings.items()}
    result = run_cli(tmp_path, *args, **values)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert named in lines[0]
    assert "Traceback" not in result.stderr
    assert BOT_TOKEN not in result.stderr + result.stdout


async def test_busy_port_is_a_configuration_error(
    tmp_path: Path, fake_telegram: FakeTelegramServer
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = await asyncio.to_thread(
            run_cli,
            tmp_path,
            "--webhook",
            WEBHOOK_URL="https://bot.example.org",
            WEBHOOK_LISTEN="127.0.0.1",
            PORT=str(port),
            TELEGRAM_BASE_URL=fake_telegram.base_url,
            LOG_LEVEL="WARNING",  # the port is bound after the token and database checks
        )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "PORT" in lines[0] and str(port) in lines[0]


# --- switching modes -------------------------------------------------------------------


async def test_polling_after_webhook_mode_deletes_the_webhook_first(
    fake_telegram: FakeTelegramServer,
    settings: Settings,
    webhook_settings: Settings,
    shipped_snapshot: Snapshot,
) -> None:
    store = ContentStore(CONTENT_DIR, shipped_snapshot)
    webhook = BotRunner(build_application(webhook_settings, store), webhook_settings, True)
    await webhook.start()
    await webhook.stop()
    assert fake_telegram.webhook.get("url"), "a redeploy must not remove the webhook"
    fake_telegram.clear_calls()

    polling = BotRunner(build_application(settings, store), settings, webhook=False)
    await polling.start()
    try:
        fake_telegram.push_message(QUESTION, sender=Sender(chat_id=CHAT))
        (answer,) = await fake_telegram.wait_for("sendMessage")
    finally:
        await polling.stop()
    assert ANSWER_TITLE in answer.params["text"]
    methods = [call.method for call in fake_telegram.calls]
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    (delete,) = fake_telegram.calls_of("deleteWebhook")
    assert not delete.params.get("drop_pending_updates")


async def test_webhook_url_alone_selects_webhook_mode(
    tmp_path: Path, fake_telegram: FakeTelegramServer
) -> None:
    """WEBHOOK_URL without --webhook still serves the webhook (here: on a busy port)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = await asyncio.to_thread(
            run_cli,
            tmp_path,
            WEBHOOK_URL="https://bot.example.org",
            WEBHOOK_LISTEN="127.0.0.1",
            PORT=str(port),
            TELEGRAM_BASE_URL=fake_telegram.base_url,
        )
    assert "PORT" in result.stderr


async def test_updates_running_past_the_grace_period_do_not_block_the_shutdown(
    fake_telegram: FakeTelegramServer, settings: Settings, shipped_snapshot: Snapshot
) -> None:
    app = build_application(settings, ContentStore(CONTENT_DIR, shipped_snapshot))

    async def endless(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("angefangen")
        await asyncio.Event().wait()  # never finishes

    app.add_handler(MessageHandler(filters.Text([SLOW_TEXT]), endless), group=-1)
    runner = BotRunner(app, settings, webhook=False, grace_s=0.2)
    await runner.start()
    fake_telegram.push_message(SLOW_TEXT, sender=Sender(chat_id=CHAT))
    await fake_telegram.wait_for("sendMessage")
    await asyncio.wait_for(runner.stop(), EXIT_BOUND_S)
    assert not app.running
    assert app.job_queue is not None and not app.job_queue.scheduler.running
    assert not await app.bot_data[DB_KEY].ping()
