"""/stats → add a real question to an entry → the file keeps its comments → it is answered."""

from __future__ import annotations

from pathlib import Path

from bot.serve import BotApp
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from tests.conftest import ADMIN_ID
from tests.test_human_e2e import buttons, sent_to, with_prefix

USER = 4242
QUESTION = "Wer kümmert sich bei uns um den Glühweinstand?"
ENTRY = "schluesselpersonen"
FILE = "entries/dialog.yaml"


async def test_stats_add_question_keeps_the_file_and_answers_it(
    editable_bot: BotApp, fake_telegram: FakeTelegramServer, content_copy: Path
) -> None:
    before = (content_copy / FILE).read_bytes()
    fake_telegram.push_message(QUESTION, sender=Sender(USER))
    await sent_to(fake_telegram, USER, "leider nichts Passendes")

    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    groups = (await sent_to(fake_telegram, ADMIN_ID, "Fragen zum Bearbeiten")).result
    assert f"1. „{QUESTION}“ – 1× ohne Antwort" in groups["text"]
    fake_telegram.push_callback(with_prefix(groups, "rvp:"), groups, sender=Sender(ADMIN_ID))
    choice = (await sent_to(fake_telegram, ADMIN_ID, "Zu welchem Eintrag passt")).result
    assert 1 <= len(buttons(choice)) <= 3  # the likeliest entries (at most three)
    fake_telegram.push_message(  # none fits: the admin searches
        "Schlüsselpersonen", sender=Sender(ADMIN_ID), reply_to_message=choice
    )
    found = await fake_telegram.wait_for(
        "sendMessage", lambda c: "Zu welchem Eintrag passt" in str(c.params["text"]), count=2
    )
    searched = found[-1].result
    fake_telegram.push_callback(with_prefix(searched, "rva:"), searched, sender=Sender(ADMIN_ID))
    done = await sent_to(fake_telegram, ADMIN_ID, "steht jetzt beim Eintrag", timeout=60)
    assert f'+       - "{QUESTION}"' in done.params["text"].replace("&quot;", '"')

    after = (content_copy / FILE).read_bytes().decode().splitlines(keepends=True)
    inserted = [n for n, line in enumerate(after) if QUESTION in line]
    assert len(inserted) == 1
    assert "".join(after[: inserted[0]] + after[inserted[0] + 1 :]).encode() == before

    fake_telegram.push_message(QUESTION, sender=Sender(USER + 1))
    answer = await sent_to(fake_telegram, USER + 1, "<b>")
    assert "Schlüsselpersonen" in answer.params["text"]

    fake_telegram.push_message("/rollback", sender=Sender(ADMIN_ID))
    await sent_to(fake_telegram, ADMIN_ID, "Sicherung", timeout=60)
    assert (content_copy / FILE).read_bytes() == before


async def test_ignored_groups_leave_stats_and_users_cannot_press_review_buttons(
    editable_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    fake_telegram.push_message(QUESTION, sender=Sender(USER))
    await sent_to(fake_telegram, USER, "leider nichts Passendes")
    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    groups = (await sent_to(fake_telegram, ADMIN_ID, "Fragen zum Bearbeiten")).result
    ignore = with_prefix(groups, "rvi:")
    fake_telegram.push_callback(ignore, groups, sender=Sender(USER))  # not an admin
    await sent_to(fake_telegram, groups["chat"]["id"], "vorbehalten")
    fake_telegram.push_callback(ignore, groups, sender=Sender(ADMIN_ID))
    await sent_to(fake_telegram, ADMIN_ID, "zeige ich in /stats nicht mehr an")
    fake_telegram.clear_calls()
    fake_telegram.push_message("/stats", sender=Sender(ADMIN_ID))
    await sent_to(fake_telegram, ADMIN_ID, "Fragen")
    texts = [str(c.params["text"]) for c in fake_telegram.calls_of("sendMessage")]
    assert not any("Fragen zum Bearbeiten" in t for t in texts)
