"""The /abo conversation core: arguments, buttons, rendering."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.snapshot import Snapshot
from bot.storage import Database
from bot.tips.conversation import (
    Request,
    Vocabulary,
    parse_arguments,
    parse_button,
    render_time_choice,
    subscribe_command,
    tip_now,
)
from bot.tips.schedule import EVERY_DAY, WORKDAYS
from bot.ui import callbacks

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY_NOON = datetime(2026, 11, 27, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["07:30"], Request(time(7, 30))),
        (["7", "Uhr"], Request(time(7, 0))),
        (["7:30", "werktags"], Request(time(7, 30), WORKDAYS)),
        (["werktags"], Request(None, WORKDAYS)),
        (["jeden", "Tag"], Request(None, EVERY_DAY)),
        (["8:00", "täglich"], Request(time(8, 0), EVERY_DAY)),
        (["25:99"], None),
        (["morgen"], None),
        (["7:30", "8:30"], None),
        (["uhr"], None),
    ],
)
def test_parse_arguments(
    words: list[str], expected: Request | None, shipped_snapshot: Snapshot
) -> None:
    assert parse_arguments(words, Vocabulary.of(shipped_snapshot.content)) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("abo:t0730", "t0730"),
        ("abo:wd", "wd"),
        ("abo:stop", "stop"),
        ("abo:t2599", None),
        ("abo:t07", None),
        ("abo:delete", None),
        ("e:augenhoehe", None),
        ("abo:" + "x" * 70, None),
        (None, None),
    ],
)
def test_parse_button(data: str | None, expected: str | None) -> None:
    assert parse_button(data) == expected


def test_time_buttons_fit_telegram_limits(shipped_snapshot: Snapshot) -> None:
    reply = render_time_choice(shipped_snapshot.content)
    datas = [b.data for row in reply.buttons for b in row]
    assert len(datas) == 13
    assert all(len(d.encode()) <= callbacks.MAX_CALLBACK_BYTES for d in datas)
    assert all(parse_button(d) is not None for d in datas)


async def test_friday_afternoon_workdays_start_on_monday(
    tip_db: Database, shipped_snapshot: Snapshot
) -> None:
    content = shipped_snapshot.content
    reply = await subscribe_command(tip_db, content, 1, ["07:30", "werktags"], FRIDAY_NOON, BERLIN)
    assert "Sie bekommen ab Montag jeden Werktag (Montag bis Freitag) um 07:30 Uhr" in reply.text


async def test_tip_now_follows_the_rotation(tip_db: Database, shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    texts = [(await tip_now(tip_db, content, 5, FRIDAY_NOON)).text for _ in content.tips]
    assert len(set(texts)) == len(content.tips)  # every tip once before a repeat
