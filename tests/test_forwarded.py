"""Forwarded questions: the limit, the team copies, the reply's way back, /vergessen, retention."""

from __future__ import annotations

import pytest

from bot.records import forwarded
from bot.records.privacy import forget_user
from bot.records.question_log import LoggedQuestion, delete_older_than, record_question
from bot.storage import Database

USER = 4711
TEAM = -100123


async def test_at_most_three_open_questions_per_user(tip_db: Database) -> None:
    for n in range(forwarded.MAX_OPEN_PER_USER):
        await forwarded.create(tip_db, USER, USER, f"Frage {n}")
    with pytest.raises(forwarded.TooManyOpen):
        await forwarded.create(tip_db, USER, USER, "eine zu viel")
    assert await forwarded.open_count(tip_db, USER) == 3
    await forwarded.create(tip_db, USER + 1, USER + 1, "andere Person")  # others are not limited


async def test_answered_questions_free_a_place(tip_db: Database) -> None:
    first = await forwarded.create(tip_db, USER, USER, "eins")
    for text in ("zwei", "drei"):
        await forwarded.create(tip_db, USER, USER, text)
    await forwarded.record_reply(tip_db, first.id, "Antwort")
    await forwarded.create(tip_db, USER, USER, "vier")
    assert await forwarded.open_count(tip_db, USER) == 3


async def test_a_reply_to_any_team_copy_finds_the_question(tip_db: Database) -> None:
    question = await forwarded.create(tip_db, USER, USER, "Wer hilft beim Vereinsfest?")
    await forwarded.add_team_message(tip_db, question.id, TEAM, 55)
    await forwarded.add_team_message(tip_db, question.id, 777, 9)
    assert (await forwarded.by_team_message(tip_db, 777, 9)) == question
    assert await forwarded.by_team_message(tip_db, TEAM, 56) is None
    assert await forwarded.team_messages(tip_db, question.id) == [(TEAM, 55), (777, 9)]


async def test_answers_not_yet_delivered_survive_for_the_restart(tip_db: Database) -> None:
    question = await forwarded.create(tip_db, USER, USER, "Frage")
    assert await forwarded.unsent_questions(tip_db) == [question]
    await forwarded.add_team_message(tip_db, question.id, TEAM, 1)
    assert await forwarded.unsent_questions(tip_db) == []
    answered = await forwarded.record_reply(tip_db, question.id, "Die Antwort")
    assert answered is not None and answered.state == forwarded.ANSWERED
    assert [f.reply for f in await forwarded.undelivered_answers(tip_db)] == ["Die Antwort"]
    await forwarded.set_state(tip_db, question.id, forwarded.DELIVERED)
    assert await forwarded.undelivered_answers(tip_db) == []


async def test_one_thanks_or_ask_back_per_answer(tip_db: Database) -> None:
    question = await forwarded.create(tip_db, USER, USER, "Frage")
    assert not await forwarded.use_followup(tip_db, question.id, USER, forwarded.THANKS)
    await forwarded.record_reply(tip_db, question.id, "Antwort")
    await forwarded.set_state(tip_db, question.id, forwarded.DELIVERED)
    assert not await forwarded.use_followup(tip_db, question.id, USER + 1, forwarded.ASK_BACK)
    assert await forwarded.use_followup(tip_db, question.id, USER, forwarded.ASK_BACK)
    assert not await forwarded.use_followup(tip_db, question.id, USER, forwarded.THANKS)
    waiting = await forwarded.awaiting_followup(tip_db, USER)
    assert waiting is not None and waiting.id == question.id
    await forwarded.reopen_with_followup(tip_db, question.id, "Und wann?")
    reopened = await forwarded.get(tip_db, question.id)
    assert reopened is not None and reopened.state == forwarded.OPEN
    assert reopened.question == "Frage\n\nUnd wann?"
    assert await forwarded.awaiting_followup(tip_db, USER) is None


async def test_vergessen_deletes_questions_and_their_team_copies(tip_db: Database) -> None:
    question = await forwarded.create(tip_db, USER, USER, "Frage")
    await forwarded.add_team_message(tip_db, question.id, TEAM, 1)
    kept = await forwarded.create(tip_db, USER + 1, USER + 1, "bleibt")
    assert await forget_user(tip_db, USER) >= 1
    assert await forwarded.get(tip_db, question.id) is None
    assert await forwarded.by_team_message(tip_db, TEAM, 1) is None
    assert await forwarded.get(tip_db, kept.id) == kept


async def test_retention_deletes_old_forwarded_questions(tip_db: Database) -> None:
    old = await forwarded.create(tip_db, USER, USER, "alt", now=1_000)
    new = await forwarded.create(tip_db, USER, USER, "neu", now=100 * 86_400)
    await delete_older_than(tip_db, days=90, now=100 * 86_400)
    assert await forwarded.get(tip_db, old.id) is None
    assert await forwarded.get(tip_db, new.id) == new


async def test_consent_stores_posts_once_and_says_what_happened(tip_db: Database) -> None:
    posted: list[str] = []

    async def team(question: forwarded.Forwarded) -> int:
        posted.append(question.question)
        return 1

    async def nobody(question: forwarded.Forwarded) -> int:
        return 0

    async def logged(text: str, user: int = USER) -> int:
        return await record_question(
            tip_db, LoggedQuestion(text, "refuse", "private", None, 0.0, user)
        )

    first = await logged("Wer hilft beim Vereinsfest?")
    assert await forwarded.consent_given(tip_db, first, USER + 1, team) == forwarded.STALE
    assert await forwarded.consent_given(tip_db, first, USER, None) == forwarded.STALE
    assert await forwarded.consent_given(tip_db, first, USER, team) == forwarded.SENT
    assert await forwarded.consent_given(tip_db, first, USER, team) == forwarded.SENT
    assert posted == ["Wer hilft beim Vereinsfest?"]  # pressed twice, posted once
    lost = await logged("Und wer räumt auf?")
    assert await forwarded.consent_given(tip_db, lost, USER, nobody) == forwarded.NOT_POSTED
    stored = await forwarded.by_log_id(tip_db, lost)
    assert stored is not None and stored.state == forwarded.FAILED
    await forwarded.create(tip_db, USER, USER, "dritte offene Frage")
    await forwarded.create(tip_db, USER, USER, "vierte offene Frage")
    fifth = await logged("noch eine")
    assert await forwarded.consent_given(tip_db, fifth, USER, team) == forwarded.TOO_MANY
