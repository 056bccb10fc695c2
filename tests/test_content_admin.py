"""Admins change content through Telegram and on disk, end to end against the fake Bot API."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import content_files, content_version
from bot.serve import STORE_KEY, BotApp
from bot.snapshot import ContentStore
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from handlers.content_admin import WATCH_JOB
from tests.conftest import ADMIN_ID

STEUERUNG = "entries/steuerung.yaml"
OLD_TITLE = "Keine Doppelstrukturen aufbauen"
NEW_TITLE = "Doppelstrukturen vermeiden, Bestehendes nutzen"
QUESTION = "Wie vermeiden wir Doppelstrukturen?"


def store_of(app: BotApp) -> ContentStore:
    store: ContentStore = app.bot_data[STORE_KEY]
    return store


def text_of(directory: Path, relative: str) -> str:
    return (directory / relative).read_text(encoding="utf-8")


async def admin_upload(
    fake: FakeTelegramServer, name: str, data: bytes, user_id: int = ADMIN_ID
) -> str:
    """Send a document as a user and return the bot's (first) reply text."""
    fake.push_document(name, sender=Sender(user_id), content=data, mime_type="application/x-yaml")
    (call, *_) = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == user_id)
    return str(call.params["text"])


async def ask(fake: FakeTelegramServer, question: str, chat_id: int) -> dict[str, Any]:
    fake.push_message(question, sender=Sender(chat_id))
    (call,) = await fake.wait_for("sendMessage", lambda c: c.params["chat_id"] == chat_id)
    return call.params


async def test_valid_upload_changes_content_keeps_backup_and_answers_use_it(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    original = text_of(content_copy, STEUERUNG)
    changed = original.replace(f'title: "{OLD_TITLE}"', f'title: "{NEW_TITLE}"')
    reply = await admin_upload(fake_telegram, "steuerung.yaml", changed.encode())

    assert "steuerung.yaml ist übernommen" in reply
    assert "Geänderte Einträge (1): keine-doppelstrukturen" in reply
    assert text_of(content_copy, STEUERUNG) == changed
    (backup,) = (content_copy.parent / "backups").iterdir()
    assert text_of(backup, STEUERUNG) == original
    answer = await ask(fake_telegram, QUESTION, chat_id=4242)
    assert NEW_TITLE in answer["text"]


def _shipped(relative: str) -> str:
    return (DEFAULT_CONTENT_DIR / relative).read_text(encoding="utf-8")


BAD_UPLOADS = [
    pytest.param(
        "tips.yaml",
        lambda: _shipped("tips.yaml").replace("tips:\n", "tips:\n  - id: [kaputt\n", 1).encode(),
        "tips.yaml, Zeile",
        id="yaml-syntax-error",
    ),
    pytest.param(
        "steuerung.yaml",
        lambda: _shipped(STEUERUNG).replace("sources: [V2]", "sources: V2").encode(),
        "Feld „sources“: Hier muss eine Liste stehen",
        id="wrong-type",
    ),
    pytest.param(
        "steuerung.yaml",
        lambda: (
            _shipped(STEUERUNG)
            .replace("related: [zielgerichtet-vernetzen,", "related: [gibt-es-nicht,")
            .encode()
        ),
        "Verweis auf „gibt-es-nicht“",
        id="dangling-reference",
    ),
    pytest.param(
        "extra.yaml",
        lambda: _shipped(STEUERUNG).encode(),
        "Die id gibt es schon (entries/",
        id="duplicate-id",
    ),
    pytest.param(
        "steuerung.yaml",
        lambda: _shipped(STEUERUNG).replace("sources: [V1]", "sources: [V2]").encode(),
        "Die Aussage V1",
        id="removed-required-statement",
    ),
    pytest.param(
        "tips.yaml",
        lambda: _shipped("tips.yaml").encode("latin-1", errors="replace"),
        "nicht in UTF-8 gespeichert",
        id="not-utf8",
    ),
    pytest.param(
        "tips.yaml",
        lambda: _shipped("tips.yaml").encode() + b"#" * 1_100_000,
        "zu groß",
        id="oversized",
    ),
    pytest.param(
        "messages.yaml",
        lambda: _shipped("messages.yaml").replace("Guten Tag!", "Guten Tag, <Name>!").encode(),
        "Feld „greeting“: „&lt;Name&gt;“",
        id="message-html-telegram-refuses",
    ),
    pytest.param(
        "messages.yaml",
        lambda: _shipped("messages.yaml").replace("„{given}“", "„{given.upper}“").encode(),
        "Feld „abo_invalid“: „{given.upper}“",
        id="message-placeholder-attribute",
    ),
    pytest.param(
        "protokoll.pdf",
        lambda: b"%PDF-1.4 not yaml",
        "mit der Endung .yaml",
        id="not-yaml",
    ),
]


@pytest.mark.parametrize(("name", "make", "finding"), BAD_UPLOADS)
async def test_bad_upload_is_rejected_and_changes_nothing(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
    name: str,
    make: object,
    finding: str,
) -> None:
    store = store_of(editable_bot)
    served = store.current
    version = content_version(content_copy)
    reply = await admin_upload(fake_telegram, name, make())  # type: ignore[operator]

    assert finding in reply
    assert "Es bleibt alles, wie es war" in reply or "nicht übernommen" in reply
    assert content_version(content_copy) == version
    assert not (content_copy / "entries" / "extra.yaml").exists()
    assert store.current is served
    assert not (content_copy.parent / "backups").exists()


async def test_document_from_non_admin_is_not_taken_as_content(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    version = content_version(content_copy)
    reply = await admin_upload(fake_telegram, "tips.yaml", b"tips: []\n", user_id=31337)
    assert "Textnachrichten" in reply
    assert content_version(content_copy) == version


async def test_rollback_restores_the_previous_version(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    original = text_of(content_copy, STEUERUNG)
    changed = original.replace(f'title: "{OLD_TITLE}"', f'title: "{NEW_TITLE}"')
    await admin_upload(fake_telegram, "steuerung.yaml", changed.encode())
    fake_telegram.clear_calls()

    fake_telegram.push_message("/rollback", sender=Sender(ADMIN_ID))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "zurückgenommen" in call.params["text"]
    assert text_of(content_copy, STEUERUNG) == original
    assert store_of(editable_bot).current.content.entry("keine-doppelstrukturen").title == (
        OLD_TITLE
    )
    fake_telegram.clear_calls()
    fake_telegram.push_message("/rollback", sender=Sender(ADMIN_ID))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "keine ältere Fassung" in call.params["text"]


async def test_export_sends_every_content_file(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    fake_telegram.push_message("/export", sender=Sender(ADMIN_ID))
    count = len(content_files(content_copy))
    assert count >= 12  # statements, topics, tips, messages, synonyms, wegweiser, reading, entries
    calls = await fake_telegram.wait_for("sendDocument", count=count)
    sent = {f.file_name: f.content for f in fake_telegram.uploaded_files}
    assert len(calls) == count and "reading.yaml" in sent
    assert sent["tips.yaml"] == (content_copy / "tips.yaml").read_bytes()
    assert sent["steuerung.yaml"] == (content_copy / STEUERUNG).read_bytes()


async def run_watch_job(app: BotApp) -> None:
    assert app.job_queue is not None
    (job,) = app.job_queue.get_jobs_by_name(WATCH_JOB)
    await job.run(app)


async def test_file_changed_on_disk_is_picked_up(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    path = content_copy / STEUERUNG
    path.write_text(text_of(content_copy, STEUERUNG).replace(OLD_TITLE, NEW_TITLE), "utf-8")
    await run_watch_job(editable_bot)
    answer = await ask(fake_telegram, QUESTION, chat_id=4243)
    assert NEW_TITLE in answer["text"]


async def test_broken_file_on_disk_keeps_old_content_and_tells_admins(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    served = store_of(editable_bot).current
    (content_copy / "tips.yaml").write_text("tips:\n  - id: [kaputt\n", encoding="utf-8")
    await run_watch_job(editable_bot)
    (notice,) = await fake_telegram.wait_for(
        "sendMessage", lambda c: c.params["chat_id"] == ADMIN_ID
    )
    assert "tips.yaml, Zeile 3: YAML-Syntaxfehler" in notice.params["text"]
    assert store_of(editable_bot).current is served
    await run_watch_job(editable_bot)  # the same broken state is reported only once
    answer = await ask(fake_telegram, QUESTION, chat_id=4244)
    assert OLD_TITLE in answer["text"]
    assert len(fake_telegram.sent_messages(ADMIN_ID)) == 1


async def test_reload_command_reports_findings_and_keeps_serving(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
) -> None:
    served = store_of(editable_bot).current
    (content_copy / "entries" / "leer.yaml").write_text("eintraege: []\n", encoding="utf-8")
    fake_telegram.push_message("/reload", sender=Sender(ADMIN_ID))
    (call,) = await fake_telegram.wait_for("sendMessage")
    assert "entries/leer.yaml, Zeile 1" in call.params["text"]
    assert store_of(editable_bot).current is served


QUESTIONS = [
    "Wie vermeiden wir Doppelstrukturen?",
    "Wie schaffen wir Augenhöhe mit Ehrenamtlichen?",
    "Wann holen wir uns eine externe Moderation?",
    "Wie binden wir Unternehmen sinnvoll ein?",
]
NEW_MARK = "NEU "
NEW_SUMMARY = "Neue Fassung."  # a sentence of its own: the summary checks still pass


def mark_every_entry(content_dir: Path) -> None:
    """Prefix every title and summary, so an answer shows which content it came from."""
    for path in (content_dir / "entries").glob("*.yaml"):
        text = re.sub(
            r'^    title: "', f'    title: "{NEW_MARK}', path.read_text("utf-8"), flags=re.M
        )
        text = re.sub(
            r"^    summary: >-\n", f"    summary: >-\n      {NEW_SUMMARY}\n", text, flags=re.M
        )
        path.write_text(text, encoding="utf-8")


def came_from_new_content(text: str) -> bool:
    """True/False for new/old content; fails if an answer mixes both."""
    title_new = text.startswith(f"<b>{NEW_MARK}")
    assert title_new == (NEW_SUMMARY in text), text
    return title_new


@pytest.mark.parametrize("trigger", ["watcher", "/reload"])
async def test_reload_while_100_questions_are_in_flight_answers_consistently(
    editable_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    content_copy: Path,
    trigger: str,
) -> None:
    """Answers come wholly from the old or wholly from the new content, never a mix."""
    mark_every_entry(content_copy)
    chats = list(range(9000, 9100))
    for chat in chats[:50]:
        fake_telegram.push_message(QUESTIONS[chat % 4], sender=Sender(chat))
    await fake_telegram.wait_for("sendMessage", count=10)
    if trigger == "watcher":
        await_reload = asyncio.create_task(run_watch_job(editable_bot))
    else:
        fake_telegram.push_message("/reload", sender=Sender(ADMIN_ID))
        await_reload = asyncio.create_task(
            fake_telegram.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN_ID)
        )
    for chat in chats[50:]:
        fake_telegram.push_message(QUESTIONS[chat % 4], sender=Sender(chat))
    in_range = {"predicate": lambda c: c.params["chat_id"] in chats, "count": 100, "timeout": 20}
    await fake_telegram.wait_for("sendMessage", **in_range)  # type: ignore[arg-type]
    await await_reload

    origins = [came_from_new_content(fake_telegram.sent_messages(c)[0]["text"]) for c in chats]
    assert origins[:10] == [False] * 10
    last = await ask(fake_telegram, QUESTIONS[0], chat_id=9999)
    assert came_from_new_content(last["text"])
