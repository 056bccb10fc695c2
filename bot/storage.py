"""The SQLite database (aiosqlite): opening, WAL mode, versioned migrations.

Each feature keeps its own queries in its own module and adds its tables here as a new
migration at the end of `MIGRATIONS`. Migrations run in order inside a transaction and
bump `PRAGMA user_version`, so an existing database is upgraded on start-up.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step; `version` is the user_version after it ran."""

    version: int
    description: str
    sql: str


TIPS_SQL = """
-- Daily tips: subscriptions, per-chat tip history, and the delivery log that makes
-- delivery exactly-once per (chat, local day). See bot/subscriptions.py, bot/broadcast.py.
CREATE TABLE tip_subscriptions (
    chat_id INTEGER PRIMARY KEY,
    send_time TEXT NOT NULL,              -- local wall-clock time, 'HHMM'
    weekdays INTEGER NOT NULL,            -- bit 0 = Monday … bit 6 = Sunday
    active INTEGER NOT NULL DEFAULT 1,
    starts_on TEXT NOT NULL,              -- first local day, 'YYYY-MM-DD'
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tip_subscriptions_by_time ON tip_subscriptions (send_time)
    WHERE active = 1;
CREATE TABLE tip_history (
    chat_id INTEGER NOT NULL,
    round INTEGER NOT NULL,
    tip_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, round, tip_id)
);
CREATE TABLE tip_deliveries (
    chat_id INTEGER NOT NULL,
    day TEXT NOT NULL,                    -- local day, 'YYYY-MM-DD'
    tip_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'unknown', 'blocked', 'failed')),
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (chat_id, day)
);
CREATE TRIGGER tip_deliveries_history AFTER UPDATE OF status ON tip_deliveries
WHEN NEW.status IN ('sent', 'unknown') BEGIN
    INSERT OR IGNORE INTO tip_history (chat_id, round, tip_id, sent_at)
    VALUES (NEW.chat_id, NEW.round, NEW.tip_id, COALESCE(NEW.finished_at, NEW.claimed_at));
END;
"""

QUESTION_LOG_SQL = """
-- Every question: what was asked and how the bot decided. No names. chat_id is kept for
-- private chats only (there it is the asker's user id), so /vergessen can delete them.
CREATE TABLE question_log (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    entry_id TEXT,
    score REAL,
    decision TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    chat_id INTEGER
);
CREATE INDEX question_log_asked_at ON question_log (asked_at);
CREATE INDEX question_log_chat_id ON question_log (chat_id);
-- 👍 / 👎 under an answer: one changeable vote per user and answer message; the answer is
-- identified by its chat id and message id.
CREATE TABLE answer_feedback (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id, user_id)
);
CREATE INDEX answer_feedback_voted_at ON answer_feedback (voted_at);
CREATE INDEX answer_feedback_user_id ON answer_feedback (user_id);
"""

HUMAN_LOOP_SQL = """
-- Questions a user chose to send to the team (bot/records/forwarded.py). user_id / chat_id
-- make them deletable by /vergessen; asked_at puts them under the question log's retention.
CREATE TABLE forwarded_questions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,             -- where the team's answer goes
    question TEXT NOT NULL,
    state TEXT NOT NULL
        CHECK (state IN ('open', 'answered', 'delivered', 'undeliverable', 'failed')),
    asked_at INTEGER NOT NULL,
    reply TEXT,
    answered_at INTEGER,
    followup TEXT CHECK (followup IN ('thanks', 'question')),
    awaiting_followup INTEGER NOT NULL DEFAULT 0,
    log_id INTEGER UNIQUE                 -- the question_log row the user consented to send
);
CREATE INDEX forwarded_questions_user ON forwarded_questions (user_id, state);
CREATE INDEX forwarded_questions_asked_at ON forwarded_questions (asked_at);
-- The copies in the team chat (or each admin's private chat); a reply to one finds the question.
CREATE TABLE forwarded_messages (
    question_id INTEGER NOT NULL REFERENCES forwarded_questions (id) ON DELETE CASCADE,
    team_chat INTEGER NOT NULL,
    team_message INTEGER NOT NULL,
    PRIMARY KEY (team_chat, team_message)
);
CREATE INDEX forwarded_messages_question ON forwarded_messages (question_id);
-- Unanswered questions an admin dealt with in /stats (added to an entry or ignored); the key
-- is the normalised question text, no personal data (bot/admin/review.py).
CREATE TABLE question_reviews (
    question_key TEXT PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('added', 'ignored')),
    entry_id TEXT,
    decided_at INTEGER NOT NULL
);
-- One-off messages to all tip subscribers (bot/tips/announcements.py), delivered exactly
-- once per chat with the same claim-on-the-wire log as the daily tips.
CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    send_at TEXT NOT NULL,                -- UTC, ISO 8601
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE announcement_deliveries (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'unknown', 'blocked', 'failed')),
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (announcement_id, chat_id)
);
"""

ANSWER_KIND_SQL = """
-- What kind of answer a question got (principle, pointer, smalltalk, service, refusal);
-- for a Wegweiser pointer, entry_id holds the pointer id. NULL in rows logged before.
ALTER TABLE question_log ADD COLUMN kind TEXT;
"""

ROLES_SQL = """
-- /rolle: the perspective a user chose (bot/records/roles.py); no row = no choice.
-- Deleted by /vergessen like every table with a user_id column.
CREATE TABLE user_roles (
    user_id INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    chosen_at INTEGER NOT NULL
);
"""

LANGUAGE_SQL = """
-- The language a user chose with /sprache (bot/records/languages.py); without a row the
-- language follows Telegram's language_code. /vergessen deletes it (user_id).
CREATE TABLE user_languages (
    user_id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    chosen_at INTEGER NOT NULL
);
"""

INBOX_SQL = """
-- The durable inbox (bot/records/inbox.py): every update from Telegram, stored before it is
-- acknowledged. 'pending' rows are answered (oldest first, also after a restart); 'done' rows
-- keep only the id (to recognise a re-sent update) and are deleted after an hour; 'dead' rows
-- could not be handled, keep the raw JSON for inspection and are deleted by the retention job.
CREATE TABLE inbox (
    update_id INTEGER PRIMARY KEY,
    received_at REAL NOT NULL,            -- unix seconds
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dead')),
    raw TEXT,                             -- the update as Telegram sent it; NULL once done
    sender_id INTEGER,                    -- the user, for /vergessen; NULL once done
    finished_at REAL,
    error TEXT
);
CREATE INDEX inbox_state ON inbox (state, update_id);
"""

ADMIN_PROMPTS_SQL = """
-- What an admin's next button press or reply refers to (bot/admin/prompts.py): an
-- announcement draft, the "Wann?" prompt, the entry-choice search. user_id is the admin, so
-- /vergessen deletes them; the retention job drops unfinished ones after a week.
CREATE TABLE admin_prompts (
    kind TEXT NOT NULL,
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    created_at REAL NOT NULL,             -- unix seconds
    PRIMARY KEY (kind, chat_id, message_id)
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "daily tips: subscriptions, tip history, delivery log", TIPS_SQL),
    Migration(2, "question log and answer feedback", QUESTION_LOG_SQL),
    Migration(3, "forwarded questions, question reviews, announcements", HUMAN_LOOP_SQL),
    Migration(4, "question log: kind of answer (principle, pointer, ...)", ANSWER_KIND_SQL),
    Migration(5, "the perspective each user chose with /rolle", ROLES_SQL),
    Migration(6, "the language each user chose", LANGUAGE_SQL),
    Migration(7, "durable inbox of updates", INBOX_SQL),
    Migration(8, "admin prompts awaiting a press or reply", ADMIN_PROMPTS_SQL),
)


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
