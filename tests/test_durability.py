"""No acknowledged question is lost: real processes, real signals, the fake Bot API.

Each test runs `python -m bot run` as a subprocess three times against one database: under
load it gets SIGTERM (a redeploy), then kill -9 (a crash), then it finishes. Every update
Telegram was told about (webhook 200, or a polling offset moved past it) must be answered
exactly once in the end; after a kill -9 an update that was being answered may be answered
twice (the documented crash window, at most one repeat per update running).
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import httpx

from bot.serve.intake import CONCURRENT_UPDATES
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from tests.conftest import free_port
from tests.test_runner import bot_environment
from tests.test_webhook import QUESTION, text_update

LOAD = 120
RATE = "60"  # answers per second: slow enough that a signal finds work in flight
FIRST_CHAT = 500_000
# Start-up loads and checks the content and the language model: a few seconds, far more on a
# loaded machine. These tests count what is lost, not how fast the bot starts.
START_TIMEOUT_S = 60.0
ANSWER_TIMEOUT_S = 30.0


class Bot:
    """One `python -m bot run` process after another, on the same database."""

    def __init__(self, fake: FakeTelegramServer, tmp_path: Path, webhook: bool) -> None:
        self.fake = fake
        self.tmp_path = tmp_path
        self.port = free_port()
        extra = {"RATE_LIMIT_PER_S": RATE, "LOG_LEVEL": "INFO"}
        if webhook:
            extra |= {
                "WEBHOOK_URL": f"http://127.0.0.1:{self.port}",
                "WEBHOOK_LISTEN": "127.0.0.1",
                "PORT": str(self.port),
            }
        self.webhook = webhook
        self.env = bot_environment(tmp_path, fake.base_url, **extra)
        self.process: asyncio.subprocess.Process | None = None
        self.runs = 0

    async def start(self, **changes: str) -> None:
        self.runs += 1
        log = (self.tmp_path / f"run{self.runs}.log").open("wb")
        self.fake.clear_calls()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=self.tmp_path,
            env=self.env | changes,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    async def ready(self) -> None:
        method = "setWebhook" if self.webhook else "getUpdates"
        await self.fake.wait_for(method, timeout=START_TIMEOUT_S)

    async def stop(self, signum: int) -> int:
        assert self.process is not None
        self.process.send_signal(signum)
        return await asyncio.wait_for(self.process.wait(), 20)

    def log(self) -> str:
        return (self.tmp_path / f"run{self.runs}.log").read_text(encoding="utf-8")

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


def answers(fake: FakeTelegramServer) -> Counter[int]:
    """sendMessage answers per load chat, over every run (the server keeps its messages)."""
    return Counter(
        chat for chat in (m["chat"]["id"] for m in fake.bot_messages()) if chat >= FIRST_CHAT
    )


async def answered(fake: FakeTelegramServer, chats: set[int]) -> None:
    async def wait() -> None:
        while not chats <= set(answers(fake)):
            await asyncio.sleep(0.05)

    await asyncio.wait_for(wait(), ANSWER_TIMEOUT_S)


async def some_answered(fake: FakeTelegramServer, count: int) -> None:
    async def wait() -> None:
        while sum(answers(fake).values()) < count:
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), ANSWER_TIMEOUT_S)


class Load:
    """Questions from one new chat each; remembers which ones Telegram got a 'yes' for."""

    def __init__(self, fake: FakeTelegramServer, bot: Bot) -> None:
        self.fake = fake
        self.bot = bot
        self.chats = iter(range(FIRST_CHAT, FIRST_CHAT + 100 * LOAD))
        self.sent: dict[int, dict[str, object]] = {}  # chat -> update (webhook: unconfirmed)
        self.confirmed: set[int] = set()

    async def push(self, count: int) -> None:
        for _ in range(count):
            chat = next(self.chats)
            if self.bot.webhook:
                update = {"update_id": chat, **text_update(QUESTION, chat)}
                self.sent[chat] = update
            else:
                self.fake.push_message(QUESTION, sender=Sender(chat))
                self.confirmed.add(chat)  # Telegram keeps it until an offset confirms it
        if self.bot.webhook:
            await self.redeliver()

    async def redeliver(self) -> None:
        """Telegram's retries: POST every unconfirmed update until the bot says 200."""
        url = str(self.fake.webhook["url"])
        secret = str(self.fake.webhook.get("secret_token"))
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with httpx.AsyncClient(timeout=5, trust_env=False) as client:

            async def post(chat: int) -> None:
                try:
                    response = await client.post(url, json=self.sent[chat], headers=headers)
                except httpx.HTTPError:
                    return
                if response.status_code == 200:
                    self.confirmed.add(chat)
                    del self.sent[chat]
                else:
                    assert response.status_code == 503

            await asyncio.gather(*(post(chat) for chat in list(self.sent)))


async def run_load_sigterm_kill_restart(
    fake: FakeTelegramServer, tmp_path: Path, webhook: bool
) -> None:
    bot = Bot(fake, tmp_path, webhook)
    load = Load(fake, bot)
    try:
        # 1. A redeploy under load: SIGTERM while most questions wait.
        await bot.start()
        await bot.ready()
        await load.push(LOAD)
        await some_answered(fake, 10)
        assert await bot.stop(signal.SIGTERM) == 0
        first = bot.log()
        assert "Traceback" not in first and "Task exception" not in first, first
        after_sigterm = answers(fake)
        assert max(after_sigterm.values()) == 1
        assert len(after_sigterm) < LOAD, "the signal came too late to test anything"

        # 2. A crash under load: kill -9 with questions stored but not yet answered.
        await bot.start()
        await bot.ready()
        await load.push(LOAD)
        await some_answered(fake, sum(after_sigterm.values()) + 20)
        await bot.stop(signal.SIGKILL)
        assert len(answers(fake)) < len(load.confirmed), "the kill came too late"

        # 3. The next start answers everything that was confirmed, and takes the rest.
        await bot.start()
        await bot.ready()
        if webhook:
            await load.redeliver()
        assert not load.sent
        await answered(fake, load.confirmed)
        assert await bot.stop(signal.SIGTERM) == 0
    finally:
        await bot.kill()
    final = answers(fake)
    assert set(final) == load.confirmed
    repeated = [chat for chat, count in final.items() if count > 1]
    assert len(repeated) <= CONCURRENT_UPDATES, repeated  # only the kill -9 window
    assert "Answering" in bot.log() or not repeated


async def test_polling_sigterm_and_kill_lose_no_question(
    fake_telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    await run_load_sigterm_kill_restart(fake_telegram, tmp_path, webhook=False)


async def test_webhook_sigterm_and_kill_lose_no_question(
    fake_telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    await run_load_sigterm_kill_restart(fake_telegram, tmp_path, webhook=True)


async def test_failed_start_up_confirms_nothing_and_the_next_answers_all(
    fake_telegram: FakeTelegramServer, tmp_path: Path
) -> None:
    bot = Bot(fake_telegram, tmp_path, webhook=True)
    load = Load(fake_telegram, bot)
    try:
        await bot.start()
        await bot.ready()
        await load.push(LOAD // 2)
        await some_answered(fake_telegram, 5)
        await bot.stop(signal.SIGKILL)  # leaves stored questions unanswered

        await bot.start(TELEGRAM_BOT_TOKEN="123456:WRONG-TOKEN")
        await load.push(LOAD // 2)  # Telegram keeps trying while that start-up fails
        assert await asyncio.wait_for(bot.process.wait(), 20) == 2  # type: ignore[union-attr]
        lines = [line for line in bot.log().splitlines() if "Migrating" not in line]
        assert lines == ["Configuration error: TELEGRAM_BOT_TOKEN was rejected by the Bot API"]
        assert not [call for call in fake_telegram.calls if call.method == "sendMessage"]

        await bot.start()
        await bot.ready()
        await load.redeliver()
        assert not load.sent
        await answered(fake_telegram, load.confirmed)
        assert await bot.stop(signal.SIGTERM) == 0
    finally:
        await bot.kill()
    final = answers(fake_telegram)
    assert set(final) == load.confirmed
    assert len([chat for chat, count in final.items() if count > 1]) <= CONCURRENT_UPDATES
