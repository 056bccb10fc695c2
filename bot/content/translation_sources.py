"""What of the content is translated, and the checksum that tells a stale translation.

A `Section` names one kind of translated item (entries, topics, tips, pointers, messages …):
its file under `content/<lang>/`, the shown fields covered by the checksum and the indexed
phrasings that are not. `german_items` lists the German objects to translate, and
`source_hash` is the checksum a translation stores as `de_hash`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from bot.content.model import Content

LANGUAGES = ("de", "en")
MAX_TRANSLATED = 3500
HASH_FIELD = "de_hash"


@dataclass(frozen=True, slots=True)
class Section:
    """One kind of translated item: where it lives, which fields are shown and indexed."""

    name: str
    path: str  # relative to the language folder; a folder means every *.yaml in it
    top: str
    shown: tuple[str, ...]  # translated texts covered by the checksum
    indexed: tuple[str, ...] = ()  # English phrasings for the matcher, not checksummed


ENTRIES = Section(
    "entries",
    "entries",
    "entries",
    ("title", "summary", "steps", "poles", "plain", "roles", "legal_note"),
    ("questions", "keywords"),
)
TOPICS = Section("topics", "topics.yaml", "topics", ("title", "description"))
TIPS = Section("tips", "tips.yaml", "tips", ("text",))
POINTERS = Section(
    "pointers",
    "wegweiser.yaml",
    "pointers",
    ("title", "orientation", "who_helps", "note"),
    ("questions", "keywords"),
)
READING = Section("reading", "reading.yaml", "reading", ("title", "about"))
GLOSSARY = Section("glossary", "glossary.yaml", "terms", ("term", "explanation"), ("aliases",))
STATEMENTS = Section("statements", "statements.yaml", "statements", ("text",))
# The workshop documentation's section titles, named in every answer's source line.
SECTION_TITLES = Section("sections", "statements.yaml", "sections", ("title",))
CONTACTS = Section("contacts", "contacts.yaml", "contacts", ("role", "helps_with", "hours"))
MESSAGES = Section("messages", "messages.yaml", "messages", ("text",))
SECTIONS = (
    ENTRIES,
    TOPICS,
    TIPS,
    POINTERS,
    READING,
    GLOSSARY,
    STATEMENTS,
    SECTION_TITLES,
    CONTACTS,
    MESSAGES,
)


def _plain_value(value: Any) -> Any:
    """A JSON-able form of a field value (dataclasses become dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain_value(v) for v in value]
    return value


def shown_fields(item: object, section: Section) -> dict[str, Any]:
    """The German item's shown texts that exist (non-empty), by field name."""
    found = {}
    for name in section.shown:
        value = _plain_value(getattr(item, name, None))
        if value:
            found[name] = value
    return found


def source_hash(item: object, section: Section) -> str:
    """The checksum of the German texts a translation is made from (10 hex digits)."""
    text = json.dumps(shown_fields(item, section), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class _Message:
    """A German message as a translatable item."""

    text: str


@dataclass(frozen=True, slots=True)
class _SectionTitle:
    """The title of a section of the workshop documentation."""

    title: str


def _contact_key(contact: Any) -> str:
    return str(contact.name or contact.role)


def german_items(content: Content) -> dict[str, dict[str, Any]]:
    """Section name → id → the German object that can be translated."""
    items: dict[str, dict[str, Any]] = {
        "entries": {e.id: e for e in content.entries},
        "topics": {t.id: t for t in content.topics},
        "tips": {t.id: t for t in content.tips},
        "pointers": {p.id: p for p in content.pointers},
        "reading": {r.id: r for r in content.reading},
        "glossary": {t.id: t for t in getattr(content, "glossary", ())},
        "statements": dict(content.statements),
        "sections": {
            s.section_id: _SectionTitle(s.section_title) for s in content.statements.values()
        },
        "contacts": {_contact_key(c): c for c in content.contacts},
        "messages": {k: _Message(v) for k, v in content.messages.items()},
    }
    return items
