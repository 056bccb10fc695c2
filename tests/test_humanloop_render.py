"""Rendering of human help: which replies offer contacts and the team, contacts, consent."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content import Contact
from bot.matching import (
    ANSWER,
    KIND_POINTER,
    KIND_PRINCIPLE,
    KIND_REFUSAL,
    KIND_SERVICE,
    KIND_SMALLTALK,
    REFUSE,
    SUGGEST,
)
from bot.snapshot import Snapshot
from bot.ui import Reply, humanloop
from bot.ui.callbacks import MAX_CALLBACK_BYTES
from bot.ui.reply import Button

BASE = Reply("Text", ((Button("Themen", "top"),),))


@pytest.mark.parametrize(
    ("decision", "log_id", "forward", "expected"),
    [
        (REFUSE, 7, True, ["ask:7", "kontakt", "top"]),
        (REFUSE, 7, False, ["kontakt", "top"]),  # nobody to forward to
        (REFUSE, None, True, ["kontakt", "top"]),  # the log failed: nothing to refer to
        (SUGGEST, 7, True, ["kontakt", "top"]),  # "did you mean": contacts only
        (ANSWER, 7, True, ["top"]),
    ],
)
def test_which_replies_offer_human_help(
    shipped_snapshot: Snapshot,
    decision: str,
    log_id: int | None,
    forward: bool,
    expected: list[str],
) -> None:
    reply = humanloop.with_human_help(shipped_snapshot.content, BASE, decision, log_id, forward)
    assert [b.data for row in reply.buttons for b in row] == expected


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (KIND_REFUSAL, ["ask:7", "kontakt", "top"]),
        (KIND_PRINCIPLE, ["ask:7", "kontakt", "top"]),  # a principle below the answer line
        (KIND_SMALLTALK, ["top"]),  # "Danke!" needs no person
        (KIND_SERVICE, ["top"]),  # the Bürgeramt, not the team, helps with a passport
        (KIND_POINTER, ["top"]),  # a Wegweiser answer shows its own contacts
    ],
)
def test_human_help_only_where_the_content_fell_short(
    shipped_snapshot: Snapshot, kind: str, expected: list[str]
) -> None:
    reply = humanloop.with_human_help(shipped_snapshot.content, BASE, REFUSE, 7, True, kind)
    assert [b.data for row in reply.buttons for b in row] == expected


def test_without_contacts_no_contact_button_and_an_honest_note(shipped_snapshot: Snapshot) -> None:
    content = replace(shipped_snapshot.content, contacts=())
    reply = humanloop.with_human_help(content, BASE, REFUSE, 3, True)
    assert [b.data for row in reply.buttons for b in row] == ["ask:3", "top"]
    assert "noch keine Ansprechpartner" in humanloop.render_contacts(content, True).text


def test_contacts_are_escaped_and_the_example_is_marked(shipped_snapshot: Snapshot) -> None:
    contact = Contact("Büro <Mitte>", "Engagement & Ehrenamt", "Hilft", email="a@b.de")
    content = replace(shipped_snapshot.content, contacts=(contact,), contacts_are_example=True)
    text = humanloop.render_contacts(content, can_forward=False).text
    assert "<b>Büro &lt;Mitte&gt;</b>" in text and "Engagement &amp; Ehrenamt" in text
    assert "E-Mail: a@b.de" in text and "Beispielkontakte" in text
    assert humanloop.team_name(content) == content.text("team_default_name")  # example: no name
    real = replace(content, contacts_are_example=False)
    assert humanloop.team_name(real) == "Büro <Mitte>"
    consent = humanloop.render_consent(real, "Frage <mit> & Zeichen", 12)
    assert (
        "Büro &lt;Mitte&gt;" in consent.text and "Frage &lt;mit&gt; &amp; Zeichen" in consent.text
    )
    assert [b.data for row in consent.buttons for b in row] == ["fwd:12"]


def test_button_data_fits_telegram_for_the_largest_ids() -> None:
    big = "9" * 12
    for data in (
        humanloop.ReviewAdd(big, "a" * 30).pack(),
        humanloop.Followup(humanloop.ASK_BACK, big).pack(),
        humanloop.ConsentForward(big).pack(),
    ):
        assert len(data.encode()) <= MAX_CALLBACK_BYTES
    assert humanloop.AskTeam.parse("ask:12x") is None
