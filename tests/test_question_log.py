"""The question log: what one row holds, changeable votes, retention."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.records.question_log import (
    SECONDS_PER_DAY,
    AnswerRef,
    LoggedQuestion,
    delete_older_than,
    log_question,
    record_question,
    record_vote,
)
from bot.schema import MIGRATIONS
from bot.snapshot import Snapshot
from bot.storage import Database

NOW = 1_750_000_000


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(tmp_path / "log.sqlite3") as database:
        yield database


async def rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    async with db.connection.execute(sql) as cursor:
        return [tuple(r) for r in await cursor.fetchall()]


async def test_chat_id_is_kept_for_private_chats_only(db: Database) -> None:
    await record_question(db, LoggedQuestion("Frage A", "answer", "private", "x", 80.0, 42))
    await record_question(db, LoggedQuestion("Frage B", "refuse", "supergroup", None, None, -100))
    assert await rows(
        db, "SELECT question, entry_id, score, decision, chat_type, chat_id FROM question_log"
    ) == [
        ("Frage A", "x", 80.0, "answer", "private", 42),
        ("Frage B", None, None, "refuse", "supergroup", None),
    ]


async def test_the_kind_of_answer_is_logged_and_old_rows_keep_working(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:  # a database from before answers had a kind
        for migration in MIGRATIONS[:2]:
            old.executescript(migration.sql)
        old.execute("PRAGMA user_version = 2")
        old.execute(
            "INSERT INTO question_log (asked_at, question, decision, chat_type) "
            "VALUES (1, 'alt', 'answer', 'group')"
        )
    old.close()
    async with Database(path) as db:
        logged = LoggedQuestion("neu", "answer", "private", "foerdermittel", 70.0, 1, "pointer")
        await record_question(db, logged)
        assert await rows(db, "SELECT question, entry_id, kind FROM question_log ORDER BY id") == [
            ("alt", None, None),
            ("neu", "foerdermittel", "pointer"),
        ]


async def test_one_vote_per_user_and_answer_and_it_can_change(db: Database) -> None:
    await record_vote(db, AnswerRef(42, 1), 7, "x", 1)
    await record_vote(db, AnswerRef(42, 1), 7, "x", -1)
    await record_vote(db, AnswerRef(42, 1), 8, "x", 1)
    await record_vote(db, AnswerRef(42, 2), 7, "x", 1)
    assert await rows(
        db, "SELECT message_id, user_id, vote FROM answer_feedback ORDER BY message_id, user_id"
    ) == [(1, 7, -1), (1, 8, 1), (2, 7, 1)]
    with pytest.raises(ValueError):
        await record_vote(db, AnswerRef(42, 1), 7, "x", 5)


async def test_retention_removes_old_rows_only(db: Database) -> None:
    for days_ago in (1, 89, 91, 400):
        at = NOW - days_ago * SECONDS_PER_DAY
        await record_question(db, LoggedQuestion(f"vor {days_ago}", "answer", "group"), at)
        await record_vote(db, AnswerRef(-100, days_ago), 7, "x", 1, voted_at=at)
    assert await delete_older_than(db, 90, now=NOW) == 4
    assert await rows(db, "SELECT question FROM question_log ORDER BY id") == [
        ("vor 1",),
        ("vor 89",),
    ]
    assert await rows(db, "SELECT message_id FROM answer_feedback ORDER BY message_id") == [
        (1,),
        (89,),
    ]


async def test_a_pointer_answer_is_logged_with_its_kind_and_pointer_id(
    db: Database, shipped_snapshot: Snapshot
) -> None:
    matcher = shipped_snapshot.matcher
    practical = matcher.search("Wo finde ich Fördermittel für unser Nachbarschaftsprojekt?")
    principle = matcher.search("Wie vermeiden wir Doppelstrukturen?")
    await log_question(db, "praktisch", practical, "private", 1)
    await log_question(db, "prinzip", principle, "private", 1)
    assert await rows(db, "SELECT question, entry_id, decision, kind FROM question_log") == [
        ("praktisch", "foerdermittel", "refuse", "pointer"),
        ("prinzip", "keine-doppelstrukturen", "answer", "principle"),
    ]
