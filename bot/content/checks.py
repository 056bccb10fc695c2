"""Findings about content files and the field checks that produce them.

A `Checker` reads one field at a time from YAML parsed by `bot.content.yamlsource` and records a
`Finding` (file, line, entry, field, plain German message) for anything wrong, so that
loading can report every problem at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.yamlsource import LineDict, LineList, YamlSyntaxError, read_yaml_file

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the content, located as precisely as the YAML allows."""

    file: str
    line: int
    message: str
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}, Zeile {self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"Eintrag „{self.entry}“")
        if self.field:
            parts.append(f"Feld „{self.field}“")
        return f"{': '.join([', '.join(parts), self.message])}"


class ContentError(Exception):
    """Raised when content is invalid; carries every finding."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} Fehler im Inhalt")
        self.findings = findings

    def report(self) -> str:
        """All findings, one per line, followed by a count."""
        lines = [str(f) for f in self.findings]
        lines.append(f"{len(self.findings)} Fehler gefunden – der Inhalt wurde nicht übernommen.")
        return "\n".join(lines)


@dataclass
class Checker:
    """Collects findings while the files are read."""

    root: Path
    findings: list[Finding] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int,
        message: str,
        entry: str | None = None,
        field_name: str | None = None,
    ) -> None:
        self.findings.append(Finding(file, line, message, entry, field_name))

    def unique_id(self, seen: dict[str, int], ident: str, relative: str, line: int) -> None:
        """A finding if the id was seen before in the file (naming the line); note it."""
        if ident in seen:
            self.add(relative, line, f"Die id gibt es schon (Zeile {seen[ident]}).", ident, "id")
        seen[ident] = line

    def read(self, relative: str) -> Any:
        path = self.root / relative
        if not path.is_file():
            self.add(relative, 0, "Die Datei fehlt.")
            return None
        try:
            return read_yaml_file(path)
        except UnicodeDecodeError:
            self.add(relative, 0, "Die Datei ist nicht in UTF-8 gespeichert.")
        except YamlSyntaxError as exc:
            self.add(relative, exc.line, f"YAML-Syntaxfehler: {exc.problem}.")
        except OSError as exc:
            self.add(relative, 0, f"Die Datei kann nicht gelesen werden ({exc.strerror}).")
        return None

    def top_list(self, data: Any, relative: str, key: str) -> list[LineDict]:
        """The list under `key` at the top of a file, keeping only mapping items."""
        if data is None:
            return []
        if not isinstance(data, LineDict) or key not in data:
            self.add(
                relative,
                getattr(data, "line", 1),
                f"Oben in der Datei muss „{key}:“ stehen, darunter die Liste.",
            )
            return []
        items = data[key]
        if not isinstance(items, LineList):
            self.add(relative, data.key_lines[key], f"Unter „{key}:“ muss eine Liste stehen.")
            return []
        result = []
        for item, line in zip(items, items.item_lines, strict=True):
            if isinstance(item, LineDict):
                self.report_duplicate_keys(item, relative)
                result.append(item)
            else:
                self.add(
                    relative, line, "Jeder Listenpunkt muss aus „feld: wert“-Zeilen bestehen."
                )
        return result

    def report_duplicate_keys(self, item: LineDict, relative: str) -> None:
        for key, line in item.duplicate_keys:
            self.add(relative, line, "Das Feld steht doppelt.", ident_of(item), str(key))

    def text(
        self, item: LineDict, key: str, relative: str, limit: int, required: bool = True
    ) -> str:
        """A non-empty string field, length-checked."""
        value = item.get(key)
        line = item.key_lines.get(key, item.line)
        if value is None:
            if required:
                self.add(relative, line, "Das Feld fehlt oder ist leer.", ident_of(item), key)
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(relative, line, "Hier muss ein Text stehen.", ident_of(item), key)
            return ""
        if len(value) > limit:
            self.add(
                relative,
                line,
                f"Der Text ist {len(value)} Zeichen lang, erlaubt sind {limit}.",
                ident_of(item),
                key,
            )
        return value.strip()

    def texts(
        self,
        item: LineDict,
        key: str,
        relative: str,
        limit: int,
        count: tuple[int, int] | None = None,
        required: bool = False,
        *,
        owner: str | None = None,
        name: str | None = None,
    ) -> tuple[str, ...]:
        """A list of non-empty strings, each length-checked, optionally counted.

        Findings name the entry `owner` and the field `name` when given (for lists nested
        in a sub-mapping such as plain.steps), else the item's id and `key`.
        """
        value = item.get(key)
        line = item.key_lines.get(key, item.line)
        entry = owner if owner is not None else ident_of(item)
        field_name = name or key
        if value is None:
            if required:
                self.add(relative, line, "Das Feld fehlt oder ist leer.", entry, field_name)
            return ()
        if not isinstance(value, LineList):
            self.add(
                relative,
                line,
                "Hier muss eine Liste stehen (Zeilen mit „- “).",
                entry,
                field_name,
            )
            return ()
        result = self._list_items(value, relative, limit, entry, field_name)
        if count and not count[0] <= len(value) <= count[1]:
            self._miscounted(len(value), count, (relative, line), entry, field_name)
        return result

    def _miscounted(
        self,
        found: int,
        count: tuple[int, int],
        where: tuple[str, int],
        entry: str | None,
        field_name: str,
    ) -> None:
        """The finding for a list of `found` points where `count` (low, high) are expected."""
        low, high = count
        wanted = f"mindestens {low}" if high >= 1000 else f"{low} bis {high}"
        message = f"Es sind {found} Punkte, erwartet werden {wanted}."
        self.add(*where, message, entry, field_name)

    def _list_items(
        self, value: LineList, relative: str, limit: int, entry: str | None, field_name: str
    ) -> tuple[str, ...]:
        """The list's texts, stripped; a finding for each empty, non-text or too long one."""
        result = []
        for text, text_line in zip(value, value.item_lines, strict=True):
            if not isinstance(text, str) or not text.strip():
                message = "Jeder Listenpunkt muss ein Text sein."
                self.add(relative, text_line, message, entry, field_name)
            elif len(text) > limit:
                message = f"Ein Punkt ist {len(text)} Zeichen lang, erlaubt sind {limit}."
                self.add(relative, text_line, message, entry, field_name)
            else:
                result.append(text.strip())
        return tuple(result)

    def ident(self, item: LineDict, relative: str, limit: int) -> str:
        value = item.get("id")
        if not isinstance(value, str) or not ID_PATTERN.match(value) or len(value) > limit:
            self.add(
                relative,
                item.key_lines.get("id", item.line),
                f"Die id muss aus Kleinbuchstaben, Ziffern und Bindestrichen bestehen "
                f"(höchstens {limit} Zeichen, keine Umlaute).",
                ident_of(item),
                "id",
            )
            return value if isinstance(value, str) else ""
        return value


def ident_of(item: LineDict) -> str | None:
    value = item.get("id")
    return str(value) if value is not None else None
