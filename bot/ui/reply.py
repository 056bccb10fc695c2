"""The building blocks of every reply: `Reply` (HTML text + rows of `Button`), escaping,
button labels and the buttons most screens share (open an entry, all topics)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.content import Content, Entry
from bot.ui.callbacks import ListTopics, OpenEntry

MAX_BUTTON_LABEL = 60


@dataclass(frozen=True, slots=True)
class Button:
    """One inline button: a label and its callback data (or, for sharing, an inline query)."""

    label: str
    data: str
    switch_inline: str | None = None  # set: opens the chat picker with "@bot <this>"


@dataclass(frozen=True, slots=True)
class Reply:
    """A message to send: HTML text and rows of buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


def esc(text: str) -> str:
    """Escape user or content text for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def label(text: str) -> str:
    """A button label, shortened with "…" to what Telegram shows in full."""
    return text if len(text) <= MAX_BUTTON_LABEL else text[: MAX_BUTTON_LABEL - 1] + "…"


def entry_button(content: Content, entry: Entry, template: str | None = None) -> Button:
    """A button that opens an entry, labelled with its title (through a template if given)."""
    text = content.text(template, title=entry.title) if template else entry.title
    return Button(label(text), OpenEntry(entry.id).pack())


def topics_button(content: Content) -> Button:
    """The button to the topic overview."""
    return Button(content.text("button_topics"), ListTopics().pack())
