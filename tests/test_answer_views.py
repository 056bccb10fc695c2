"""Answer views: plain German ↔ full, the reader's perspective first, legal notes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import ROLE_ENGAGIERTE, ROLE_VERWALTUNG, Content, Entry, Plain, Roles
from bot.content import ROLES as ROLE_IDS
from bot.content.loader import load_content
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import parse_html
from bot.ui import SwitchView, View
from bot.ui.render import (
    MAX_MESSAGE_CHARS,
    Button,
    render_entry,
    render_entry_by_id,
    switch_view,
)

PLAIN = Plain("Alle reden gleichberechtigt miteinander.", ("Laden Sie ein.", "Hören Sie zu."))
ROLES = Roles(
    verwaltung=("Reservieren Sie einen Raum im Rathaus.", "Schicken Sie die Einladung."),
    engagierte=("Bitten Sie um einen Termin.", "Bringen Sie Ihre Fragen mit."),
)
LEGAL = "Allgemeiner Hinweis, keine Rechtsberatung: Fragen Sie das Rechtsamt."


@pytest.fixture
def content(mini_content_dir: Path) -> Content:
    mini = load_content(mini_content_dir)
    first = replace(mini.entries[0], plain=PLAIN, roles=ROLES, legal_note=LEGAL)
    return replace(mini, entries=(first, *mini.entries[1:]))


def entry(content: Content) -> Entry:
    return content.entries[0]


def shown(text: str) -> str:
    return parse_html(text)[0]


def step_headers(content: Content, text: str) -> list[str]:
    headers = {
        content.text("steps_header"): "general",
        content.text("steps_verwaltung_header"): ROLE_VERWALTUNG,
        content.text("steps_engagierte_header"): ROLE_ENGAGIERTE,
    }
    return [headers[line] for line in shown(text).splitlines() if line in headers]


def test_full_view_is_the_default_and_offers_the_plain_button(content: Content) -> None:
    reply = render_entry(content, entry(content))
    assert reply.buttons[0] == (
        Button(content.text("button_plain"), SwitchView("plain", "augenhoehe").pack()),
    )
    text = shown(reply.text)
    assert entry(content).summary in text and PLAIN.summary not in text
    assert "1. Laden Sie zu einem gemeinsamen Treffen ein." in text


def test_plain_view_shows_plain_summary_and_steps_and_the_full_button(content: Content) -> None:
    reply = render_entry(content, entry(content), view=View(plain=True))
    text = shown(reply.text)
    assert PLAIN.summary in text and entry(content).summary not in text
    assert "1. Laden Sie ein.\n2. Hören Sie zu." in text
    assert ROLES.verwaltung[0] not in text  # the plain view stays short
    assert "„Augenhöhe herstellen“" in text  # the workshop quote stays in every view
    assert shown(content.text("editorial_header")) in text
    assert reply.buttons[0][0].label == content.text("button_full")
    assert SwitchView.parse(reply.buttons[0][0].data) == SwitchView("full", "augenhoehe")


@pytest.mark.parametrize(
    ("role", "order"),
    [
        ("", ["general", ROLE_VERWALTUNG, ROLE_ENGAGIERTE]),
        (ROLE_VERWALTUNG, [ROLE_VERWALTUNG, "general", ROLE_ENGAGIERTE]),
        (ROLE_ENGAGIERTE, [ROLE_ENGAGIERTE, "general", ROLE_VERWALTUNG]),
    ],
)
def test_the_readers_perspective_comes_first(
    content: Content, role: str, order: list[str]
) -> None:
    text = render_entry(content, entry(content), view=View(role=role)).text
    assert step_headers(content, text) == order
    assert "1. Reservieren Sie einen Raum im Rathaus." in shown(text)


def test_entries_without_roles_show_only_the_general_steps(content: Content) -> None:
    other = replace(content.entries[1], roles=None)
    text = render_entry(content, other, view=View(role=ROLE_VERWALTUNG)).text
    assert step_headers(content, text) == ["general"]


@pytest.mark.parametrize("plain", [False, True])
def test_legal_note_is_marked_in_both_views(content: Content, plain: bool) -> None:
    text = shown(render_entry(content, entry(content), view=View(plain=plain)).text)
    assert f"{shown(content.text('legal_header'))}\n{LEGAL}" in text
    other = replace(content.entries[1], legal_note="")
    assert shown(content.text("legal_header")) not in shown(render_entry(content, other).text)


def test_entries_without_plain_text_have_no_switch(content: Content) -> None:
    reply = render_entry(content, replace(content.entries[1], plain=None))
    assert not any(SwitchView.parse(b.data) for row in reply.buttons for b in row)


def test_switch_keeps_the_other_buttons_and_flips_the_switch(content: Content) -> None:
    opened = render_entry_by_id(content, "augenhoehe")
    assert opened is not None
    extra = (Button("👍", "fb:up:augenhoehe"),)
    buttons = (*opened.buttons, extra)
    plain = switch_view(content, buttons[0][0].data, buttons, ROLE_ENGAGIERTE)
    assert plain is not None
    assert plain.text == render_entry(content, entry(content), view=View(True, "engagierte")).text
    assert plain.buttons[1:] == buttons[1:]
    assert plain.buttons[0][0].label == content.text("button_full")
    full = switch_view(content, plain.buttons[0][0].data, plain.buttons, ROLE_ENGAGIERTE)
    assert full is not None and full.buttons == buttons
    assert step_headers(content, full.text)[0] == ROLE_ENGAGIERTE


@pytest.mark.parametrize("data", ["v:plain:gibtsnicht", "v:xx:augenhoehe", "e:augenhoehe", None])
def test_stale_or_forged_switch_data_gives_none(content: Content, data: str | None) -> None:
    assert switch_view(content, data, ()) is None


def test_shipped_legal_notes_say_they_are_no_legal_advice(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    noted = [e for e in content.entries if e.legal_note]
    assert len(noted) >= 4  # donations, procurement, data protection, insurance
    for entry in noted:
        for plain in (False, True):
            text = shown(render_entry(content, entry, view=View(plain=plain)).text)
            assert f"{shown(content.text('legal_header'))}\n{entry.legal_note}" in text
            assert "keine Rechtsberatung" in entry.legal_note, entry.id


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_shipped_answer_fits_one_message_in_every_view(
    shipped_snapshot: Snapshot, lang: str
) -> None:
    """A switched view is an edit of one message, which Telegram cannot split."""
    content = shipped_snapshot.localized(lang).content
    assert content.lang == lang
    views = [View(plain, role) for plain in (False, True) for role in ("", *ROLE_IDS)]
    for entry in content.entries:
        for view in views:
            reply = render_entry_by_id(content, entry.id, view)
            assert reply is not None
            assert len(reply.text) <= MAX_MESSAGE_CHARS, (entry.id, view)
