"""Callback data: short, validated both ways."""

from __future__ import annotations

import pytest

from bot.ui.callbacks import (
    LIST_TOPICS,
    MAX_CALLBACK_BYTES,
    OPEN_ENTRY,
    OPEN_TOPIC,
    Callback,
    decode,
    encode,
)


@pytest.mark.parametrize(
    ("action", "argument"),
    [(OPEN_ENTRY, "keine-ohnmacht"), (OPEN_TOPIC, "rahmen"), (LIST_TOPICS, ""), ("e", "a_b:1")],
)
def test_encode_decode_round_trip(action: str, argument: str) -> None:
    data = encode(action, argument)
    assert len(data.encode()) <= MAX_CALLBACK_BYTES
    assert decode(data) == Callback(action, argument)


def test_action_without_argument_has_no_separator() -> None:
    assert encode(LIST_TOPICS) == "top"


@pytest.mark.parametrize(
    ("action", "argument"),
    [
        ("e", "x" * 63),  # 65 bytes
        ("e", "Großbuchstaben"),
        ("e", "mit leerzeichen"),
        ("e", "äöü"),
        ("", "rahmen"),
        ("toolongaction", "x"),
    ],
)
def test_encode_refuses_what_would_not_come_back(action: str, argument: str) -> None:
    with pytest.raises(ValueError):
        encode(action, argument)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "e:",
        ":x",
        "e:" + "a" * 62,
        "E:rahmen",
        "e:rahmen ",
        "e:<b>",
        "e:ä",
        "e\n:x",
        "🙂",
        "x" * 500,
    ],
)
def test_decode_rejects_malformed_or_forged_data(data: str | None) -> None:
    assert decode(data) is None


def test_decode_accepts_the_longest_valid_data() -> None:
    data = "e:" + "a" * 55
    assert decode(data) == Callback("e", "a" * 55)
