"""Callback data for inline buttons: one typed declaration per kind, like aiogram's CallbackData.

A kind is a frozen dataclass that names its prefix and, where a field is narrower than a
slug, that field's pattern:

    @dataclass(frozen=True)
    class Feedback(CallbackData, prefix="fb", vote="up|down"):
        vote: str
        entry_id: str

From that one declaration come `pack()` (`fb:up:augenhoehe`), `parse(data)` (None for
anything malformed or forged) and `pattern()` for python-telegram-bot's
`CallbackQueryHandler`. Telegram allows at most 64 bytes of callback data; ids are short
ASCII slugs (the content validator limits them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from typing import ClassVar, Self

from bot.content import ROLES

MAX_CALLBACK_BYTES = 64
SEPARATOR = ":"
SLUG = "[a-z0-9_-]+"
_FITS = f"(?=.{{1,{MAX_CALLBACK_BYTES}}}$)"  # patterns are ASCII: characters are bytes

FEEDBACK_UP = "up"
FEEDBACK_DOWN = "down"
FORGET_CONFIRM = "yes"
FORGET_CANCEL = "no"
VIEW_PLAIN = "plain"
VIEW_FULL = "full"
NO_ROLE = "none"


class CallbackData:
    """Base of every callback kind; subclasses are frozen dataclasses of str fields."""

    prefix: ClassVar[str]
    field_patterns: ClassVar[dict[str, str]]
    kinds: ClassVar[dict[str, type[CallbackData]]] = {}  # prefix → kind, each prefix once

    def __init_subclass__(cls, prefix: str, **field_patterns: str) -> None:
        super().__init_subclass__()
        if prefix in CallbackData.kinds:
            raise TypeError(f"callback prefix {prefix!r} is already {CallbackData.kinds[prefix]}")
        CallbackData.kinds[prefix] = cls
        cls.prefix = prefix
        cls.field_patterns = field_patterns

    @classmethod
    def _body(cls, named: bool) -> str:
        parts = [re.escape(cls.prefix)]
        for field in fields(cls):  # type: ignore[arg-type]  # subclasses are dataclasses
            pattern = cls.field_patterns.get(field.name, SLUG)
            group = f"?P<{field.name}>" if named else "?:"
            parts.append(f"({group}{pattern})")
        return re.escape(SEPARATOR).join(parts)

    @classmethod
    @functools.cache
    def pattern(cls) -> re.Pattern[str]:
        """The full-match pattern of this kind, for `CallbackQueryHandler(pattern=...)`."""
        return re.compile(f"^{_FITS}{cls._body(named=True)}$")

    def pack(self) -> str:
        """The callback data; raises ValueError if it would not come back through `parse`."""
        values = [str(getattr(self, field.name)) for field in fields(self)]  # type: ignore[arg-type]
        data = SEPARATOR.join([self.prefix, *values])
        if len(data.encode()) > MAX_CALLBACK_BYTES or not self.pattern().match(data):
            raise ValueError(f"invalid callback data {data!r}")
        return data

    @classmethod
    def parse(cls, data: str | None) -> Self | None:
        """The button press as this kind; None for other kinds, malformed or forged data."""
        if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
            return None
        found = cls.pattern().match(data)
        return cls(**found.groupdict()) if found else None


def any_pattern(*kinds: type[CallbackData]) -> re.Pattern[str]:
    """One handler pattern for several kinds."""
    return re.compile("|".join(f"^{_FITS}{kind._body(named=False)}$" for kind in kinds))


def parse_any(data: str | None, *kinds: type[CallbackData]) -> CallbackData | None:
    """The first kind that parses the data, or None."""
    for kind in kinds:
        parsed = kind.parse(data)
        if parsed is not None:
            return parsed
    return None


@dataclass(frozen=True)
class ListTopics(CallbackData, prefix="top"):
    """Show the topic overview."""


@dataclass(frozen=True)
class OpenTopic(CallbackData, prefix="t"):
    """Show the entries of one topic."""

    topic_id: str


@dataclass(frozen=True)
class OpenEntry(CallbackData, prefix="e"):
    """Show one entry."""

    entry_id: str


@dataclass(frozen=True)
class Feedback(CallbackData, prefix="fb", vote=f"{FEEDBACK_UP}|{FEEDBACK_DOWN}"):
    """👍 or 👎 on the answer that showed this entry."""

    vote: str
    entry_id: str


@dataclass(frozen=True)
class Forget(CallbackData, prefix="forget", answer=f"{FORGET_CONFIRM}|{FORGET_CANCEL}"):
    """The answer to "really delete everything about me?"."""

    answer: str


@dataclass(frozen=True)
class SubscriptionChoice(CallbackData, prefix="abo"):
    """A daily-tip setting button; `bot.tips.conversation` validates the choice."""

    choice: str


@dataclass(frozen=True)
class ListReading(CallbackData, prefix="read"):
    """Show the further-reading list."""


@dataclass(frozen=True)
class SwitchView(CallbackData, prefix="v", mode=f"{VIEW_PLAIN}|{VIEW_FULL}"):
    """Show the answer on this message in plain German ("Einfacher gesagt") or in full."""

    mode: str
    entry_id: str


@dataclass(frozen=True)
class ListGlossary(CallbackData, prefix="gl"):
    """Show the glossary."""


@dataclass(frozen=True)
class OpenTerm(CallbackData, prefix="g"):
    """Show the explanation of one glossary term."""

    term_id: str


@dataclass(frozen=True)
class RoleChoice(CallbackData, prefix="role", role=f"{'|'.join(ROLES)}|{NO_ROLE}"):
    """The perspective chosen with /rolle; NO_ROLE clears it."""

    role: str


@dataclass(frozen=True)
class ListPointers(CallbackData, prefix="wl"):
    """Show the Wegweiser pointers ("Praktische Fragen")."""


@dataclass(frozen=True)
class OpenPointer(CallbackData, prefix="w"):
    """Show one Wegweiser pointer."""

    pointer_id: str


@dataclass(frozen=True)
class LanguageChoice(CallbackData, prefix="lang", lang="de|en"):
    """A /sprache button: answer in German or English from now on."""

    lang: str


# The kinds the topic browser (and the terminal chat) opens in place.
BROWSE = (
    ListTopics,
    OpenTopic,
    OpenEntry,
    ListReading,
    ListPointers,
    OpenPointer,
    ListGlossary,
    OpenTerm,
)
