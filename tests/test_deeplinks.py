"""Deep link payloads (e-<entry>, t-<topic>, tipp) and `python -m bot links [--qr DIR]`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, Sender
from bot.ui.deeplinks import ENTRY, TIPS, TOPIC, DeepLink, all_links, link_url, parse_start


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("e-augenhoehe", DeepLink(ENTRY, "augenhoehe")),
        ("t-rahmen", DeepLink(TOPIC, "rahmen")),
        ("tipp", DeepLink(TIPS)),
        ("e-gibt-es-nicht", None),
        ("t-", None),
        ("x-augenhoehe", None),
        ("e-augenhöhe", None),
        ("", None),
        (None, None),
        ("e-" + "a" * 70, None),
    ],
)
def test_parse_start(shipped_snapshot: Snapshot, payload: str | None, expected: object) -> None:
    assert parse_start(payload, shipped_snapshot.content) == expected


def test_every_link_parses_back(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    links = all_links(content)
    assert len(links) == 1 + len(content.topics) + len(content.entries)
    for link, label in links:
        assert label
        url = link_url("@lotse_bot", link)
        assert url.startswith("https://t.me/lotse_bot?start=")
        assert parse_start(url.split("start=")[1], content) == link


def test_cli_links_prints_every_link_and_writes_qr_codes(
    tmp_path: Path, shipped_snapshot: Snapshot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["links", "--bot", "lotse_bot", "--qr", str(tmp_path / "qr")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "https://t.me/lotse_bot?start=e-augenhoehe\tAugenhöhe herstellen" in lines
    assert len(lines) == len(all_links(shipped_snapshot.content))
    png = (tmp_path / "qr" / "e-augenhoehe.png").read_bytes()
    svg = (tmp_path / "qr" / "e-augenhoehe.svg").read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and "<svg" in svg
    assert len(list((tmp_path / "qr").iterdir())) == 2 * len(lines)


def test_cli_links_needs_the_bot_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BOT_USERNAME", raising=False)
    assert main(["links"]) == 2
    assert "BOT_USERNAME" in capsys.readouterr().err


async def test_deep_links_open_entry_topic_tips_or_greet(
    running_bot: object, fake_telegram: FakeTelegramServer, shipped_snapshot: Snapshot
) -> None:
    content = shipped_snapshot.content
    entry = content.entry("augenhoehe")
    assert entry is not None
    cases = [
        ("/start e-augenhoehe", f"<b>{entry.title}</b>"),
        ("/start t-rahmen", "Rahmenbedingungen und Grundhaltung"),
        ("/start tipp", "Sie bekommen"),
        ("/start e-gibt-es-nicht", "Guten Tag"),
        ("/start", "Guten Tag"),
    ]
    for number, (text, expected) in enumerate(cases):
        chat = 5000 + number
        fake_telegram.push_message(text, sender=Sender(chat))
        (call,) = await fake_telegram.wait_for(
            "sendMessage", lambda c, chat=chat: c.params["chat_id"] == chat
        )
        assert expected in call.params["text"], text
