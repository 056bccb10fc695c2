"""Translations of the German content (content/en/…), keyed by id, checked against the German.

Each translated item carries `de_hash`, a checksum of the German texts it was translated
from (`source_hash`). When the German changes, the checksum no longer fits: the item is
*stale*, its shown texts fall back to German until someone updates the translation and its
`de_hash`. Missing items or fields fall back to German too, text by text, so a user never sees
an empty string. Missing and stale translations are `Finding`s in `Content.translation_notes`
(reported by `python -m bot validate`), not errors: the German content keeps serving.
Broken translation files (YAML syntax, wrong types, unknown fields) are errors like any other.

Example questions, keywords and aliases are written for English speakers, not translated
word by word; they feed the English index and are not part of the checksum.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bot.content.checks import Checker, Finding
from bot.content.message_checks import check_message
from bot.content.model import Content
from bot.content.translation_sources import (
    HASH_FIELD,
    MAX_TRANSLATED,
    MESSAGES,
    SECTIONS,
    Section,
    german_items,
    shown_fields,
    source_hash,
)
from bot.content.yamlsource import LineDict, LineList


@dataclass
class _Reader:
    """Reads one language's files into id → (field → value, line, file) with findings."""

    check: Checker
    lang: str
    notes: list[Finding]

    def section(self, section: Section) -> dict[str, tuple[LineDict, str]]:
        folder = self.check.root / self.lang / section.path
        if folder.is_dir():
            paths = sorted(folder.glob("*.yaml"))
        elif folder.is_file():
            paths = [folder]
        else:
            return {}
        found: dict[str, tuple[LineDict, str]] = {}
        for path in paths:
            relative = path.relative_to(self.check.root).as_posix()
            data = self.check.read(relative)
            if data is None:
                continue
            if isinstance(data, LineDict) and section.top not in data:
                continue  # nothing of this kind translated yet: reported as missing
            items = data.get(section.top) if isinstance(data, LineDict) else None
            if not isinstance(items, LineDict):
                self.check.add(
                    relative,
                    getattr(data, "line", 1),
                    f"Oben in der Datei muss „{section.top}:“ stehen, darunter je id ein Block.",
                )
                continue
            for key, value in items.items():
                found[str(key)] = self._item(section, relative, items, key, value)
        return {k: v for k, v in found.items() if v[0] is not None}

    def _item(
        self, section: Section, relative: str, items: LineDict, key: Any, value: Any
    ) -> tuple[Any, str]:
        line = items.key_lines[key]
        if not isinstance(value, LineDict):
            self.check.add(
                relative, line, "Hier muss ein Block mit „feld: text“ stehen.", str(key)
            )
            return None, relative
        allowed = {HASH_FIELD, *section.shown, *section.indexed}
        for name in value:
            if name not in allowed:
                self.check.add(
                    relative,
                    value.key_lines[name],
                    f"Unbekanntes Feld (erlaubt: {', '.join(sorted(allowed))}).",
                    str(key),
                    str(name),
                )
        for name, text in value.items():
            if name in allowed and name != HASH_FIELD:
                self._check_texts(text, relative, value.key_lines[name], str(key), str(name))
        text = value.get("text")
        if section is MESSAGES and isinstance(text, str):
            check_message(self.check, relative, value.key_lines["text"], str(key), text)
        return value, relative

    def _check_texts(self, value: Any, relative: str, line: int, key: str, name: str) -> None:
        if isinstance(value, str):
            if not value.strip() or len(value) > MAX_TRANSLATED:
                self.check.add(
                    relative, line, "Hier muss ein (nicht zu langer) Text stehen.", key, name
                )
        elif isinstance(value, LineList):
            for text in value:
                self._check_texts(text, relative, line, key, name)
        elif isinstance(value, LineDict):
            for sub, text in value.items():
                self._check_texts(text, relative, value.key_lines[sub], key, f"{name}.{sub}")
        else:
            self.check.add(relative, line, "Hier muss ein Text oder eine Liste stehen.", key, name)


def _converted(old: Any, new: Any) -> Any:
    """The translated value in the German value's shape, or None if the shapes differ."""
    if isinstance(old, str):
        return new.strip() if isinstance(new, str) else None
    if isinstance(old, tuple):
        if not isinstance(new, list) or not all(isinstance(t, str) for t in new):
            return None
        return tuple(t.strip() for t in new)
    if dataclasses.is_dataclass(old) and not isinstance(old, type) and isinstance(new, dict):
        changes = {}
        for name, value in new.items():
            current = getattr(old, name, None)
            if current is None or not isinstance(name, str):
                return None
            converted = _converted(current, value)
            if converted is None:
                return None
            changes[name] = converted
        return dataclasses.replace(old, **changes)
    return None


def _same_shape(old: Any, new: Any) -> bool:
    """Lists keep their length (steps stay numbered the same in both languages)."""
    if isinstance(old, tuple):
        return isinstance(new, tuple) and len(old) == len(new)
    if dataclasses.is_dataclass(old) and not isinstance(old, type):
        return all(
            _same_shape(getattr(old, f.name), getattr(new, f.name))
            for f in dataclasses.fields(old)
            if isinstance(getattr(old, f.name), tuple)
        )
    return True


@dataclass
class _Overlay:
    """Applies one section's translations to the German objects and notes what is missing."""

    section: Section
    notes: list[Finding]

    def apply(
        self, german: Mapping[str, Any], found: dict[str, tuple[LineDict, str]]
    ) -> dict[str, Any]:
        result = {}
        for key, item in german.items():
            translated = found.get(key)
            if translated is None:
                self._note(self._missing_file(), 0, "Die englische Übersetzung fehlt.", key)
                result[key] = item
                continue
            result[key] = self._one(item, key, *translated)
        for key, (data, relative) in found.items():
            if key not in german:
                self._note(
                    relative, data.line, "Diese id gibt es im deutschen Inhalt nicht (mehr).", key
                )
        return result

    def _missing_file(self) -> str:
        path = self.section.path
        return f"en/{path}/" if not path.endswith(".yaml") else f"en/{path}"

    def _one(self, item: Any, key: str, data: LineDict, relative: str) -> Any:
        current = source_hash(item, self.section)
        stale = str(data.get(HASH_FIELD, "")) != current
        if stale:
            self._note(
                relative,
                data.key_lines.get(HASH_FIELD, data.line),
                f"Die Übersetzung ist veraltet: der deutsche Text hat sich geändert. Bitte "
                f"anpassen und dann „{HASH_FIELD}: {current}“ eintragen.",
                key,
                HASH_FIELD,
            )
        changes: dict[str, Any] = {}
        shown = shown_fields(item, self.section)
        for name in (*self.section.shown, *self.section.indexed):
            old = getattr(item, name, None)
            if name not in data:
                if name in shown:
                    self._note(relative, data.line, "Die englische Übersetzung fehlt.", key, name)
                continue
            if old is None or (stale and name in self.section.shown):
                continue
            new = _converted(old, _unlined(data[name]))
            if new is None or (name in self.section.shown and not _same_shape(old, new)):
                self._note(
                    relative,
                    data.key_lines[name],
                    "Die Übersetzung passt nicht zur Form des deutschen Textes "
                    "(z. B. andere Zahl von Schritten); es wird Deutsch gezeigt.",
                    key,
                    name,
                )
                continue
            changes[name] = new
        return dataclasses.replace(item, **changes) if changes else item

    def _note(
        self, file: str, line: int, message: str, key: str, field_name: str | None = None
    ) -> None:
        self.notes.append(Finding(file, line, message, key, field_name))


def _unlined(value: Any) -> Any:
    """Plain dict/list/str copies of LineDict/LineList values."""
    if isinstance(value, dict):
        return {str(k): _unlined(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unlined(v) for v in value]
    return value


def translate(check: Checker, content: Content, lang: str) -> tuple[Content, list[Finding]]:
    """The content in `lang` (German wherever a translation is missing or stale), and notes.

    Structural problems of the translation files are added to `check` as errors."""
    notes: list[Finding] = []
    reader = _Reader(check, lang, notes)
    german = german_items(content)
    done: dict[str, dict[str, Any]] = {}
    for section in SECTIONS:
        done[section.name] = _Overlay(section, notes).apply(
            german[section.name], reader.section(section)
        )
    return _assemble(content, lang, done), notes


def _assemble(content: Content, lang: str, done: dict[str, dict[str, Any]]) -> Content:
    messages = {key: message.text for key, message in done["messages"].items()}
    titles = done["sections"]
    statements = {
        key: dataclasses.replace(
            german,
            translation=done["statements"][key].text
            if done["statements"][key].text != german.text
            else "",
            section_title=titles[german.section_id].title,
        )
        for key, german in content.statements.items()
    }
    changes: dict[str, Any] = {
        "lang": lang,
        "entries": _values(done["entries"]),
        "topics": _values(done["topics"]),
        "tips": _values(done["tips"]),
        "pointers": _values(done["pointers"]),
        "reading": _values(done["reading"]),
        "contacts": _values(done["contacts"]),
        "statements": MappingProxyType(statements),
        "messages": MappingProxyType(messages),
    }
    if hasattr(content, "glossary"):
        changes["glossary"] = _values(done["glossary"])
    return dataclasses.replace(content, **changes)


def _values(items: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(items.values())


def stamp_hints(content: Content) -> Iterable[tuple[str, str, str]]:
    """(section, id, current German checksum) for every translatable item."""
    items = german_items(content)
    for section in SECTIONS:
        for key, item in items[section.name].items():
            yield section.name, key, source_hash(item, section)


def translation_report(content: Content) -> list[str]:
    """One line per missing or stale translation, then a count; empty if all are done."""
    notes = content.translation_notes
    if not notes:
        return []
    return [f"Übersetzung: {note}" for note in notes] + [
        f"{len(notes)} Übersetzungen fehlen oder sind veraltet (es wird Deutsch gezeigt)."
    ]
