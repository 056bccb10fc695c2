"""The pure daily-tip core: time parsing, due slots across DST, first day, rotation."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.tips.schedule import (
    EVERY_DAY,
    WORKDAYS,
    Slot,
    due_slots,
    first_delivery_day,
    next_tip,
    parse_time,
    parse_time_key,
    rotation,
    time_key,
)

BERLIN = ZoneInfo("Europe/Berlin")
CATCH_UP = timedelta(minutes=120)
EIGHT = time(8, 0)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30", time(7, 30)),
        ("7:30", time(7, 30)),
        ("7.30", time(7, 30)),
        ("7", time(7, 0)),
        ("18 Uhr", time(18, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("25:99", None),
        ("24:00", None),
        ("12:60", None),
        ("morgen", None),
        ("7:5", None),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


def test_time_key_round_trip_and_rejects_garbage() -> None:
    assert parse_time_key(time_key(time(7, 5))) == time(7, 5)
    for bad in ("2400", "0760", "730", "ab12", "07301"):
        assert parse_time_key(bad) is None


# 08:00 Berlin is 07:00 UTC in winter (CET) and 06:00 UTC in summer (CEST).
DST_CASES = [
    ("2026-03-28T07:00", date(2026, 3, 28)),  # Saturday before the spring switch, CET
    ("2026-03-29T06:00", date(2026, 3, 29)),  # switch day: already CEST at 08:00
    ("2026-03-30T06:00", date(2026, 3, 30)),
    ("2026-10-24T06:00", date(2026, 10, 24)),  # CEST
    ("2026-10-25T07:00", date(2026, 10, 25)),  # switch day: CET again at 08:00
    ("2026-10-26T07:00", date(2026, 10, 26)),
]


@pytest.mark.parametrize(("instant", "day"), DST_CASES)
def test_eight_oclock_is_due_at_eight_local_across_dst(instant: str, day: date) -> None:
    now = utc(instant)
    assert due_slots([EIGHT], now, BERLIN, CATCH_UP) == [Slot(day, EIGHT)]
    one_minute_early = now - timedelta(minutes=1)
    assert due_slots([EIGHT], one_minute_early, BERLIN, timedelta(0)) == []


@pytest.mark.parametrize(("instant", "day"), DST_CASES)
def test_an_hour_off_is_not_due_without_catch_up(instant: str, day: date) -> None:
    # The wrong UTC offset (an hour early) must not count as 08:00 local.
    assert due_slots([EIGHT], utc(instant) - timedelta(hours=1), BERLIN, timedelta(0)) == []


def test_catch_up_window_and_skip_after_it() -> None:
    eight = utc("2026-11-25T07:00")  # 08:00 CET
    assert due_slots([EIGHT], eight + timedelta(minutes=120), BERLIN, CATCH_UP)
    assert due_slots([EIGHT], eight + timedelta(minutes=121), BERLIN, CATCH_UP) == []
    assert due_slots([EIGHT], eight + timedelta(minutes=30), BERLIN, timedelta(0)) == []


def test_catch_up_reaches_back_over_midnight() -> None:
    late = time(23, 30)
    after_midnight = utc("2026-11-25T23:15")  # 00:15 on 26 Nov in Berlin
    assert due_slots([late], after_midnight, BERLIN, CATCH_UP) == [Slot(date(2026, 11, 25), late)]


def test_only_matching_times_are_due() -> None:
    now = utc("2026-11-25T07:00")
    assert due_slots([EIGHT, time(9, 0), time(7, 59)], now, BERLIN, timedelta(0)) == [
        Slot(date(2026, 11, 25), EIGHT)
    ]


@pytest.mark.parametrize(
    ("instant", "at", "weekdays", "expected"),
    [
        ("2026-11-25T05:00", EIGHT, EVERY_DAY, date(2026, 11, 25)),  # Wed 06:00: today
        ("2026-11-25T08:00", EIGHT, EVERY_DAY, date(2026, 11, 26)),  # Wed 09:00: tomorrow
        ("2026-11-27T08:00", EIGHT, WORKDAYS, date(2026, 11, 30)),  # Fri 09:00: Monday
        ("2026-11-28T05:00", EIGHT, WORKDAYS, date(2026, 11, 30)),  # Sat: Monday
    ],
)
def test_first_delivery_day(instant: str, at: time, weekdays: int, expected: date) -> None:
    assert first_delivery_day(at, weekdays, utc(instant), BERLIN) == expected


TIPS = [f"tipp-{n}" for n in range(10)]


def run_rotation(chat_id: int, tip_ids: list[str], days: int) -> list[str]:
    round_number, sent, received = 0, set[str](), []
    for _ in range(days):
        picked = next_tip(chat_id, tip_ids, round_number, sent)
        assert picked is not None
        tip_id, new_round = picked
        if new_round != round_number:
            round_number, sent = new_round, set()
        sent.add(tip_id)
        received.append(tip_id)
    return received


def test_every_tip_once_before_any_repeat() -> None:
    received = run_rotation(42, TIPS, 25)
    assert sorted(received[:10]) == TIPS
    assert sorted(received[10:20]) == TIPS
    assert received[:10] != received[10:20]  # a new shuffle each round


def test_rotation_differs_between_chats_and_is_stable() -> None:
    firsts = {rotation(chat, 0, TIPS)[0] for chat in range(1, 40)}
    assert len(firsts) > 3
    assert rotation(7, 3, TIPS) == rotation(7, 3, list(reversed(TIPS)))


def test_new_tips_join_and_removed_tips_are_skipped() -> None:
    order = rotation(5, 0, TIPS)
    sent = set(order[:4])
    current = [t for t in TIPS if t != order[4]] + ["tipp-neu"]  # one removed, one added
    received = []
    for _ in range(len(current) - len(sent)):
        picked = next_tip(5, current, 0, sent)
        assert picked is not None and picked[1] == 0
        received.append(picked[0])
        sent.add(picked[0])
    assert order[4] not in received
    assert "tipp-neu" in received
    assert sorted(sent) == sorted(current)
    assert next_tip(5, current, 0, sent) == (rotation(5, 1, current)[0], 1)


def test_no_tips_means_nothing_to_send() -> None:
    assert next_tip(1, [], 0, set()) is None
