"""Honest provenance: every answer quotes what the workshop noted and labels the rest."""

from __future__ import annotations

import re
from dataclasses import astuple, replace
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_content
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import parse_html
from bot.ui import View
from bot.ui.render import render_entry, render_entry_by_id

WORKSHOP = "Kommunale Steuerung und Empowerment im Netzwerk: Wie passt das zusammen?"
# Claims that everything the bot says comes from the workshop (after collapsing whitespace).
OVERCLAIMS = (
    re.compile(r"stamm(?:t|en) (?:alle |komplett |vollständig )?aus dem Workshop", re.I),
    re.compile(r"Alle Inhalte\b[^.]*\bWorkshop", re.I),
    re.compile(r"Inhalte (?:dieses Bots )?stammen\b[^.?]*\bWorkshop", re.I),
)


def visible(html_text: str) -> str:
    return parse_html(html_text)[0]


def overclaims(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [m.group(0) for pattern in OVERCLAIMS for m in pattern.finditer(flat)]


def content_texts() -> list[Path]:
    return sorted(DEFAULT_CONTENT_DIR.rglob("*.yaml"))


def test_every_entry_quotes_its_statements_verbatim_and_labels_the_rest(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    assert len(content.entries) > 30
    for entry in content.entries:
        plain = View(plain=True, role="verwaltung")
        replies = [
            (render_entry(content, entry), entry.summary, entry.steps),
            (render_entry_by_id(content, entry.id), entry.summary, entry.steps),
        ]
        if entry.plain:
            replies.append((render_entry(content, entry, view=plain), *astuple(entry.plain)))
        for reply, summary, steps in replies:
            assert reply is not None
            shown = visible(reply.text)
            for source in entry.sources:
                assert f"„{content.statements[source].text}“" in shown, (entry.id, source)
            quotes = shown.split(visible(content.text("editorial_header")))
            assert len(quotes) == 2, entry.id  # the label stands once, after the quotes
            assert visible(content.text("quote_header")) in quotes[0]
            assert summary in quotes[1]
            assert all(step in quotes[1] for step in steps)


def test_source_line_names_the_workshop_event_place_and_date(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    entry = content.entries[0]
    last = visible(render_entry(content, entry).text).splitlines()[-1]
    for part in (WORKSHOP, "Die vernetzte Kommune", "Düsseldorf", "14.06.2017", "2017"):
        assert part in last
    assert "Redaktion" in last


def test_several_statements_are_a_list(mini_content_dir: Path) -> None:
    mini = load_content(mini_content_dir)
    both = replace(mini.entries[0], sources=("X1", "X2"))
    shown = visible(render_entry(mini, both).text)
    header = visible(mini.text("quote_header"))
    assert f"{header}\n• „Augenhöhe herstellen“\n• „Zeitplan präsentieren“" in shown


@pytest.mark.parametrize("path", content_texts(), ids=lambda p: p.name)
def test_no_content_text_claims_everything_comes_from_the_workshop(path: Path) -> None:
    assert not overclaims(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize(
    "claim",
    [
        "Die Inhalte dieses Bots stammen aus dem Workshop „X“.",
        "Alle Inhalte beruhen auf dem\n  Workshop „Kommunale Steuerung“.",
        "Das stammt vollständig aus dem Workshop.",
        "Woher die Inhalte dieses Bots stammen: ein Workshop bei der Veranstaltung.",
    ],
)
def test_the_overclaim_check_catches_known_wordings(claim: str) -> None:
    assert overclaims(claim)
