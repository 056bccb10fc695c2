"""Groups of unanswered and down-voted questions: found, suggested, decided, listed by the CLI."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.admin import review
from bot.cli import main
from bot.records.question_log import AnswerRef, LoggedQuestion, record_question, record_vote
from bot.snapshot import Snapshot
from bot.storage import Database

NOW = 1_800_000_000


async def seed(db: Database) -> dict[str, int]:
    ids = {}
    for n, text in enumerate(["Wo kann ich parken?", "wo kann man parken", "Wo kann ich parken?"]):
        ids[text] = await record_question(
            db, LoggedQuestion(text, "refuse", "private", chat_id=10 + n), NOW - 100 + n
        )
    ids["kuchen"] = await record_question(
        db, LoggedQuestion("Wie backe ich Kuchen?", "refuse", "private", chat_id=20), NOW - 50
    )
    ids["down"] = await record_question(
        db,
        LoggedQuestion("Wie finden wir Paten?", "answer", "private", "zeitplan", 50.0, 30),
        NOW - 40,
    )
    await record_vote(db, AnswerRef(30, 99), 30, "zeitplan", -1, NOW - 30)
    await record_question(  # old: outside the period
        db, LoggedQuestion("Uralt?", "refuse", "private", chat_id=40), NOW - 40 * 86_400
    )
    return ids


async def test_groups_of_unanswered_and_downvoted_questions(tip_db: Database) -> None:
    ids = await seed(tip_db)
    groups = await review.open_groups(tip_db, 30, now=NOW)
    assert [(g.kind, g.question, g.count) for g in groups] == [
        (review.UNANSWERED, "Wo kann ich parken?", 3),
        (review.UNANSWERED, "Wie backe ich Kuchen?", 1),
        (review.DOWNVOTED, "Wie finden wir Paten?", 1),
    ]
    assert groups[0].sample_id == ids["Wo kann ich parken?"]
    assert set(groups[0].keys) == {"wo kann ich parken", "wo kann man parken"}
    assert groups[2].entry_id == "zeitplan" and groups[2].sample_id == ids["down"]
    assert await review.logged_question(tip_db, ids["kuchen"]) == "Wie backe ich Kuchen?"


async def test_decided_groups_do_not_come_back(tip_db: Database) -> None:
    await seed(tip_db)
    parking, cake, _ = await review.open_groups(tip_db, 30, now=NOW)
    await review.decide(tip_db, parking.keys, review.ADDED, "zeitplan")
    await review.decide(tip_db, cake.keys, review.IGNORED)
    assert [g.kind for g in await review.open_groups(tip_db, 30, now=NOW)] == [review.DOWNVOTED]
    assert await review.find_group(tip_db, parking.sample_id, 30) is None


def test_suggestions_are_the_three_likeliest_entries(shipped_snapshot: Snapshot) -> None:
    ids = review.suggest_entries(shipped_snapshot.matcher, "Wie gewinnen wir Ehrenamtliche?")
    assert len(ids) == 3 and len(set(ids)) == 3
    assert all(shipped_snapshot.content.entry(i) for i in ids)


def test_cli_report_unanswered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.sqlite3"

    async def fill() -> None:
        async with Database(path) as db:
            await record_question(
                db,
                LoggedQuestion("Wo kann ich parken?", "refuse", "private", chat_id=1),
                int(time.time()),
            )

    asyncio.run(fill())
    monkeypatch.setenv("DATABASE_PATH", str(path))
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--unanswered"]) == 0
    out = capsys.readouterr().out
    assert "**Fragen ohne Antwort (ähnliche zusammengefasst)**" in out
    assert "- „Wo kann ich parken?“ – 1×" in out
    assert "passende Einträge: " in out
    assert "**Fragen, deren Antwort mit 👎 bewertet wurde**\n- noch nichts" in out


async def test_questions_a_wegweiser_answered_are_not_offered_for_review(
    tip_db: Database,
) -> None:
    await seed(tip_db)
    pointer = LoggedQuestion(
        "Wo gibt es Fördergeld?", "refuse", "private", "foerdermittel", 70.0, 50, "pointer"
    )
    await record_question(tip_db, pointer, NOW - 20)
    await record_vote(tip_db, AnswerRef(50, 98), 50, "foerdermittel", -1, NOW - 10)
    groups = await review.open_groups(tip_db, 30, now=NOW)
    assert "Wo gibt es Fördergeld?" not in [g.question for g in groups]
    assert len(groups) == 3
