"""The bot's HTTP client (aiohttp behind PTB): requests, uploads, and what its errors mean."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut
from telegram.ext import ExtBot

from bot.content import Tip
from bot.serve.http import NOT_SENT_ERRORS, AiohttpRequest
from bot.serve.tip_sender import telegram_sender
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer
from bot.tips import Transient, Uncertain
from tests.conftest import BOT_TOKEN, free_port


def bot_at(base_url: str, read_timeout: float = 5.0) -> Bot:
    return Bot(
        BOT_TOKEN,
        base_url=base_url,
        request=AiohttpRequest(read_timeout=read_timeout, connect_timeout=1.0),
    )


@contextlib.asynccontextmanager
async def unchecked_bot(base_url: str, read_timeout: float) -> AsyncIterator[Bot]:
    """A bot whose client is ready, without the getMe that `async with bot` sends."""
    request = AiohttpRequest(read_timeout=read_timeout, connect_timeout=1.0)
    await request.initialize()
    try:
        yield ExtBot(BOT_TOKEN, base_url=base_url, request=request)
    finally:
        await request.shutdown()


@pytest.fixture
async def silent_server() -> AsyncIterator[str]:
    """A server that accepts connections and reads, but never answers."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(-1)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"http://127.0.0.1:{port}/bot"


async def test_messages_with_html_and_buttons_and_uploads_arrive(
    fake_telegram: FakeTelegramServer,
) -> None:
    async with bot_at(fake_telegram.base_url) as bot:
        buttons = InlineKeyboardMarkup([[InlineKeyboardButton("Mehr", callback_data="m:1")]])
        sent = await bot.send_message(
            42, "<b>Grüße</b> &amp; mehr 😀", parse_mode="HTML", reply_markup=buttons
        )
        await bot.send_document(42, b"a: 1\n", filename="tips.yaml")
    (message,) = fake_telegram.calls_of("sendMessage")
    assert message.params["chat_id"] == 42
    assert sent.text == "Grüße & mehr 😀"
    assert sent.reply_markup == buttons
    (document,) = fake_telegram.calls_of("sendDocument")
    assert document.ok


async def test_nothing_listening_is_a_network_error_that_was_never_sent() -> None:
    with socket.socket() as probe:  # a port that refuses connections
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with unchecked_bot(f"http://127.0.0.1:{port}/bot", 1.0) as bot:
        with pytest.raises(NetworkError) as caught:
            await bot.get_me()
    assert isinstance(caught.value.__cause__, NOT_SENT_ERRORS)


async def test_no_answer_is_a_timeout_that_may_have_been_sent(silent_server: str) -> None:
    async with unchecked_bot(silent_server, 0.2) as bot:
        with pytest.raises(TimedOut) as caught:
            await bot.send_message(42, "Hallo")
    assert not isinstance(caught.value.__cause__, NOT_SENT_ERRORS)


@pytest.mark.parametrize("listening", [False, True], ids=["refused", "no-answer"])
async def test_tip_sender_tells_never_sent_from_maybe_sent(
    silent_server: str, listening: bool, shipped_snapshot: Snapshot
) -> None:
    url = silent_server if listening else f"http://127.0.0.1:{free_port()}/bot"
    content = shipped_snapshot.content
    tip: Tip = content.tips[0]

    async def on_wire() -> None:
        return None

    async with unchecked_bot(url, 0.2) as bot:
        send = telegram_sender(bot, content)  # type: ignore[arg-type]
        with pytest.raises(Uncertain if listening else Transient):
            await send(42, tip, on_wire)
