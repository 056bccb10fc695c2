"""bot/admin/prompts.py: an admin's open prompts are stored, replaced, taken once, expired."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.admin import prompts
from bot.storage import Database


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(tmp_path / "prompts.sqlite3") as database:
        yield database


async def test_a_prompt_outlives_the_connection(tmp_path: Path) -> None:
    async with Database(tmp_path / "p.sqlite3") as db:
        await prompts.remember(db, prompts.SEARCH, 777, 42, 777, "13")
    async with Database(tmp_path / "p.sqlite3") as db:
        assert await prompts.recall(db, prompts.SEARCH, 777, 42) == prompts.Prompt(777, "13")
        assert await prompts.recall(db, prompts.SEARCH, 777, 43) is None
        assert await prompts.recall(db, prompts.PLANNING, 777, 42) is None  # kinds are apart


async def test_a_new_draft_replaces_the_old_and_is_taken_once(db: Database) -> None:
    await prompts.remember(db, prompts.DRAFT, 777, 0, 777, "erster Entwurf")
    await prompts.remember(db, prompts.DRAFT, 777, 0, 777, "zweiter Entwurf")
    assert await prompts.take(db, prompts.DRAFT, 777) == prompts.Prompt(777, "zweiter Entwurf")
    assert await prompts.take(db, prompts.DRAFT, 777) is None  # a double press sends once


async def test_only_prompts_older_than_the_limit_expire(db: Database) -> None:
    await prompts.remember(db, prompts.DRAFT, 1, 0, 1, "alt")
    await prompts.remember(db, prompts.DRAFT, 2, 0, 2, "neu")
    await db.connection.execute(
        "UPDATE admin_prompts SET created_at = created_at - 100 WHERE user_id = 1"
    )
    assert await prompts.delete_older_than(db, max_age_s=50) == 1
    assert await prompts.recall(db, prompts.DRAFT, 1) is None
    assert await prompts.recall(db, prompts.DRAFT, 2) is not None
