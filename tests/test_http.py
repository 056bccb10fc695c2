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
from yarl import URL

from bot.content import Tip
from bot.serve.http import NOT_SENT_ERRORS, AiohttpRequest, environment_proxy
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


@pytest.fixture
async def recording_proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """An HTTP proxy that records each request line and answers every call with success."""
    lines: list[str] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
        lines.append(head.split("\r\n", 1)[0])
        fields = [h.split(":", 1) for h in head.split("\r\n")[1:] if ":" in h]
        length = next((int(v) for k, v in fields if k.lower() == "content-length"), 0)
        await reader.readexactly(length)
        body = b'{"ok": true, "result": true}'
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        writer.write(b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    async with server:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", lines


async def test_requests_go_through_the_proxy_the_environment_names(
    recording_proxy: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy, lines = recording_proxy
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with unchecked_bot("http://api.telegram.invalid/bot", 2.0) as bot:
        assert await bot.delete_webhook() is True
        assert await bot.delete_webhook() is True
    assert lines == [f"POST http://api.telegram.invalid/bot{BOT_TOKEN}/deleteWebhook HTTP/1.1"] * 2


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"HTTPS_PROXY": "http://proxy.example:3128"}, "http://proxy.example:3128"),
        ({"HTTPS_PROXY": "http://proxy.example:3128", "NO_PROXY": "api.telegram.org"}, None),
        ({"HTTP_PROXY": "http://proxy.example:3128"}, None),  # only for http:// URLs
        ({}, None),
    ],
    ids=["https-proxy", "no-proxy-names-host", "other-scheme", "none"],
)
def test_environment_proxy_follows_proxy_variables(
    environment: dict[str, str], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    proxy, _ = environment_proxy(URL("https://api.telegram.org"))
    assert (str(proxy) if proxy else None) == expected
