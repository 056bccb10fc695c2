"""Callback data: one declaration per kind packs, parses and filters; short and validated."""

from __future__ import annotations

import re

import pytest

from bot.ui.callbacks import (
    BROWSE,
    MAX_CALLBACK_BYTES,
    CallbackData,
    Feedback,
    Forget,
    ListTopics,
    OpenEntry,
    OpenTopic,
    SubscriptionChoice,
    any_pattern,
    parse_any,
)


@pytest.mark.parametrize(
    ("callback", "data"),
    [
        (OpenEntry("keine-ohnmacht"), "e:keine-ohnmacht"),
        (OpenTopic("rahmen"), "t:rahmen"),
        (ListTopics(), "top"),
        (Feedback("up", "augenhoehe"), "fb:up:augenhoehe"),
        (Forget("yes"), "forget:yes"),
        (SubscriptionChoice("t0730"), "abo:t0730"),
    ],
)
def test_pack_parse_round_trip_and_handler_pattern(callback: CallbackData, data: str) -> None:
    assert callback.pack() == data
    assert type(callback).parse(data) == callback
    assert re.match(type(callback).pattern(), data)


@pytest.mark.parametrize(
    "callback",
    [
        OpenEntry("x" * 63),  # 65 bytes
        OpenEntry("Großbuchstaben"),
        OpenEntry("mit leerzeichen"),
        OpenEntry("a:b"),
        OpenEntry(""),
        Feedback("maybe", "augenhoehe"),
        Forget("vielleicht"),
    ],
)
def test_pack_refuses_what_would_not_come_back(callback: CallbackData) -> None:
    with pytest.raises(ValueError):
        callback.pack()


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (OpenEntry, None),
        (OpenEntry, ""),
        (OpenEntry, "e:"),
        (OpenEntry, ":x"),
        (OpenEntry, "e:" + "a" * 63),
        (OpenEntry, "E:rahmen"),
        (OpenEntry, "e:rahmen "),
        (OpenEntry, "e:<b>"),
        (OpenEntry, "e:ä"),
        (OpenEntry, "e\n:x"),
        (OpenEntry, "t:rahmen"),
        (ListTopics, "top:"),
        (Feedback, "fb:meh:augenhoehe"),
        (Feedback, "fb:up"),
        (Forget, "forget:maybe"),
        (OpenTopic, "🙂"),
        (OpenTopic, "x" * 500),
    ],
)
def test_parse_rejects_other_kinds_malformed_or_forged_data(
    kind: type[CallbackData], data: str | None
) -> None:
    assert kind.parse(data) is None
    assert data is None or not re.match(kind.pattern(), data)


def test_the_longest_valid_data_fits_telegram() -> None:
    data = "e:" + "a" * (MAX_CALLBACK_BYTES - 2)
    assert OpenEntry.parse(data) == OpenEntry("a" * 62)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("top", ListTopics()),
        ("t:rahmen", OpenTopic("rahmen")),
        ("e:augenhoehe", OpenEntry("augenhoehe")),
        ("fb:up:augenhoehe", None),
        ("abo:stop", None),
    ],
)
def test_one_pattern_for_several_kinds(data: str, expected: CallbackData | None) -> None:
    assert parse_any(data, *BROWSE) == expected
    assert bool(re.match(any_pattern(*BROWSE), data)) == (expected is not None)


def test_every_kind_has_its_own_prefix() -> None:
    assert CallbackData.kinds["e"] is OpenEntry
    with pytest.raises(TypeError, match="already"):

        class Again(CallbackData, prefix="e"):
            entry_id: str
