"""The SQLite database (aiosqlite): opening, WAL mode, running the migrations.

The tables are in `bot/schema.py`, one migration per feature. Migrations run in order inside
a transaction and bump `PRAGMA user_version`, so an existing database is upgraded on start-up.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.schema import MIGRATIONS, Migration

logger = logging.getLogger(__name__)




class Database:
    """One aiosqlite connection to the bot's database file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._connection: aiosqlite.Connection | None = None
        self._file_identity: tuple[int, int] | None = None

    @property
    def connection(self) -> aiosqlite.Connection:
        if self._connection is None:
            raise RuntimeError("database is not open")
        return self._connection

    async def open(self) -> Database:
        """Open (creating the file and folder if needed), enable WAL, run migrations."""
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = await aiosqlite.connect(self.path, isolation_level=None)
        await self._connection.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a commit survives a crash of the process (kill -9, OOM), only a power
        # failure of the host can lose the last ones; FULL costs an fsync (ms) per question.
        await self._connection.execute("PRAGMA synchronous=NORMAL")
        await self._connection.execute("PRAGMA foreign_keys=ON")
        await self._connection.execute("PRAGMA busy_timeout=5000")
        await self.migrate()
        self._file_identity = self._current_file_identity()
        return self

    @asynccontextmanager
    async def own_transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A transaction on a second connection, so other coroutines' writes on the shared
        connection never join it (they wait for its lock instead, up to busy_timeout)."""
        if str(self.path) == ":memory:":
            raise RuntimeError("an in-memory database has no second connection")
        connection = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            await connection.execute("PRAGMA foreign_keys=ON")
            await connection.execute("PRAGMA busy_timeout=5000")
            await connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                await connection.execute("COMMIT")
            except BaseException:
                await connection.execute("ROLLBACK")
                raise
        finally:
            await connection.close()

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None

    async def __aenter__(self) -> Database:
        return await self.open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def version(self) -> int:
        async with self.connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
        """Apply every migration newer than the database; returns the resulting version."""
        current = await self.version()
        for migration in migrations:
            if migration.version <= current:
                continue
            logger.info(
                "Migrating database to version %d: %s", migration.version, migration.description
            )
            script = (
                f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                f"PRAGMA user_version = {migration.version:d};\nCOMMIT;"
            )
            try:
                await self.connection.executescript(script)
            except Exception:
                if self.connection.in_transaction:
                    await self.connection.execute("ROLLBACK")
                raise
            current = migration.version
        return current

    def _current_file_identity(self) -> tuple[int, int] | None:
        if str(self.path) == ":memory:":
            return None
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    async def ping(self) -> bool:
        """True if the database answers a trivial query and its file is still the one opened.

        A deleted or replaced file (e.g. a detached volume) would let the open connection
        go on working while every write is lost, so that counts as unreachable.
        """
        try:
            async with self.connection.execute("SELECT 1") as cursor:
                answered = await cursor.fetchone() is not None
        except Exception:
            return False
        return answered and self._current_file_identity() == self._file_identity
