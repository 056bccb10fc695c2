"""Database opening, WAL mode and migrations."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.schema import MIGRATIONS, Migration
from bot.storage import Database

# Test steps come after the real migrations, which every opened database already has.
LATEST = MIGRATIONS[-1].version if MIGRATIONS else 0
STEPS = (
    Migration(LATEST + 1, "first table", "CREATE TABLE one (id INTEGER PRIMARY KEY);"),
    Migration(LATEST + 2, "second table", "CREATE TABLE two (id INTEGER PRIMARY KEY);"),
)


async def test_open_creates_file_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "bot.sqlite3"
    async with Database(path) as db:
        async with db.connection.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"
        assert await db.ping()
    assert path.is_file()


async def test_migrations_run_once_in_order(tmp_path: Path) -> None:
    async with Database(tmp_path / "m.sqlite3") as db:
        assert await db.migrate(STEPS[:1]) == LATEST + 1
        assert await db.migrate(STEPS) == LATEST + 2
        assert await db.migrate(STEPS) == LATEST + 2  # nothing to do the second time
        await db.connection.execute("INSERT INTO two (id) VALUES (1)")


async def test_failed_migration_leaves_version_and_schema_unchanged(tmp_path: Path) -> None:
    broken = (
        *STEPS[:1],
        Migration(LATEST + 2, "broken", "CREATE TABLE two (id INT); SELECT * FROM x;"),
    )
    async with Database(tmp_path / "b.sqlite3") as db:
        await db.migrate(STEPS[:1])
        with pytest.raises(Exception, match="no such table"):
            await db.migrate(broken)
        assert await db.version() == LATEST + 1
        async with db.connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'two'"
        ) as cursor:
            assert (await cursor.fetchone())[0] == 0


async def test_ping_fails_when_the_file_is_deleted_or_replaced(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Database(path) as db:
        assert await db.ping()
        path.unlink()
        assert not await db.ping()
        path.write_bytes(b"not a database")
        assert not await db.ping()
    assert not await db.ping()  # closed


async def test_own_transaction_rolls_back_without_touching_shared_writes(tmp_path: Path) -> None:
    async with Database(tmp_path / "own.sqlite3") as db:
        await db.connection.execute("CREATE TABLE t (v INTEGER)")
        shared_write: asyncio.Task[object] | None = None
        with pytest.raises(RuntimeError, match="boom"):
            async with db.own_transaction() as connection:
                await connection.execute("INSERT INTO t VALUES (1)")
                # A write on the shared connection meanwhile waits for the lock ...
                shared_write = asyncio.create_task(
                    db.connection.execute("INSERT INTO t VALUES (2)")
                )
                await asyncio.sleep(0.05)
                raise RuntimeError("boom")
        assert shared_write is not None
        await shared_write  # ... and survives the rollback of the other transaction
        async with db.connection.execute("SELECT v FROM t ORDER BY v") as cursor:
            assert [row[0] for row in await cursor.fetchall()] == [2]
