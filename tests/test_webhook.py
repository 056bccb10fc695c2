"""Webhook mode end to end: the fake Bot API records setWebhook and POSTs updates like Telegram."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from bot.config import Settings
from bot.serve import DB_KEY
from bot.serve.app import ALLOWED_UPDATES
from bot.serve.runner import BotRunner
from bot.serve.webhook_keys import webhook_secret
from bot.testing.fake_telegram import FakeTelegramServer
from tests.conftest import BOT_TOKEN

CHAT = 6001
QUESTION = "Wie finden wir die relevanten Initiativen?"
ANSWER_TITLE = "Die relevanten Initiativen finden"


def text_update(text: str, chat_id: int = CHAT) -> dict[str, Any]:
    """A private text message as Telegram delivers it."""
    user = {"id": chat_id, "is_bot": False, "first_name": "Erika"}
    return {
        "message": {
            "message_id": int(time.time() * 1000) % 1_000_000,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Erika"},
            "from": user,
            "text": text,
        }
    }


def registered_url(fake: FakeTelegramServer) -> str:
    url = fake.webhook.get("url")
    assert url, "no webhook registered"
    return str(url)


def health_url(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.port}/healthz"


async def test_registers_webhook_with_secret_unguessable_path_and_update_types(
    webhook_bot: BotRunner, fake_telegram: FakeTelegramServer, webhook_settings: Settings
) -> None:
    (call,) = fake_telegram.calls_of("setWebhook")
    url = call.params["url"]
    assert url.startswith(f"{webhook_settings.webhook_url}/telegram/")
    assert len(url.rsplit("/", 1)[1]) >= 32
    assert BOT_TOKEN not in url and BOT_TOKEN.split(":")[1] not in url
    assert call.params["secret_token"] == webhook_secret(webhook_settings)
    assert call.params["allowed_updates"] == ALLOWED_UPDATES
    assert not call.params.get("drop_pending_updates")
    assert not fake_telegram.calls_of("deleteWebhook")


async def test_question_posted_to_webhook_gets_its_answer(
    webhook_bot: BotRunner, fake_telegram: FakeTelegramServer
) -> None:
    status = await fake_telegram.post_update_to_webhook(
        registered_url(fake_telegram), text_update(QUESTION)
    )
    assert status == 200
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert call.params["chat_id"] == CHAT
    assert ANSWER_TITLE in call.params["text"]


@pytest.mark.parametrize("secret", ["", "wrong-secret"], ids=["missing", "wrong"])
async def test_update_without_the_right_secret_is_refused_and_changes_nothing(
    webhook_bot: BotRunner, fake_telegram: FakeTelegramServer, secret: str
) -> None:
    url = registered_url(fake_telegram)
    refused = await fake_telegram.post_update_to_webhook(url, text_update(QUESTION, 6002), secret)
    assert refused == 403
    assert webhook_bot.app.update_queue.empty()
    # A genuine update afterwards is answered, and it is the only answer.
    assert await fake_telegram.post_update_to_webhook(url, text_update(QUESTION)) == 200
    await fake_telegram.wait_for("sendMessage")
    assert [m["chat_id"] for m in fake_telegram.sent_messages()] == [CHAT]


async def test_other_paths_and_bad_bodies_are_refused(
    webhook_bot: BotRunner, fake_telegram: FakeTelegramServer, webhook_settings: Settings
) -> None:
    secret = {"X-Telegram-Bot-Api-Secret-Token": webhook_secret(webhook_settings)}
    async with httpx.AsyncClient(trust_env=False) as client:
        guessed = await client.post(
            f"{webhook_settings.webhook_url}/telegram/{BOT_TOKEN}", json={}, headers=secret
        )
        garbage = await client.post(
            registered_url(fake_telegram), content=b"not json", headers=secret
        )
    assert guessed.status_code == 404
    assert garbage.status_code == 400
    assert webhook_bot.app.update_queue.empty()


async def test_healthz_reports_content_database_and_uptime(
    webhook_bot: BotRunner, webhook_settings: Settings
) -> None:
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(health_url(webhook_settings))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["entries"] > 0
    assert body["content_version"]
    assert isinstance(body["uptime_s"], int)


@pytest.mark.parametrize("damage", ["deleted", "replaced"])
async def test_healthz_is_503_when_the_database_file_is_unusable(
    webhook_bot: BotRunner, webhook_settings: Settings, damage: str
) -> None:
    path = webhook_settings.database_path
    assert path.is_file()
    path.unlink()
    if damage == "replaced":
        path.write_bytes(b"this is not a database")
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(health_url(webhook_settings))
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "unreachable"


async def test_healthz_is_503_when_the_database_is_closed(
    webhook_bot: BotRunner, webhook_settings: Settings
) -> None:
    await webhook_bot.app.bot_data[DB_KEY].close()
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(health_url(webhook_settings))
    assert response.status_code == 503
