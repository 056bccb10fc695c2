"""/tipp, /abo and /stopp as a conversation: user input → database → `Reply`. No `telegram`.

Buttons carry `SubscriptionChoice` data (see `parse_button`); every text is from messages.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.content import Content, Tip
from bot.storage import Database
from bot.tips import subscriptions as store
from bot.tips.schedule import (
    EVERY_DAY,
    TIME_CHOICES,
    WORKDAYS,
    format_time,
    local_day,
    next_tip,
    parse_time,
    parse_time_key,
    time_key,
)
from bot.ui import Button, OpenEntry, Reply, SubscriptionChoice, esc

SHOW = "show"
CHOOSE_TIME = "time"
ONLY_WORKDAYS = "wd"
ALL_DAYS = "all"
STOP = "stop"
RESUBSCRIBE = "on"
SET_TIME_PREFIX = "t"
TIME_BUTTONS_PER_ROW = 4
MAX_ECHO = 40
_SIMPLE_CHOICES = frozenset({SHOW, CHOOSE_TIME, ONLY_WORKDAYS, ALL_DAYS, STOP, RESUBSCRIBE})


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for with /abo arguments or a button: None means unchanged."""

    at: time | None = None
    weekdays: int | None = None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words for "Monday to Friday" and "every day" in /abo, from messages.yaml."""

    workdays: frozenset[str]
    every_day: frozenset[str]

    @classmethod
    def of(cls, content: Content) -> Vocabulary:
        def words(key: str) -> frozenset[str]:
            return frozenset(w.strip().lower() for w in content.text(key).split(",") if w.strip())

        return cls(words("abo_words_workdays"), words("abo_words_every_day"))


def parse_arguments(words: Sequence[str], vocabulary: Vocabulary) -> Request | None:
    """`/abo 07:30 werktags` → Request; None if any word is not understood."""
    at: time | None = None
    weekdays: int | None = None
    for word in " ".join(words).lower().replace(",", " ").split():
        if word in vocabulary.workdays:
            weekdays = WORKDAYS
        elif word in vocabulary.every_day:
            weekdays = EVERY_DAY
        elif word == "uhr" and at is not None:
            continue
        elif at is None and (parsed := parse_time(word)) is not None:
            at = parsed
        else:
            return None
    return Request(at, weekdays) if at is not None or weekdays is not None else None


def parse_button(data: str | None) -> str | None:
    """The choice behind an `abo:` button, validated; None for stale or forged data."""
    callback = SubscriptionChoice.parse(data)
    if callback is None:
        return None
    choice = callback.choice
    if choice in _SIMPLE_CHOICES:
        return choice
    if choice.startswith(SET_TIME_PREFIX) and parse_time_key(choice[1:]) is not None:
        return choice
    return None


def _button(content: Content, key: str, choice: str) -> Button:
    return Button(content.text(key), SubscriptionChoice(choice).pack())


def render_tip(content: Content, tip: Tip) -> Reply:
    """A tip with a "Mehr dazu" button that opens its entry."""
    text = content.text("tip", text=esc(tip.text))
    entry = content.entry(tip.entry)
    if entry is None:
        return Reply(text)
    more = Button(content.text("button_more"), OpenEntry(entry.id).pack())
    return Reply(text, ((more,),))


def _days(content: Content, weekdays: int) -> str:
    return content.text("abo_workdays" if weekdays == WORKDAYS else "abo_every_day")


def _start(content: Content, starts_on: date, today: date) -> str:
    if starts_on == today:
        return content.text("abo_start_today")
    if starts_on == today + timedelta(days=1):
        return content.text("abo_start_tomorrow")
    names = [name.strip() for name in content.text("weekday_names").split(",")]
    weekday = names[starts_on.weekday()] if len(names) == 7 else f"{starts_on:%d.%m.}"
    return content.text("abo_start_on", weekday=weekday)


def _settings_buttons(content: Content, weekdays: int) -> tuple[tuple[Button, ...], ...]:
    days = (
        _button(content, "button_every_day", ALL_DAYS)
        if weekdays == WORKDAYS
        else _button(content, "button_workdays", ONLY_WORKDAYS)
    )
    return (
        (_button(content, "button_change_time", CHOOSE_TIME),),
        (days,),
        (_button(content, "button_stop", STOP),),
    )


def render_confirmation(content: Content, sub: store.Subscription, today: date) -> Reply:
    """ "Sie bekommen ab morgen jeden Werktag um 07:30 Uhr einen Tipp." with buttons."""
    text = content.text(
        "abo_confirm",
        start=_start(content, sub.starts_on, today),
        days=_days(content, sub.weekdays),
        time=format_time(sub.at),
    )
    return Reply(text, _settings_buttons(content, sub.weekdays))


def render_status(content: Content, sub: store.Subscription) -> Reply:
    """The current setting with buttons to change or stop it."""
    text = content.text("abo_status", days=_days(content, sub.weekdays), time=format_time(sub.at))
    return Reply(text, _settings_buttons(content, sub.weekdays))


def render_time_choice(content: Content) -> Reply:
    """Buttons 07:00 … 18:00 and a way back."""
    buttons = [
        Button(format_time(at), SubscriptionChoice(SET_TIME_PREFIX + time_key(at)).pack())
        for at in TIME_CHOICES
    ]
    rows = [
        tuple(buttons[i : i + TIME_BUTTONS_PER_ROW])
        for i in range(0, len(buttons), TIME_BUTTONS_PER_ROW)
    ]
    rows.append((_button(content, "button_back", SHOW),))
    return Reply(content.text("abo_choose_time"), tuple(rows))


def render_invalid(content: Content, given: str) -> Reply:
    """A clear hint with an example; nothing was changed."""
    shown = given if len(given) <= MAX_ECHO else given[: MAX_ECHO - 1] + "…"
    return Reply(content.text("abo_invalid", given=esc(re.sub(r"\s+", " ", shown))))


async def tip_now(db: Database, content: Content, chat_id: int, now: datetime) -> Reply:
    """The chat's next tip in its rotation, noted so the daily tip does not repeat it."""
    round_number, sent = await store.rotation_state(db, chat_id)
    picked = next_tip(chat_id, sorted(t.id for t in content.tips), round_number, sent)
    if picked is None:
        return Reply(content.text("no_tips"))
    tip_id, round_number = picked
    await store.record_tip(db, chat_id, tip_id, round_number, now)
    tip = next(t for t in content.tips if t.id == tip_id)
    return render_tip(content, tip)


async def subscribe_command(
    db: Database,
    content: Content,
    chat_id: int,
    words: Sequence[str],
    now: datetime,
    zone: ZoneInfo,
) -> Reply:
    """/abo [Uhrzeit] [werktags]: subscribe or change; without words show the setting."""
    request = parse_arguments(words, Vocabulary.of(content)) if words else Request()
    if request is None:
        return render_invalid(content, " ".join(words))
    current = await store.get_subscription(db, chat_id)
    if not words and current is not None and current.active:
        return render_status(content, current)
    sub = await store.subscribe(db, chat_id, now, zone, request.at, request.weekdays)
    return render_confirmation(content, sub, local_day(now, zone))


async def stop_command(db: Database, content: Content, chat_id: int, now: datetime) -> Reply:
    """/stopp and the "Abbestellen" button."""
    if not await store.deactivate(db, chat_id, now):
        return Reply(content.text("abo_none"))
    return Reply(
        content.text("abo_stopped"), ((_button(content, "button_resubscribe", RESUBSCRIBE),),)
    )


async def button_pressed(
    db: Database, content: Content, chat_id: int, choice: str, now: datetime, zone: ZoneInfo
) -> Reply:
    """The reply to a validated `abo:` button (see `parse_button`)."""
    if choice == CHOOSE_TIME:
        return render_time_choice(content)
    if choice == STOP:
        return await stop_command(db, content, chat_id, now)
    if choice == SHOW:
        current = await store.get_subscription(db, chat_id)
        if current is None or not current.active:
            return Reply(content.text("abo_none"))
        return render_status(content, current)
    request = Request(
        at=parse_time_key(choice[1:]) if choice.startswith(SET_TIME_PREFIX) else None,
        weekdays={ONLY_WORKDAYS: WORKDAYS, ALL_DAYS: EVERY_DAY}.get(choice),
    )
    sub = await store.subscribe(db, chat_id, now, zone, request.at, request.weekdays)
    return render_confirmation(content, sub, local_day(now, zone))
