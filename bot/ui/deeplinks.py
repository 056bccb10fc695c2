"""Deep links `https://t.me/<bot>?start=<payload>`: an entry, a topic or the daily tip.

Payloads: `e-<entry id>` opens an entry, `t-<topic id>` a topic, `tipp` the daily-tip
subscription. Telegram allows 1–64 characters of A–Z, a–z, 0–9, _ and - here; content ids
are lower-case slugs well inside that. Anything unknown falls back to the greeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content import Content
from bot.ui.callbacks import OpenEntry, OpenTopic
from bot.ui.render import Reply, render_callback

ENTRY = "e"
TOPIC = "t"
TIPS = "tipp"
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True, slots=True)
class DeepLink:
    """What a start payload asks for: `kind` is ENTRY, TOPIC or TIPS; `target` the id."""

    kind: str
    target: str = ""

    @property
    def payload(self) -> str:
        return self.kind if self.kind == TIPS else f"{self.kind}-{self.target}"


def parse_start(payload: str | None, content: Content) -> DeepLink | None:
    """The deep link in a /start payload; None when it is missing, malformed or stale."""
    if not payload or not _PAYLOAD.match(payload):
        return None
    if payload == TIPS:
        return DeepLink(TIPS)
    kind, _, target = payload.partition("-")
    if kind == ENTRY and content.entry(target):
        return DeepLink(ENTRY, target)
    if kind == TOPIC and content.topic(target):
        return DeepLink(TOPIC, target)
    return None


def all_links(content: Content) -> list[tuple[DeepLink, str]]:
    """Every deep link with a label: the daily tip, each topic, each entry (file order)."""
    links = [(DeepLink(TIPS), content.text("links_tips"))]
    links += [(DeepLink(TOPIC, t.id), t.title) for t in content.topics]
    links += [(DeepLink(ENTRY, e.id), e.title) for e in content.entries]
    return links


def link_url(bot_username: str, link: DeepLink) -> str:
    """The t.me address that starts the bot with this link's payload."""
    return f"https://t.me/{bot_username.lstrip('@')}?start={link.payload}"


def link_reply(content: Content, link: DeepLink) -> Reply | None:
    """The entry or topic a link opens (as if its button was pressed); None for TIPS."""
    if link.kind == ENTRY:
        return render_callback(content, OpenEntry(link.target).pack())
    if link.kind == TOPIC:
        return render_callback(content, OpenTopic(link.target).pack())
    return None
