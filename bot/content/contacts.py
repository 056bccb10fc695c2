"""The local contact points (content/contacts.yaml): who people can ask when the bot cannot help.

The file is optional; without it the bot simply offers no contacts. Each contact needs a name
or a role, what they help with, and at least one way to reach them (e-mail, phone or web).
`example: true` at the top marks the shipped placeholder that an installation replaces.
"""

from __future__ import annotations

import re

from bot.content.checks import Checker
from bot.content.files import CONTACTS_FILE
from bot.content.model import Contact
from bot.content.yamlsource import LineDict

MAX_NAME = 80
MAX_HELPS_WITH = 300
MAX_FIELD = 120
MAX_CONTACTS = 10
CONTACT_FIELDS = ("name", "role", "helps_with", "email", "phone", "web", "hours")
REACH_FIELDS = ("email", "phone", "web")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()/.-]{4,30}$")
WEB = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
FORMATS = {
    "email": (EMAIL, "Das ist keine E-Mail-Adresse (Beispiel: info@stadt.de)."),
    "phone": (PHONE, "Das ist keine Telefonnummer (Beispiel: 0211 123456)."),
    "web": (WEB, "Eine Webadresse beginnt mit https:// (Beispiel: https://www.stadt.de)."),
}


def _label(item: LineDict) -> str | None:
    value = item.get("name") or item.get("role")
    return str(value) if value else None


def _read_contact(check: Checker, item: LineDict) -> Contact:
    label = _label(item)
    for key in item:
        if key not in CONTACT_FIELDS:
            check.add(
                CONTACTS_FILE,
                item.key_lines[key],
                f"Unbekanntes Feld (Tippfehler?). Erlaubt sind: {', '.join(CONTACT_FIELDS)}.",
                label,
                str(key),
            )
    values = {
        key: check.text(item, key, CONTACTS_FILE, MAX_FIELD, required=False)
        for key in ("email", "phone", "web", "hours")
    }
    name = check.text(item, "name", CONTACTS_FILE, MAX_NAME, required=False)
    role = check.text(item, "role", CONTACTS_FILE, MAX_NAME, required=False)
    helps_with = check.text(item, "helps_with", CONTACTS_FILE, MAX_HELPS_WITH)
    if not name and not role:
        check.add(CONTACTS_FILE, item.line, "Bitte „name“ oder „role“ angeben.", label, "name")
    for key, (pattern, message) in FORMATS.items():
        if values[key] and not pattern.match(values[key]):
            check.add(CONTACTS_FILE, item.key_lines[key], message, label, key)
    if not any(values[key] for key in REACH_FIELDS):
        check.add(
            CONTACTS_FILE,
            item.line,
            "Mindestens ein Weg zur Kontaktstelle fehlt: „email“, „phone“ oder „web“.",
            label,
        )
    return Contact(name, role, helps_with, **values)


def load_contacts(check: Checker) -> tuple[tuple[Contact, ...], bool]:
    """The contacts and whether the file marks them as a shipped example."""
    if not (check.root / CONTACTS_FILE).is_file():
        return (), False
    data = check.read(CONTACTS_FILE)
    if data is None:
        return (), False
    example = isinstance(data, LineDict) and data.get("example") is True
    items = check.top_list(data, CONTACTS_FILE, "contacts")
    contacts = [_read_contact(check, item) for item in items]
    if isinstance(data, LineDict):
        for key in data:
            if key not in ("example", "contacts"):
                check.add(
                    CONTACTS_FILE,
                    data.key_lines[key],
                    "Unbekanntes Feld; oben stehen nur „example:“ und „contacts:“.",
                    field_name=str(key),
                )
    if len(contacts) > MAX_CONTACTS:
        check.add(
            CONTACTS_FILE,
            data.key_lines.get("contacts", 1),
            f"Es sind {len(contacts)} Kontakte; "
            f"höchstens {MAX_CONTACTS} passen in eine Nachricht.",
        )
    return tuple(contacts), example
