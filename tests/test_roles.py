"""End to end: /rolle stores a perspective, answers show its steps first, it can be cleared."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import ROLE_ENGAGIERTE, ROLE_VERWALTUNG, Entry
from bot.records import choose_language, reader_choices, role_of, set_role
from bot.serve import DB_KEY, BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender, parse_html
from bot.ui import View, render_result

USER = 6201


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


def entry_with_roles(snapshot: Snapshot) -> tuple[Entry, str]:
    """An entry with steps for both perspectives and a question the matcher answers with it."""
    for entry in snapshot.content.entries:
        if entry.roles is None or not (entry.roles.verwaltung and entry.roles.engagierte):
            continue
        for question in entry.questions:
            best = snapshot.matcher.search(question).best
            if best is not None and best.entry.id == entry.id:
                return entry, question
    raise AssertionError("no entry with roles is answered by one of its questions")


async def choose(
    fake_telegram: FakeTelegramServer, label: str, sent: int, edited: int = 1
) -> tuple[str, dict[str, Any]]:
    """Send /rolle (the `sent`-th message) and press `label` (the `edited`-th edit)."""
    fake_telegram.push_message("/rolle", sender=Sender(USER))
    prompt = (await fake_telegram.wait_for("sendMessage", count=sent))[-1]
    data = dict(buttons(prompt.result))[label]
    fake_telegram.push_callback(data, prompt.result, sender=Sender(USER))
    edit = (await fake_telegram.wait_for("editMessageText", count=edited))[-1]
    return prompt.params["text"], edit.params


@pytest.mark.parametrize("role", [ROLE_VERWALTUNG, ROLE_ENGAGIERTE])
async def test_rolle_puts_the_chosen_perspective_first_until_cleared(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    role: str,
) -> None:
    content = shipped_snapshot.content
    db = running_bot.bot_data[DB_KEY]
    entry, question = entry_with_roles(shipped_snapshot)
    name = content.text(f"role_{role}")
    prompt, saved = await choose(fake_telegram, name, 1)
    none = content.text("role_none")
    assert f"Zurzeit: {none}" in parse_html(prompt)[0]
    assert saved["text"] == content.text("role_saved", role=name)
    assert await role_of(db, USER) == role

    fake_telegram.push_message(question, sender=Sender(USER))
    answer = (await fake_telegram.wait_for("sendMessage", count=2))[-1]
    result = shipped_snapshot.matcher.search(question)
    assert answer.params["text"] == render_result(content, result, View(role=role)).text
    shown = parse_html(answer.params["text"])[0]
    header = content.text(f"steps_{role}_header")
    assert shown.index(header) < shown.index(content.text("steps_header"))
    assert entry.roles is not None and entry.roles.steps_for(role)[0] in shown

    prompt, cleared = await choose(fake_telegram, none, 3, 2)
    assert f"Zurzeit: {name}" in parse_html(prompt)[0]
    assert cleared["text"] == content.text("role_cleared")
    assert await role_of(db, USER) == ""
    fake_telegram.push_message(question, sender=Sender(USER))
    again = (await fake_telegram.wait_for("sendMessage", count=4))[-1]
    assert again.params["text"] == render_result(content, result).text


async def test_vergessen_deletes_the_role(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    db = running_bot.bot_data[DB_KEY]
    await choose(fake_telegram, shipped_snapshot.content.text("role_verwaltung"), 1)
    assert await role_of(db, USER) == ROLE_VERWALTUNG
    fake_telegram.push_message("/vergessen", sender=Sender(USER))
    confirm = (await fake_telegram.wait_for("sendMessage", count=2))[-1]
    yes = buttons(confirm.result)[0][1]
    fake_telegram.push_callback(yes, confirm.result, sender=Sender(USER))
    await fake_telegram.wait_for("editMessageText", count=2)
    assert await role_of(db, USER) == ""
    _, question = entry_with_roles(shipped_snapshot)
    fake_telegram.push_message(question, sender=Sender(USER))
    answer = (await fake_telegram.wait_for("sendMessage", count=3))[-1]
    result = shipped_snapshot.matcher.search(question)
    assert answer.params["text"] == render_result(shipped_snapshot.content, result).text


async def test_a_role_stored_before_the_start_shapes_the_first_answer(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    await set_role(running_bot.bot_data[DB_KEY], USER, ROLE_ENGAGIERTE)
    _, question = entry_with_roles(shipped_snapshot)
    fake_telegram.push_message(question, sender=Sender(USER))
    (answer,) = await fake_telegram.wait_for("sendMessage")
    result = shipped_snapshot.matcher.search(question)
    view = View(role=ROLE_ENGAGIERTE)
    assert answer.params["text"] == render_result(shipped_snapshot.content, result, view).text


async def test_reader_choices_reads_language_and_role_together(running_bot: BotApp) -> None:
    db = running_bot.bot_data[DB_KEY]
    assert await reader_choices(db, USER) == (None, "")
    await set_role(db, USER, ROLE_VERWALTUNG)
    assert await reader_choices(db, USER) == (None, ROLE_VERWALTUNG)
    await choose_language(db, USER, "en")
    assert await reader_choices(db, USER) == ("en", ROLE_VERWALTUNG)
    assert await reader_choices(db, USER + 1) == (None, "")


async def test_forged_role_button_changes_nothing(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    fake_telegram.push_message("/rolle", sender=Sender(USER))
    (prompt,) = await fake_telegram.wait_for("sendMessage")
    fake_telegram.push_callback("role:chefin", prompt.result, sender=Sender(USER))
    fake_telegram.push_callback("role:none", prompt.result, sender=Sender(USER))
    await fake_telegram.wait_for("editMessageText")
    assert await role_of(running_bot.bot_data[DB_KEY], USER) == ""
    assert len(fake_telegram.calls_of("editMessageText")) == 1
