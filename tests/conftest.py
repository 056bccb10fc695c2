"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fake_telegram import FakeTelegramServer

BOT_TOKEN = "123456:TEST-TOKEN"


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegramServer]:
    """A started fake Bot API server on 127.0.0.1 (random port), stopped afterwards."""
    async with FakeTelegramServer(token=BOT_TOKEN) as server:
        yield server
