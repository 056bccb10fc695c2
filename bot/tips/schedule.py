"""Daily tips, the pure core: times, weekdays, when a tip is due, and the rotation order.

No I/O and no `telegram` import. Every function that depends on the clock takes `now`
(an aware datetime) explicitly, so tests control time instead of sleeping.

Times are wall-clock times in the bot's time zone (Europe/Berlin): a subscriber at 08:00
gets the tip at 08:00 local time in winter and in summer. A time that does not exist on
the spring-forward day (02:00–02:59) falls one hour later; an ambiguous time on the
fall-back day means its first occurrence. The delivery log is keyed by the local day, so
either way there is exactly one tip per day.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

EVERY_DAY = 0b1111111  # bit 0 = Monday … bit 6 = Sunday
WORKDAYS = 0b0011111  # Monday to Friday
DEFAULT_TIME = time(8, 0)
TIME_CHOICES: tuple[time, ...] = tuple(time(hour, 0) for hour in range(7, 19))
SLOT_LENGTH = timedelta(minutes=1)

_TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?(?:\s*uhr)?$", re.IGNORECASE)
_TIME_KEY = re.compile(r"^(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)$")


def parse_time(text: str) -> time | None:
    """A wall-clock time from user input ("7:30", "07.30", "7 Uhr"); None if invalid."""
    found = _TIME.match(text.strip())
    if not found:
        return None
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def format_time(value: time) -> str:
    """A time as users read it: 07:30."""
    return f"{value.hour:02d}:{value.minute:02d}"


def time_key(value: time) -> str:
    """A compact form for button data and the database: 0730."""
    return f"{value.hour:02d}{value.minute:02d}"


def parse_time_key(key: str) -> time | None:
    """The inverse of `time_key`; None for anything malformed."""
    found = _TIME_KEY.match(key)
    return time(int(found["hour"]), int(found["minute"])) if found else None


def runs_on(weekdays: int, day: date) -> bool:
    """True if a subscription with this weekday mask gets a tip on `day`."""
    return bool(weekdays >> day.weekday() & 1)


def slot_start(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the wall-clock time `at` on local `day` begins."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def local_day(now: datetime, zone: ZoneInfo) -> date:
    """Today's date in the bot's time zone."""
    return now.astimezone(zone).date()


@dataclass(frozen=True, slots=True)
class Slot:
    """One (local day, wall-clock time) whose tips are due now."""

    day: date
    at: time


def due_slots(
    times: Iterable[time], now: datetime, zone: ZoneInfo, catch_up: timedelta
) -> list[Slot]:
    """Slots whose start lies in (now - catch_up - 1 min, now]: due now or still catchable.

    Yesterday is considered too, so a 23:30 tip missed by a short outage is sent after
    midnight (still within the window); anything older is skipped, never sent at 3 a.m.
    """
    now_utc = now.astimezone(UTC)
    today = local_day(now, zone)
    slots = []
    for day in (today - timedelta(days=1), today):
        for at in sorted(set(times)):
            start = slot_start(day, at, zone)
            if start <= now_utc < start + SLOT_LENGTH + catch_up:
                slots.append(Slot(day, at))
    return slots


def first_delivery_day(at: time, weekdays: int, now: datetime, zone: ZoneInfo) -> date:
    """The first local day whose slot is still ahead of `now` and falls on a chosen weekday."""
    day = local_day(now, zone)
    if slot_start(day, at, zone) <= now.astimezone(UTC):
        day += timedelta(days=1)
    while not runs_on(weekdays, day):
        day += timedelta(days=1)
    return day


def rotation(chat_id: int, round_number: int, tip_ids: Iterable[str]) -> list[str]:
    """This chat's shuffled order of the tips for one round (the same in every process)."""
    order = sorted(set(tip_ids))
    random.Random(f"{chat_id}:{round_number}").shuffle(order)
    return order


def next_tip(
    chat_id: int, tip_ids: Sequence[str], round_number: int, sent_this_round: Collection[str]
) -> tuple[str, int] | None:
    """The next tip id and its round: every current tip once before any repeats.

    Tips added later join the current round; tips removed from the content are skipped.
    None if there are no tips at all.
    """
    if not tip_ids:
        return None
    remaining = [t for t in rotation(chat_id, round_number, tip_ids) if t not in sent_this_round]
    if not remaining:
        round_number += 1
        remaining = rotation(chat_id, round_number, tip_ids)
    return remaining[0], round_number
