"""/datenschutz, /vergessen and retention: nothing about a person stays behind."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.admin import prompts
from bot.records.privacy import forget_user, personal_tables
from bot.records.question_log import AnswerRef, LoggedQuestion, record_question, record_vote
from bot.records.roles import role_of, set_role
from bot.serve import DB_KEY, BotApp
from bot.storage import Database
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from handlers.privacy import RETENTION_JOB

USER = 4711
OTHER = 4712

# Tables other features add (names and shapes may differ; the columns are what counts).
OTHER_FEATURES_SQL = """
CREATE TABLE other_subscriptions (chat_id INTEGER PRIMARY KEY, hour INTEGER);
CREATE TABLE other_history (chat_id INTEGER REFERENCES other_subscriptions (chat_id), tip TEXT);
CREATE TABLE settings_kv (key TEXT PRIMARY KEY, value TEXT);
"""


async def count_rows_about(db: Database, user_id: int) -> int:
    total = 0
    for table, columns in (await personal_tables(db)).items():
        where = " OR ".join(f"{c} = ?" for c in columns)
        async with db.connection.execute(
            f"SELECT count(*) FROM {table} WHERE {where}", [user_id] * len(columns)
        ) as cursor:
            total += (await cursor.fetchone())[0]
    return total


async def seed(db: Database) -> None:
    await db.connection.executescript(OTHER_FEATURES_SQL)
    for user in (USER, OTHER):
        answer = await record_question(
            db, LoggedQuestion("Frage", "answer", "private", "x", 1, user)
        )
        await record_vote(db, AnswerRef(user, answer), user, "x", 1)
        await db.connection.execute("INSERT INTO other_subscriptions VALUES (?, 8)", (user,))
        await db.connection.execute("INSERT INTO other_history VALUES (?, 't')", (user,))
        await set_role(db, user, "verwaltung")
        await prompts.remember(db, prompts.DRAFT, user, 0, user, "Entwurf einer Ankündigung")
    await db.connection.execute("INSERT INTO settings_kv VALUES ('a', 'b')")


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(tmp_path / "privacy.sqlite3") as database:
        yield database


async def test_forget_deletes_from_every_table_with_a_personal_column(db: Database) -> None:
    await seed(db)
    tables = await personal_tables(db)
    assert set(tables) == {
        "question_log",
        "answer_feedback",
        "tip_subscriptions",  # daily tips (migration 1)
        "tip_history",
        "tip_deliveries",
        "forwarded_questions",  # human loop (migration 3)
        "announcement_deliveries",
        "user_languages",  # /sprache (migration 5)
        "other_subscriptions",
        "other_history",
        "user_roles",  # /rolle
        "admin_prompts",  # an admin's open announcement draft (migration 8)
    }
    assert await count_rows_about(db, USER) == 6
    assert await forget_user(db, USER) == 6
    assert await count_rows_about(db, USER) == 0
    assert await role_of(db, USER) == ""
    assert await prompts.recall(db, prompts.DRAFT, USER) is None
    assert await count_rows_about(db, OTHER) == 6


async def test_vergessen_after_confirmation_leaves_no_row(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    await seed(db)
    fake_telegram.push_message("Wie schaffen wir Augenhöhe?", sender=Sender(USER))
    await fake_telegram.wait_for("sendMessage")
    fake_telegram.push_message("/vergessen", sender=Sender(USER))
    _, confirm = await fake_telegram.wait_for("sendMessage", count=2)
    assert await count_rows_about(db, USER) == 7  # nothing is deleted before confirming
    yes = confirm.result["reply_markup"]["inline_keyboard"][0][0]
    fake_telegram.push_callback(yes["callback_data"], confirm.result, sender=Sender(USER))
    (edit,) = await fake_telegram.wait_for("editMessageText")
    assert "(7 Einträge)" in edit.params["text"]
    assert await count_rows_about(db, USER) == 0
    assert await count_rows_about(db, OTHER) == 6


async def test_vergessen_can_be_cancelled(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    await seed(db)
    fake_telegram.push_message("/vergessen", sender=Sender(USER))
    (confirm,) = await fake_telegram.wait_for("sendMessage")
    no = confirm.result["reply_markup"]["inline_keyboard"][1][0]
    fake_telegram.push_callback(no["callback_data"], confirm.result, sender=Sender(USER))
    (edit,) = await fake_telegram.wait_for("editMessageText")
    assert "nichts gelöscht" in edit.params["text"]
    assert await count_rows_about(db, USER) == 6


async def test_datenschutz_explains_what_why_and_how_long(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/datenschutz", sender=Sender(USER))
    (call,) = await fake_telegram.wait_for("sendMessage")
    text = call.params["text"]
    for heading in ("Was ich speichere", "Warum", "Wie lange", "/vergessen", "/rolle"):
        assert heading in text
    assert "nach 90 Tagen" in text


async def test_retention_job_deletes_old_questions(
    running_bot: BotApp,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    old = LoggedQuestion("alt", "answer", "group")
    await record_question(db, old, asked_at=1_000)
    await record_question(db, LoggedQuestion("neu", "answer", "group"))
    await prompts.remember(db, prompts.DRAFT, USER, 0, USER, "alt")
    await prompts.remember(db, prompts.DRAFT, OTHER, 0, OTHER, "neu")
    await db.connection.execute(
        "UPDATE admin_prompts SET created_at = created_at - ? WHERE user_id = ?",
        (prompts.MAX_AGE_S + 60, USER),
    )
    assert running_bot.job_queue is not None
    (job,) = running_bot.job_queue.get_jobs_by_name(RETENTION_JOB)
    await job.run(running_bot)
    async with db.connection.execute("SELECT question FROM question_log") as cursor:
        assert [r[0] for r in await cursor.fetchall()] == ["neu"]
    assert await prompts.recall(db, prompts.DRAFT, USER) is None  # unfinished for a week
    assert await prompts.recall(db, prompts.DRAFT, OTHER) is not None


async def test_role_is_stored_changed_and_cleared(db: Database) -> None:
    assert await role_of(db, USER) == ""
    await set_role(db, USER, "engagierte", now=5)
    await set_role(db, OTHER, "verwaltung")
    await set_role(db, USER, "verwaltung")
    assert (await role_of(db, USER), await role_of(db, OTHER)) == ("verwaltung", "verwaltung")
    await set_role(db, USER, "")
    assert await role_of(db, USER) == "" and await role_of(db, OTHER) == "verwaltung"
