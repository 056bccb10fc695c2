"""Callback data for inline buttons: short, versioned by shape, validated on the way back.

Telegram allows at most 64 bytes of callback data. Buttons carry `<action>:<argument>`,
with ids that the content validator already limits to short ASCII slugs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CALLBACK_BYTES = 64

OPEN_ENTRY = "e"
OPEN_TOPIC = "t"
LIST_TOPICS = "top"
FEEDBACK = "fb"
FORGET = "forget"

_PATTERN = re.compile(r"^(?P<action>[a-z]{1,8})(?::(?P<arg>[a-z0-9:_-]{1,55}))?$")


@dataclass(frozen=True, slots=True)
class Callback:
    """A parsed button press."""

    action: str
    argument: str = ""


def encode(action: str, argument: str = "") -> str:
    """Callback data for a button; raises ValueError if it would not fit Telegram's limit."""
    data = f"{action}:{argument}" if argument else action
    if len(data.encode()) > MAX_CALLBACK_BYTES or not _PATTERN.match(data):
        raise ValueError(f"invalid callback data {data!r}")
    return data


def decode(data: str | None) -> Callback | None:
    """Parse callback data; None for anything malformed or forged."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    found = _PATTERN.match(data)
    if not found:
        return None
    return Callback(found["action"], found["arg"] or "")
